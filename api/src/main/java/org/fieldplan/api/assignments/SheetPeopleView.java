package org.fieldplan.api.assignments;

import java.time.Instant;
import java.util.Map;

/**
 * The people columns of a sheet's rows, as plain values: they change without the plan changing (a volunteer
 * confirms, a link is revoked or expires), so a rendered sheet is kept only while they stay the same.
 *
 * @param confirmationByShift each row's confirmation status by {@code volunteerId@slotId}
 * @param linkByVolunteer each volunteer's personal link; empty where the sheet has no links
 * @param validUntil when the first of these links expires (the sheet must then show a new one); null without links
 */
public record SheetPeopleView(Map<String, String> confirmationByShift, Map<String, String> linkByVolunteer,
        Instant validUntil) {

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
