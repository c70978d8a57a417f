package org.fieldplan.api.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import org.fieldplan.api.errors.ApiException;
import org.fieldplan.data.region.ProblemQuery;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.plan.PlanSummary;
import org.fieldplan.solver.partition.PartitionProgress;

/**
 * One solving job and what it has produced so far. A job this instance solves is written by the solver thread (start,
 * each new best plan, the end) and read by request threads. A job another instance solves is this instance's copy of
 * the shared record: its status is refreshed from the repository on every read, its problem and best plan are loaded
 * from the plan store when first needed and again when the plan's version has moved on. Plans handed in are never
 * changed afterwards, so readers may use them without locking.
 */
public final class Job {

    /** The job's problem and saved best plan (null before the first), as loaded from the plan store. */
    record Loaded(JobSubmission submission, FieldPlan bestPlan) {
    }

    private final String id;
    private final Instant createdAt;
    private final Duration solveTime;
    private final String problemName;
    private final ProblemQuery source;
    private final Function<Job, Loaded> loader;

    private volatile JobSubmission submission;
    private volatile long planId = -1;
    private volatile JobStatus status = JobStatus.QUEUED;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile FieldPlan bestPlan;
    private volatile PlanSummary bestSummary;
    private volatile PlanSummary greedyBaseline;
    private volatile String error;
    private volatile boolean terminationRequested;
    private volatile String owner;
    private volatile int takeovers;
    /** Whether this instance is solving or repairing the job now (and so holds its lease). */
    private volatile boolean solvingHere;
    /** Whether the job's solve here is a repair in the {@link RepairLane} rather than a solve of the main lane. */
    private volatile boolean inRepair;
    /** This instance's claim of the job ({@link JobRecord#claim}); its writes name it. */
    private volatile long claim;
    /**
     * The saved plan the solve here resumed, while no change went into the solve (its score then compares with the
     * solve's): the solve ends with the better of the two.
     */
    private volatile FieldPlan resumedPlan;
    /** How the parts of the solve here advance (a large region solved in parts), or null. */
    private volatile PartitionProgress parts;
    /** Saves of the best plan so far; equal to the shared record's when this copy is current. */
    private volatile long planVersion;
    private volatile FieldPlan savedPlan;
    private volatile Instant lastSaved = Instant.EPOCH;
    private volatile boolean savePending;
    /** Incremented on every change readers may want to hear about (progress events compare it). */
    private volatile long version;

    /** A job submitted to this instance; its problem is at hand. */
    Job(String id, JobSubmission submission, Instant createdAt) {
        this.id = id;
        this.submission = submission;
        this.createdAt = createdAt;
        this.solveTime = submission.solveTime();
        this.problemName = submission.problem().name();
        this.source = submission.source();
        this.loader = null;
    }

    /** A job known from the shared record; {@code loader} brings its problem and best plan when first needed. */
    Job(JobRecord record, Function<Job, Loaded> loader) {
        this.id = record.id();
        this.createdAt = record.createdAt();
        this.solveTime = Duration.ofSeconds(record.solveSeconds());
        this.problemName = record.problemName();
        this.source = record.source();
        this.loader = loader;
        this.planId = record.planId();
        this.planVersion = record.planVersion();
        this.bestSummary = record.best();
        refresh(record);
    }

    /** Takes over the shared record's status, timings and owner (the plan is compared by {@link #getPlanVersion}). */
    synchronized void refresh(JobRecord record) {
        status = record.status();
        startedAt = record.startedAt();
        finishedAt = record.finishedAt();
        greedyBaseline = record.greedyBaseline();
        error = record.error();
        owner = record.owner();
        takeovers = record.takeovers();
        terminationRequested = record.terminateRequested();
        version++;
    }

    private synchronized void loadIfNeeded() {
        if (submission != null || loader == null) {
            return;
        }
        Loaded loaded = loader.apply(this);
        submission = loaded.submission();
        if (loaded.bestPlan() != null) {
            savedPlan = loaded.bestPlan();
            improved(loaded.bestPlan());
        }
    }

    /** Keeps this copy's problem in step with a volunteer who joined or offered more time. */
    synchronized void volunteerChanged(Volunteer volunteer) {
        if (submission != null) {
            submission = new JobSubmission(submission.problem().withVolunteer(volunteer), submission.source(),
                    submission.solveTime());
        }
    }

    void planStored(long id) {
        planId = id;
    }

    /** The job's plan in the plan store, or -1 before it was stored. */
    public long getPlanId() {
        return planId;
    }

    /** This instance has claimed the job (for a solve or a repair). */
    synchronized void claimedHere(JobRecord record) {
        refresh(record);
        claim = record.claim();
        solvingHere = true;
    }

    /** The claim under which this instance solves (or last solved) the job; 0 if it never claimed it. */
    long getClaim() {
        return claim;
    }

    /** This instance no longer solves the job: it ended, was given back, or its lease was lost. */
    void notSolvingHere() {
        solvingHere = false;
    }

    boolean isSolvingHere() {
        return solvingHere;
    }

    boolean isInRepair() {
        return inRepair;
    }

    /** The instance solving the job, or that last solved it; null while it waits in the queue. */
    public String getOwner() {
        return owner;
    }

    /** How many times the job was resumed from its saved plan after the instance solving it stopped. */
    public int getTakeovers() {
        return takeovers;
    }

    public boolean isResumedAfterRestart() {
        return takeovers > 0;
    }

    long getPlanVersion() {
        return planVersion;
    }

    /** The plan to save, or null when the saved one is still the best. */
    FieldPlan unsavedPlan() {
        FieldPlan best = bestPlan;
        return best == savedPlan ? null : best;
    }

    synchronized void planSaved(FieldPlan plan) {
        savedPlan = plan;
        planVersion++;
    }

    /** Whether the job was last saved at least {@code interval} ago; if so, counts now as the last save. */
    synchronized boolean claimSave(Instant now, Duration interval) {
        if (lastSaved.plus(interval).isAfter(now)) {
            return false;
        }
        lastSaved = now;
        savePending = false;
        return true;
    }

    /** Notes that a save was skipped; true if none was pending yet (the caller then schedules one). */
    synchronized boolean deferSave() {
        boolean first = !savePending;
        savePending = true;
        return first;
    }

    synchronized void started(Instant at, PlanSummary greedy) {
        status = JobStatus.SOLVING;
        inRepair = false;
        // A job resumed from the plan store starts from its saved plan; a new one has none.
        resumedPlan = bestPlan;
        parts = null;
        startedAt = at;
        finishedAt = null;
        greedyBaseline = greedy;
        version++;
    }

    /** A repair of the finished plan has started (see {@link PlanChanges#apply}). */
    synchronized void repairing(Instant at) {
        status = JobStatus.SOLVING;
        inRepair = true;
        resumedPlan = null;
        startedAt = at;
        finishedAt = null;
        terminationRequested = false;
        version++;
    }

    synchronized void improved(FieldPlan plan) {
        bestPlan = plan;
        bestSummary = PlanSummary.of(plan);
        if (greedyBaseline == null && !inRepair) {
            // A solve from nothing: its first best plan is its greedy phase's (SolveEvents#start).
            greedyBaseline = bestSummary;
        }
        version++;
    }

    /** The solve here is improving the plan part by part and has come this far (called from the part threads). */
    synchronized void partsProgressed(PartitionProgress progress) {
        parts = progress;
        version++;
    }

    /** How far the parts of the solve here are, or null when it is not solved in parts (or not here). */
    public PartitionProgress getParts() {
        return parts;
    }

    /** A change went into the running solve: its plans no longer compare with the resumed one. */
    void changeTaken() {
        resumedPlan = null;
    }

    /**
     * Takes the solve's final plan as the best, unless the plan the solve resumed scores higher (a takeover must
     * never end worse than what it took over); that one is then kept, and saved again with the job's end.
     *
     * @return the plan kept
     */
    synchronized FieldPlan endedWith(FieldPlan finalBest) {
        FieldPlan resumed = resumedPlan;
        if (resumed != null && resumed.getScore() != null
                && (finalBest.getScore() == null || finalBest.getScore().compareTo(resumed.getScore()) < 0)) {
            improved(resumed);
            savedPlan = null;
            return resumed;
        }
        improved(finalBest);
        return finalBest;
    }

    synchronized void finished(JobStatus endStatus, Instant at) {
        status = endStatus;
        inRepair = false;
        finishedAt = at;
        version++;
    }

    void terminationRequested() {
        terminationRequested = true;
    }

    boolean isTerminationRequested() {
        return terminationRequested;
    }

    synchronized void failed(String message, Instant at) {
        error = message;
        finished(JobStatus.FAILED, at);
    }

    /** The record of this job as it stands here, for the repository. */
    JobRecord toRecord() {
        return new JobRecord(id, status, createdAt, startedAt, finishedAt, solveTime.toSeconds(), problemName, source,
                planId, planVersion, bestSummary, greedyBaseline, error, owner, takeovers, terminationRequested,
                claim);
    }

    public String getId() {
        return id;
    }

    /** The submitted problem (loaded from the plan store for a job submitted elsewhere). */
    public JobSubmission getSubmission() {
        loadIfNeeded();
        return submission;
    }

    public String getProblemName() {
        return problemName;
    }

    /** The stored-data query the problem was built from, or null for an inline problem. */
    public ProblemQuery getSource() {
        return source;
    }

    public Duration getSolveTime() {
        return solveTime;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public JobStatus getStatus() {
        return status;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    /** The best plan so far, or null before the first one. */
    public FieldPlan getBestPlan() {
        if (bestPlan == null && planVersion > 0) {
            loadIfNeeded();
        }
        return bestPlan;
    }

    /** The best plan so far; a 409 problem for callers that need one before the first exists. */
    public FieldPlan requireBestPlan() {
        FieldPlan plan = getBestPlan();
        if (plan == null) {
            throw ApiException.conflict("job " + id + " has no plan yet (" + getStatus() + ")");
        }
        return plan;
    }

    /** Summary of {@link #getBestPlan()}, or null. */
    public PlanSummary getBestSummary() {
        return bestSummary;
    }

    /** The greedy organizer's plan on the same problem, or null before solving started. */
    public PlanSummary getGreedyBaseline() {
        return greedyBaseline;
    }

    public String getError() {
        return error;
    }

    public long getVersion() {
        return version;
    }
}
