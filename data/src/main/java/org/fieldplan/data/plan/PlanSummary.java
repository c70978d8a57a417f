package org.fieldplan.data.plan;

import java.time.Instant;

import org.fieldplan.data.region.ProblemQuery;

/** A stored plan without its assignments, for listings. */
public record PlanSummary(long id, ProblemQuery problem, String score, PlanStatus status, int assignments,
        Instant createdAt, Instant updatedAt) {
}
