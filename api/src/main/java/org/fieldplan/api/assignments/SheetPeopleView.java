package org.fieldplan.api.assignments;

import java.util.Map;

/**
 * The people columns of a sheet's rows, as plain values: a rendered sheet is cached by them, since they change
 * without the plan changing (a volunteer confirms, a link is revoked).
 *
 * @param confirmationByShift each row's confirmation status by {@code volunteerId@slotId}
 * @param linkByVolunteer each volunteer's personal link; empty where the caller gets no links
 */
public record SheetPeopleView(Map<String, String> confirmationByShift, Map<String, String> linkByVolunteer) {

    public SheetPeopleView {
        confirmationByShift = Map.copyOf(confirmationByShift);
        linkByVolunteer = Map.copyOf(linkByVolunteer);
    }

    /** The sheet with its rows' confirmation status and links filled in. */
    public DailyAssignments applyTo(DailyAssignments sheet) {
        return new DailyAssignments(sheet.jobId(), sheet.date(), sheet.organizerId(), sheet.timeZone(),
                sheet.assignments().stream().map(a -> a.withPeople(
                        confirmationByShift.get(a.volunteerId() + "@" + a.slotId()),
                        linkByVolunteer.get(a.volunteerId()))).toList(),
                sheet.volunteers());
    }
}
