package org.fieldplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.fieldplan.domain.District;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanWeights;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.data.generator.RegionGenerator;
import org.fieldplan.data.generator.RegionSize;
import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.ProblemPreparer;
import org.fieldplan.testing.Fixtures;
import org.fieldplan.testing.TestSolvers;
import org.fieldplan.domain.TravelParameters;
import org.fieldplan.domain.VoteModelParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PlanComparisonTest {

    private static FieldPlan greedy;
    private static FieldPlan solved;

    @BeforeAll
    static void plans() {
        FieldPlan prepared = ProblemPreparer.prepare(new RegionGenerator().generate(RegionSize.S, 7));
        FieldPlanSolver solver = TestSolvers.evaluationLimited(20_000);
        greedy = solver.greedyBaseline(prepared);
        solved = solver.solve(prepared, best -> { }).plan();
    }

    @Test
    void aPlanEqualsItself() {
        PlanComparison comparison = PlanComparison.of(solved, solved);

        assertThat(comparison.changedAssignments()).isZero();
        assertThat(comparison.changes()).isEmpty();
        assertThat(comparison.precincts()).isEmpty();
        assertThat(comparison.first()).isEqualTo(comparison.second());
    }

    @Test
    void listsEveryChangedAssignmentAndThePrecinctDifferencesAddUp() {
        PlanComparison comparison = PlanComparison.of(greedy, solved);

        Map<String, Shift> greedyShifts = new HashMap<>();
        greedy.getShifts().forEach(s -> greedyShifts.put(s.getId(), s));
        long differing = solved.getShifts().stream()
                .filter(s -> !Objects.equals(precinctId(greedyShifts.get(s.getId())), precinctId(s))).count();
        assertThat(differing).isPositive();
        assertThat(comparison.changedAssignments()).isEqualTo(differing).isEqualTo(comparison.changes().size());
        assertThat(comparison.changes()).allSatisfy(change -> {
            assertThat(change.fromPrecinctId()).isNotEqualTo(change.toPrecinctId());
            assertThat(change.fromPrecinctId())
                    .isEqualTo(precinctId(greedyShifts.get(change.volunteerId() + "@" + change.slotId())));
        });
        double voteDifference = comparison.precincts().stream()
                .mapToDouble(PlanComparison.PrecinctDifference::expectedVotesDifference).sum();
        assertThat(voteDifference).isCloseTo(PlanSummary.of(solved).expectedNetVotes()
                - PlanSummary.of(greedy).expectedNetVotes(), within(1e-6));
        int shiftDifference = comparison.precincts().stream().mapToInt(d -> d.secondShifts() - d.firstShifts()).sum();
        assertThat(shiftDifference).isEqualTo(
                comparison.second().summary().assignedShifts() - comparison.first().summary().assignedShifts());
        assertThat(comparison.first().summary().expectedNetVotes())
                .isEqualTo(PlanSummary.of(greedy).expectedNetVotes());
        assertThat(comparison.second().doorCoverage()).isBetween(0.0, 1.0);
        assertThat(comparison.second().expectedDoorsKnocked()).isPositive();
    }

    @Test
    void plansOfDifferentProblemsAreRefused() {
        FieldPlan other = TestSolvers.evaluationLimited(1)
                .greedyBaseline(ProblemPreparer.prepare(new RegionGenerator().generate(RegionSize.S, 8)));

        assertThatThrownBy(() -> PlanComparison.of(greedy, other))
                .isInstanceOf(PlansNotComparableException.class).hasMessageContaining("different problems");
    }

    @Test
    void fairnessCountsVolunteersWithoutShiftsAndGivesTheGiniOfTheirCounts() {
        List<Precinct> precincts = Fixtures.derive(Fixtures.precinct("P1", 0.6, Set.of()));
        Precinct p1 = precincts.get(0);
        TimeSlot morning = Fixtures.slot("am", 0, 9);
        TimeSlot afternoon = Fixtures.slot("pm", 0, 13);
        Volunteer v1 = Fixtures.volunteer("V1").build();
        Volunteer v2 = Fixtures.volunteer("V2").build();
        Volunteer v3 = Fixtures.volunteer("V3").build();
        Volunteer v4 = Fixtures.volunteer("V4").build();
        // Shift counts 2, 1, 0, 0.
        List<Shift> shifts = List.of(new Shift(v1, morning, p1, false), new Shift(v1, afternoon, p1, false),
                new Shift(v2, morning, p1, false), new Shift(v2, afternoon), new Shift(v3, morning),
                new Shift(v4, afternoon));
        FieldPlan plan = new FieldPlan("fair", "America/New_York", VoteModelParameters.DEFAULTS,
                TravelParameters.DEFAULTS, List.of(new District("HD-1", 0.5)), List.of(morning, afternoon),
                precincts, List.of(v1, v2, v3, v4), shifts, new FieldPlanWeights());

        PlanComparison.Fairness fairness = PlanComparison.fairness(plan);

        assertThat(fairness.volunteers()).isEqualTo(4);
        assertThat(fairness.minShifts()).isZero();
        assertThat(fairness.maxShifts()).isEqualTo(2);
        assertThat(fairness.meanShifts()).isEqualTo(0.75);
        // Population deviations −0.75, −0.75, 0.25, 1.25: variance 2.75 / 4.
        assertThat(fairness.stdevShifts()).isCloseTo(Math.sqrt(2.75 / 4), within(1e-12));
        // Σ|xi − xj| over ordered pairs = 14; G = 14 / (2 · 4² · 0.75).
        assertThat(fairness.gini()).isCloseTo(14.0 / 24.0, within(1e-12));
    }

    private static String precinctId(Shift shift) {
        return shift == null || shift.getPrecinct() == null ? null : shift.getPrecinct().getId();
    }
}
