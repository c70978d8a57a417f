package org.fieldplan.api.jobs;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import org.fieldplan.data.DataStores;
import org.fieldplan.data.plan.PlanStatus;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.plan.PlanSummary;
import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.ProblemPreparer;
import org.fieldplan.solver.SolverPool;
import org.fieldplan.solver.partition.PartRunner;
import org.fieldplan.solver.partition.PartitionedImprovement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Timer;

/**
 * What a solve or repair does to its job on each of the solver's events — its start, a new best plan, its end, a
 * failure — and the saves they make: the best plan into the plan store (at most every two seconds while it improves,
 * at once at the end, retried), then the job's life into the repository. Only the owner writes; an instance that
 * finds it no longer owns the job stops solving it ({@link JobLeases}).
 */
final class SolveEvents {

    private static final Logger LOG = LoggerFactory.getLogger(SolveEvents.class);
    static final Duration SAVE_INTERVAL = Duration.ofSeconds(2);
    private static final int FINAL_SAVE_ATTEMPTS = 3;
    private static final Duration FINAL_SAVE_BACKOFF = Duration.ofMillis(200);

    private final SolverPool<FieldPlan> solverPool;
    private final FieldPlanSolver solver;
    private final JobPlans plans;
    private final DataStores stores;
    private final Clock clock;
    private final JobLeases leases;
    private final Map<String, Job> jobs;
    private final Timer solveTimer;
    private final Function<Job, PartRunner> partRunners;

    SolveEvents(SolverPool<FieldPlan> solverPool, FieldPlanSolver solver, JobPlans plans, DataStores stores,
            Clock clock, JobLeases leases, Map<String, Job> jobs, Timer solveTimer) {
        this(solverPool, solver, plans, stores, clock, leases, jobs, solveTimer, job -> null);
    }

    /** @param partRunners where a job's parts are solved, for the claim it has now (null: threads here) */
    SolveEvents(SolverPool<FieldPlan> solverPool, FieldPlanSolver solver, JobPlans plans, DataStores stores,
            Clock clock, JobLeases leases, Map<String, Job> jobs, Timer solveTimer,
            Function<Job, PartRunner> partRunners) {
        this.partRunners = partRunners;
        this.solverPool = solverPool;
        this.solver = solver;
        this.plans = plans;
        this.stores = stores;
        this.clock = clock;
        this.leases = leases;
        this.jobs = jobs;
        this.solveTimer = solveTimer;
    }

    /** Solves a job this instance has just claimed on the main lane, resuming from its saved plan if it has one. */
    void solveClaimed(JobRecord record) {
        Job claimed = claimed(record);
        solverPool.solveAndListen(claimed.getId(), claimed.getSolveTime(), id -> start(claimed),
                best -> improved(claimed, best),
                finalBest -> finish(claimed, finalBest), (id, failure) -> fail(claimed, failure));
    }

    /**
     * The job as this claim solves it. A solve of an earlier claim still running here ends first; the plan's write
     * fence rises to this claim before the plan is read, so no earlier claim's save can land after the read; and the
     * job is read afresh from the plan store unless nothing was saved yet (a first claim of a job submitted here
     * keeps its problem at hand): a copy kept here may hold the problem without its saved plan.
     */
    Job claimed(JobRecord record) {
        leases.endEarlierClaim(record.id());
        plans.fence(record);
        Job job = jobs.get(record.id());
        if (job == null || record.claim() > 1 || record.planVersion() > 0 || job.getPlanVersion() > 0) {
            job = new Job(record, plans::load);
            jobs.put(job.getId(), job);
        }
        job.claimedHere(record);
        if (record.takeovers() > 0) {
            LOG.info("Instance {} resumes job {} from its saved plan (takeover {}, claim {})", leases.instanceId(),
                    record.id(), record.takeovers(), record.claim());
        }
        return job;
    }

    /**
     * Runs on the solver thread when the job's turn comes: preparing a large problem takes a while. A resumed job
     * starts from its saved plan; the greedy baseline is computed once per job. A job that starts from nothing takes
     * it from its solve's first best plan, which is the greedy plan ({@link Job#improved}), rather than computing
     * the greedy plan twice (5–8 s at a large state's weekend).
     */
    FieldPlan start(Job job) {
        JobSubmission submission = job.getSubmission();
        FieldPlan prepared = plans.prepare(submission);
        boolean fromNothing = prepared.getShifts().stream().allMatch(shift -> shift.getPrecinct() == null);
        PlanSummary greedy = job.getGreedyBaseline() != null ? job.getGreedyBaseline()
                : fromNothing ? null : PlanSummary.of(solver.greedyBaseline(prepared));
        job.started(clock.instant(), greedy);
        // This is the solver thread: a large region's parts report here as they advance.
        PartitionedImprovement.listenOnThisThread(job::partsProgressed);
        // ... and its parts are solved where this instance's store lets them (solver threads are reused: always set).
        PartitionedImprovement.runPartsOnThisThread(partRunners.apply(job));
        save(job, true);
        Duration solveTime = job.isTerminationRequested() ? Duration.ZERO : submission.solveTime();
        // Only this claim's solve: after the job was lost and claimed here again, the pool's solve under the same id
        // is the new claim's, and this timer must not cut it short.
        long claim = job.getClaim();
        leases.later(() -> {
            if (jobs.get(job.getId()) == job && job.getClaim() == claim && job.isSolvingHere()) {
                solverPool.terminateEarly(job.getId());
            }
        }, solveTime);
        return prepared;
    }

    void improved(Job job, FieldPlan best) {
        job.improved(best);
        save(job, false);
    }

    /** Writes the job's best plan and state now, e.g. a best plan the throttle held back that a change refers to. */
    void saveNow(Job job) {
        save(job, true);
    }

    void finish(Job job, FieldPlan finalBest) {
        FieldPlan kept = job.endedWith(finalBest);
        if (kept != finalBest) {
            LOG.warn("The solve of job {} ended below the plan it resumed ({} < {}); the resumed plan is kept",
                    job.getId(), finalBest.getScore(), kept.getScore());
        }
        if (job.getStartedAt() != null) {
            solveTimer.record(Duration.between(job.getStartedAt(), clock.instant()));
        }
        // One step under the job's lock: no change may see the job ended before the repository does (it could not
        // claim it), nor claim it for a repair before this solve has let go of it (that would undo the claim).
        synchronized (job) {
            job.finished(job.isTerminationRequested() ? JobStatus.TERMINATED : JobStatus.SOLVED, clock.instant());
            saveFinal(job);
            job.notSolvingHere();
        }
        leases.claimSoon();
    }

    void fail(Job job, Throwable failure) {
        if (!job.isSolvingHere()) {
            // Given back to the queue at shutdown, or taken by another instance: the solve was cut off here while
            // the solver pool closed; the job itself did not fail.
            LOG.info("The solve of job {} stopped here after the job was handed over: {}", job.getId(),
                    failure.toString());
            return;
        }
        LOG.error("Job {} failed", job.getId(), failure);
        synchronized (job) {
            job.failed("solving failed: " + failure.getClass().getSimpleName(), clock.instant());
            saveFinal(job);
            job.notSolvingHere();
        }
        leases.claimSoon();
    }

    /** On an orderly shutdown: writes the job's unsaved best plan and gives the job back to the queue. */
    void handBack(Job job) {
        job.notSolvingHere();
        try {
            FieldPlan plan = job.unsavedPlan();
            if (plan != null && stores.plans().replaceAssignmentsFenced(job.getPlanId(), job.getClaim(),
                    ProblemPreparer.assignmentsOf(plan), PlanStatus.DRAFT, PlanSummary.of(plan).score())) {
                job.planSaved(plan);
                leases.update(job);
            }
            leases.giveBack(job);
        } catch (RuntimeException e) {
            LOG.warn("Could not give job {} back to the queue: {}", job.getId(), e.toString());
        }
    }

    /**
     * Persists the job: its best plan into the plan store when it changed, then its life into the repository.
     * Unless {@code force}, at most every {@link #SAVE_INTERVAL} (the solver finds many bests), a skipped save being
     * made up once the interval has passed, so the last best plan is always written.
     */
    private void save(Job job, boolean force) {
        // The solver thread, the timer (deferred saves) and request threads save; one at a time per job.
        synchronized (job) {
            saveOnce(job, force);
        }
    }

    /** @return false only when the store failed (logged); a save skipped or deferred by the throttle counts as done */
    private boolean saveOnce(Job job, boolean force) {
        if (!job.isSolvingHere()) {
            return true;
        }
        if (!job.claimSave(clock.instant(), force ? Duration.ZERO : SAVE_INTERVAL)) {
            if (job.deferSave()) {
                leases.later(() -> save(job, true), SAVE_INTERVAL);
            }
            return true;
        }
        try {
            FieldPlan plan = job.unsavedPlan();
            if (plan != null) {
                // Ownership first (and the lease renewed before a long write); the write itself is fenced by the
                // claim, so an owner that stalls between the two still cannot overwrite a later claim's plan.
                if (!leases.stillOwned(job)) {
                    return true;
                }
                if (!stores.plans().replaceAssignmentsFenced(job.getPlanId(), job.getClaim(),
                        ProblemPreparer.assignmentsOf(plan),
                        job.getStatus().isActive() ? PlanStatus.DRAFT : PlanStatus.SOLVED,
                        PlanSummary.of(plan).score())) {
                    leases.lost(job);
                    return true;
                }
                job.planSaved(plan);
            }
            leases.update(job);
            return true;
        } catch (RuntimeException e) {
            // A database hiccup must not stop the solve; the next save writes the whole state again.
            LOG.warn("Could not save job {}: {}", job.getId(), e.toString());
            return false;
        }
    }

    /**
     * The save that ends a solve or repair here. There is no next save to write the whole state again, and until it
     * lands the job stays SOLVING in the repository (every change refused, and after the lease, solved again), so a
     * failed attempt is retried a few times before it is left to the lease. Call it holding the job's lock.
     */
    private void saveFinal(Job job) {
        for (int attempt = 1; ; attempt++) {
            if (saveOnce(job, true)) {
                return;
            }
            if (attempt == FINAL_SAVE_ATTEMPTS) {
                LOG.error("Job {} ended here but could not be saved; another instance resumes it when its lease ends",
                        job.getId());
                return;
            }
            try {
                Thread.sleep(FINAL_SAVE_BACKOFF.toMillis() * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
