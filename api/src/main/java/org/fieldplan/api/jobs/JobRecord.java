package org.fieldplan.api.jobs;

import java.time.Instant;
import java.util.List;

import org.fieldplan.data.region.ProblemQuery;
import org.fieldplan.domain.Assignment;
import org.fieldplan.plan.PlanSummary;

/**
 * A job as persisted: enough to show it again and to rebuild its best plan after a restart.
 *
 * @param problemJson the stated problem in the documented JSON format
 * @param source the stored-data query, or null for an inline problem
 * @param assignments the best plan's assignments, or null before the first plan
 */
public record JobRecord(String id, JobStatus status, Instant createdAt, Instant startedAt, Instant finishedAt,
        long solveSeconds, String problemJson, ProblemQuery source, List<Assignment> assignments,
        PlanSummary best, PlanSummary greedyBaseline, String error) {
}
