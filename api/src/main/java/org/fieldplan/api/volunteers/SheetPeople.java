package org.fieldplan.api.volunteers;

import java.util.HashMap;
import java.util.Map;

import org.fieldplan.api.assignments.DailyAssignments;
import org.fieldplan.api.jobs.Job;
import org.fieldplan.api.security.Caller;
import org.fieldplan.api.security.Role;
import org.springframework.stereotype.Service;

/**
 * Puts the people side on an organizer's sheet: each shift's confirmation status ({@code PENDING} until the
 * volunteer answers) and, for organizers, strategists and admins, each volunteer's personal link (their newest
 * working one, or a new one).
 */
@Service
public class SheetPeople {

    private final ShiftStatusStore statuses;
    private final VolunteerLinkService links;

    public SheetPeople(ShiftStatusStore statuses, VolunteerLinkService links) {
        this.statuses = statuses;
        this.links = links;
    }

    /** @param baseUrl the service's address as the caller reached it, for the links */
    public DailyAssignments annotate(DailyAssignments sheet, Job job, Caller caller, String baseUrl) {
        Map<String, ShiftStatusStore.Entry> byShift = statuses.forJob(job.getId());
        Map<String, String> linkByVolunteer = new HashMap<>();
        boolean withLinks = caller.role() != Role.VOLUNTEER;
        return new DailyAssignments(sheet.jobId(), sheet.date(), sheet.organizerId(), sheet.timeZone(),
                sheet.assignments().stream().map(a -> {
                    ShiftStatusStore.Entry status = byShift.get(a.volunteerId() + "@" + a.slotId());
                    String link = withLinks ? linkByVolunteer.computeIfAbsent(a.volunteerId(),
                            id -> links.current(job, sheet.volunteers().get(id), caller, baseUrl).url()) : null;
                    return a.withPeople(status == null ? "PENDING" : status.status().name(), link);
                }).toList(), sheet.volunteers());
    }
}
