package org.fieldplan.data.plan;

import java.util.List;
import java.util.Objects;

import org.fieldplan.data.region.ProblemQuery;
import org.fieldplan.domain.Assignment;

/**
 * A plan to store: the problem it solves (by reference: the region and the query that built it), its assignments
 * (at most one per volunteer and slot) and its score as the solver prints it (e.g. {@code 0hard/-2medium/1234soft}).
 */
public record NewPlan(ProblemQuery problem, List<Assignment> assignments, String score, PlanStatus status) {

    public NewPlan {
        Objects.requireNonNull(problem, "problem");
        assignments = List.copyOf(assignments);
        Objects.requireNonNull(status, "status");
    }
}
