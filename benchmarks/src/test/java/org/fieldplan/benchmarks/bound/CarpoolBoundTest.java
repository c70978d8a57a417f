package org.fieldplan.benchmarks.bound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fieldplan.benchmarks.BenchmarkProblems;
import org.fieldplan.benchmarks.DeploymentScenario;
import org.fieldplan.benchmarks.optimum.CpSatModel;
import org.fieldplan.data.generator.RegionGenerator;
import org.fieldplan.domain.AvailabilityWindow;
import org.fieldplan.domain.Carpool;
import org.fieldplan.domain.District;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.Skill;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.TravelMode;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.plan.PlanSummary;
import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.FieldPlanSolverConfig;
import org.fieldplan.solver.ProblemPreparer;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * With carpools the flow bound stays an upper bound: a rider's reach is widened by every driver who could pick them
 * up, so plans that send riders beyond their own reach never exceed it. The CP-SAT comparison refuses carpools.
 */
class CarpoolBoundTest {

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
    private static final LocalDateTime SATURDAY_9 = LocalDateTime.of(2026, 10, 31, 9, 0);

    private static FieldPlanSolver solver() {
        return new FieldPlanSolver(FieldPlanSolverConfig.createEvaluationLimited(10_000));
    }

    /** One driver (90 minutes, 3 seats) and three walkers; the only precinct worth canvassing is 40 km away. */
    private static FieldPlanProblem walkersAndADriver(boolean carpools) {
        List<Volunteer> volunteers = new ArrayList<>();
        volunteers.add(volunteer("D1", -71.41, TravelMode.CAR, 90, carpools ? new Carpool(3, 15, false) : null));
        for (int i = 0; i < 3; i++) {
            volunteers.add(volunteer("R" + i, -71.42 - 0.005 * i, TravelMode.WALK, 20,
                    carpools ? new Carpool(0, 0, true) : null));
        }
        return new FieldPlanProblem("walkers", "America/New_York", null, null, List.of(new District("HD-1", 0.5)),
                List.of(new TimeSlot("am", SATURDAY_9, SATURDAY_9.plusHours(3))),
                List.of(precinct("NEAR", -71.40, 0.30), precinct("FAR", -71.90, 0.70)), volunteers, null, List.of(),
                Map.of(), List.of());
    }

    @Test
    void ridersBeyondTheirOwnReachAreWithinTheBound() {
        FieldPlan withoutCarpools = ProblemPreparer.prepare(walkersAndADriver(false));
        FieldPlan prepared = ProblemPreparer.prepare(walkersAndADriver(true));
        FieldPlan best = solver().solve(prepared, plan -> { }).plan();
        double votes = PlanSummary.of(best).expectedNetVotes();

        assertThat(best.getScore().hardScore()).isZero();
        assertThat(best.getShifts()).filteredOn(shift -> shift.getRide() != null).isNotEmpty()
                .allMatch(shift -> !shift.getVolunteer().getCandidatePrecincts().contains(shift.getPrecinct()));
        // Without the riders' reach the bound would be the lone driver's: the carpool plan beats it.
        assertThat(votes).isGreaterThan(FlowUpperBound.of(withoutCarpools).expectedVotes());
        assertThat(votes).isLessThanOrEqualTo(FlowUpperBound.of(prepared).expectedVotes());
    }

    @Test
    void noPlanOfASolverRunWithCarpoolsAndStagingExceedsTheBound() {
        FieldPlanProblem region = DeploymentScenario.withCarpools(DeploymentScenario.withStaging(
                BenchmarkProblems.votesOnly(new RegionGenerator().generate(50, 100, 7)), 10, 7), 0.3, 3, 15, 7);
        FieldPlan prepared = ProblemPreparer.prepare(region);
        List<Double> planVotes = new ArrayList<>();
        FieldPlan best = solver().solve(prepared, plan -> planVotes.add(PlanSummary.of(plan).expectedNetVotes()))
                .plan();
        planVotes.add(PlanSummary.of(best).expectedNetVotes());

        double bound = FlowUpperBound.of(prepared).expectedVotes();
        double withoutCarpools = FlowUpperBound.of(ProblemPreparer.prepare(DeploymentScenario.withStaging(
                BenchmarkProblems.votesOnly(new RegionGenerator().generate(50, 100, 7)), 10, 7))).expectedVotes();

        assertThat(best.getScore().hardScore()).isZero();
        assertThat(planVotes).allSatisfy(votes -> assertThat(votes).isLessThanOrEqualTo(bound));
        assertThat(bound).as("wider reach only adds arcs").isGreaterThanOrEqualTo(withoutCarpools);
    }

    @Test
    void theCpSatComparisonRefusesCarpoolsByName() {
        FieldPlan prepared = ProblemPreparer.prepare(walkersAndADriver(true));

        assertThatThrownBy(() -> CpSatModel.of(prepared)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("carpools");
    }

    private static Volunteer volunteer(String id, double lon, TravelMode mode, int minutes, Carpool carpool) {
        return new Volunteer(id, id, WGS84.createPoint(new Coordinate(lon, 41.82)), Set.of(Skill.CANVASS),
                Set.of("en"), mode, minutes, List.of(new AvailabilityWindow(SATURDAY_9, SATURDAY_9.plusHours(3))), 1,
                1, "org-1", 1.0, Set.of(), List.of(), carpool);
    }

    private static Precinct precinct(String id, double lon, double support) {
        double half = 0.006;
        return new Precinct(id, id, WGS84.createPolygon(new Coordinate[] {new Coordinate(lon - half, 41.814),
                new Coordinate(lon + half, 41.814), new Coordinate(lon + half, 41.826),
                new Coordinate(lon - half, 41.826), new Coordinate(lon - half, 41.814)}), 1500, 0.6, support,
                List.of("HD-1"), null, null, Set.of(), Set.of(Skill.CANVASS), null, null, 0);
    }
}
