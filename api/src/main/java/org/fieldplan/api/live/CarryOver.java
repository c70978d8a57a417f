package org.fieldplan.api.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fieldplan.api.jobs.Job;
import org.fieldplan.api.jobs.JobSubmission;
import org.fieldplan.api.jobs.LivePlanJobs;
import org.fieldplan.api.volunteers.ShiftStatusStore;
import org.fieldplan.data.DataStores;
import org.fieldplan.data.live.ShiftFact;
import org.fieldplan.data.plan.FieldReport;
import org.fieldplan.data.plan.StoredPlan;
import org.fieldplan.domain.Assignment;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.solver.ProblemPreparer;
import org.springframework.stereotype.Component;

/**
 * Makes the job a publish puts live: the published plan's problem and assignments, with everything the field has
 * said to the previous live plan carried over. Volunteers are as the live plan knew them (a cancellation cut their
 * availability, a late sign-up or more time added to it); a reported or locked shift keeps the precinct it had;
 * field reports and volunteers' answers are copied to the new job. Facts about a precinct or slot the new plan does
 * not have are dropped, and counted.
 */
@Component
class CarryOver {

    /** The new live job and what was carried over, in words. */
    record Published(Job job, List<String> carried) {
    }

    private final DataStores stores;
    private final LivePlanJobs livePlanJobs;
    private final ShiftStatusStore statuses;

    CarryOver(DataStores stores, LivePlanJobs livePlanJobs, ShiftStatusStore statuses) {
        this.stores = stores;
        this.livePlanJobs = livePlanJobs;
        this.statuses = statuses;
    }

    /**
     * @param previous the region's live job so far, or null for the first publish
     * @param locks the region's locked shifts
     */
    Published publish(Job source, Job previous, List<ShiftFact> locks, String name) {
        List<Assignment> assignments = ProblemPreparer.assignmentsOf(source.requireBestPlan());
        FieldPlanProblem problem = snapshot(source);
        List<String> carried = new ArrayList<>();
        List<FieldReport> reports = List.of();
        Map<String, Assignment> forced = new LinkedHashMap<>();
        if (previous != null) {
            problem = withVolunteersOf(problem, snapshot(previous));
            Map<String, Assignment> before = byShift(ProblemPreparer.assignmentsOf(previous.requireBestPlan()));
            reports = stores.plans().fieldReports(previous.getPlanId());
            reports.forEach(r -> force(forced, before.get(r.volunteerId() + "@" + r.slotId())));
            locks.forEach(lock -> force(forced, before.get(lock.shiftKey())));
        }
        Set<String> precincts = new HashSet<>();
        problem.precincts().stream().map(Precinct::getId).forEach(precincts::add);
        Map<String, TimeSlot> slots = new HashMap<>();
        problem.timeSlots().forEach(slot -> slots.put(slot.getId(), slot));
        Map<String, Volunteer> volunteers = new HashMap<>();
        problem.volunteers().forEach(v -> volunteers.put(v.getId(), v));

        Map<String, Assignment> kept = byShift(assignments);
        int dropped = 0;
        for (Assignment fact : forced.values()) {
            if (precincts.contains(fact.precinctId()) && slots.containsKey(fact.slotId())
                    && volunteers.containsKey(fact.volunteerId())) {
                kept.put(fact.volunteerId() + "@" + fact.slotId(), fact);
            } else {
                dropped++;
            }
        }
        // A shift the volunteer has since cancelled (or never offered) is not sent out, unless the field says it was.
        int cancelled = 0;
        List<Assignment> result = new ArrayList<>();
        for (Map.Entry<String, Assignment> entry : kept.entrySet()) {
            Assignment a = entry.getValue();
            Volunteer volunteer = volunteers.get(a.volunteerId());
            if (forced.containsKey(entry.getKey()) || volunteer != null && slots.containsKey(a.slotId())
                    && volunteer.isAvailableFor(slots.get(a.slotId()))) {
                result.add(a);
            } else {
                cancelled++;
            }
        }
        int sentHome = problem.weights().isBuddyRuleEnabled() ? sendHomeLoneCanvassers(result, forced) : 0;
        carried.add(reports.size() + " field reports, " + locks.size() + " locks; " + cancelled
                + " shifts not sent out because the volunteer is no longer available"
                + (sentHome > 0 ? "; " + sentHome + " teammates left alone by them sent home" : ""));
        if (dropped > 0) {
            carried.add(dropped + " reported or locked shifts dropped: their precinct, slot or volunteer is not in"
                    + " the published plan");
        }
        List<FieldReport> copied = reports;
        JobSubmission submission = new JobSubmission(problem.withAssignments(result), source.getSource(),
                Duration.ofSeconds(1));
        Job job = livePlanJobs.adopt(submission, name, planId -> copied.forEach(r -> {
            if (forced.containsKey(r.volunteerId() + "@" + r.slotId())
                    && result.stream().anyMatch(a -> a.volunteerId().equals(r.volunteerId())
                            && a.slotId().equals(r.slotId()))) {
                stores.plans().addFieldReport(new FieldReport(planId, r.volunteerId(), r.slotId(),
                        r.doorsKnocked(), r.contacts(), r.reportedAt()));
            }
        }));
        if (previous != null) {
            statuses.forJob(previous.getId()).values().forEach(status -> statuses.put(new ShiftStatusStore.Entry(
                    job.getId(), status.volunteerId(), status.slotId(), status.status(), status.at())));
        }
        return new Published(job, carried);
    }

    /**
     * A shift left without a team by those not sent out would break the buddy rule: like the repair's first phase, it
     * is sent home unless the field fixed it (reported or locked), where it stays as a fact.
     *
     * @return how many were sent home
     */
    private static int sendHomeLoneCanvassers(List<Assignment> result, Map<String, Assignment> forced) {
        Map<String, List<Assignment>> teams = new HashMap<>();
        result.stream().filter(a -> a.precinctId() != null)
                .forEach(a -> teams.computeIfAbsent(a.precinctId() + "@" + a.slotId(), k -> new ArrayList<>()).add(a));
        List<Assignment> alone = teams.values().stream().filter(team -> team.size() == 1).map(team -> team.get(0))
                .filter(a -> !a.pinned() && !forced.containsKey(a.volunteerId() + "@" + a.slotId())).toList();
        result.removeAll(alone);
        return alone.size();
    }

    /** The problem with each volunteer as {@code known} has them (replaced, or added when new), in one pass. */
    private static FieldPlanProblem withVolunteersOf(FieldPlanProblem problem, FieldPlanProblem known) {
        Map<String, Volunteer> field = new LinkedHashMap<>();
        known.volunteers().forEach(v -> field.put(v.getId(), v));
        List<Volunteer> volunteers = new ArrayList<>(problem.volunteers().size() + 16);
        for (Volunteer volunteer : problem.volunteers()) {
            Volunteer said = field.remove(volunteer.getId());
            volunteers.add(said != null ? said : volunteer);
        }
        volunteers.addAll(field.values());
        return new FieldPlanProblem(problem.name(), problem.timeZone(), problem.voteModel(), problem.travel(),
                problem.districts(), problem.timeSlots(), problem.precincts(), volunteers, problem.weights(),
                problem.assignments());
    }

    private FieldPlanProblem snapshot(Job job) {
        StoredPlan stored = stores.plans().load(job.getPlanId()).orElseThrow(() -> new IllegalStateException(
                "plan " + job.getPlanId() + " of job " + job.getId() + " is not in the plan store"));
        return stored.snapshot() != null ? stored.snapshot() : job.getSubmission().problem();
    }

    private static void force(Map<String, Assignment> forced, Assignment assignment) {
        if (assignment != null) {
            forced.put(assignment.volunteerId() + "@" + assignment.slotId(), new Assignment(assignment.volunteerId(),
                    assignment.slotId(), assignment.precinctId(), true, assignment.rideWith()));
        }
    }

    static Map<String, Assignment> byShift(List<Assignment> assignments) {
        Map<String, Assignment> map = new LinkedHashMap<>();
        assignments.forEach(a -> map.put(a.volunteerId() + "@" + a.slotId(), a));
        return map;
    }
}
