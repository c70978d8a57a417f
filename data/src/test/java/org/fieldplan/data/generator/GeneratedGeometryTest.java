package org.fieldplan.data.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.travel.GreatCircle;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;

class GeneratedGeometryTest {

    private static final FieldPlanProblem SMALL = new RegionGenerator().generate(RegionSize.S, 7);
    private static final FieldPlanProblem MEDIUM = new RegionGenerator().generate(RegionSize.M, 7);

    @Test
    void everyPrecinctIsAValidNonEmptyMultiPolygonInWgs84() {
        for (FieldPlanProblem problem : List.of(SMALL, MEDIUM)) {
            assertThat(problem.precincts()).allSatisfy(precinct -> {
                Geometry shape = precinct.getGeometry();
                assertThat(shape).isInstanceOf(MultiPolygon.class);
                assertThat(shape.isEmpty()).isFalse();
                assertThat(shape.isValid()).as(precinct.getId()).isTrue();
                assertThat(shape.getArea()).isPositive();
                assertThat(shape.getSRID()).isEqualTo(4326);
                assertThat(shape.getEnvelopeInternal().getMinX()).isBetween(-74.0, -69.0);
                assertThat(shape.getEnvelopeInternal().getMinY()).isBetween(40.0, 44.0);
            });
        }
    }

    @Test
    void precinctsDoNotOverlap() {
        List<Geometry> shapes = SMALL.precincts().stream().map(Precinct::getGeometry).toList();
        double sumOfAreas = shapes.stream().mapToDouble(Geometry::getArea).sum();
        double unionArea = UnaryUnionOp.union(shapes).getArea();
        assertThat(sumOfAreas).isCloseTo(unionArea, within(unionArea * 0.01));
    }

    @Test
    void regionRadiusGrowsLikeRootOfPrecinctCount() {
        // About 35 km for 400 precincts (the boundary wobbles by up to 15%).
        assertThat(maxDistanceFromCentreKm(MEDIUM)).isBetween(30.0, 42.0);
        // S has 400 / 8 = 50 precincts.
        assertThat(maxDistanceFromCentreKm(SMALL)).isBetween(30.0 / Math.sqrt(8), 42.0 / Math.sqrt(8));
    }

    private static double maxDistanceFromCentreKm(FieldPlanProblem problem) {
        return problem.precincts().stream().mapToDouble(GeneratedGeometryTest::distanceFromCentreKm).max()
                .orElseThrow();
    }

    private static double distanceFromCentreKm(Precinct precinct) {
        return GreatCircle.distanceKm(41.82, -71.41, precinct.getCentroid().getY(), precinct.getCentroid().getX());
    }

    @Test
    void centralPrecinctsAreSmallAndRuralOnesLarge() {
        List<Precinct> byDistance = MEDIUM.precincts().stream()
                .sorted(Comparator.comparingDouble(GeneratedGeometryTest::distanceFromCentreKm)).toList();
        int tenth = byDistance.size() / 10;
        double centralArea = medianArea(byDistance.subList(0, tenth));
        double outerArea = medianArea(byDistance.subList(byDistance.size() - tenth, byDistance.size()));
        assertThat(outerArea).isGreaterThan(20 * centralArea);
    }

    private static double medianArea(List<Precinct> precincts) {
        double[] areas = precincts.stream().mapToDouble(p -> p.getGeometry().getArea()).sorted().toArray();
        return areas[areas.length / 2];
    }

    @Test
    void everyVolunteerLivesInsideTheRegion() {
        for (FieldPlanProblem problem : List.of(SMALL, MEDIUM)) {
            PreparedGeometry region = PreparedGeometryFactory.prepare(
                    UnaryUnionOp.union(problem.precincts().stream().map(Precinct::getGeometry).toList()));
            assertThat(problem.volunteers()).allSatisfy(volunteer -> {
                assertThat(volunteer.getHome().getSRID()).isEqualTo(4326);
                assertThat(region.covers(volunteer.getHome())).as(volunteer.getId()).isTrue();
            });
        }
    }

    @Test
    void aPreferredPrecinctIsTheVolunteersHomePrecinct() {
        Map<String, Precinct> precinctsById = new HashMap<>();
        MEDIUM.precincts().forEach(p -> precinctsById.put(p.getId(), p));
        List<Volunteer> preferring = MEDIUM.volunteers().stream()
                .filter(v -> !v.getPreferredPrecinctIds().isEmpty()).toList();
        assertThat(preferring.size()).isBetween(300, 500); // 20% of 2,000
        assertThat(preferring).allSatisfy(volunteer -> {
            String precinctId = volunteer.getPreferredPrecinctIds().iterator().next();
            assertThat(precinctsById.get(precinctId).getGeometry().covers(volunteer.getHome())).isTrue();
        });
    }
}
