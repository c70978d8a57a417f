package org.fieldplan.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.testing.Fixtures.precinct;
import static org.fieldplan.testing.Fixtures.slot;
import static org.fieldplan.testing.Fixtures.volunteer;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.fieldplan.domain.Assignment;
import org.fieldplan.domain.District;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.baseline.GreedyPlanner.LoneCanvassers;
import org.fieldplan.data.generator.RegionGenerator;
import org.fieldplan.plan.PlanSummary;
import org.fieldplan.solver.ProblemPreparer;
import org.fieldplan.testing.IndependentPlanChecker;
import org.junit.jupiter.api.Test;

class GreedyPlannerTest {

    private final TimeSlot am = slot("sat-am", 0, 9);
    private final TimeSlot pm = slot("sat-pm", 0, 13);
    private final Precinct english = precinct("P1", 0.62, Set.of());
    private final Precinct spanish = precinct("P2", -71.39, 41.83, 0.70, Set.of("es"), null);
    private final Precinct behind = precinct("P3", -71.41, 41.81, 0.35, Set.of(), null);

    private FieldPlanProblem problem(List<Volunteer> volunteers) {
        return new FieldPlanProblem("greedy", "America/New_York", null, null, List.of(new District("HD-1", 0.5)),
                List.of(am, pm), List.of(english, spanish, behind), volunteers, null, List.of());
    }

    @Test
    void greedyPlanIsFeasibleAndPairsEveryCanvasser() {
        List<Volunteer> volunteers = List.of(
                volunteer("v1").build(), volunteer("v2").build(), volunteer("v3").languages("en", "es").build(),
                volunteer("v4").build(), volunteer("v5").build());
        FieldPlanProblem problem = problem(volunteers);
        FieldPlan plan = ProblemPreparer.prepare(problem);
        GreedyPlanner.planInPlace(plan);
        List<Assignment> assignments = ProblemPreparer.assignmentsOf(plan);

        assertThat(IndependentPlanChecker.violations(problem, assignments)).isEmpty();
        assertThat(assignments).isNotEmpty().noneMatch(a -> a.precinctId().equals("P3"));
        Map<String, Long> teams = assignments.stream()
                .collect(Collectors.groupingBy(a -> a.precinctId() + a.slotId(), Collectors.counting()));
        assertThat(teams.values()).allMatch(size -> size >= 2);
    }

    /** The ruin-and-recreate half: refilling the whole empty plan with every precinct allowed is the greedy plan. */
    @Test
    void refillingEveryShiftWithEveryPrecinctDecidesAsTheGreedy() {
        FieldPlanProblem problem = new RegionGenerator().generate(50, 100, 3);
        FieldPlan plan = ProblemPreparer.prepare(problem);
        Set<Precinct> all = Set.copyOf(plan.getPrecincts());

        List<GreedyPlanner.Decision> refill = GreedyPlanner.refill(plan.getShifts(), plan.getShifts(), all, true,
                null);

        assertThat(refill).isNotEmpty().containsExactlyInAnyOrderElementsOf(GreedyPlanner.decide(plan));
    }

    @Test
    void refillFillsOnlyTheOpenShiftsAndOnlyWithTheAllowedPrecincts() {
        List<Volunteer> volunteers = List.of(volunteer("v1").build(), volunteer("v2").build(),
                volunteer("v3").build(), volunteer("v4").build(), volunteer("v5").languages("en", "es").build());
        FieldPlanProblem problem = problem(volunteers);
        FieldPlan plan = ProblemPreparer.prepare(problem);
        Precinct p1 = plan.getPrecincts().stream().filter(p -> p.getId().equals("P1")).findFirst().orElseThrow();
        plan.getShifts().stream().filter(shift -> shift.getSlot().getId().equals("sat-am"))
                .filter(shift -> Set.of("v1", "v2").contains(shift.getVolunteer().getId()))
                .forEach(shift -> shift.setPrecinct(p1));
        List<Shift> open = plan.getShifts().stream()
                .filter(shift -> Set.of("v3", "v4", "v5").contains(shift.getVolunteer().getId())).toList();

        List<GreedyPlanner.Decision> decisions = GreedyPlanner.refill(plan.getShifts(), open, Set.of(p1), true, null);

        assertThat(decisions).isNotEmpty().allMatch(d -> open.contains(d.shift()) && d.precinct() == p1);
        decisions.forEach(d -> d.shift().setPrecinct(d.precinct()));
        assertThat(plan.getShifts()).filteredOn(shift -> shift.getPrecinct() != null)
                .allMatch(shift -> shift.getPrecinct() == p1);
        assertThat(IndependentPlanChecker.violations(problem, ProblemPreparer.assignmentsOf(plan))).isEmpty();
    }

    @Test
    void aSpanishPrecinctIsNeverStaffedWithoutASpeaker() {
        List<Volunteer> volunteers = List.of(volunteer("v1").build(), volunteer("v2").build(),
                volunteer("v3").build(), volunteer("v4").build());
        FieldPlanProblem problem = problem(volunteers);
        FieldPlan plan = ProblemPreparer.prepare(problem);
        GreedyPlanner.planInPlace(plan);
        List<Assignment> assignments = ProblemPreparer.assignmentsOf(plan);

        assertThat(assignments).isNotEmpty().noneMatch(a -> a.precinctId().equals("P2"));
        assertThat(IndependentPlanChecker.violations(problem, assignments)).isEmpty();
    }

    /**
     * On generated regions the repaired greedy (lone canvassers join a team of their slot) breaks no hard rule by an
     * independent check, never has fewer expected votes than the greedy that sends them home, and has more on some.
     */
    @Test
    void joiningATeamInsteadOfGoingHomeIsFeasibleAndNeverLosesVotes() {
        int better = 0;
        for (long seed = 1; seed <= 6; seed++) {
            boolean larger = seed % 2 == 0;
            FieldPlanProblem problem = new RegionGenerator().generate(larger ? 120 : 50, larger ? 400 : 100, seed);
            FieldPlan repaired = ProblemPreparer.prepare(problem);
            GreedyPlanner.planInPlace(repaired);
            FieldPlan sendHome = repaired.copyUnassigned();
            GreedyPlanner.planInPlace(sendHome, LoneCanvassers.SEND_HOME);

            assertThat(IndependentPlanChecker.violations(problem, ProblemPreparer.assignmentsOf(repaired)))
                    .as("seed %d", seed).isEmpty();
            double repairedVotes = PlanSummary.of(repaired).expectedNetVotes();
            double sendHomeVotes = PlanSummary.of(sendHome).expectedNetVotes();
            assertThat(repairedVotes).as("seed %d", seed).isGreaterThanOrEqualTo(sendHomeVotes);
            assertThat(ProblemPreparer.assignmentsOf(repaired).size()).as("seed %d", seed)
                    .isGreaterThanOrEqualTo(ProblemPreparer.assignmentsOf(sendHome).size());
            if (repairedVotes > sendHomeVotes) {
                better++;
            }
        }
        assertThat(better).as("instances where the repair placed someone the old greedy sent home").isPositive();
    }

    @Test
    void keepsExistingAssignmentsAndFillsAroundThem() {
        List<Volunteer> volunteers = List.of(volunteer("v1").maxShifts(1, 1).build(), volunteer("v2").build(),
                volunteer("v3").build());
        FieldPlanProblem problem = problem(volunteers).withAssignments(List.of(
                new Assignment("v1", "sat-am", "P1", true), new Assignment("v2", "sat-am", "P1", false)));
        FieldPlan plan = ProblemPreparer.prepare(problem);
        GreedyPlanner.planInPlace(plan);
        List<Assignment> assignments = ProblemPreparer.assignmentsOf(plan);

        assertThat(assignments).contains(new Assignment("v1", "sat-am", "P1", true));
        assertThat(assignments).noneMatch(a -> a.volunteerId().equals("v1") && a.slotId().equals("sat-pm"));
        assertThat(IndependentPlanChecker.violations(problem, assignments)).isEmpty();
    }

    @Test
    void anUnpinnedCanvasserLeftAloneIsPairedInsteadOfKeptAlone() {
        List<Volunteer> volunteers = List.of(volunteer("v1").build(), volunteer("v2").build(),
                volunteer("v3").build());
        // v1's teammate cancelled: v1 stands alone in P3, where we are behind and nobody else would go; v2 and v3
        // are free in the same slot.
        FieldPlanProblem problem = problem(volunteers).withAssignments(List.of(
                new Assignment("v1", "sat-am", "P3", false)));
        FieldPlan plan = ProblemPreparer.prepare(problem);
        GreedyPlanner.planInPlace(plan);
        List<Assignment> assignments = ProblemPreparer.assignmentsOf(plan);

        assertThat(IndependentPlanChecker.violations(problem, assignments)).isEmpty();
        Map<String, Long> teamSizes = assignments.stream()
                .collect(Collectors.groupingBy(a -> a.precinctId() + "@" + a.slotId(), Collectors.counting()));
        assertThat(teamSizes).allSatisfy((team, size) -> assertThat(size).as(team).isGreaterThan(1L));
    }

    @Test
    void aPinnedCanvasserLeftAloneStaysWhereTheyAre() {
        FieldPlanProblem problem = problem(List.of(volunteer("v1").build())).withAssignments(List.of(
                new Assignment("v1", "sat-am", "P1", true)));
        FieldPlan plan = ProblemPreparer.prepare(problem);
        GreedyPlanner.planInPlace(plan);

        assertThat(ProblemPreparer.assignmentsOf(plan)).contains(new Assignment("v1", "sat-am", "P1", true));
    }

    /** A repair after a report that lowered capacity: the movable members beyond it leave, the pinned one stays. */
    @Test
    void aTeamBeyondItsPrecinctsCapacityShedsMovableMembersOnly() {
        Precinct small = precinct("P4", -71.40, 41.82, 0.62, Set.of(), 2);
        FieldPlanProblem problem = new FieldPlanProblem("greedy", "America/New_York", null, null,
                List.of(new District("HD-1", 0.5)), List.of(am, pm), List.of(english, small),
                List.of(volunteer("v1").build(), volunteer("v2").build(), volunteer("v3").build(),
                        volunteer("v4").build()), null, List.of(new Assignment("v1", "sat-am", "P4", true),
                        new Assignment("v2", "sat-am", "P4", false), new Assignment("v3", "sat-am", "P4", false),
                        new Assignment("v4", "sat-am", "P4", false)));
        FieldPlan plan = ProblemPreparer.prepare(problem);

        GreedyPlanner.planInPlace(plan);

        List<Assignment> assignments = ProblemPreparer.assignmentsOf(plan);
        assertThat(IndependentPlanChecker.violations(problem, assignments)).isEmpty();
        assertThat(assignments.stream().filter(a -> a.precinctId().equals("P4") && a.slotId().equals("sat-am")))
                .hasSize(2).contains(new Assignment("v1", "sat-am", "P4", true));
    }

    /** Shifts a volunteer holds beyond their limit for the day: the later ones go, the earlier one stays. */
    @Test
    void aVolunteerBeyondTheirShiftsPerDayKeepsOnlyWhatFits() {
        FieldPlanProblem problem = problem(List.of(volunteer("v1").maxShifts(2, 1).build(),
                volunteer("v2").build(), volunteer("v3").build())).withAssignments(List.of(
                        new Assignment("v1", "sat-am", "P1", false), new Assignment("v2", "sat-am", "P1", true),
                        new Assignment("v1", "sat-pm", "P1", false), new Assignment("v3", "sat-pm", "P1", true)));
        FieldPlan plan = ProblemPreparer.prepare(problem);

        GreedyPlanner.planInPlace(plan);

        List<Assignment> assignments = ProblemPreparer.assignmentsOf(plan);
        assertThat(assignments.stream().filter(a -> a.volunteerId().equals("v1"))).singleElement()
                .isEqualTo(new Assignment("v1", "sat-am", "P1", false));
    }
}
