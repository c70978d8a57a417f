package org.fieldplan.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.solver.MoveTestPlans.AM;
import static org.fieldplan.solver.MoveTestPlans.PM;
import static org.fieldplan.solver.MoveTestPlans.precinctById;
import static org.fieldplan.solver.MoveTestPlans.precinctOf;
import static org.fieldplan.solver.MoveTestPlans.shift;

import java.util.List;
import java.util.Random;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;

/**
 * The three compound moves of {@link TeamMoveIteratorFactory} on a real score director: what each changes, that its
 * undo restores plan and score, when it is not doable, and rebasing onto a cloned plan.
 */
class TeamMoveIteratorFactoryTest {

    private FieldPlan plan;
    private InnerScoreDirector<FieldPlan, HardMediumSoftLongScore> scoreDirector;
    private final TeamMoveIteratorFactory factory = new TeamMoveIteratorFactory();

    @BeforeEach
    void setUp() {
        plan = MoveTestPlans.twoNearbyPrecincts("team moves", 6);
        for (String id : List.of("v0", "v1", "v2")) {
            shift(plan, id, AM).setPrecinct(precinctById(plan, "P0"));
        }
        scoreDirector = MoveTestPlans.scoreDirector(plan);
        factory.phaseStarted(scoreDirector);
    }

    @Test
    void teamMoveTakesATeamOfThreeToAnotherPrecinctAndItsUndoRestoresPlanAndScore() {
        HardMediumSoftLongScore before = scoreDirector.calculateScore();
        assertThat(before.isFeasible()).isTrue();

        ShiftsChangeMove move = factory.teamMove(shift(plan, "v1", AM), precinctById(plan, "P1"));
        assertThat(move.isMoveDoable(scoreDirector)).isTrue();
        assertThat(entities(move)).hasSize(3);
        Move<FieldPlan> undo = move.doMove(scoreDirector);

        assertThat(precinctOf(plan, "v0", AM)).isEqualTo("P1");
        assertThat(precinctOf(plan, "v1", AM)).isEqualTo("P1");
        assertThat(precinctOf(plan, "v2", AM)).isEqualTo("P1");
        assertThat(scoreDirector.calculateScore().isFeasible()).isTrue();

        undo.doMoveOnly(scoreDirector);
        assertThat(precinctOf(plan, "v0", AM)).isEqualTo("P0");
        assertThat(precinctOf(plan, "v2", AM)).isEqualTo("P0");
        assertThat(scoreDirector.calculateScore()).isEqualTo(before);
    }

    @Test
    void teamMoveHomeUnassignsTheWholeTeam() {
        factory.teamMove(shift(plan, "v0", AM), null).doMoveOnly(scoreDirector);

        assertThat(plan.getShifts()).allMatch(shift -> shift.getPrecinct() == null);
        assertThat(scoreDirector.calculateScore().isFeasible()).isTrue();
    }

    @Test
    void teamMoveIsNotDoableToAPrecinctOutsideAMembersCandidates() {
        assertThat(shift(plan, "v0", AM).getCandidatePrecincts()).extracting(Precinct::getId).doesNotContain("FAR");

        Shift v0 = shift(plan, "v0", AM);
        assertThat(factory.teamMove(v0, precinctById(plan, "FAR")).isMoveDoable(scoreDirector)).isFalse();
        assertThat(factory.teamMove(v0, precinctById(plan, "P0")).isMoveDoable(scoreDirector)).isFalse();
    }

    @Test
    void teamSlotMoveWorksTheSamePrecinctInAnotherSlotWithinEveryMembersShiftLimit() {
        HardMediumSoftLongScore before = scoreDirector.calculateScore();

        ShiftsChangeMove move = factory.teamSlotMove(shift(plan, "v0", AM), shift(plan, "v0", PM));
        assertThat(move.isMoveDoable(scoreDirector)).isTrue();
        Move<FieldPlan> undo = move.doMove(scoreDirector);

        for (String id : List.of("v0", "v1", "v2")) {
            assertThat(precinctOf(plan, id, AM)).as(id + " in the morning").isNull();
            assertThat(precinctOf(plan, id, PM)).as(id + " in the afternoon").isEqualTo("P0");
        }
        assertThat(scoreDirector.calculateScore().isFeasible()).isTrue();

        undo.doMoveOnly(scoreDirector);
        assertThat(precinctOf(plan, "v1", AM)).isEqualTo("P0");
        assertThat(precinctOf(plan, "v1", PM)).isNull();
        assertThat(scoreDirector.calculateScore()).isEqualTo(before);
    }

    @Test
    void teamSlotMoveLeavesBehindMembersWhoAlreadyWorkTheOtherSlot() {
        shift(plan, "v2", AM).setPrecinct(null);
        shift(plan, "v2", PM).setPrecinct(precinctById(plan, "P1"));
        shift(plan, "v3", PM).setPrecinct(precinctById(plan, "P1"));
        shift(plan, "v4", AM).setPrecinct(precinctById(plan, "P0"));
        scoreDirector.setWorkingSolution(plan);

        ShiftsChangeMove move = factory.teamSlotMove(shift(plan, "v0", AM), shift(plan, "v0", PM));

        assertThat(entities(move)).containsExactlyInAnyOrder(shift(plan, "v0", AM), shift(plan, "v0", PM),
                shift(plan, "v1", AM), shift(plan, "v1", PM), shift(plan, "v4", AM), shift(plan, "v4", PM));
    }

    @Test
    void volunteerSlotMoveBringsAPartnerWhereTheTargetHasNoTeam() {
        // v1 and v2 have used their one shift: keep them out of the partners so the result is feasible.
        shift(plan, "v1", PM).setPinned(true);
        shift(plan, "v2", PM).setPinned(true);
        // Pins are facts: a new phase, with the index built anew (the phase's index is shared until it ends).
        factory.phaseEnded(scoreDirector);
        factory.phaseStarted(scoreDirector);
        HardMediumSoftLongScore before = scoreDirector.calculateScore();

        ShiftsChangeMove move = factory.volunteerSlotMove(shift(plan, "v0", AM), shift(plan, "v0", PM),
                precinctById(plan, "P1"), new Random(3));
        assertThat(entities(move)).hasSize(3);
        Move<FieldPlan> undo = move.doMove(scoreDirector);

        assertThat(precinctOf(plan, "v0", AM)).isNull();
        assertThat(precinctOf(plan, "v0", PM)).isEqualTo("P1");
        assertThat(plan.getShifts()).filteredOn(shift -> shift.getSlot().getId().equals(PM))
                .filteredOn(shift -> shift.getPrecinct() != null).hasSize(2)
                .allMatch(shift -> shift.getPrecinct().getId().equals("P1"));
        assertThat(scoreDirector.calculateScore().isFeasible()).isTrue();

        undo.doMoveOnly(scoreDirector);
        assertThat(plan.getShifts()).filteredOn(shift -> shift.getSlot().getId().equals(PM))
                .allMatch(shift -> shift.getPrecinct() == null);
        assertThat(scoreDirector.calculateScore()).isEqualTo(before);
    }

    @Test
    void volunteerSlotMoveJoinsAnExistingTeamAlone() {
        shift(plan, "v3", PM).setPrecinct(precinctById(plan, "P1"));
        shift(plan, "v4", PM).setPrecinct(precinctById(plan, "P1"));
        scoreDirector.setWorkingSolution(plan);

        ShiftsChangeMove move = factory.volunteerSlotMove(shift(plan, "v0", AM), shift(plan, "v0", PM),
                precinctById(plan, "P1"), new Random(3));

        assertThat(entities(move)).containsExactly(shift(plan, "v0", AM), shift(plan, "v0", PM));
        move.doMoveOnly(scoreDirector);
        assertThat(scoreDirector.calculateScore().isFeasible()).isTrue();
    }

    @Test
    void rebaseFindsTheSameShiftsAndPrecinctsInACopyOfThePlan() {
        ShiftsChangeMove move = factory.teamMove(shift(plan, "v0", AM), precinctById(plan, "P1"));
        FieldPlan copy = scoreDirector.cloneSolution(plan);
        InnerScoreDirector<FieldPlan, HardMediumSoftLongScore> copyDirector = scoreDirector.getScoreDirectorFactory()
                .buildScoreDirector(true, false);
        copyDirector.setWorkingSolution(copy);

        ShiftsChangeMove rebased = move.rebase(copyDirector);

        assertThat(entities(rebased)).allMatch(shift -> copy.getShifts().contains(shift))
                .noneMatch(shift -> plan.getShifts().contains(shift));
        assertThat(List.<Object>copyOf(rebased.getPlanningValues())).containsExactly(copy.getPrecincts().stream()
                .filter(precinct -> precinct.getId().equals("P1")).findFirst().orElseThrow());
        rebased.doMoveOnly(copyDirector);
        assertThat(copy.getShifts()).filteredOn(shift -> shift.getPrecinct() != null)
                .hasSize(3).allMatch(shift -> shift.getPrecinct().getId().equals("P1"));
        assertThat(precinctOf(plan, "v0", AM)).isEqualTo("P0");
    }

    @Test
    void randomMovesChangeTwoToSixShiftsAndManyAreDoable() {
        var moves = factory.createRandomMoveIterator(scoreDirector, new Random(5));
        int doable = 0;
        for (int i = 0; i < 300; i++) {
            ShiftsChangeMove move = moves.next();
            if (move.isMoveDoable(scoreDirector)) {
                doable++;
                assertThat(entities(move)).hasSizeBetween(2, 6);
            }
        }
        assertThat(doable).isGreaterThan(50);
    }

    private static List<Object> entities(ShiftsChangeMove move) {
        return List.copyOf(move.getPlanningEntities());
    }
}
