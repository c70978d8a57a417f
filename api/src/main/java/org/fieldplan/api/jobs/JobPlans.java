package org.fieldplan.api.jobs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fieldplan.data.DataStores;
import org.fieldplan.data.plan.FieldReport;
import org.fieldplan.data.plan.StoredPlan;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Precinct;
import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.ProblemPreparer;
import org.springframework.stereotype.Component;

/**
 * A job's problem and plan as the plan store has them, made solvable: what an instance needs to solve, resume, repair
 * or just show a job it did not submit.
 */
@Component
class JobPlans {

    private final DataStores stores;
    private final FieldPlanSolver solver;

    JobPlans(DataStores stores, FieldPlanSolver solver) {
        this.stores = stores;
        this.solver = solver;
    }

    /**
     * Raises the job's plan's write fence to a claim just made, before the plan is read: from then on the saves of
     * earlier claims (an owner that lost the job while stalled) are refused, so the plan read is the one resumed.
     */
    void fence(JobRecord claimed) {
        stores.plans().raiseWriteFence(claimed.planId(), claimed.claim());
    }

    /**
     * Loads a job's problem and saved best plan from the plan store. The field reports recorded against the plan
     * count as doors already knocked in their precincts, so that the plan's marginal values reflect them.
     */
    Job.Loaded load(Job job) {
        StoredPlan stored = stores.plans().load(job.getPlanId()).orElseThrow(() -> new IllegalStateException(
                "plan " + job.getPlanId() + " of job " + job.getId() + " is not in the plan store"));
        FieldPlanProblem problem = withReportedDoors(stored.snapshot(), stored);
        // A saved best plan has a score (the problem stored at submission has none), also when the save's owner
        // lost the job before it could count the save in the job's plan version.
        boolean hasBest = job.getPlanVersion() > 0 || stored.score() != null;
        JobSubmission submission = new JobSubmission(
                hasBest ? problem.withAssignments(stored.solverAssignments()) : problem, job.getSource(),
                job.getSolveTime());
        FieldPlan plan = null;
        if (hasBest) {
            plan = prepare(submission);
            solver.score(plan);
        }
        return new Job.Loaded(submission, plan);
    }

    private FieldPlanProblem withReportedDoors(FieldPlanProblem problem, StoredPlan plan) {
        List<FieldReport> reports = stores.plans().fieldReports(plan.id());
        if (reports.isEmpty()) {
            return problem;
        }
        Map<String, String> precinctByShift = new HashMap<>();
        plan.solverAssignments().forEach(a -> precinctByShift.put(a.volunteerId() + '@' + a.slotId(),
                a.precinctId()));
        Map<String, Long> doors = new HashMap<>();
        reports.forEach(r -> doors.merge(precinctByShift.get(r.volunteerId() + '@' + r.slotId()),
                (long) r.doorsKnocked(), Long::sum));
        List<Precinct> precincts = problem.precincts().stream().map(p -> doors.containsKey(p.getId())
                ? p.withMoreDoorsKnocked(doors.get(p.getId())) : p).toList();
        return new FieldPlanProblem(problem.name(), problem.timeZone(), problem.voteModel(), problem.travel(),
                problem.districts(), problem.timeSlots(), precincts, problem.volunteers(), problem.weights(),
                problem.assignments());
    }

    /** The solvable plan: candidate precincts from the data layer for stored regions, great-circle otherwise. */
    FieldPlan prepare(JobSubmission submission) {
        FieldPlanProblem problem = submission.problem();
        return submission.source() == null ? ProblemPreparer.prepare(problem)
                : ProblemPreparer.prepare(problem,
                        stores.candidatePairs().compute(submission.source().regionId(), problem));
    }
}
