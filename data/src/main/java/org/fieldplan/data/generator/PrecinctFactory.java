package org.fieldplan.data.generator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Skill;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * Turns seed points and their cells into precincts with election attributes that vary realistically in space.
 *
 * <ul>
 * <li>Registered voters: lognormal around {@value #MEDIAN_REGISTERED}, clamped to 800–3,000; about 2% of cells are
 * parks or water with no voters.</li>
 * <li>Hispanic voting-age share h: a baseline of a few percent plus neighbourhood clusters near the settlements;
 * precincts with h ≥ {@value #SPANISH_REQUIRED_SHARE} require a Spanish speaker on the team.</li>
 * <li>Expected turnout: 0.76 in the countryside, lower in dense and in poorer (here: high-h) areas, 0.35–0.80.</li>
 * <li>Support share q: rises with urbanity (about 0.35 rural to 0.75 in the core, the usual urban–rural
 * gradient), a little with h, plus smooth regional noise and precinct noise, clamped to 0.25–0.80. The suburban
 * ring where q ≈ ½ makes some districts close, hence pivotal.</li>
 * <li>Districts: house districts {@code HD-n} of about {@value #PRECINCTS_PER_HOUSE_DISTRICT} neighbouring precincts
 * and senate districts {@code SD-n} of 2–3 neighbouring house districts; their forecasts are left to the vote model,
 * which derives them from the precincts.</li>
 * </ul>
 * Pivotality, target doors, capacity and doors per hour are left unstated: the vote model derives them.
 * Precinct ids {@code P0001…} follow the house districts, so neighbouring ids are mostly neighbouring precincts.
 */
final class PrecinctFactory {

    private static final double MEDIAN_REGISTERED = 1_500;
    private static final double REGISTERED_LOG_SIGMA = 0.35;
    private static final double EMPTY_PRECINCT_SHARE = 0.02;
    private static final double SPANISH_REQUIRED_SHARE = 0.30;
    private static final int PRECINCTS_PER_HOUSE_DISTRICT = 12;
    private static final double HOUSE_DISTRICTS_PER_SENATE_DISTRICT = 2.5;

    private final Landscape landscape;
    private final LocalProjection projection;
    private final GeometryFactory lonLat;
    private final SplittableRandom random;
    private final ClusterField hispanic;
    private final WaveNoise supportNoise;

    PrecinctFactory(Landscape landscape, LocalProjection projection, GeometryFactory lonLat,
            SplittableRandom random) {
        this.landscape = landscape;
        this.projection = projection;
        this.lonLat = lonLat;
        this.random = random;
        int clusters = 1 + (int) Math.round((landscape.settlements().size() - 1) / 2.0);
        this.hispanic = new ClusterField(landscape.settlements(), clusters, 0.03, 0.35, 0.70, random);
        double radius = landscape.radiusKm();
        this.supportNoise = new WaveNoise(5, 0.4 * radius, 1.2 * radius, 0.035, random);
    }

    /** One precinct per site that has a valid cell, in district order. */
    List<GeneratedPrecinct> create(List<Coordinate> sites, Geometry[] planarCells) {
        List<Integer> kept = new ArrayList<>();
        List<Geometry> shapes = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            Geometry shape = planarCells[i] == null ? null : toLonLatMultiPolygon(planarCells[i]);
            if (shape != null && shape.isValid()) {
                kept.add(i);
                shapes.add(shape);
            }
        }
        int count = kept.size();
        double[] x = new double[count];
        double[] y = new double[count];
        for (int k = 0; k < count; k++) {
            x[k] = sites.get(kept.get(k)).x;
            y[k] = sites.get(kept.get(k)).y;
        }
        int houseCount = Math.max(1, (int) Math.round((double) count / PRECINCTS_PER_HOUSE_DISTRICT));
        int[] house = SpatialPartition.partition(x, y, houseCount);
        int[] senateOfHouse = senateDistricts(x, y, house, houseCount);

        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            order.add(k);
        }
        order.sort(Comparator.<Integer>comparingInt(k -> house[k]).thenComparingInt(k -> k));

        List<GeneratedPrecinct> precincts = new ArrayList<>(count);
        for (int k : order) {
            String id = String.format("P%04d", precincts.size() + 1);
            List<String> districts = List.of("HD-" + (house[k] + 1), "SD-" + (senateOfHouse[house[k]] + 1));
            precincts.add(precinct(id, shapes.get(k), planarCells[kept.get(k)], x[k], y[k], districts));
        }
        return precincts;
    }

    private Geometry toLonLatMultiPolygon(Geometry planarCell) {
        Geometry shape = projection.toLonLat(planarCell, lonLat);
        // Uniformly MultiPolygon, as precinct shapefiles are: a coastline can cut a cell in two.
        if (shape instanceof Polygon polygon) {
            return lonLat.createMultiPolygon(new Polygon[] {polygon});
        }
        return shape instanceof MultiPolygon ? shape : null;
    }

    private static int[] senateDistricts(double[] x, double[] y, int[] house, int houseCount) {
        double[] cx = new double[houseCount];
        double[] cy = new double[houseCount];
        int[] members = new int[houseCount];
        for (int k = 0; k < x.length; k++) {
            cx[house[k]] += x[k];
            cy[house[k]] += y[k];
            members[house[k]]++;
        }
        for (int h = 0; h < houseCount; h++) {
            cx[h] /= Math.max(1, members[h]);
            cy[h] /= Math.max(1, members[h]);
        }
        int senateCount = Math.max(1, (int) Math.round(houseCount / HOUSE_DISTRICTS_PER_SENATE_DISTRICT));
        return SpatialPartition.partition(cx, cy, senateCount);
    }

    private GeneratedPrecinct precinct(String id, Geometry shape, Geometry planarCell, double x, double y,
            List<String> districts) {
        double urbanity = landscape.urbanity(x, y);
        double hispanicShare = clamp(hispanic.valueAt(x, y) + 0.02 * random.nextGaussian(), 0, 0.95);
        int registered = random.nextDouble() < EMPTY_PRECINCT_SHARE ? 0 : (int) Math.round(clamp(
                MEDIAN_REGISTERED * Math.exp(REGISTERED_LOG_SIGMA * random.nextGaussian()), 800, 3_000));
        double turnout = clamp(0.76 - 0.16 * urbanity - 0.20 * hispanicShare + 0.035 * random.nextGaussian(),
                0.35, 0.80);
        double support = clamp(0.35 + 0.40 * urbanity + 0.10 * hispanicShare + supportNoise.valueAt(x, y)
                + 0.025 * random.nextGaussian(), 0.25, 0.80);
        Set<String> languages = hispanicShare >= SPANISH_REQUIRED_SHARE ? Set.of("es") : Set.of();
        Precinct precinct = new Precinct(id, "Precinct " + id.substring(1), shape, registered, round3(turnout),
                round3(support), districts, null, null, languages, Set.of(Skill.CANVASS), null, null, 0);
        return new GeneratedPrecinct(precinct, planarCell, urbanity, hispanicShare);
    }

    static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    /** Three decimals, as election data states shares; keeps JSON exports short. */
    private static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
