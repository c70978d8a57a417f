package org.fieldplan.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.testing.Fixtures.precinct;
import static org.fieldplan.testing.Fixtures.slot;
import static org.fieldplan.testing.Fixtures.volunteer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.Volunteer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;

/**
 * {@link RuinRecreateMoveIteratorFactory} on a real score director: a ruined precinct is filled again by the greedy
 * rule, the score after the move equals a from-scratch score, and its undo restores plan and score.
 */
class RuinRecreateMoveIteratorFactoryTest {

    private static final String AM = "sat-am";
    private static final String PM = "sat-pm";

    private FieldPlan plan;
    private InnerScoreDirector<FieldPlan, HardMediumSoftLongScore> scoreDirector;
    private final RuinRecreateMoveIteratorFactory factory = new RuinRecreateMoveIteratorFactory();

    @BeforeEach
    void setUp() {
        // Two nearby precincts everybody can reach, one 100 km away that nobody can; one shift per volunteer.
        List<Precinct> precincts = List.of(precinct("A", -71.40, 41.82, 0.6, Set.of(), null),
                precinct("B", -71.39, 41.82, 0.6, Set.of(), null),
                precinct("FAR", -70.20, 41.82, 0.6, Set.of(), null));
        List<Volunteer> volunteers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            volunteers.add(volunteer("v" + i).maxShifts(1, 1).build());
        }
        plan = ProblemPreparer.prepare(new FieldPlanProblem("ruin and recreate", "America/New_York", null, null,
                List.of(), List.of(slot(AM, 0, 9), slot(PM, 0, 13)), precincts, volunteers, null, List.of()));
        shift("v0", AM).setPrecinct(precinctById("A"));
        shift("v1", AM).setPrecinct(precinctById("A"));
        @SuppressWarnings("unchecked")
        DefaultSolverFactory<FieldPlan> solverFactory = (DefaultSolverFactory<FieldPlan>) SolverFactory
                .<FieldPlan>create(FieldPlanSolverConfig.create(Duration.ofSeconds(1)));
        scoreDirector = solverFactory.<HardMediumSoftLongScore>getScoreDirectorFactory().buildScoreDirector(false, false);
        scoreDirector.setWorkingSolution(plan);
        factory.phaseStarted(scoreDirector);
    }

    @Test
    void ruiningAPrecinctRefillsTheNeighbourhoodAndTheUndoRestoresPlanAndScore() {
        HardMediumSoftLongScore before = scoreDirector.calculateScore();
        assertThat(before.isFeasible()).isTrue();

        ShiftsChangeMove move = factory.ruinAndRecreate(List.of(precinctById("A"), precinctById("B")), null);
        assertThat(move.isMoveDoable(scoreDirector)).isTrue();
        Move<FieldPlan> undo = move.doMove(scoreDirector);
        HardMediumSoftLongScore incremental = scoreDirector.calculateScore();

        // The freed pair and the idle volunteers are sent out again, to the ruined precincts only.
        assertThat(plan.getShifts()).filteredOn(shift -> shift.getPrecinct() != null)
                .extracting(shift -> shift.getPrecinct().getId()).isSubsetOf("A", "B").hasSizeGreaterThan(2);
        assertThat(incremental.isFeasible()).isTrue();
        assertThat(incremental).isGreaterThan(before);
        assertThat(incremental).isEqualTo(fromScratch());

        undo.doMoveOnly(scoreDirector);
        assertThat(precinctOf("v0", AM)).isEqualTo("A");
        assertThat(precinctOf("v1", AM)).isEqualTo("A");
        assertThat(plan.getShifts()).filteredOn(shift -> shift.getPrecinct() != null).hasSize(2);
        assertThat(scoreDirector.calculateScore()).isEqualTo(before);
    }

    @Test
    void aPrecinctNotRuinedIsLeftAloneAndNobodyIsSentThere() {
        ShiftsChangeMove move = factory.ruinAndRecreate(List.of(precinctById("B")), null);
        move.doMoveOnly(scoreDirector);

        assertThat(precinctOf("v0", AM)).isEqualTo("A");
        assertThat(precinctOf("v1", AM)).isEqualTo("A");
        assertThat(plan.getShifts()).filteredOn(shift -> shift.getPrecinct() != null)
                .extracting(shift -> shift.getPrecinct().getId()).containsOnly("A", "B");
        assertThat(scoreDirector.calculateScore()).isEqualTo(fromScratch());
    }

    @Test
    void aRuinThatTheGreedyRefillsAsItWasIsNotDoable() {
        factory.ruinAndRecreate(List.of(precinctById("A"), precinctById("B")), null).doMoveOnly(scoreDirector);

        ShiftsChangeMove again = factory.ruinAndRecreate(List.of(precinctById("A"), precinctById("B")), null);

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

    private Shift shift(String volunteerId, String slotId) {
        return plan.getShifts().stream()
                .filter(shift -> shift.getVolunteer().getId().equals(volunteerId)
                        && shift.getSlot().getId().equals(slotId))
                .findFirst().orElseThrow();
    }

    private String precinctOf(String volunteerId, String slotId) {
        Precinct precinct = shift(volunteerId, slotId).getPrecinct();
        return precinct == null ? null : precinct.getId();
    }

    private Precinct precinctById(String id) {
        return plan.getPrecincts().stream().filter(precinct -> precinct.getId().equals(id)).findFirst().orElseThrow();
    }
}
