package org.fieldplan.benchmarks.optimum;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fieldplan.domain.AvailabilityWindow;
import org.fieldplan.domain.DeploymentOffer;
import org.fieldplan.domain.District;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.Skill;
import org.fieldplan.domain.StagingLocation;
import org.fieldplan.domain.StagingLocation.OpeningHours;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.TravelMode;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.FieldPlanSolverConfig;
import org.fieldplan.solver.ProblemPreparer;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * The CP-SAT model's deployment rules on a hand-made instance, each on both sides of its edge and judged as FieldPlan
 * judges it: two volunteers who offered Saturday at a far precinct for the offer's three slots (feasible) and for two
 * (minimum length broken); a staging location sending out one team a slot, then two (teams per slot broken); a team
 * sent out while its staging location is closed (hours broken). CP-SAT's proven optimum is a plan FieldPlan scores as
 * CP-SAT claims, and no plan here beats it.
 */
class CpSatDeploymentRulesTest {

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
    private static final LocalDate SATURDAY = LocalDate.of(2026, 10, 31);

    private final List<TimeSlot> slots = List.of(slot("sat-am", 0, 9), slot("sat-mid", 0, 13), slot("sat-pm", 0, 17),
            slot("sun-am", 1, 9));
    private final FieldPlan instance = ProblemPreparer.prepare(new FieldPlanProblem("deployment rules",
            "America/New_York", null, null, List.of(new District("HD-1", 0.5)), slots,
            List.of(precinct("NEAR", -71.40), precinct("NEAR2", -71.39), precinct("FAR", -71.90)),
            List.of(volunteer("a", true), volunteer("b", true), volunteer("c", false), volunteer("d", false)),
            null, List.of(), Map.of(), List.of(
                    // One team a slot out of each; the east one is closed on Sunday.
                    staging("EAST", -71.40, SATURDAY), staging("WEST", -71.88, SATURDAY, SATURDAY.plusDays(1)))));
    private final FieldPlanSolver fieldPlan = new FieldPlanSolver(FieldPlanSolverConfig.createEvaluationLimited(5_000));
    private final CpSatModel model = CpSatModel.of(instance);

    @Test
    void theMinimumDeploymentLength() {
        List<String> satAll = List.of("sat-am", "sat-mid", "sat-pm");
        FieldPlan whole = plan(Map.of("a", satAll, "b", satAll), "FAR");
        FieldPlan short1 = plan(Map.of("a", satAll.subList(0, 2), "b", satAll.subList(0, 2)), "FAR");

        assertAgree(whole, true);
        assertAgree(short1, false);
    }

    @Test
    void theStagingLocationsTeamsPerSlot() {
        FieldPlan one = plan(Map.of("c", List.of("sat-am"), "d", List.of("sat-am")), "NEAR");
        FieldPlan two = withAlso(one, Map.of("a", List.of("sat-am"), "b", List.of("sat-am")), "NEAR2");

        assertAgree(one, true);
        assertAgree(two, false);
    }

    @Test
    void theStagingLocationsHours() {
        assertAgree(plan(Map.of("c", List.of("sun-am"), "d", List.of("sun-am")), "NEAR"), false);
    }

    @Test
    void theProvenOptimumIsAPlanFieldPlanScoresAsClaimed() {
        CpSatResult optimum = model.solve(Duration.ofSeconds(60), 2);

        assertThat(optimum.isOptimal()).isTrue();
        HardMediumSoftLongScore score = fieldPlan.score(optimum.applyTo(instance));
        assertThat(score.hardScore()).isZero();
        assertThat(score.softScore()).isEqualTo(optimum.objective());
        HardMediumSoftLongScore deployed = fieldPlan.score(plan(Map.of("a", List.of("sat-am", "sat-mid", "sat-pm"),
                "b", List.of("sat-am", "sat-mid", "sat-pm")), "FAR"));
        assertThat(deployed.softScore()).isLessThanOrEqualTo(optimum.objective());
    }

    private void assertAgree(FieldPlan plan, boolean feasible) {
        HardMediumSoftLongScore score = fieldPlan.score(plan);
        assertThat(score.hardScore() == 0).as("FieldPlan: %s", score).isEqualTo(feasible);
        CpSatResult verdict = model.evaluate(plan);
        assertThat(verdict.isFeasible()).as("CP-SAT on a plan FieldPlan scores %s", score).isEqualTo(feasible);
        if (feasible) {
            assertThat(verdict.objective()).isEqualTo(score.softScore());
        }
    }

    /** Only the given volunteers' shifts in the given slots, all at {@code precinctId}. */
    private FieldPlan plan(Map<String, List<String>> slotsByVolunteer, String precinctId) {
        return withAlso(instance.copyUnassigned(), slotsByVolunteer, precinctId);
    }

    private static FieldPlan withAlso(FieldPlan base, Map<String, List<String>> slotsByVolunteer, String precinctId) {
        List<Shift> shifts = new ArrayList<>();
        Precinct precinct = base.getPrecincts().stream().filter(p -> p.getId().equals(precinctId)).findFirst()
                .orElseThrow();
        for (Shift shift : base.getShifts()) {
            boolean here = slotsByVolunteer.getOrDefault(shift.getVolunteer().getId(), List.of())
                    .contains(shift.getSlot().getId());
            shifts.add(new Shift(shift.getVolunteer(), shift.getSlot(), here ? precinct : shift.getPrecinct(), false));
        }
        return base.withShifts(shifts);
    }

    private static TimeSlot slot(String id, int dayOffset, int startHour) {
        LocalDateTime start = SATURDAY.plusDays(dayOffset).atTime(startHour, 0);
        return new TimeSlot(id, start, start.plusHours(3));
    }

    private static Precinct precinct(String id, double lon) {
        double half = 0.006;
        return new Precinct(id, id, WGS84.createPolygon(new Coordinate[] {new Coordinate(lon - half, 41.82 - half),
            new Coordinate(lon + half, 41.82 - half), new Coordinate(lon + half, 41.82 + half),
            new Coordinate(lon - half, 41.82 + half), new Coordinate(lon - half, 41.82 - half)}), 1500, 0.6, 0.6,
                List.of("HD-1"), null, null, Set.of(), Set.of(Skill.CANVASS), null, null, 0);
    }

    /** Lives by NEAR; with {@code offers}, a Saturday deployment of up to 90 minutes for three slots. */
    private static Volunteer volunteer(String id, boolean offers) {
        return new Volunteer(id, id, WGS84.createPoint(new Coordinate(-71.41, 41.82)), Set.of(Skill.CANVASS),
                Set.of("en"), TravelMode.CAR, 30, List.of(new AvailabilityWindow(SATURDAY.atTime(8, 0),
                        SATURDAY.atTime(21, 0)), new AvailabilityWindow(SATURDAY.plusDays(1).atTime(8, 0),
                        SATURDAY.plusDays(1).atTime(21, 0))), 4, 3, "org-1", 1.0, Set.of(),
                offers ? List.of(new DeploymentOffer(SATURDAY, 90, 3)) : List.of());
    }

    private static StagingLocation staging(String id, double lon, LocalDate... open) {
        List<OpeningHours> hours = new ArrayList<>();
        for (LocalDate day : open) {
            hours.add(new OpeningHours(day, LocalTime.of(8, 0), LocalTime.of(21, 0)));
        }
        return new StagingLocation(id, id, null, WGS84.createPoint(new Coordinate(lon, 41.82)), hours, 1);
    }
}
