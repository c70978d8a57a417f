package org.fieldplan.plan;

import java.util.List;
import java.util.function.Consumer;

import org.fieldplan.domain.Assignment;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.ProblemPreparer;
import org.fieldplan.solver.SolveResult;

/**
 * A solved plan as written to {@code plan.json}: its assignments, its summary, the greedy baseline's summary on the
 * same problem, and how the solver run went. See {@code docs/problem-format.md}.
 */
public record PlanDocument(
        String problemName,
        PlanSummary summary,
        PlanSummary greedyBaseline,
        SolverRun solver,
        List<Assignment> assignments) {

    /** How the run went: wall time, time to the first feasible plan (-1: never), score calculations per second. */
    public record SolverRun(long millisSpent, long millisToFirstFeasible, long scoreCalculationSpeed) {
    }

    public static PlanDocument of(SolveResult result, FieldPlan greedy) {
        FieldPlan plan = result.plan();
        return new PlanDocument(plan.getName(), PlanSummary.of(plan), PlanSummary.of(greedy),
                new SolverRun(result.millisSpent(), result.millisToFirstFeasible(), result.scoreCalculationSpeed()),
                ProblemPreparer.assignmentsOf(plan));
    }

    /** Solves the prepared problem with the solver and compares with the greedy baseline. */
    public static PlanDocument solve(FieldPlanSolver solver, FieldPlan prepared,
            Consumer<FieldPlan> onNewBest) {
        FieldPlan greedy = solver.greedyBaseline(prepared);
        return of(solver.solve(prepared, onNewBest), greedy);
    }
}
