package org.fieldplan.api.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.fieldplan.api.config.FieldPlanProperties;
import org.fieldplan.api.errors.ApiException;
import org.fieldplan.data.DataStores;
import org.fieldplan.data.plan.NewPlan;
import org.fieldplan.data.plan.PlanStatus;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.plan.PlanSummary;
import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.ProblemPreparer;
import org.fieldplan.solver.SolverPool;
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
 * Runs planning jobs on a {@link SolverPool} (OptaPlanner solvers on a fixed number of threads), as one of possibly
 * several instances sharing a {@link JobRepository}. A submission goes into the shared queue if the cluster has a place for it (else 429). Each
 * instance claims queued jobs while it has a free solver place, renews the lease of the jobs it solves, and claims a
 * job whose owner's lease has expired (its instance died), resuming it from the last saved best plan. The problem
 * and each new best plan live in the data layer's plan store (saved at most every two seconds while improving, and at
 * the end); the repository keeps the job's life. Any instance answers reads of any job: its status comes fresh from
 * the repository, its plan from the plan store, cached until the plan's version moves on.
 */
@Service
public class JobService {

    private static final Logger LOG = LoggerFactory.getLogger(JobService.class);
    private static final Duration SAVE_INTERVAL = Duration.ofSeconds(2);
    private static final int FINAL_SAVE_ATTEMPTS = 3;
    private static final Duration FINAL_SAVE_BACKOFF = Duration.ofMillis(200);

    private final SolverPool<FieldPlan> solverPool;
    private final RepairLane repairLane;
    private final FieldPlanSolver solver;
    private final JobPlans plans;
    private final DataStores stores;
    private final Clock clock;
    private final int concurrency;
    private final JobAdmission admission;
    private final Timer solveTimer;
    private final JobRepository repository;
    private final String instanceId;
    private final Duration lease;
    private final Duration heartbeat;
    private final Duration claimPoll;
    /** The jobs this instance solves, and its copies of the others it was asked about. */
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = daemonTimer("job-timer");
    /** Its own thread, so that saves and claims on the job timer can never hold up a renewal past the lease. */
    private final ScheduledExecutorService heartbeatTimer = daemonTimer("job-heartbeat");

    public JobService(SolverPool<FieldPlan> solverPool, RepairLane repairLane, FieldPlanSolver solver,
            DataStores stores, Clock clock, FieldPlanProperties properties, MeterRegistry meters,
            JobRepository repository, JobPlans plans) {
        this.solverPool = solverPool;
        this.repairLane = repairLane;
        this.repository = repository;
        this.solver = solver;
        this.plans = plans;
        this.stores = stores;
        this.clock = clock;
        this.concurrency = properties.jobs().concurrency();
        this.admission = new JobAdmission(properties.jobs().concurrency() + properties.jobs().queueLength(),
                repository, clock);
        FieldPlanProperties.Cluster cluster = properties.cluster();
        this.instanceId = cluster.instanceId() == null || cluster.instanceId().isBlank()
                ? "instance-" + UUID.randomUUID().toString().substring(0, 8) : cluster.instanceId();
        this.lease = Duration.ofMillis(cluster.leaseMillis());
        this.heartbeat = Duration.ofMillis(cluster.heartbeatMillis());
        this.claimPoll = Duration.ofMillis(cluster.claimPollMillis());
        this.solveTimer = Timer.builder("fieldplan.jobs.solve").description("Wall time of solves and repairs")
                .register(meters);
        Gauge.builder("fieldplan.jobs.queued", () -> countActive(JobStatus.QUEUED))
                .description("Jobs waiting for a solver thread, on any instance").register(meters);
        Gauge.builder("fieldplan.jobs.solving", () -> countActive(JobStatus.SOLVING))
                .description("Jobs being solved or repaired, on any instance").register(meters);
    }

    private long countActive(JobStatus status) {
        return repository.findActive().stream().filter(job -> job.status() == status).count();
    }

    /** The name this instance claims jobs under (shown as a job's {@code owner}). */
    public String instanceId() {
        return instanceId;
    }

    /**
     * Starts taking part in the cluster: claiming queued jobs and jobs whose instance died, and renewing the leases
     * of the jobs solved here.
     */
    public void start() {
        LOG.info("Instance {} takes jobs from the shared queue (lease {} ms)", instanceId, lease.toMillis());
        timer.scheduleWithFixedDelay(this::claimWhileFree, 0, claimPoll.toMillis(), TimeUnit.MILLISECONDS);
        heartbeatTimer.scheduleWithFixedDelay(this::renewLeases, heartbeat.toMillis(), heartbeat.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private static ScheduledExecutorService daemonTimer(String name) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Stores the submission's problem in the plan store and puts the job into the shared queue; an instance with a
     * free solver place (this one first, if it has one) claims it.
     *
     * @throws ApiException 429 when the cluster's solver and queue places are all taken
     */
    public Job submit(JobSubmission submission) {
        admission.requirePlace();
        Job job = new Job(UUID.randomUUID().toString(), submission, clock.instant());
        FieldPlanProblem problem = submission.problem();
        // The problem is kept whole as a snapshot (also when it came from a region: the region may change later).
        job.planStored(stores.plans().save(new NewPlan(submission.source(), problem, problem.assignments(), null,
                PlanStatus.DRAFT)));
        jobs.put(job.getId(), job);
        if (!admission.insertIfRoom(job.toRecord())) {
            // Another submission took the last place since the check above; the stored draft plan stays unused.
            jobs.remove(job.getId());
            throw admission.busy();
        }
        claimSoon();
        return job;
    }

    /**
     * Admission control: counts and refuses (429 with {@code Retry-After}) <em>before</em> the expensive steps of a
     * submission — reading a stored region, building and validating the problem, which {@code reader} does — and
     * then submits what it read. At most as many submissions are read at once as the cluster has places, so a burst
     * of requests costs a counter and a count query each, not a problem build each.
     *
     * @throws ApiException 429 when the places are taken or as many submissions are being read already
     */
    public Job submit(Supplier<JobSubmission> reader) {
        return admission.whileReading(() -> submit(reader.get()));
    }

    /** Looks for a job to claim now rather than at the next poll (a place freed up, or a job came in). */
    private void claimSoon() {
        if (!timer.isShutdown()) {
            timer.execute(this::claimWhileFree);
        }
    }

    /** Claims queued or abandoned jobs while this instance has a free solver place. Runs on the timer thread. */
    private void claimWhileFree() {
        try {
            // Repairs run in their own lane and take no solver place.
            while (jobs.values().stream().filter(j -> j.isSolvingHere() && !j.isInRepair()).count()
                    < concurrency) {
                Optional<JobRecord> claimed = repository.claimNext(instanceId, lease);
                if (claimed.isEmpty()) {
                    return;
                }
                solveClaimed(claimed.get());
            }
        } catch (RuntimeException e) {
            // The database may be briefly away; the next poll tries again.
            LOG.warn("Could not claim jobs: {}", e.toString());
        }
    }

    private void solveClaimed(JobRecord record) {
        Job job = jobs.get(record.id());
        if (job == null || job.getPlanVersion() != record.planVersion()) {
            job = new Job(record, plans::load);
            jobs.put(job.getId(), job);
        }
        job.claimedHere(record);
        if (record.takeovers() > 0) {
            LOG.info("Instance {} resumes job {} from its saved plan (takeover {})", instanceId, record.id(),
                    record.takeovers());
        }
        Job claimed = job;
        solverPool.solveAndListen(job.getId(), id -> start(claimed), best -> improved(claimed, best),
                finalBest -> finish(claimed, finalBest), (id, failure) -> fail(claimed, failure));
    }

    /** Renews the leases of the jobs solved here; stops those another instance has taken or that were terminated. */
    private void renewLeases() {
        for (Job job : jobs.values()) {
            if (!job.isSolvingHere()) {
                continue;
            }
            try {
                Optional<Boolean> terminate = repository.renew(job.getId(), instanceId, lease);
                if (terminate.isEmpty()) {
                    lost(job);
                } else if (terminate.get() && !job.isTerminationRequested()) {
                    job.terminationRequested();
                    terminateHere(job.getId());
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not renew the lease of job {}: {}", job.getId(), e.toString());
            }
        }
    }

    /** Another instance owns the job now (this one was too slow to renew): stop without saving anything more. */
    private void lost(Job job) {
        // A job that has just ended here is no longer SOLVING in the repository either: that is no loss.
        if (job.isSolvingHere() && job.getStatus().isActive()) {
            LOG.warn("Instance {} lost job {} to another instance; stopping its solve here", instanceId, job.getId());
            job.notSolvingHere();
            jobs.remove(job.getId());
            // Not on this thread: it may hold the job's lock, which the solve needs to end, and terminating waits
            // for that end.
            timer.execute(() -> terminateHere(job.getId()));
        }
    }

    /**
     * Persists the job: its best plan into the plan store when it changed, then its life into the repository.
     * Unless {@code force}, at most every {@link #SAVE_INTERVAL} (the solver finds many bests), a skipped save being
     * made up once the interval has passed, so the last best plan is always written. Only the owner saves; an
     * instance that finds it no longer owns the job stops solving it.
     */
    /** Writes the job's best plan and state now, e.g. a best plan the throttle held back that a change refers to. */
    void saveBestPlanNow(Job job) {
        save(job, true);
    }

    /**
     * Claims an ended job here for a repair in the {@link RepairLane}, so that no other instance solves or repairs it
     * meanwhile.
     *
     * @return the job to repair: {@code job}, or a fresh copy when another instance changed the plan since it was read
     * @throws ApiException 409 when the job is queued or being solved or repaired by another instance
     */
    Job claimForRepair(Job job) {
        synchronized (job) {
            String jobId = job.getId();
            JobRecord claimed = repository.claimEnded(jobId, instanceId, lease)
                    .orElseThrow(() -> notChangeableHere(jobId));
            Job repaired = job;
            if (claimed.planVersion() != job.getPlanVersion()) {
                repaired = new Job(claimed, plans::load);
                jobs.put(jobId, repaired);
            }
            repaired.claimedHere(claimed);
            return repaired;
        }
    }

    private ApiException notChangeableHere(String jobId) {
        JobRecord now = repository.find(jobId).orElseThrow(() -> ApiException.notFound("job", jobId));
        return ApiException.conflict("job " + jobId + " is " + now.status()
                + (now.owner() == null ? "" : " on instance " + now.owner())
                + "; send the change again when it has ended");
    }

    /**
     * Puts a change into the job's solve of the main lane, if this instance runs one now.
     *
     * @return completes once the solve has taken the change; empty when the job is not in such a solve here
     */
    Optional<CompletableFuture<Void>> changeRunningSolve(Job job, ProblemChange<FieldPlan> change) {
        if (job.isSolvingHere() && job.getStatus().isActive() && !job.isInRepair()) {
            return Optional.of(solverPool.addProblemChange(job.getId(), change));
        }
        return Optional.empty();
    }

    private void save(Job job, boolean force) {
        // The solver thread, the timer (deferred saves) and request threads save; one at a time per job.
        synchronized (job) {
            saveNow(job, force);
        }
    }

    /** @return false only when the store failed (logged); a save skipped or deferred by the throttle counts as done */
    private boolean saveNow(Job job, boolean force) {
        if (!job.isSolvingHere()) {
            return true;
        }
        if (!job.claimSave(clock.instant(), force ? Duration.ZERO : SAVE_INTERVAL)) {
            if (job.deferSave()) {
                timer.schedule(() -> save(job, true), SAVE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            }
            return true;
        }
        try {
            FieldPlan plan = job.unsavedPlan();
            if (plan != null) {
                // Ownership first: an instance that lost the job must not overwrite the new owner's plan.
                if (repository.renew(job.getId(), instanceId, lease).isEmpty()) {
                    lost(job);
                    return true;
                }
                stores.plans().replaceAssignments(job.getPlanId(), ProblemPreparer.assignmentsOf(plan),
                        job.getStatus().isActive() ? PlanStatus.DRAFT : PlanStatus.SOLVED,
                        PlanSummary.of(plan).score());
                job.planSaved(plan);
            }
            if (!repository.update(job.toRecord(), instanceId, lease)) {
                lost(job);
            }
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
            if (saveNow(job, true)) {
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

    void improved(Job job, FieldPlan best) {
        job.improved(best);
        save(job, false);
    }

    /**
     * The job as it stands now: this instance's own while it solves it, else the shared record's status with the
     * plan cached here as long as its version is current.
     *
     * @throws ApiException 404 when there is no such job
     */
    public Job get(String jobId) {
        Job known = jobs.get(jobId);
        if (known != null && known.isSolvingHere()) {
            return known;
        }
        return current(known, repository.find(jobId).orElseThrow(() -> ApiException.notFound("job", jobId)));
    }

    /** Every job of the cluster, oldest first. */
    public Collection<Job> all() {
        List<Job> all = new ArrayList<>();
        for (JobRecord record : repository.findAll()) {
            Job known = jobs.get(record.id());
            all.add(known != null && known.isSolvingHere() ? known : current(known, record));
        }
        return all;
    }

    private Job current(Job known, JobRecord record) {
        if (known != null && known.getPlanVersion() == record.planVersion()) {
            known.refresh(record);
            return known;
        }
        Job job = new Job(record, plans::load);
        jobs.put(job.getId(), job);
        return job;
    }

    /** Stops the solve or repair of a job here (whichever lane has it; the other ignores the call). */
    private void terminateHere(String jobId) {
        solverPool.terminateEarly(jobId);
        repairLane.solverPool().terminateEarly(jobId);
    }

    /** The solver manager's view of a job solved here; for a job solved elsewhere, the one its status implies. */
    public SolverStatus solverStatus(String jobId) {
        Job job = jobs.get(jobId);
        if (job != null && job.isSolvingHere()) {
            return (job.isInRepair() ? repairLane.solverPool() : solverPool).getSolverStatus(jobId);
        }
        JobStatus status = job == null ? JobStatus.SOLVED : job.getStatus();
        return switch (status) {
            case QUEUED -> SolverStatus.SOLVING_SCHEDULED;
            case SOLVING -> SolverStatus.SOLVING_ACTIVE;
            default -> SolverStatus.NOT_SOLVING;
        };
    }

    /**
     * Stops the job early, keeping its best plan so far; a job already ended is left as it is. A job solved by
     * another instance is stopped by that instance at its next heartbeat.
     */
    public Job terminate(String jobId) {
        Job job = get(jobId);
        if (job.isSolvingHere()) {
            job.terminationRequested();
            terminateHere(jobId);
            return job;
        }
        repository.requestTermination(jobId);
        return get(jobId);
    }

    /**
     * Runs on the solver thread when the job's turn comes: preparing a large problem takes a while. A resumed job
     * starts from its saved plan; the greedy baseline is computed once per job.
     */
    private FieldPlan start(Job job) {
        JobSubmission submission = job.getSubmission();
        FieldPlan prepared = plans.prepare(submission);
        PlanSummary greedy = job.getGreedyBaseline() != null ? job.getGreedyBaseline()
                : PlanSummary.of(solver.greedyBaseline(prepared));
        job.started(clock.instant(), greedy);
        save(job, true);
        long millis = job.isTerminationRequested() ? 0 : submission.solveTime().toMillis();
        timer.schedule(() -> solverPool.terminateEarly(job.getId()), millis, TimeUnit.MILLISECONDS);
        return prepared;
    }

    void finish(Job job, FieldPlan finalBest) {
        job.improved(finalBest);
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
        claimSoon();
    }

    void fail(Job job, Throwable failure) {
        if (!job.isSolvingHere()) {
            // Given back to the queue at shutdown, or taken by another instance: the solve was cut off here while
            // the solver manager closed; the job itself did not fail.
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
        claimSoon();
    }

    /**
     * On an orderly shutdown, gives the jobs solved here back to the queue at once (another instance, or this one
     * after a restart, resumes them from their saved plan) rather than letting their leases run out.
     */
    @PreDestroy
    void shutdown() {
        timer.shutdownNow();
        heartbeatTimer.shutdownNow();
        for (Job job : jobs.values()) {
            if (job.isSolvingHere() && job.getStatus().isActive()) {
                job.notSolvingHere();
                try {
                    FieldPlan plan = job.unsavedPlan();
                    if (plan != null) {
                        stores.plans().replaceAssignments(job.getPlanId(), ProblemPreparer.assignmentsOf(plan),
                                PlanStatus.DRAFT, PlanSummary.of(plan).score());
                        job.planSaved(plan);
                        repository.update(job.toRecord(), instanceId, lease);
                    }
                    repository.release(job.getId(), instanceId);
                } catch (RuntimeException e) {
                    LOG.warn("Could not give job {} back to the queue: {}", job.getId(), e.toString());
                }
            }
        }
    }
}
