package org.fieldplan.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.solver.MoveTestPlans.precinctById;
import static org.fieldplan.solver.MoveTestPlans.precinctOf;
import static org.fieldplan.solver.MoveTestPlans.shift;
import static org.fieldplan.testing.Fixtures.precinct;
import static org.fieldplan.testing.Fixtures.slot;
import static org.fieldplan.testing.Fixtures.volunteer;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.fieldplan.domain.District;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.solver.DeploymentMoveIteratorFactory.DeploymentDay;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

/**
 * The whole-day moves of {@link DeploymentMoveIteratorFactory} on a real score director: two volunteers who offered
 * Saturday go to a far precinct together for the offer's three slots in one step, feasibly, and back again.
 */
class DeploymentMoveIteratorFactoryTest {

    private static final List<String> SATURDAY = List.of("sat-am", "sat-mid", "sat-pm");

    private final ConstraintVerifier<FieldPlanConstraintProvider, FieldPlan> verifier =
            ConstraintVerifier.build(new FieldPlanConstraintProvider(), FieldPlan.class, Shift.class);
    private final DeploymentMoveIteratorFactory factory = new DeploymentMoveIteratorFactory();
    private FieldPlan plan;
    private InnerScoreDirector<FieldPlan, HardMediumSoftLongScore> scoreDirector;

    @BeforeEach
    void setUp() {
        List<Precinct> precincts = List.of(precinct("NEAR", -71.40, 41.82, 0.55, Set.of(), null),
                // About 40 km away (roughly 80 minutes by car): within the offer's 90 minutes only.
                precinct("FAR", -71.90, 41.82, 0.70, Set.of(), null));
        plan = ProblemPreparer.prepare(new FieldPlanProblem("deployment moves", "America/New_York", null, null,
                List.of(new District("HD-1", 0.5)), List.of(slot("sat-am", 0, 9), slot("sat-mid", 0, 13),
                        slot("sat-pm", 0, 17), slot("sun-am", 1, 9)), precincts,
                List.of(volunteer("a").maxShifts(3, 3).deploys(0, 90, 3).build(),
                        volunteer("b").maxShifts(3, 3).deploys(0, 90, 3).build(),
                        volunteer("local").maxShifts(3, 3).build()),
                null, List.of(), Map.of(), List.of()));
        scoreDirector = MoveTestPlans.scoreDirector(plan);
        factory.phaseStarted(scoreDirector);
    }

    private DeploymentDay saturdayOf(String volunteerId) {
        return factory.dayOf(shift(plan, volunteerId, "sat-am").getVolunteer(),
                shift(plan, volunteerId, "sat-am").getSlot().getDay());
    }

    @Test
    void deployTakesTheVolunteerAndAPartnerWhoOfferedTheSameDayForTheWholeRun() {
        HardMediumSoftLongScore before = scoreDirector.calculateScore();
        DeploymentDay day = saturdayOf("a");
        assertThat(day.shifts()).hasSize(3);
        assertThat(factory.dayOf(shift(plan, "local", "sat-am").getVolunteer(), day.date())).isNull();

        ShiftsChangeMove move = factory.deploy(day, day.shifts(), precinctById(plan, "FAR"), new Random(1));
        assertThat(move.isMoveDoable(scoreDirector)).isTrue();
        Move<FieldPlan> undo = move.doMove(scoreDirector);

        for (String slot : SATURDAY) {
            assertThat(precinctOf(plan, "a", slot)).isEqualTo("FAR");
            assertThat(precinctOf(plan, "b", slot)).as("the partner who offered Saturday too").isEqualTo("FAR");
        }
        assertThat(scoreDirector.calculateScore().isFeasible()).isTrue();
        assertThat(scoreDirector.calculateScore()).isGreaterThan(before);
        verifier.verifyThat(FieldPlanConstraintProvider::deploymentLength).givenSolution(plan).penalizesBy(0);

        undo.doMoveOnly(scoreDirector);
        assertThat(plan.getShifts()).allMatch(s -> s.getPrecinct() == null);
        assertThat(scoreDirector.calculateScore()).isEqualTo(before);
    }

    @Test
    void recallSendsEveryDeployedShiftOfTheDayHome() {
        DeploymentDay day = saturdayOf("a");
        factory.deploy(day, day.shifts(), precinctById(plan, "FAR"), new Random(1)).doMoveOnly(scoreDirector);

        factory.recall(day).doMoveOnly(scoreDirector);

        for (String slot : SATURDAY) {
            assertThat(precinctOf(plan, "a", slot)).isNull();
            assertThat(precinctOf(plan, "b", slot)).isEqualTo("FAR");
        }
        assertThat(factory.recall(day).isMoveDoable(scoreDirector)).as("nothing left to recall").isFalse();
    }

    @Test
    void aRunOfSlotsThatAreNotConsecutiveIsNotDoable() {
        DeploymentDay day = saturdayOf("a");
        Shift[] gap = {day.shifts()[0], day.shifts()[2]};

        assertThat(factory.deploy(day, gap, precinctById(plan, "FAR"), new Random(1)).isMoveDoable(scoreDirector))
                .isFalse();
    }
}
