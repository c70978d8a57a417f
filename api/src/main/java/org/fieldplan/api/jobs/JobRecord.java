package org.fieldplan.api.jobs;

import java.time.Instant;

import org.fieldplan.data.region.ProblemQuery;
import org.fieldplan.plan.PlanSummary;

/**
 * A job's life as the instances share it (table {@code api_job}); its problem and best plan are in the data layer's
 * plan store under {@code planId}.
 *
 * @param problemName the submitted problem's name, for listings without loading the problem
 * @param source the stored-data query, or null for an inline problem
 * @param planId the job's plan in the plan store
 * @param planVersion how many times the best plan was saved; a reader's copy with the same version is current
 * @param best summary of the saved best plan (kept here for listings), or null before the first
 * @param owner the instance solving the job, or that last solved it; null while queued
 * @param takeovers how many times the job was resumed from its saved plan after its instance stopped
 * @param terminateRequested someone asked to stop the job; its owner stops it at its next heartbeat
 * @param claim how many times the job was claimed (solve, takeover or repair): the owner's writes name it, and one
 *        naming an earlier claim (an owner that lost the job while stalled, even to itself) is refused
 */
public record JobRecord(String id, JobStatus status, Instant createdAt, Instant startedAt, Instant finishedAt,
        long solveSeconds, String problemName, ProblemQuery source, long planId, long planVersion, PlanSummary best,
        PlanSummary greedyBaseline, String error, String owner, int takeovers, boolean terminateRequested,
        long claim) {

    /** A record not claimed yet (claim 0), e.g. a new submission or a job inserted as ended. */
    public JobRecord(String id, JobStatus status, Instant createdAt, Instant startedAt, Instant finishedAt,
            long solveSeconds, String problemName, ProblemQuery source, long planId, long planVersion,
            PlanSummary best, PlanSummary greedyBaseline, String error, String owner, int takeovers,
            boolean terminateRequested) {
        this(id, status, createdAt, startedAt, finishedAt, solveSeconds, problemName, source, planId, planVersion,
                best, greedyBaseline, error, owner, takeovers, terminateRequested, 0);
    }
}
