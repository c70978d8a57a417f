package org.fieldplan.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.generator.RegionGenerator;
import org.fieldplan.generator.RegionSize;
import org.fieldplan.plan.PlanSummary;
import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.ProblemPreparer;
import org.fieldplan.solver.SolveResult;
import org.fieldplan.testing.IndependentPlanChecker;
import org.fieldplan.testing.TestSolvers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On generated S regions the solved plan breaks no hard rule (re-checked without the constraint provider) and
 * expects strictly more net votes than the greedy organizer's plan.
 */
class GeneratedRegionAcceptanceTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 8, 9})
    void solvedPlanIsFeasibleAndBeatsGreedy(long seed) {
        FieldPlanProblem problem = new RegionGenerator().generate(RegionSize.S, seed);
        FieldPlan prepared = ProblemPreparer.prepare(problem);
        FieldPlanSolver solver = TestSolvers.stepLimited(5_000);

        PlanSummary greedy = PlanSummary.of(solver.greedyBaseline(prepared));
        SolveResult result = solver.solve(prepared, best -> { });
        PlanSummary solved = PlanSummary.of(result.plan());

        assertThat(IndependentPlanChecker.violations(problem, ProblemPreparer.assignmentsOf(result.plan())))
                .isEmpty();
        assertThat(solved.hardScore()).isZero();
        assertThat(solved.assignedShifts()).isPositive();
        assertThat(solved.expectedNetVotes()).isGreaterThan(greedy.expectedNetVotes());
    }
}
