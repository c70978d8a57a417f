package org.fieldplan.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.data.io.RealRegionProblem;
import org.fieldplan.data.io.TestFiles;
import org.fieldplan.data.mapping.PrecinctMapping;
import org.fieldplan.testing.TestSolvers;
import org.fieldplan.validation.ProblemValidator;
import org.junit.jupiter.api.Test;

/**
 * Real data: Rhode Island's 419 precincts (41 invalid polygons repaired on import) and 2,000 volunteers placed at
 * population-weighted census block-group centres. Fails, naming the path, when ../shared/data is missing.
 */
class RhodeIslandAcceptanceTest {

    @Test
    void rhodeIslandPlanIsFeasibleAndBeatsGreedy() {
        FieldPlanProblem problem = RealRegionProblem.build("Rhode Island",
                TestFiles.sharedData("precincts/ri-precincts.geojson"), PrecinctMapping.preset("rhode-island"),
                TestFiles.sharedData("census/cenpop2020_bg_RI.csv"), 2000, 7);
        assertThat(problem.precincts()).hasSize(419);
        assertThat(ProblemValidator.validate(problem)).isEmpty();

        var comparison = TestSolvers.solveAgainstGreedy(problem, 400_000);

        assertThat(comparison.violations()).isEmpty();
        assertThat(comparison.solved().assignedShifts()).isGreaterThan(500);
        assertThat(comparison.solved().expectedNetVotes()).isGreaterThan(comparison.greedy().expectedNetVotes());
    }
}
