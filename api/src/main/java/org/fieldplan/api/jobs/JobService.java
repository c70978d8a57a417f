package org.fieldplan.api.jobs;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.fieldplan.api.config.FieldPlanProperties;
import org.fieldplan.api.errors.ApiException;
import org.fieldplan.data.DataStores;
import org.fieldplan.data.plan.NewPlan;
import org.fieldplan.data.plan.PlanStatus;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.SolverPool;
import org.optaplanner.core.api.solver.SolverStatus;
import org.optaplanner.core.api.solver.change.ProblemChange;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;

/**
 * Runs planning jobs on a {@link SolverPool} (OptaPlanner solvers on a fixed number of threads), as one of possibly
 * several instances sharing a {@link JobRepository}. A submission goes into the shared queue if the cluster has a
 * place for it (else 429; {@link JobAdmission}); {@link JobLeases} claims queued jobs while this instance has a free
 * solver place and keeps their leases, {@link SolveEvents} saves each solve's progress and end (the problem and each
 * new best plan live in the data layer's plan store, the repository keeps the job's life), and
 * {@link RepairHandOff} routes changes into a running solve or claims an ended job for a repair. Any instance
 * answers reads of any job: its status comes fresh from the repository, its plan from the plan store, cached until
 * the plan's version moves on.
 */
@Service
public class JobService {

    private final SolverPool<FieldPlan> solverPool;
    private final RepairLane repairLane;
    private final JobPlans plans;
    private final DataStores stores;
    private final Clock clock;
    private final JobAdmission admission;
    private final JobRepository repository;
    /** The jobs this instance solves, and its copies of the others it was asked about. */
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final JobLeases leases;
    private final SolveEvents events;
    private final RepairHandOff handOff;
    private final SharedParts parts;

    public JobService(SolverPool<FieldPlan> solverPool, RepairLane repairLane, FieldPlanSolver solver,
            DataStores stores, Clock clock, FieldPlanProperties properties, MeterRegistry meters,
            JobRepository repository, JobPlans plans, SharedParts parts) {
        this.solverPool = solverPool;
        this.repairLane = repairLane;
        this.repository = repository;
        this.plans = plans;
        this.stores = stores;
        this.clock = clock;
        this.admission = new JobAdmission(properties.jobs().concurrency() + properties.jobs().queueLength(),
                repository, clock);
        this.leases = new JobLeases(repository, JobLeases.Settings.of(properties), jobs,
                this::solveClaimed, this::terminateHere);
        Timer solveTimer = Timer.builder("fieldplan.jobs.solve").description("Wall time of solves and repairs")
                .register(meters);
        this.parts = parts;
        this.events = new SolveEvents(solverPool, solver, plans, stores, clock, leases, jobs, solveTimer,
                parts::runnerFor);
        this.handOff = new RepairHandOff(repository, leases, plans, solverPool, jobs);
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
        return leases.instanceId();
    }

    /**
     * Starts taking part in the cluster: claiming queued jobs and jobs whose instance died, and renewing the leases
     * of the jobs solved here.
     */
    public void start() {
        leases.start();
        parts.start(leases.instanceId());
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
        leases.claimSoon();
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

    /**
     * Submits several jobs together (a campaign's sub-jobs): refused with 429 before any reader runs unless the
     * cluster has a place for each. Each is read (its problem built) and queued in turn, so only one problem at a
     * time is held here; if a reader refuses its input or another submission takes a place meanwhile, the jobs
     * queued so far are terminated and the error thrown, so that either all are queued or none is left active.
     */
    public List<Job> submitAll(List<Supplier<JobSubmission>> readers) {
        admission.requirePlaces(readers.size());
        List<Job> submitted = new ArrayList<>();
        try {
            for (Supplier<JobSubmission> reader : readers) {
                submitted.add(submit(reader.get()));
            }
        } catch (RuntimeException e) {
            submitted.forEach(job -> terminate(job.getId()));
            throw e;
        }
        return submitted;
    }

    /** Writes the job's best plan and state now, e.g. a best plan the throttle held back that a change refers to. */
    void saveBestPlanNow(Job job) {
        events.saveNow(job);
    }

    /** See {@link RepairHandOff#claimForRepair}. */
    Job claimForRepair(Job job) {
        return handOff.claimForRepair(job);
    }

    /** See {@link RepairHandOff#changeRunningSolve}. */
    Optional<CompletableFuture<Void>> changeRunningSolve(Job job, ProblemChange<FieldPlan> change) {
        return handOff.changeRunningSolve(job, change);
    }

    /** A repair's new best plan (its solve's are handled by {@link SolveEvents} directly). */
    void improved(Job job, FieldPlan best) {
        events.improved(job, best);
    }

    /** A repair's (or a published plan's) end: see {@link SolveEvents#finish}. */
    void finish(Job job, FieldPlan finalBest) {
        events.finish(job, finalBest);
    }

    /** A repair's failure: see {@link SolveEvents#fail}. */
    void fail(Job job, Throwable failure) {
        events.fail(job, failure);
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

    /** Called by {@link JobLeases} (created before {@link SolveEvents}, which needs it) for each job it claims. */
    private void solveClaimed(JobRecord record) {
        events.solveClaimed(record);
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
     * On an orderly shutdown, gives the jobs solved here back to the queue at once (another instance, or this one
     * after a restart, resumes them from their saved plan) rather than letting their leases run out.
     */
    @PreDestroy
    void shutdown() {
        leases.stop();
        for (Job job : jobs.values()) {
            if (job.isSolvingHere() && job.getStatus().isActive()) {
                events.handBack(job);
            }
        }
    }
}
