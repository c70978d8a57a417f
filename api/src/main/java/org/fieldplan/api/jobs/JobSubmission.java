package org.fieldplan.api.jobs;

import java.time.Duration;
import java.util.Objects;

import org.fieldplan.data.region.ProblemQuery;
import org.fieldplan.domain.FieldPlanProblem;

/**
 * A validated request to solve: the stated problem, for how long, and — when it was built from stored data — the
 * query it was built from (so candidate precincts come from the data layer's candidate pairs).
 *
 * @param source the stored-data query, or null for an inline problem
 */
public record JobSubmission(FieldPlanProblem problem, ProblemQuery source, Duration solveTime) {

    public JobSubmission {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(solveTime, "solveTime");
    }
}
