package org.fieldplan.data.plan;

import java.time.Instant;

import org.fieldplan.data.region.ProblemQuery;

/**
 * A stored plan without its assignments, for listings.
 *
 * @param problem the stored region and query the plan's problem was built from; null for a snapshot-only plan
 */
public record PlanSummary(long id, ProblemQuery problem, String score, PlanStatus status, int assignments,
        Instant createdAt, Instant updatedAt) {
}
