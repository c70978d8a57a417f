package org.fieldplan.data.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.testing.TestSolvers;
import org.junit.jupiter.api.Test;

/** The documented example must show what the documentation says it does: a feasible plan. */
class DocumentedExampleTest {

    @Test
    void theSmallExampleSolvesToZeroHard() {
        FieldPlanProblem problem = ProblemJson.read(TestFiles.example("problem-small.json"));

        TestSolvers.Comparison solved = TestSolvers.solveAgainstGreedy(problem, 20_000);

        assertThat(solved.solved().hardScore()).as(solved.solved().score()).isZero();
        assertThat(solved.violations()).as("the independent checker").isEmpty();
    }
}
