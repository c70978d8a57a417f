package org.fieldplan.data;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.fieldplan.domain.AvailabilityWindow;
import org.fieldplan.domain.District;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Skill;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.TravelMode;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.domain.TravelParameters;
import org.fieldplan.domain.VoteModelParameters;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/** Small hand-built regions around Providence, RI, for the store contract tests (until the generator lands). */
public final class TestRegions {

    public static final String HOSTILE = "'); DROP TABLE precinct; --";
    public static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), Geometries.WGS84);
    public static final LocalDateTime SAT = LocalDateTime.of(2026, 10, 3, 9, 0);

    private TestRegions() {
    }

    public static TimeSlot slot(String id, LocalDateTime start, int hours) {
        return new TimeSlot(id, start, start.plusHours(hours));
    }

    /** Three slots: two on Saturday 3 October, one a week later. */
    public static List<TimeSlot> slots() {
        return List.of(slot("sat1-am", SAT, 3), slot("sat1-pm", SAT.plusHours(4), 3),
                slot("sat2-am", SAT.plusDays(7), 3));
    }

    /** An axis-aligned square of the given side (degrees) with corners at non-round coordinates. */
    public static Polygon square(double lon, double lat, double side) {
        return GEOMETRY.createPolygon(new Coordinate[] {new Coordinate(lon, lat),
                new Coordinate(lon + side, lat), new Coordinate(lon + side, lat + side * 0.97),
                new Coordinate(lon, lat + side), new Coordinate(lon, lat)});
    }

    public static Point point(double lon, double lat) {
        return GEOMETRY.createPoint(new Coordinate(lon, lat));
    }

    public static Precinct precinct(String id, String name, Geometry geometry) {
        return new Precinct(id, name, geometry, 1_200, 0.61, 0.53, List.of("HD-1"), null, null, Set.of(), Set.of(),
                null, null, 0);
    }

    public static Volunteer volunteer(String id, String name, Point home, String organizer,
            List<AvailabilityWindow> availability) {
        return new Volunteer(id, name, home, Set.of(Skill.CANVASS), Set.of("en"), TravelMode.CAR, 30, availability, 3,
                2, organizer, 0.8, Set.of());
    }

    public static List<AvailabilityWindow> allWeekends() {
        return List.of(new AvailabilityWindow(SAT, SAT.plusHours(8)),
                new AvailabilityWindow(SAT.plusDays(7), SAT.plusDays(7).plusHours(8)));
    }

    /** Six precincts (polygon, two-part multipolygon, one with a hole, every optional attribute), five volunteers. */
    public static FieldPlanProblem small() {
        Polygon withHole = GEOMETRY.createPolygon(square(-71.43, 41.80, 0.02).getExteriorRing(),
                new LinearRing[] {square(-71.425, 41.805, 0.005).getExteriorRing()});
        List<Precinct> precincts = List.of(
                new Precinct("P1", "Fox Point", square(-71.4012345678901, 41.8212345678901, 0.01), 2_345, 0.64,
                        0.71, List.of("HD-1", "SD-7"), 0.9, 800, Set.of("pt", "es"), Set.of(Skill.CANVASS,
                                Skill.TEAM_LEAD), 6, 22.5, 120),
                precinct("P2", "College Hill", GEOMETRY.createMultiPolygon(new Polygon[] {
                        square(-71.39, 41.82, 0.01), square(-71.37, 41.82, 0.004)})),
                precinct("P3", "Hole", withHole),
                precinct("P4", HOSTILE, square(-71.41, 41.83, 0.008)),
                precinct("P5", "Olneyville", square(-71.44, 41.815, 0.012)),
                precinct("P6", "Far away", square(-71.0, 42.3, 0.01)));
        List<Volunteer> volunteers = List.of(
                new Volunteer("V1", "Ana", point(-71.4051234567, 41.8251234567), Set.of(Skill.CANVASS, Skill.DRIVER),
                        Set.of("en", "pt"), TravelMode.WALK, 25, allWeekends(), 2, 1, "org-a", 0.75, Set.of("P1")),
                volunteer("V2", HOSTILE, point(-71.40, 41.82), "org-a", allWeekends()),
                volunteer("V3", "Ben", point(-71.42, 41.81), "org-b",
                        List.of(new AvailabilityWindow(SAT, SAT.plusHours(3)))),
                volunteer("V4", "Chloé", point(-71.38, 41.83), "org-b", allWeekends()),
                volunteer("V5", "Dev", point(-71.41, 41.82), null, allWeekends()));
        return new FieldPlanProblem("Providence test", "America/New_York",
                new VoteModelParameters(0.3, 1.0 / 15, 24, 14, 4000, 1000, 1.5, 0.12, 10, 3.0),
                new TravelParameters(1.25, 5, 15, 18, 35, 30),
                List.of(new District("HD-1", 0.52), new District("SD-7", 0.48)), slots(), precincts, volunteers, null,
                null);
    }

    /**
     * A random region of {@code precinctCount} small squares and {@code volunteerCount} volunteers of every mode over
     * roughly Rhode Island, for comparing candidate pairs.
     */
    public static FieldPlanProblem random(int precinctCount, int volunteerCount, long seed) {
        double spanDegrees = 0.7; // from (−71.8, 41.35)
        Random random = new Random(seed);
        List<Precinct> precincts = new ArrayList<>();
        for (int i = 0; i < precinctCount; i++) {
            precincts.add(precinct("R" + i, null, square(-71.8 + random.nextDouble() * spanDegrees,
                    41.35 + random.nextDouble() * spanDegrees * 0.93, 0.002 + random.nextDouble() * 0.01)));
        }
        TravelMode[] modes = TravelMode.values();
        List<Volunteer> volunteers = new ArrayList<>();
        for (int i = 0; i < volunteerCount; i++) {
            volunteers.add(new Volunteer("W" + i, null, point(-71.8 + random.nextDouble() * spanDegrees,
                    41.35 + random.nextDouble() * spanDegrees * 0.93), Set.of(Skill.CANVASS), Set.of("en"),
                    modes[random.nextInt(modes.length)], 10 + random.nextInt(40), allWeekends(), 3, 2,
                    "org-" + random.nextInt(3), 0.8, Set.of()));
        }
        return new FieldPlanProblem("Random " + seed, "America/New_York", null, null,
                List.of(new District("HD-1", 0.5)), slots(), precincts, volunteers, null, null);
    }
}
