package org.fieldplan.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.testing.Fixtures.precinct;
import static org.fieldplan.testing.Fixtures.slot;
import static org.fieldplan.testing.Fixtures.volunteer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * Runs the real solver configuration (greedy phase, change/swap/pair/team moves) in FULL_ASSERT mode, which
 * recomputes the score from scratch after every move and fails on any incremental-score or undo-move corruption.
 */
class SolverScoreIntegrityTest {

    @Test
    void incrementalScoreMatchesFullRecalculationForEveryMoveType() {
        FieldPlan solved = solveInFullAssert(fullAssertConfig());

        assertThat(solved.getScore().isFeasible()).isTrue();
        assertThat(solved.getShifts()).anyMatch(shift -> shift.getPrecinct() != null);
    }

    /** Team moves only: in the union they are one selector of four, so this makes sure each kind is run often. */
    @Test
    void incrementalScoreMatchesFullRecalculationForTeamMoves() {
        SolverConfig config = fullAssertConfig();
        localSearch(config).setMoveSelectorConfig(
                new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(TeamMoveIteratorFactory.class));

        FieldPlan solved = solveInFullAssert(config);

        assertThat(solved.getScore().isFeasible()).isTrue();
    }

    /** Ruin-and-recreate moves only, likewise rare in the product's union. */
    @Test
    void incrementalScoreMatchesFullRecalculationForRuinAndRecreateMoves() {
        SolverConfig config = fullAssertConfig();
        localSearch(config).setMoveSelectorConfig(
                new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(RuinRecreateMoveIteratorFactory.class));

        // Each move changes up to ~20 shifts and is checked from scratch: fewer calculations cover many moves.
        FieldPlan solved = solveInFullAssert(config, 2_000L);

        assertThat(solved.getScore().isFeasible()).isTrue();
    }

    /** The configuration's local search phase (after the greedy start and the partitioned improvement). */
    private static LocalSearchPhaseConfig localSearch(SolverConfig config) {
        return config.getPhaseConfigList().stream().filter(LocalSearchPhaseConfig.class::isInstance)
                .map(LocalSearchPhaseConfig.class::cast).findFirst().orElseThrow();
    }

    private static SolverConfig fullAssertConfig() {
        return SolverConfig.createFromXmlResource(FieldPlanSolverConfig.RESOURCE)
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT);
    }

    private static FieldPlan solveInFullAssert(SolverConfig config) {
        return solveInFullAssert(config, 8_000L);
    }

    private static FieldPlan solveInFullAssert(SolverConfig config, long scoreCalculations) {
        Random random = new Random(11);
        List<Precinct> precincts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            precincts.add(precinct("P" + i, -71.42 + 0.01 * (i % 4), 41.81 + 0.01 * (i / 4),
                    0.45 + 0.05 * (i % 5), i == 3 ? Set.of("es") : Set.of(), i == 5 ? 2 : null));
        }
        List<TimeSlot> slots = List.of(slot("sat-am", 0, 9), slot("sat-pm", 0, 13), slot("sun-am", 1, 9));
        List<Volunteer> volunteers = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            var builder = volunteer("v" + i).attendance(0.4 + 0.5 * random.nextDouble())
                    .maxShifts(1 + random.nextInt(3), 1 + random.nextInt(2)).available(0, 8, 17);
            if (random.nextBoolean()) {
                builder.available(1, 8, 12);
            }
            if (i % 4 == 0) {
                builder.languages("en", "es").prefers("P" + (i % 8));
            }
            volunteers.add(builder.build());
        }
        FieldPlanProblem problem = new FieldPlanProblem("integrity", "America/New_York", null, null, List.of(),
                slots, precincts, volunteers, null, List.of());
        FieldPlan plan = ProblemPreparer.prepare(problem);

        localSearch(config).setTerminationConfig(
                new TerminationConfig().withScoreCalculationCountLimit(scoreCalculations));
        return SolverFactory.<FieldPlan>create(config).buildSolver().solve(plan);
    }
}
