package org.fieldplan.api.volunteers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fieldplan.api.assignments.DailyAssignments;
import org.fieldplan.api.assignments.PeopleColumns;
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
    private final PeopleVersion versions;

    public SheetPeople(ShiftStatusStore statuses, VolunteerLinkService links, PlanClock planClock,
            PeopleVersion versions) {
        this.statuses = statuses;
        this.links = links;
        this.planClock = planClock;
        this.versions = versions;
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
        return view(sheet, job, caller, baseUrl, true).applyTo(sheet);
    }

    /** A sheet's people columns for {@code caller}, with the job's count of people changes. */
    public PeopleColumns columns(Job job, Caller caller, String baseUrl) {
        return new PeopleColumns() {
            @Override
            public long version() {
                return versions.current(job.getId());
            }

            @Override
            public SheetPeopleView view(DailyAssignments rows, boolean withLinks) {
                return SheetPeople.this.view(rows, job, caller, baseUrl, withLinks);
            }

            @Override
            public String linkBase() {
                return baseUrl;
            }
        };
    }

    /**
     * The sheet's people columns: each row's status ({@code PENDING} until the volunteer answers) and, when asked
     * and for callers other than volunteers, each volunteer's newest working link, issuing one where there is none.
     * Two store reads, whatever the sheet's size.
     */
    private SheetPeopleView view(DailyAssignments sheet, Job job, Caller caller, String baseUrl, boolean withLinks) {
        Map<String, ShiftStatusStore.Entry> byShift = statuses.forJob(job.getId());
        Map<String, String> confirmations = new HashMap<>();
        for (VolunteerAssignment a : sheet.assignments()) {
            String shiftKey = a.volunteerId() + "@" + a.slotId();
            ShiftStatusStore.Entry status = byShift.get(shiftKey);
            confirmations.put(shiftKey, status == null ? "PENDING" : status.status().name());
        }
        if (!withLinks || caller.role() == Role.VOLUNTEER) {
            return new SheetPeopleView(confirmations, Map.of(), null);
        }
        Map<String, String> linkByVolunteer = new HashMap<>();
        Instant firstExpiry = null;
        for (var link : links.current(job, sheet.volunteers().values(), caller, baseUrl).values()) {
            linkByVolunteer.put(link.volunteerId(), link.url());
            firstExpiry = firstExpiry == null || link.expiresAt().isBefore(firstExpiry) ? link.expiresAt()
                    : firstExpiry;
        }
        return new SheetPeopleView(confirmations, linkByVolunteer, firstExpiry);
    }
}
