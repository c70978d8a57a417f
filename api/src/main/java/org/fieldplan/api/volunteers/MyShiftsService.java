package org.fieldplan.api.volunteers;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.fieldplan.api.assignments.AssignmentService;
import org.fieldplan.api.assignments.DailyAssignments;
import org.fieldplan.api.assignments.VolunteerAssignment;
import org.fieldplan.api.config.PlanClock;
import org.fieldplan.api.errors.ApiException;
import org.fieldplan.api.jobs.Job;
import org.fieldplan.api.recommend.RecommendationService;
import org.fieldplan.api.replan.ReplanRequests;
import org.fieldplan.api.replan.ReplanResult;
import org.fieldplan.api.replan.ReplanService;
import org.fieldplan.api.security.Caller;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Shift;
import org.springframework.stereotype.Service;

/**
 * A volunteer's own page, through their link: their shifts, and their answers, each going through the service that
 * already handles it for organizers — "I can't make it" is a cancellation repair, a report is a field report (with
 * its bounds), more time is late availability — and recorded as the shift's status for the organizer's sheet and
 * for learning their attendance.
 */
@Service
public class MyShiftsService {

    /** What offering more time gave: where it helps most, and the repaired plan with the new shifts. */
    public record MoreTime(List<org.fieldplan.recommend.Recommendation> recommendations, ReplanResult repair) {
    }

    private static final int RECOMMENDATIONS = 3;

    private final AssignmentService assignments;
    private final ReplanService replan;
    private final RecommendationService recommendations;
    private final ShiftStatusStore statuses;
    private final PlanClock planClock;
    private final Clock clock;
    private final ShiftNotes shiftNotes;

    public MyShiftsService(AssignmentService assignments, ReplanService replan,
            RecommendationService recommendations, ShiftStatusStore statuses, PlanClock planClock, Clock clock,
            ShiftNotes shiftNotes) {
        this.shiftNotes = shiftNotes;
        this.assignments = assignments;
        this.replan = replan;
        this.recommendations = recommendations;
        this.statuses = statuses;
        this.planClock = planClock;
        this.clock = clock;
    }

    public MyShifts view(Job job, Caller volunteer) {
        FieldPlan plan = job.requireBestPlan();
        DailyAssignments own = assignments.forVolunteer(job, volunteer.volunteerId(), volunteer);
        Map<String, ShiftStatusStore.Entry> byShift = statuses.forJob(job.getId());
        Map<String, String> notes = shiftNotes.forJob(job.getId());
        LocalDateTime now = planClock.now(plan);
        var me = own.volunteers().get(volunteer.volunteerId());
        List<MyShifts.MyShift> shifts = own.assignments().stream().map(a -> {
            ShiftStatusStore.Entry status = byShift.get(a.volunteerId() + "@" + a.slotId());
            return new MyShifts.MyShift(a.slotId(), a.start(), a.end(), !a.start().isAfter(now),
                    status == null ? "PENDING" : status.status().name(), a.precinct(),
                    a.buddies().stream().map(VolunteerAssignment.Buddy::name).filter(Objects::nonNull).toList(),
                    a.travelMinutes(), Stream.concat(Stream.of(a.volunteerId()),
                            a.buddies().stream().map(VolunteerAssignment.Buddy::volunteerId))
                            .map(id -> notes.get(id + "@" + a.slotId())).filter(Objects::nonNull).distinct()
                            .toList(), a.carpool());
        }).toList();
        return new MyShifts(job.getId(), me.getId(), me.getName(), plan.getTimeZone(), now,
                me.getTravelMode().name(), shifts);
    }

    /** "I'm coming." Only for a shift of theirs that has not started. */
    public MyShifts confirm(Job job, String slotId, Caller volunteer) {
        requireNotStarted(job, slotId, volunteer);
        record(job, volunteer, slotId, ShiftStatus.CONFIRMED);
        return view(job, volunteer);
    }

    /** "I can't make it": the cancellation repair, as if their organizer had called it in. */
    public ReplanResult decline(Job job, String slotId, Caller volunteer) {
        requireNotStarted(job, slotId, volunteer);
        ReplanResult result = replan.cancel(job, new ReplanRequests.Cancellation(volunteer.volunteerId(), slotId),
                volunteer);
        record(job, volunteer, slotId, ShiftStatus.DECLINED);
        return result;
    }

    /**
     * Doors knocked and conversations: the field report, with its bounds and its rule that the shift has started
     * ({@link ReplanService#fieldReport}, the same for organizers).
     */
    public ReplanResult report(Job job, String slotId, Integer doorsKnocked, Integer contacts, Caller volunteer) {
        ownShift(job, slotId, volunteer);
        ReplanResult result = replan.fieldReport(job, new ReplanRequests.FieldReport(volunteer.volunteerId(),
                slotId, doorsKnocked, contacts), volunteer);
        record(job, volunteer, slotId, ShiftStatus.WORKED);
        return result;
    }

    /** "I have more time": where one more shift of theirs helps most in that window, then the late-availability repair. */
    public MoreTime moreTime(Job job, ReplanRequests.Window window, Caller volunteer) {
        if (window == null || window.start() == null || window.end() == null) {
            throw ApiException.invalid("start", "both start and end are required (local date-times)");
        }
        var recommended = recommendations.recommend(job, new RecommendationService.Request(volunteer.volunteerId(),
                null, window.start(), window.end(), null, null, null, null, null, null, RECOMMENDATIONS), volunteer);
        ReplanResult repair = replan.addAvailability(job, volunteer.volunteerId(),
                new ReplanRequests.LateAvailability(List.of(window)), volunteer);
        return new MoreTime(recommended.recommendations(), repair);
    }

    /** The caller's assigned shift in the slot; 404 if they have none. */
    private Shift ownShift(Job job, String slotId, Caller volunteer) {
        return job.requireBestPlan().getShifts().stream()
                .filter(s -> s.getVolunteer().getId().equals(volunteer.volunteerId())
                        && s.getSlot().getId().equals(slotId) && s.getPrecinct() != null).findFirst()
                .orElseThrow(() -> ApiException.notFound("shift of yours in slot", slotId));
    }

    private void requireNotStarted(Job job, String slotId, Caller volunteer) {
        Shift shift = ownShift(job, slotId, volunteer);
        if (PlanClock.hasStarted(shift.getSlot(), planClock.now(job.requireBestPlan()))) {
            throw ApiException.conflict("the shift " + slotId + " has already started");
        }
    }

    private void record(Job job, Caller volunteer, String slotId, ShiftStatus status) {
        statuses.put(new ShiftStatusStore.Entry(job.getId(), volunteer.volunteerId(), slotId, status,
                clock.instant()));
    }
}
