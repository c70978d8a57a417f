package org.fieldplan.api.jobs;

import java.time.Duration;
import java.time.Instant;

import org.fieldplan.api.errors.ApiException;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.plan.PlanSummary;

/**
 * One solving job and what it has produced so far. The solver thread writes (start, each new best plan, the end);
 * request threads read. Plans handed in are the solver's own copies of its best solution and are never changed
 * afterwards, so readers may use them without locking.
 */
public final class Job {

    private final String id;
    private final JobSubmission submission;
    private final Instant createdAt;
    private final String problemJson;

    private volatile JobStatus status = JobStatus.QUEUED;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile FieldPlan bestPlan;
    private volatile PlanSummary bestSummary;
    private volatile PlanSummary greedyBaseline;
    private volatile String error;
    private volatile boolean terminationRequested;
    private volatile boolean resumedAfterRestart;
    private volatile Instant lastSaved = Instant.EPOCH;
    private volatile boolean savePending;
    /** Incremented on every change readers may want to hear about (progress events compare it). */
    private volatile long version;

    Job(String id, JobSubmission submission, Instant createdAt, String problemJson) {
        this.id = id;
        this.submission = submission;
        this.createdAt = createdAt;
        this.problemJson = problemJson;
    }

    /** The submitted problem in the documented JSON format, for persisting; null when jobs are not persisted. */
    String getProblemJson() {
        return problemJson;
    }

    synchronized void started(Instant at, PlanSummary greedy) {
        status = JobStatus.SOLVING;
        startedAt = at;
        finishedAt = null;
        greedyBaseline = greedy;
        version++;
    }

    /** Restores a job kept before a restart, with its best plan rebuilt from the stored assignments (or null). */
    synchronized void restored(JobRecord record, FieldPlan plan) {
        status = record.status();
        startedAt = record.startedAt();
        finishedAt = record.finishedAt();
        greedyBaseline = record.greedyBaseline();
        error = record.error();
        if (plan != null) {
            improved(plan);
        }
    }

    /** Marks a job that was queued or solving when the service stopped and is queued again. */
    synchronized void resumedAfterRestart() {
        resumedAfterRestart = true;
        status = JobStatus.QUEUED;
        finishedAt = null;
    }

    public boolean isResumedAfterRestart() {
        return resumedAfterRestart;
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

    /** A repair of the finished plan has started (see {@link JobService#repair}). */
    synchronized void repairing(Instant at) {
        status = JobStatus.SOLVING;
        startedAt = at;
        finishedAt = null;
        terminationRequested = false;
        version++;
    }

    synchronized void improved(FieldPlan plan) {
        bestPlan = plan;
        bestSummary = PlanSummary.of(plan);
        version++;
    }

    synchronized void finished(JobStatus endStatus, Instant at) {
        status = endStatus;
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

    public String getId() {
        return id;
    }

    public JobSubmission getSubmission() {
        return submission;
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
        return bestPlan;
    }

    /** The best plan so far; a 409 problem for callers that need one before the first exists. */
    public FieldPlan requireBestPlan() {
        if (bestPlan == null) {
            throw ApiException.conflict("job " + id + " has no plan yet (" + getStatus() + ")");
        }
        return bestPlan;
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
