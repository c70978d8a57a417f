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
 * @param resumedAfterRestart the instance solving the job stopped and the job was resumed (by another instance, or
 *     this one after a restart) from its last saved plan
 * @param owner the instance solving the job, or that last solved it; null while it waits in the queue
 * @param takeovers how many times the job was resumed that way
 * @param parts how far the parts of a large region solved in parts are (from the instance solving it), or null
 */
public record JobView(String id, JobStatus status, SolverStatus solverStatus, String problemName, String regionId,
        long solveSeconds, Instant createdAt, Instant startedAt, Instant finishedAt, PlanSummary best,
        PlanSummary greedyBaseline, Double gainOverGreedy, String error, boolean resumedAfterRestart, String owner,
        int takeovers, PartsProgress parts) {

    static JobView of(Job job, SolverStatus solverStatus) {
        PlanSummary best = job.getBestSummary();
        PlanSummary greedy = job.getGreedyBaseline();
        return new JobView(job.getId(), job.getStatus(), solverStatus, job.getProblemName(),
                job.getSource() == null ? null : job.getSource().regionId(), job.getSolveTime().toSeconds(),
                job.getCreatedAt(), job.getStartedAt(), job.getFinishedAt(), best, greedy, best == null || greedy == null ? null : best.expectedNetVotes() - greedy.expectedNetVotes(),
                job.getError(), job.isResumedAfterRestart(), job.getOwner(), job.getTakeovers(),
                PartsProgress.of(job.getParts()));
    }
}
