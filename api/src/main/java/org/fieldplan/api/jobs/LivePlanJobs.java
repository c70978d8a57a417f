package org.fieldplan.api.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.LongConsumer;

import org.fieldplan.data.DataStores;
import org.fieldplan.data.plan.NewPlan;
import org.fieldplan.data.plan.PlanStatus;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.plan.PlanSummary;
import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.ProblemPreparer;
import org.springframework.stereotype.Component;

/**
 * What a region's live plan needs of jobs besides solving and repairing them: a job made from a plan at hand (the
 * copy a publish makes, never solved again unless repaired), and a plan put into an ended job as a whole (an
 * organizer's move, a restore), under the same claim as a repair so that no solve or repair runs meanwhile.
 */
@Component
public class LivePlanJobs {

    private final JobService jobs;
    private final JobPlans plans;
    private final DataStores stores;
    private final JobRepository repository;
    private final FieldPlanSolver solver;
    private final Clock clock;

    LivePlanJobs(JobService jobs, JobPlans plans, DataStores stores, JobRepository repository, FieldPlanSolver solver,
            Clock clock) {
        this.jobs = jobs;
        this.plans = plans;
        this.stores = stores;
        this.repository = repository;
        this.solver = solver;
        this.clock = clock;
    }

    /**
     * Stores the submission's problem with its assignments as the plan of a new ended job (status SOLVED) and
     * returns the job as loaded from the stores, so that every instance reads it the same way.
     *
     * @param afterSave runs with the new plan's id before the job is visible (e.g. to copy field reports onto it)
     */
    public Job adopt(JobSubmission submission, String problemName, LongConsumer afterSave) {
        FieldPlan plan = plans.prepare(submission);
        solver.score(plan);
        PlanSummary summary = PlanSummary.of(plan);
        long planId = stores.plans().save(new NewPlan(submission.source(), submission.problem(),
                ProblemPreparer.assignmentsOf(plan), summary.score(), PlanStatus.SOLVED));
        afterSave.accept(planId);
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        repository.insertEnded(new JobRecord(id, JobStatus.SOLVED, now, now, now,
                0, problemName, submission.source(), planId, 1, summary, null, null, jobs.instanceId(), 0, false));
        return jobs.get(id);
    }

    /**
     * Makes {@code plan} (built from the job's best plan, e.g. with {@link FieldPlan#withShifts}) the job's plan,
     * saved before this returns.
     *
     * @return the job as it stands after the change
     * @throws org.fieldplan.api.errors.ApiException 409 while the job is being solved or repaired
     */
    public Job replace(Job job, FieldPlan plan) {
        Job claimed = jobs.claimForRepair(job);
        solver.score(plan);
        jobs.finish(claimed, plan);
        return jobs.get(claimed.getId());
    }
}
