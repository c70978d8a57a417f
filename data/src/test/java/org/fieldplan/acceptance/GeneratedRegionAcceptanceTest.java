package org.fieldplan.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import org.fieldplan.data.generator.RegionGenerator;
import org.fieldplan.data.generator.RegionSize;
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
        var comparison = TestSolvers.solveAgainstGreedy(new RegionGenerator().generate(RegionSize.S, seed), 300_000);

        assertThat(comparison.violations()).isEmpty();
        assertThat(comparison.solved().hardScore()).isZero();
        assertThat(comparison.solved().assignedShifts()).isPositive();
        assertThat(comparison.solved().expectedNetVotes()).isGreaterThan(comparison.greedy().expectedNetVotes());
    }
}
