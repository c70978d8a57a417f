package org.fieldplan.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.testing.Fixtures.precinct;

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

    private static final String AM = MoveTestPlans.AM;
    private static final String PM = MoveTestPlans.PM;

    private FieldPlan plan;
    private InnerScoreDirector<FieldPlan, HardMediumSoftLongScore> scoreDirector;
    private final TeamMoveIteratorFactory factory = new TeamMoveIteratorFactory();

    @BeforeEach
    void setUp() {
        plan = MoveTestPlans.twoNearbyPrecincts("team moves", 6);
        for (String id : List.of("v0", "v1", "v2")) {
            shift(id, AM).setPrecinct(precinctById("P0"));
        }
        scoreDirector = MoveTestPlans.scoreDirector(plan);
        factory.phaseStarted(scoreDirector);
    }

    @Test
    void teamMoveTakesATeamOfThreeToAnotherPrecinctAndItsUndoRestoresPlanAndScore() {
        HardMediumSoftLongScore before = scoreDirector.calculateScore();
        assertThat(before.isFeasible()).isTrue();

        ShiftsChangeMove move = factory.teamMove(shift("v1", AM), precinctById("P1"));
        assertThat(move.isMoveDoable(scoreDirector)).isTrue();
        assertThat(entities(move)).hasSize(3);
        Move<FieldPlan> undo = move.doMove(scoreDirector);

        assertThat(precinctOf("v0", AM)).isEqualTo("P1");
        assertThat(precinctOf("v1", AM)).isEqualTo("P1");
        assertThat(precinctOf("v2", AM)).isEqualTo("P1");
        assertThat(scoreDirector.calculateScore().isFeasible()).isTrue();

        undo.doMoveOnly(scoreDirector);
        assertThat(precinctOf("v0", AM)).isEqualTo("P0");
        assertThat(precinctOf("v2", AM)).isEqualTo("P0");
        assertThat(scoreDirector.calculateScore()).isEqualTo(before);
    }

    @Test
    void teamMoveHomeUnassignsTheWholeTeam() {
        factory.teamMove(shift("v0", AM), null).doMoveOnly(scoreDirector);

        assertThat(plan.getShifts()).allMatch(shift -> shift.getPrecinct() == null);
        assertThat(scoreDirector.calculateScore().isFeasible()).isTrue();
    }

    @Test
    void teamMoveIsNotDoableToAPrecinctOutsideAMembersCandidates() {
        assertThat(shift("v0", AM).getCandidatePrecincts()).extracting(Precinct::getId).doesNotContain("FAR");

        assertThat(factory.teamMove(shift("v0", AM), precinctById("FAR")).isMoveDoable(scoreDirector)).isFalse();
        assertThat(factory.teamMove(shift("v0", AM), precinctById("P0")).isMoveDoable(scoreDirector)).isFalse();
    }

    @Test
    void teamSlotMoveWorksTheSamePrecinctInAnotherSlotWithinEveryMembersShiftLimit() {
        HardMediumSoftLongScore before = scoreDirector.calculateScore();

        ShiftsChangeMove move = factory.teamSlotMove(shift("v0", AM), shift("v0", PM));
        assertThat(move.isMoveDoable(scoreDirector)).isTrue();
        Move<FieldPlan> undo = move.doMove(scoreDirector);

        for (String id : List.of("v0", "v1", "v2")) {
            assertThat(precinctOf(id, AM)).as(id + " in the morning").isNull();
            assertThat(precinctOf(id, PM)).as(id + " in the afternoon").isEqualTo("P0");
        }
        assertThat(scoreDirector.calculateScore().isFeasible()).isTrue();

        undo.doMoveOnly(scoreDirector);
        assertThat(precinctOf("v1", AM)).isEqualTo("P0");
        assertThat(precinctOf("v1", PM)).isNull();
        assertThat(scoreDirector.calculateScore()).isEqualTo(before);
    }

    @Test
    void teamSlotMoveLeavesBehindMembersWhoAlreadyWorkTheOtherSlot() {
        shift("v2", AM).setPrecinct(null);
        shift("v2", PM).setPrecinct(precinctById("P1"));
        shift("v3", PM).setPrecinct(precinctById("P1"));
        shift("v4", AM).setPrecinct(precinctById("P0"));
        scoreDirector.setWorkingSolution(plan);

        ShiftsChangeMove move = factory.teamSlotMove(shift("v0", AM), shift("v0", PM));

        assertThat(entities(move)).containsExactlyInAnyOrder(shift("v0", AM), shift("v0", PM),
                shift("v1", AM), shift("v1", PM), shift("v4", AM), shift("v4", PM));
    }

    @Test
    void volunteerSlotMoveBringsAPartnerWhereTheTargetHasNoTeam() {
        // v1 and v2 have used their one shift: keep them out of the partners so the result is feasible.
        shift("v1", PM).setPinned(true);
        shift("v2", PM).setPinned(true);
        factory.phaseStarted(scoreDirector);
        HardMediumSoftLongScore before = scoreDirector.calculateScore();

        ShiftsChangeMove move = factory.volunteerSlotMove(shift("v0", AM), shift("v0", PM), precinctById("P1"),
                new Random(3));
        assertThat(entities(move)).hasSize(3);
        Move<FieldPlan> undo = move.doMove(scoreDirector);

        assertThat(precinctOf("v0", AM)).isNull();
        assertThat(precinctOf("v0", PM)).isEqualTo("P1");
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
        shift("v3", PM).setPrecinct(precinctById("P1"));
        shift("v4", PM).setPrecinct(precinctById("P1"));
        scoreDirector.setWorkingSolution(plan);

        ShiftsChangeMove move = factory.volunteerSlotMove(shift("v0", AM), shift("v0", PM), precinctById("P1"),
                new Random(3));

        assertThat(entities(move)).containsExactly(shift("v0", AM), shift("v0", PM));
        move.doMoveOnly(scoreDirector);
        assertThat(scoreDirector.calculateScore().isFeasible()).isTrue();
    }

    @Test
    void rebaseFindsTheSameShiftsAndPrecinctsInACopyOfThePlan() {
        ShiftsChangeMove move = factory.teamMove(shift("v0", AM), precinctById("P1"));
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
        assertThat(precinctOf("v0", AM)).isEqualTo("P0");
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

    private Shift shift(String volunteerId, String slotId) {
        return MoveTestPlans.shift(plan, volunteerId, slotId);
    }

    private String precinctOf(String volunteerId, String slotId) {
        return MoveTestPlans.precinctOf(plan, volunteerId, slotId);
    }

    private Precinct precinctById(String id) {
        return MoveTestPlans.precinctById(plan, id);
    }
}
