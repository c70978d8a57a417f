package org.fieldplan.testing;

import java.util.List;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.plan.PlanSummary;
import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.FieldPlanSolverConfig;
import org.fieldplan.solver.ProblemPreparer;

/** Solvers for tests: the production configuration, ended by a score-calculation count so runs are reproducible. */
public final class TestSolvers {

    private TestSolvers() {
    }

    public static FieldPlanSolver evaluationLimited(long scoreCalculations) {
        return new FieldPlanSolver(FieldPlanSolverConfig.createEvaluationLimited(scoreCalculations));
    }

    /** A problem solved next to its greedy baseline, with the independent checker's verdict on the solved plan. */
    public record Comparison(PlanSummary greedy, PlanSummary solved, FieldPlan plan, List<String> violations) {
    }

    public static Comparison solveAgainstGreedy(FieldPlanProblem problem, long scoreCalculations) {
        FieldPlan prepared = ProblemPreparer.prepare(problem);
        FieldPlanSolver solver = evaluationLimited(scoreCalculations);
        PlanSummary greedy = PlanSummary.of(solver.greedyBaseline(prepared));
        FieldPlan plan = solver.solve(prepared, best -> { }).plan();
        return new Comparison(greedy, PlanSummary.of(plan), plan,
                IndependentPlanChecker.violations(problem, ProblemPreparer.assignmentsOf(plan)));
    }
}
