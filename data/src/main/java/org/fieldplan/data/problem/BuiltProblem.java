package org.fieldplan.data.problem;

import java.util.List;

import org.fieldplan.domain.FieldPlanProblem;

/** A problem ready for {@link org.fieldplan.solver.ProblemPreparer}, and what was left out of it and why. */
public record BuiltProblem(FieldPlanProblem problem, List<DataIssue> issues) {

    public BuiltProblem {
        issues = List.copyOf(issues);
    }
}
