package org.fieldplan.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.testing.Fixtures.precinct;
import static org.fieldplan.testing.Fixtures.slot;
import static org.fieldplan.testing.Fixtures.volunteer;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fieldplan.domain.District;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.TravelMode;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.testing.TestSolvers;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * Carpools end to end in the solver: candidate drivers are pre-filtered by the detour, and riders who can reach
 * nothing worth canvassing alone are carried by a driver to a precinct in the driver's reach.
 */
class CarpoolSolveTest {

    private final TimeSlot am = slot("sat-am", 0, 9);
    private final TimeSlot mid = slot("sat-mid", 0, 13);
    /** About 1 km from the homes, where we are behind: not worth canvassing. */
    private final Precinct near = precinct("NEAR", -71.40, 41.82, 0.30, Set.of(), null);
    /** About 40 km west (roughly 80 minutes by car), well ahead. */
    private final Precinct far = precinct("FAR", -71.90, 41.82, 0.70, Set.of(), null);

    /** Home at -71.41; 90 minutes, 3 seats, 15 minutes of detour. */
    private final Volunteer driver = volunteer("driver").maxTravelMinutes(90).carpool(3, 15, false).build();
    /** 10 km beyond FAR: driving back east for a pick-up is a detour of over an hour, beyond their 15. */
    private final Volunteer westDriver = volunteer("west").home(-72.02, 41.82).maxTravelMinutes(150)
            .carpool(3, 15, false).build();

    private Volunteer rider(String id, double lon, TravelMode mode) {
        return volunteer(id).home(lon, 41.82).mode(mode).maxTravelMinutes(20).carpool(0, 0, true).build();
    }

    private FieldPlanProblem problem(List<Volunteer> volunteers) {
        return new FieldPlanProblem("carpool", "America/New_York", null, null, List.of(new District("HD-1", 0.5)),
                List.of(am, mid), List.of(near, far), volunteers, null, List.of(), Map.of(), List.of());
    }

    @Test
    void candidateDriversAreThoseWhosePickUpIsWithinTheirDetour() {
        Volunteer onTheWay = rider("r1", -71.43, TravelMode.TRANSIT);
        FieldPlan plan = ProblemPreparer.prepare(problem(List.of(driver, westDriver, onTheWay)));

        assertThat(onTheWay.getCandidateDrivers()).containsExactly(driver);
        assertThat(onTheWay.getCandidatePrecincts()).isEmpty();
        Shift shift = plan.getShifts().stream().filter(s -> s.getVolunteer() == onTheWay).findFirst().orElseThrow();
        assertThat(shift.getPrecinctRange()).containsExactly(far);
        // Drivers and volunteers who do not ask for a ride get no ride options.
        assertThat(driver.getCandidateDrivers()).isEmpty();
    }

    @Test
    void withoutSeatsNobodyGetsRideOptions() {
        Volunteer walker = rider("r1", -71.43, TravelMode.WALK);
        FieldPlan plan = ProblemPreparer.prepare(problem(List.of(volunteer("solo").maxTravelMinutes(90).build(),
                walker)));

        assertThat(plan.getShifts()).allMatch(shift -> shift.getCandidateDrivers().isEmpty());
    }

    @Test
    void ridersReachAPrecinctTheyCouldNotReachAlone() {
        List<Volunteer> riders = List.of(rider("r1", -71.42, TravelMode.CAR), rider("r2", -71.43, TravelMode.TRANSIT),
                rider("r3", -71.44, TravelMode.WALK));
        List<Volunteer> volunteers = new java.util.ArrayList<>(riders);
        volunteers.add(0, driver);
        TestSolvers.Comparison result = TestSolvers.solveAgainstGreedy(problem(volunteers), 20_000);

        FieldPlan plan = result.plan();
        assertThat(plan.getScore().hardScore()).isZero();
        List<Shift> riding = plan.getShifts().stream().filter(shift -> shift.getRide() != null).toList();
        assertThat(riding).isNotEmpty().allMatch(shift -> shift.getPrecinct() == far && shift.getRide() == driver);
        assertThat(result.solved().expectedNetVotes()).isGreaterThan(result.greedy().expectedNetVotes());
        assertThat(result.violations()).isEmpty();
    }

    @Test
    void theGreedyStartSeatsRidersInDriversCars() {
        List<Volunteer> volunteers = List.of(driver, rider("r1", -71.42, TravelMode.CAR),
                rider("r2", -71.43, TravelMode.TRANSIT));
        FieldPlan start = TestSolvers.evaluationLimited(1).solve(ProblemPreparer.prepare(problem(volunteers)),
                best -> { }).plan();

        assertThat(start.getScore().hardScore()).isZero();
        assertThat(start.getShifts()).filteredOn(shift -> shift.getVolunteer().getCarpool().canRide())
                .filteredOn(shift -> shift.getSlot() == am)
                .allMatch(shift -> shift.getRide() == driver && shift.getPrecinct() == far);
    }

    @Test
    void rideMovesKeepTheIncrementalScoreExact() {
        List<Volunteer> volunteers = List.of(driver, westDriver, rider("r1", -71.42, TravelMode.CAR),
                rider("r2", -71.43, TravelMode.TRANSIT), rider("r3", -71.44, TravelMode.WALK),
                rider("r4", -71.45, TravelMode.WALK));
        SolverConfig config = SolverConfig.createFromXmlResource(FieldPlanSolverConfig.RESOURCE)
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                .withTerminationConfig(new TerminationConfig().withScoreCalculationCountLimit(3_000L));
        FieldPlan solved = SolverFactory.<FieldPlan>create(config).buildSolver()
                .solve(ProblemPreparer.prepare(problem(volunteers)));

        assertThat(solved.getScore().isFeasible()).isTrue();
        assertThat(solved.getShifts()).anyMatch(shift -> shift.getRide() != null);
    }
}
