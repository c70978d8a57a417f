package org.fieldplan.api.attendance;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fieldplan.api.config.PlanClock;
import org.fieldplan.api.errors.ApiException;
import org.fieldplan.api.jobs.Job;
import org.fieldplan.api.jobs.JobSubmission;
import org.fieldplan.api.security.Caller;
import org.fieldplan.api.volunteers.ShiftStatus;
import org.fieldplan.api.volunteers.ShiftStatusStore;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.vote.LearnedAttendance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Attendance learned from what happened ({@link LearnedAttendance}): shifts worked (reported on the volunteer page),
 * no-shows (recorded by organizers) and cancellations ("I can't make it") move each volunteer's attendance
 * probability away from the organizer's estimate; every new job uses the learned values, and strategists see the
 * expected shifts lost to no-shows under the estimate and under the learned values.
 */
@Service
public class AttendanceService {

    /** One volunteer's history and what it makes of the organizer's estimate. */
    public record VolunteerAttendance(String volunteerId, double given, double learned, int worked, int noShows,
            int cancelled) {
    }

    /**
     * A plan's expected shifts lost to no-shows, Σ (1 − p) over its assigned shifts, with the probabilities the plan
     * was made with ({@code before}) and with those learned since the job was submitted ({@code after}).
     */
    public record Report(String jobId, int assignedShifts, double expectedShiftsLostBefore,
            double expectedShiftsLostAfter, List<VolunteerAttendance> volunteers) {
    }

    private final ShiftStatusStore statuses;
    private final PlanClock planClock;
    private final Clock clock;
    private final double priorShifts;

    public AttendanceService(ShiftStatusStore statuses, PlanClock planClock, Clock clock,
            @Value("${fieldplan.attendance.prior-shifts:4}") double priorShifts) {
        this.statuses = statuses;
        this.planClock = planClock;
        this.clock = clock;
        this.priorShifts = priorShifts;
    }

    /** The submission with each volunteer's learned attendance in place of the stated one (unchanged without history). */
    public JobSubmission withLearnedAttendance(JobSubmission submission) {
        Map<String, Map<ShiftStatus, Integer>> history = statuses.countsByVolunteer(Instant.EPOCH);
        if (history.isEmpty()) {
            return submission;
        }
        FieldPlanProblem p = submission.problem();
        List<Volunteer> learned = p.volunteers().stream().map(v -> history.containsKey(v.getId())
                ? v.withAttendanceProbability(learned(v, history).learned()) : v).toList();
        return new JobSubmission(new FieldPlanProblem(p.name(), p.timeZone(), p.voteModel(), p.travel(),
                p.districts(), p.timeSlots(), p.precincts(), learned, p.weights(), p.assignments()),
                submission.source(), submission.solveTime());
    }

    /** The organizer says the volunteer did not come to a shift that has started. */
    public void recordNoShow(Job job, String volunteerId, String slotId, Caller caller) {
        FieldPlan plan = job.requireBestPlan();
        if (volunteerId == null || slotId == null) {
            throw ApiException.invalid(volunteerId == null ? "volunteerId" : "slotId", "is required");
        }
        Shift shift = plan.getShifts().stream().filter(s -> s.getVolunteer().getId().equals(volunteerId)
                && s.getSlot().getId().equals(slotId) && s.getPrecinct() != null).findFirst()
                .orElseThrow(() -> ApiException.invalid("slotId", "volunteer \"" + volunteerId
                        + "\" has no assignment in slot \"" + slotId + "\""));
        if (!caller.maySee(shift.getVolunteer())) {
            throw ApiException.forbidden("volunteer " + volunteerId + " belongs to another organizer");
        }
        if (!PlanClock.hasStarted(shift.getSlot(), planClock.now(plan))) {
            throw ApiException.conflict("the shift " + slotId + " has not started: cancel it instead");
        }
        statuses.put(new ShiftStatusStore.Entry(job.getId(), volunteerId, slotId, ShiftStatus.NO_SHOW,
                clock.instant()));
    }

    /**
     * The plan was made with what was learned before the job was submitted, so only what happened since updates it
     * here (counting older history twice would overstate it).
     */
    public Report report(Job job) {
        FieldPlan plan = job.requireBestPlan();
        Map<String, Map<ShiftStatus, Integer>> history = statuses.countsByVolunteer(job.getCreatedAt());
        double before = 0;
        double after = 0;
        int assigned = 0;
        for (Shift shift : plan.getShifts()) {
            if (shift.getPrecinct() != null) {
                Volunteer v = shift.getVolunteer();
                assigned++;
                before += 1 - v.getAttendanceProbability();
                after += 1 - (history.containsKey(v.getId()) ? learned(v, history).learned()
                        : v.getAttendanceProbability());
            }
        }
        List<VolunteerAttendance> withHistory = new ArrayList<>();
        plan.getVolunteers().stream().filter(v -> history.containsKey(v.getId()))
                .forEach(v -> withHistory.add(learned(v, history)));
        return new Report(job.getId(), assigned, before, after, withHistory);
    }

    private VolunteerAttendance learned(Volunteer v, Map<String, Map<ShiftStatus, Integer>> history) {
        Map<ShiftStatus, Integer> counts = history.getOrDefault(v.getId(), Map.of());
        int worked = counts.getOrDefault(ShiftStatus.WORKED, 0);
        int noShows = counts.getOrDefault(ShiftStatus.NO_SHOW, 0);
        int cancelled = counts.getOrDefault(ShiftStatus.DECLINED, 0);
        return new VolunteerAttendance(v.getId(), v.getAttendanceProbability(), LearnedAttendance.posteriorMean(
                v.getAttendanceProbability(), priorShifts, worked, noShows, cancelled), worked, noShows, cancelled);
    }
}
