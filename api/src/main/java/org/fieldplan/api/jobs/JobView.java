package org.fieldplan.api.jobs;

import java.time.Instant;

import org.fieldplan.plan.PlanSummary;
import org.optaplanner.core.api.solver.SolverStatus;

/**
 * A job as {@code GET /api/jobs/{id}} shows it.
 *
 * @param best the best plan so far (score, expected net votes, shifts, travel), or null before the first
 * @param greedyBaseline the greedy organizer's plan on the same problem, or null before solving started
 * @param gainOverGreedy expected net votes of the best plan minus the baseline's, or null
 * @param regionId the stored region the problem was built from; null for an inline problem
 * @param resumedAfterRestart the job was queued or solving when the service stopped and was queued again, starting
 *     from its last saved plan
 */
public record JobView(String id, JobStatus status, SolverStatus solverStatus, String problemName, String regionId,
        long solveSeconds, Instant createdAt, Instant startedAt, Instant finishedAt, PlanSummary best,
        PlanSummary greedyBaseline, Double gainOverGreedy, String error, boolean resumedAfterRestart) {

    static JobView of(Job job, SolverStatus solverStatus) {
        JobSubmission submission = job.getSubmission();
        PlanSummary best = job.getBestSummary();
        PlanSummary greedy = job.getGreedyBaseline();
        return new JobView(job.getId(), job.getStatus(), solverStatus, submission.problem().name(),
                submission.source() == null ? null : submission.source().regionId(),
                submission.solveTime().toSeconds(), job.getCreatedAt(), job.getStartedAt(), job.getFinishedAt(), best,
                greedy, best == null || greedy == null ? null : best.expectedNetVotes() - greedy.expectedNetVotes(),
                job.getError(), job.isResumedAfterRestart());
    }
}
