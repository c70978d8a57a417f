package org.fieldplan.data.plan;

import java.time.Instant;
import java.util.List;

import org.fieldplan.data.region.ProblemQuery;
import org.fieldplan.domain.Assignment;
import org.fieldplan.domain.FieldPlanProblem;

/**
 * A plan as stored: assignments in the order they were saved. Timestamps have microsecond precision.
 *
 * @param problem the stored region and query the plan's problem was built from; null for a snapshot-only plan
 * @param snapshot the problem saved with the plan (a fresh copy on every load); null when none was saved
 */
public record StoredPlan(long id, ProblemQuery problem, String score, PlanStatus status, Instant createdAt,
        Instant updatedAt, List<StoredAssignment> assignments, FieldPlanProblem snapshot) {

    public StoredPlan {
        assignments = List.copyOf(assignments);
    }

    /** The assignments with their pinned flags, as the solver takes them back. */
    public List<Assignment> solverAssignments() {
        return assignments.stream().map(StoredAssignment::assignment).toList();
    }
}
