package org.fieldplan.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.solver.MoveTestPlans.AM;
import static org.fieldplan.solver.MoveTestPlans.precinctById;
import static org.fieldplan.solver.MoveTestPlans.precinctOf;
import static org.fieldplan.solver.MoveTestPlans.shift;
import static org.fieldplan.testing.Fixtures.precinct;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.data.generator.RegionGenerator;
import org.fieldplan.data.generator.RegionSize;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;

/**
 * {@link RuinRecreateMoveIteratorFactory} on a real score director: a ruined precinct is filled again by the greedy
 * rule, the score after the move equals a from-scratch score, and its undo restores plan and score.
 */
class RuinRecreateMoveIteratorFactoryTest {

    private FieldPlan plan;
    private InnerScoreDirector<FieldPlan, HardMediumSoftLongScore> scoreDirector;
    private final RuinRecreateMoveIteratorFactory factory = new RuinRecreateMoveIteratorFactory();

    @BeforeEach
    void setUp() {
        plan = MoveTestPlans.twoNearbyPrecincts("ruin and recreate", 4);
        shift(plan, "v0", AM).setPrecinct(precinctById(plan, "P0"));
        shift(plan, "v1", AM).setPrecinct(precinctById(plan, "P0"));
        scoreDirector = MoveTestPlans.scoreDirector(plan);
        factory.phaseStarted(scoreDirector);
    }

    @Test
    void ruiningAPrecinctRefillsTheNeighbourhoodAndTheUndoRestoresPlanAndScore() {
        HardMediumSoftLongScore before = scoreDirector.calculateScore();
        assertThat(before.isFeasible()).isTrue();

        ShiftsChangeMove move = factory.ruinAndRecreate(bothPrecincts(), null);
        assertThat(move.isMoveDoable(scoreDirector)).isTrue();
        Move<FieldPlan> undo = move.doMove(scoreDirector);
        HardMediumSoftLongScore incremental = scoreDirector.calculateScore();

        // The freed pair and the idle volunteers are sent out again, to the ruined precincts only.
        assertThat(plan.getShifts()).filteredOn(shift -> shift.getPrecinct() != null)
                .extracting(shift -> shift.getPrecinct().getId()).isSubsetOf("P0", "P1").hasSizeGreaterThan(2);
        assertThat(incremental.isFeasible()).isTrue();
        assertThat(incremental).isGreaterThan(before);
        assertThat(incremental).isEqualTo(fromScratch());

        undo.doMoveOnly(scoreDirector);
        assertThat(precinctOf(plan, "v0", AM)).isEqualTo("P0");
        assertThat(precinctOf(plan, "v1", AM)).isEqualTo("P0");
        assertThat(plan.getShifts()).filteredOn(shift -> shift.getPrecinct() != null).hasSize(2);
        assertThat(scoreDirector.calculateScore()).isEqualTo(before);
    }

    @Test
    void aPrecinctNotRuinedIsLeftAloneAndNobodyIsSentThere() {
        ShiftsChangeMove move = factory.ruinAndRecreate(List.of(precinctById(plan, "P1")), null);
        move.doMoveOnly(scoreDirector);

        assertThat(precinctOf(plan, "v0", AM)).isEqualTo("P0");
        assertThat(precinctOf(plan, "v1", AM)).isEqualTo("P0");
        assertThat(plan.getShifts()).filteredOn(shift -> shift.getPrecinct() != null)
                .extracting(shift -> shift.getPrecinct().getId()).containsOnly("P0", "P1");
        assertThat(scoreDirector.calculateScore()).isEqualTo(fromScratch());
    }

    @Test
    void aRuinThatTheGreedyRefillsAsItWasIsNotDoable() {
        factory.ruinAndRecreate(bothPrecincts(), null).doMoveOnly(scoreDirector);

        ShiftsChangeMove again = factory.ruinAndRecreate(bothPrecincts(), null);

        assertThat(again.isMoveDoable(scoreDirector)).isFalse();
    }

    @Test
    void randomMovesAreDoableAndKeepTheScoreExact() {
        var moves = factory.createRandomMoveIterator(scoreDirector, new Random(5));
        int doable = 0;
        for (int i = 0; i < 50; i++) {
            ShiftsChangeMove move = moves.next();
            if (move.isMoveDoable(scoreDirector)) {
                doable++;
                move.doMoveOnly(scoreDirector);
                assertThat(scoreDirector.calculateScore()).isEqualTo(fromScratch());
            }
        }
        assertThat(doable).isPositive();
    }

    private HardMediumSoftLongScore fromScratch() {
        InnerScoreDirector<FieldPlan, HardMediumSoftLongScore> fresh = scoreDirector.getScoreDirectorFactory()
                .buildScoreDirector(false, false);
        fresh.setWorkingSolution(scoreDirector.cloneSolution(plan));
        return fresh.calculateScore();
    }

    private List<Precinct> bothPrecincts() {
        return List.of(precinctById(plan, "P0"), precinctById(plan, "P1"));
    }

    @Test
    void theNearestPrecinctsAreThoseOfAFullSortByDistanceTiesInListOrder() {
        List<Precinct> precincts = new ArrayList<>(
                ProblemPreparer.prepare(new RegionGenerator().generate(RegionSize.S, 7)).getPrecincts());
        // Two precincts at the same place as the first one and one at another's: ties must keep list order.
        precincts.add(precinct("same-as-first", precincts.get(0).getCentroid().getX(),
                precincts.get(0).getCentroid().getY(), 0.5, Set.of(), null));
        precincts.add(precinct("same-as-first-again", precincts.get(0).getCentroid().getX(),
                precincts.get(0).getCentroid().getY(), 0.5, Set.of(), null));
        for (Precinct center : precincts) {
            List<Precinct> sorted = new ArrayList<>(precincts);
            sorted.sort(Comparator.comparingDouble(p -> p == center ? -1 : Math.hypot(
                    p.getCentroid().getX() - center.getCentroid().getX(),
                    p.getCentroid().getY() - center.getCentroid().getY())));
            for (int count : new int[] {1, 4, precincts.size() + 3}) {
                assertThat(RuinRecreateMoveIteratorFactory.nearest(center, precincts, count))
                        .containsExactlyElementsOf(sorted.subList(0, Math.min(count, sorted.size())));
            }
        }
    }
}
