package org.fieldplan.data.plan;

import java.time.Instant;
import java.util.List;

import org.fieldplan.data.region.ProblemQuery;
import org.fieldplan.domain.Assignment;

/** A plan as stored: assignments in the order they were saved. Timestamps have microsecond precision. */
public record StoredPlan(long id, ProblemQuery problem, String score, PlanStatus status, Instant createdAt,
        Instant updatedAt, List<StoredAssignment> assignments) {

    public StoredPlan {
        assignments = List.copyOf(assignments);
    }

    /** The assignments with their pinned flags, as the solver takes them back. */
    public List<Assignment> solverAssignments() {
        return assignments.stream().map(StoredAssignment::assignment).toList();
    }
}
