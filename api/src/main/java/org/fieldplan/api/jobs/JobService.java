package org.fieldplan.api.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.fieldplan.api.config.FieldPlanProperties;
import org.fieldplan.api.errors.ApiException;
import org.fieldplan.data.DataStores;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Assignment;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Shift;
import org.fieldplan.plan.PlanSummary;
import org.fieldplan.io.ProblemJson;
import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.ProblemPreparer;
import org.optaplanner.core.api.solver.SolverManager;
import org.optaplanner.core.api.solver.SolverStatus;
import org.optaplanner.core.api.solver.change.ProblemChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;

/**
 * Runs planning jobs on OptaPlanner's {@link SolverManager}: accepts a submission if a solver or a queue place is
 * free (else 429), prepares the problem and the greedy baseline on the solver thread when the job's turn comes,
 * keeps each new best plan, and ends the job after its own solving time. Jobs are saved to the {@link JobRepository}
 * (submission, start, at most every two seconds while improving, end) and restored from it at startup.
 */
@Service
public class JobService {

    private static final Logger LOG = LoggerFactory.getLogger(JobService.class);
    private static final Duration SAVE_INTERVAL = Duration.ofSeconds(2);

    private final SolverManager<FieldPlan, String> solverManager;
    private final FieldPlanSolver solver;
    private final DataStores stores;
    private final Clock clock;
    private final int capacity;
    private final Timer solveTimer;
    private final JobRepository repository;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "job-timer");
        thread.setDaemon(true);
        return thread;
    });

    public JobService(SolverManager<FieldPlan, String> solverManager, FieldPlanSolver solver, DataStores stores,
            Clock clock, FieldPlanProperties properties, MeterRegistry meters, JobRepository repository) {
        this.solverManager = solverManager;
        this.repository = repository;
        this.solver = solver;
        this.stores = stores;
        this.clock = clock;
        this.capacity = properties.jobs().concurrency() + properties.jobs().queueLength();
        this.solveTimer = Timer.builder("fieldplan.jobs.solve").description("Wall time of solves and repairs")
                .register(meters);
        Gauge.builder("fieldplan.jobs.queued", () -> count(JobStatus.QUEUED))
                .description("Jobs waiting for a solver thread").register(meters);
        Gauge.builder("fieldplan.jobs.solving", () -> count(JobStatus.SOLVING))
                .description("Jobs being solved or repaired").register(meters);
    }

    private long count(JobStatus status) {
        return jobs.values().stream().filter(job -> job.getStatus() == status).count();
    }

    /**
     * Queues the submission for solving.
     *
     * @throws ApiException 429 when every solver is busy and the queue is full
     */
    public Job submit(JobSubmission submission) {
        Job job;
        // Counting and registering under one lock, so two racing submissions cannot both take the last place.
        synchronized (jobs) {
            long active = jobs.values().stream().filter(j -> j.getStatus().isActive()).count();
            if (active >= capacity) {
                throw ApiException.busy("all " + capacity + " solver and queue places are taken",
                        retryAfterSeconds());
            }
            job = new Job(UUID.randomUUID().toString(), submission, clock.instant(),
                    repository == JobRepository.NOT_DURABLE ? null : ProblemJson.toJson(submission.problem()));
            jobs.put(job.getId(), job);
        }
        save(job, true);
        solve(job);
        return job;
    }

    private void solve(Job job) {
        solverManager.solveAndListen(job.getId(), id -> start(job), best -> improved(job, best),
                finalBest -> finish(job, finalBest), (id, failure) -> fail(job, failure));
    }

    /**
     * Brings back the jobs kept before a restart: ended ones with their best plan rebuilt from the stored
     * assignments, and queued or solving ones queued again, starting from their last saved plan (marked
     * {@code resumedAfterRestart}). Does nothing when jobs are not durable.
     */
    public void restore() {
        for (JobRecord record : repository.loadAll()) {
            FieldPlanProblem stated = ProblemJson.fromJson(record.problemJson());
            List<Assignment> saved = record.assignments() == null ? List.of() : record.assignments();
            JobSubmission submission = new JobSubmission(stated.withAssignments(saved), record.source(),
                    Duration.ofSeconds(record.solveSeconds()));
            Job job = new Job(record.id(), submission, record.createdAt(), record.problemJson());
            jobs.put(job.getId(), job);
            // The saved plan is readable at once; a resumed solve reports only plans better than it.
            FieldPlan plan = record.assignments() == null ? null : prepare(submission);
            if (plan != null) {
                solver.score(plan);
            }
            job.restored(record, plan);
            if (record.status().isActive()) {
                job.resumedAfterRestart();
                // The solver gets its own prepared copy: it changes its problem in place while readers use this one.
                solve(job);
            }
        }
        LOG.info("Restored {} jobs", jobs.size());
    }

    /**
     * Persists the job; unless {@code force}, at most every {@link #SAVE_INTERVAL} (the solver finds many bests), a
     * skipped save being made up once the interval has passed, so the last best plan is always written.
     */
    private void save(Job job, boolean force) {
        if (repository == JobRepository.NOT_DURABLE) {
            return;
        }
        if (!job.claimSave(clock.instant(), force ? Duration.ZERO : SAVE_INTERVAL)) {
            if (job.deferSave()) {
                timer.schedule(() -> save(job, true), SAVE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            }
            return;
        }
        FieldPlan best = job.getBestPlan();
        try {
            repository.save(new JobRecord(job.getId(), job.getStatus(), job.getCreatedAt(), job.getStartedAt(),
                    job.getFinishedAt(), job.getSubmission().solveTime().toSeconds(), job.getProblemJson(),
                    job.getSubmission().source(), best == null ? null : ProblemPreparer.assignmentsOf(best),
                    job.getBestSummary(), job.getGreedyBaseline(), job.getError()));
        } catch (RuntimeException e) {
            // A database hiccup must not stop the solve; the next save writes the whole state again.
            LOG.warn("Could not save job {}: {}", job.getId(), e.toString());
        }
    }

    private void improved(Job job, FieldPlan best) {
        job.improved(best);
        save(job, false);
    }

    /** @throws ApiException 404 when there is no such job */
    public Job get(String jobId) {
        Job job = jobs.get(jobId);
        if (job == null) {
            throw ApiException.notFound("job", jobId);
        }
        return job;
    }

    public Collection<Job> all() {
        return jobs.values();
    }

    /** The solver manager's own view of the job: scheduled, active or not solving. */
    public SolverStatus solverStatus(String jobId) {
        return solverManager.getSolverStatus(jobId);
    }

    /** Stops the job early, keeping its best plan so far; a job already ended is left as it is. */
    public Job terminate(String jobId) {
        Job job = get(jobId);
        synchronized (job) {
            job.terminationRequested();
            if (job.getStatus() == JobStatus.QUEUED) {
                // A job that has not started has no final-best callback to come: mark it here.
                job.finished(JobStatus.TERMINATED, clock.instant());
                save(job, true);
            }
        }
        solverManager.terminateEarly(jobId);
        return job;
    }

    /**
     * Applies a change to the job's plan with OptaPlanner's {@link ProblemChange}. While the job is solving, the
     * change goes into the running solve and the returned future completes when it has been applied. Otherwise a
     * short repair solve starts from the current best plan with every shift pinned except the {@code open} ones (so
     * the rest of the plan stays as it is), the change is applied in it, and the future completes with the repaired
     * plan. Pins added only to freeze the plan are taken off the plans the job keeps.
     *
     * @param open the shifts the repair may change (unless {@code alwaysPinned})
     * @param alwaysPinned shifts to pin for good, e.g. those that have started
     * @return the plan after the change: the repaired plan, or null when the change went into a running solve
     */
    public CompletableFuture<FieldPlan> apply(Job job, ProblemChange<FieldPlan> change, Predicate<Shift> open,
            Predicate<Shift> alwaysPinned, Duration repairTime) {
        synchronized (job) {
            if (job.getStatus().isActive()) {
                return solverManager.addProblemChange(job.getId(), change).thenApply(done -> null);
            }
            FieldPlan current = job.getBestPlan();
            if (current == null) {
                throw ApiException.conflict("job " + job.getId() + " has no plan to change");
            }
            Set<String> frozen = new HashSet<>();
            List<Shift> shifts = new ArrayList<>();
            for (Shift shift : current.getShifts()) {
                boolean pinned = shift.isPinned() || alwaysPinned.test(shift);
                if (!pinned && !open.test(shift)) {
                    frozen.add(shift.getId());
                }
                shifts.add(new Shift(shift.getVolunteer(), shift.getSlot(), shift.getPrecinct(),
                        pinned || frozen.contains(shift.getId())));
            }
            FieldPlan start = withShifts(current, shifts);
            CompletableFuture<FieldPlan> repaired = new CompletableFuture<>();
            job.repairing(clock.instant());
            save(job, true);
            solverManager.solveAndListen(job.getId(), id -> {
                timer.schedule(() -> solverManager.terminateEarly(job.getId()), repairTime.toMillis(),
                        TimeUnit.MILLISECONDS);
                return start;
            }, best -> improved(job, unfreeze(best, frozen)), finalBest -> {
                FieldPlan plan = unfreeze(finalBest, frozen);
                finish(job, plan);
                repaired.complete(plan);
            }, (id, failure) -> {
                fail(job, failure);
                repaired.completeExceptionally(failure);
            });
            solverManager.addProblemChange(job.getId(), change);
            return repaired;
        }
    }

    /** The plan with the freezing pins of a repair taken off again. */
    private static FieldPlan unfreeze(FieldPlan plan, Set<String> frozen) {
        List<Shift> shifts = new ArrayList<>(plan.getShifts().size());
        for (Shift shift : plan.getShifts()) {
            shifts.add(new Shift(shift.getVolunteer(), shift.getSlot(), shift.getPrecinct(),
                    shift.isPinned() && !frozen.contains(shift.getId())));
        }
        FieldPlan copy = withShifts(plan, shifts);
        copy.setScore(plan.getScore());
        return copy;
    }

    private static FieldPlan withShifts(FieldPlan plan, List<Shift> shifts) {
        return new FieldPlan(plan.getName(), plan.getTimeZone(), plan.getVoteModel(), plan.getTravel(),
                plan.getDistricts(), plan.getTimeSlots(), plan.getPrecincts(), plan.getVolunteers(), shifts,
                plan.getWeights());
    }

    /** Runs on the solver thread when the job's turn comes: preparing a large problem takes a while. */
    private FieldPlan start(Job job) {
        JobSubmission submission = job.getSubmission();
        FieldPlan prepared = prepare(submission);
        PlanSummary greedy = PlanSummary.of(solver.greedyBaseline(prepared));
        job.started(clock.instant(), greedy);
        save(job, true);
        timer.schedule(() -> solverManager.terminateEarly(job.getId()), submission.solveTime().toMillis(),
                TimeUnit.MILLISECONDS);
        return prepared;
    }

    /** The solvable plan: candidate precincts from the data layer for stored regions, great-circle otherwise. */
    private FieldPlan prepare(JobSubmission submission) {
        FieldPlanProblem problem = submission.problem();
        return submission.source() == null ? ProblemPreparer.prepare(problem)
                : ProblemPreparer.prepare(problem,
                        stores.candidatePairs().compute(submission.source().regionId(), problem));
    }

    private void finish(Job job, FieldPlan finalBest) {
        job.improved(finalBest);
        if (job.getStartedAt() != null) {
            solveTimer.record(Duration.between(job.getStartedAt(), clock.instant()));
        }
        job.finished(job.isTerminationRequested() ? JobStatus.TERMINATED : JobStatus.SOLVED, clock.instant());
        save(job, true);
    }

    private void fail(Job job, Throwable failure) {
        LOG.error("Job {} failed", job.getId(), failure);
        job.failed("solving failed: " + failure.getClass().getSimpleName(), clock.instant());
        save(job, true);
    }

    /** Seconds until the first solving job is due to end (a place frees up then); at least 1. */
    private long retryAfterSeconds() {
        Instant now = clock.instant();
        long soonest = jobs.values().stream()
                .filter(j -> j.getStatus() == JobStatus.SOLVING && j.getStartedAt() != null)
                .mapToLong(j -> Duration.between(now, j.getStartedAt().plus(j.getSubmission().solveTime()))
                        .toSeconds())
                .min().orElse(1);
        return Math.max(1, soonest);
    }

    @PreDestroy
    void stopTimer() {
        timer.shutdownNow();
    }
}
