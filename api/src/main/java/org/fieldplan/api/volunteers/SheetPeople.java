package org.fieldplan.api.volunteers;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fieldplan.api.assignments.DailyAssignments;
import org.fieldplan.api.assignments.SheetPeopleView;
import org.fieldplan.api.assignments.VolunteerAssignment;
import org.fieldplan.api.config.PlanClock;
import org.fieldplan.api.jobs.Job;
import org.fieldplan.api.security.Caller;
import org.fieldplan.api.security.Role;
import org.springframework.stereotype.Service;

/**
 * Puts the people side on an organizer's sheet: each shift's confirmation status ({@code PENDING} until the
 * volunteer answers) and, for organizers, strategists and admins, each volunteer's personal link (their newest
 * working one, or a new one); and the list of a day's shifts not confirmed by 18:00 the day before.
 */
@Service
public class SheetPeople {

    /** Volunteers have until this time of the day before a shift to confirm it. */
    static final LocalTime CONFIRM_BY = LocalTime.of(18, 0);

    /**
     * A day's shifts not confirmed (nor worked) yet, for phoning round.
     *
     * @param deadline 18:00 the day before, in the plan's local time
     * @param pastDeadline whether "now" (the plan clock) is at or after the deadline
     */
    public record FollowUp(String jobId, LocalDate date, LocalDateTime deadline, boolean pastDeadline,
            List<VolunteerAssignment> unconfirmed) {
    }

    private final ShiftStatusStore statuses;
    private final VolunteerLinkService links;
    private final PlanClock planClock;

    public SheetPeople(ShiftStatusStore statuses, VolunteerLinkService links, PlanClock planClock) {
        this.statuses = statuses;
        this.links = links;
        this.planClock = planClock;
    }

    /** @param dailySheet one day's sheet ({@link DailyAssignments#date()} set) */
    public FollowUp followUp(DailyAssignments dailySheet, Job job, Caller caller, String baseUrl) {
        LocalDateTime deadline = dailySheet.date().minusDays(1).atTime(CONFIRM_BY);
        List<VolunteerAssignment> pending = annotate(dailySheet, job, caller, baseUrl).assignments().stream()
                .filter(a -> a.confirmation().equals("PENDING")).toList();
        return new FollowUp(job.getId(), dailySheet.date(), deadline,
                !planClock.now(job.requireBestPlan()).isBefore(deadline), pending);
    }

    /** @param baseUrl the service's address as the caller reached it, for the links */
    public DailyAssignments annotate(DailyAssignments sheet, Job job, Caller caller, String baseUrl) {
        return view(sheet, job, caller, baseUrl).applyTo(sheet);
    }

    /**
     * The sheet's people columns: each row's status ({@code PENDING} until the volunteer answers) and, for callers
     * other than volunteers, each volunteer's newest working link, issuing one where there is none. Two store reads,
     * whatever the sheet's size.
     */
    public SheetPeopleView view(DailyAssignments sheet, Job job, Caller caller, String baseUrl) {
        Map<String, ShiftStatusStore.Entry> byShift = statuses.forJob(job.getId());
        Map<String, String> confirmations = new HashMap<>();
        for (VolunteerAssignment a : sheet.assignments()) {
            String shiftKey = a.volunteerId() + "@" + a.slotId();
            ShiftStatusStore.Entry status = byShift.get(shiftKey);
            confirmations.put(shiftKey, status == null ? "PENDING" : status.status().name());
        }
        Map<String, String> linkByVolunteer = caller.role() == Role.VOLUNTEER ? Map.of()
                : links.current(job, sheet.volunteers().values(), caller, baseUrl);
        return new SheetPeopleView(confirmations, linkByVolunteer);
    }
}
