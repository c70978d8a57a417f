package org.fieldplan.data.plan;

import java.util.List;

import org.fieldplan.data.region.ProblemQuery;
import org.fieldplan.domain.Assignment;
import org.fieldplan.domain.FieldPlanProblem;

/**
 * A plan to store: the problem it solves, its assignments (at most one per volunteer and slot) and its score as the
 * solver prints it (e.g. {@code 0hard/-2medium/1234soft}).
 *
 * <p>The problem is given by reference ({@code problem}: the stored region and the query that built it), as a
 * {@code snapshot} (the problem itself, e.g. one submitted inline as problem JSON, stored as
 * {@link org.fieldplan.data.io.ProblemJson} text), or both; at least one of them. Assignments are checked against the
 * region when there is one, otherwise against the snapshot.
 */
public record NewPlan(ProblemQuery problem, FieldPlanProblem snapshot, List<Assignment> assignments, String score,
        PlanStatus status) {

    public NewPlan {
        if (problem == null && snapshot == null) {
            throw new IllegalArgumentException("a plan needs a stored problem (region query) or a problem snapshot");
        }
        assignments = List.copyOf(assignments);
        if (status == null) {
            throw new NullPointerException("status");
        }
    }

    /** A plan for a problem built from a stored region. */
    public NewPlan(ProblemQuery problem, List<Assignment> assignments, String score, PlanStatus status) {
        this(problem, null, assignments, score, status);
    }

    /** A plan for a problem that is not (or not only) in a region store, kept whole with the plan. */
    public static NewPlan ofSnapshot(FieldPlanProblem snapshot, List<Assignment> assignments, String score,
            PlanStatus status) {
        return new NewPlan(null, snapshot, assignments, score, status);
    }
}
