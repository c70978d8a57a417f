package org.fieldplan.data.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * The shape and settlement pattern of a synthetic region, in plane kilometres around (0, 0): an irregular,
 * roughly round boundary, a main city at the centre, a few secondary towns for larger regions and a thin rural
 * background. It answers where precinct seed points fall and how urban any place is.
 *
 * <p>Precincts are drawn to hold similar numbers of voters, so seed points are spread like population: about a
 * quarter uniformly over the countryside, the rest around the settlements. The radius grows with √n (35 km for 400
 * precincts, like Rhode Island) and each settlement's scale with √(its seeds), which keeps a city-core precinct at
 * roughly {@value #CITY_CORE_PRECINCT_KM2} km² and a rural one at tens of km² whatever the size.
 */
final class Landscape {

    private static final double RADIUS_KM_AT_400_PRECINCTS = 35.0;
    private static final double RURAL_SHARE = 0.25;
    /** Share of seeds around the secondary towns (together) when there are any; the city takes the rest. */
    private static final double TOWNS_SHARE = 0.35;
    private static final double CITY_CORE_PRECINCT_KM2 = 0.3;
    private static final double TOWN_CORE_PRECINCT_KM2 = 0.6;
    private static final int BOUNDARY_VERTICES = 256;
    /** Registered voters of a typical precinct, to turn seed density into voter density. */
    private static final double VOTERS_PER_SEED = 1_500;
    /** Voter densities (per km²) mapped to urbanity 0 (rural) and 1 (dense urban core). */
    private static final double RURAL_VOTERS_PER_KM2 = 100;
    private static final double URBAN_VOTERS_PER_KM2 = 8_000;

    private final int seedCount;
    private final double radiusKm;
    private final Polygon boundary;
    private final IndexedPointInAreaLocator insideBoundary;
    private final double boundaryAreaKm2;
    private final List<Settlement> settlements;

    private Landscape(int seedCount, double radiusKm, Polygon boundary, List<Settlement> settlements) {
        this.seedCount = seedCount;
        this.radiusKm = radiusKm;
        this.boundary = boundary;
        this.insideBoundary = new IndexedPointInAreaLocator(boundary);
        this.boundaryAreaKm2 = boundary.getArea();
        this.settlements = List.copyOf(settlements);
    }

    /** Lays out a region for {@code seedCount} precincts. */
    static Landscape create(int seedCount, SplittableRandom random, GeometryFactory planar) {
        double radiusKm = RADIUS_KM_AT_400_PRECINCTS * Math.sqrt(seedCount / 400.0);
        Polygon boundary = irregularBoundary(radiusKm, random, planar);
        int townCount = seedCount < 200 ? 0 : Math.max(2, (int) Math.round(Math.sqrt(seedCount) / 7));
        double cityShare = 1 - RURAL_SHARE - (townCount > 0 ? TOWNS_SHARE : 0);

        List<Settlement> settlements = new ArrayList<>();
        settlements.add(new Settlement(0, 0, scaleKm(seedCount * cityShare, CITY_CORE_PRECINCT_KM2), cityShare));
        double[] weights = new double[townCount];
        double weightSum = 0;
        for (int i = 0; i < townCount; i++) {
            weights[i] = 0.5 + random.nextDouble();
            weightSum += weights[i];
        }
        // Towns keep apart so that each has its own hinterland; after many misses one is placed anyway.
        double minSeparationKm = 0.9 * radiusKm / Math.sqrt(townCount + 1.0);
        for (int i = 0; i < townCount; i++) {
            double share = TOWNS_SHARE * weights[i] / weightSum;
            double[] at = townLocation(radiusKm, minSeparationKm, settlements, random);
            settlements.add(new Settlement(at[0], at[1], scaleKm(seedCount * share, TOWN_CORE_PRECINCT_KM2), share));
        }
        return new Landscape(seedCount, radiusKm, boundary, settlements);
    }

    /** The scale at which {@code seeds} points around a centre give precincts of {@code coreKm2} at the centre. */
    private static double scaleKm(double seeds, double coreKm2) {
        return Math.sqrt(seeds * coreKm2 / (2 * Math.PI));
    }

    private static double[] townLocation(double radiusKm, double minSeparationKm, List<Settlement> placed,
            SplittableRandom random) {
        double[] candidate = null;
        for (int attempt = 0; attempt < 200; attempt++) {
            double r = radiusKm * (0.35 + 0.45 * random.nextDouble());
            double theta = 2 * Math.PI * random.nextDouble();
            candidate = new double[] {r * Math.cos(theta), r * Math.sin(theta)};
            if (farFromAll(candidate, minSeparationKm, placed)) {
                break;
            }
        }
        return candidate;
    }

    private static boolean farFromAll(double[] at, double minKm, List<Settlement> placed) {
        for (Settlement settlement : placed) {
            if (Math.hypot(at[0] - settlement.xKm(), at[1] - settlement.yKm()) < minKm) {
                return false;
            }
        }
        return true;
    }

    /**
     * A star-shaped outline r(θ) = R·(1 + a few low harmonics): irregular like a real state, yet every ray from the
     * centre crosses it once, so it is always a valid polygon containing the city. The wobble is at most 15%, so
     * towns placed within 0.8 R are inside it.
     */
    private static Polygon irregularBoundary(double radiusKm, SplittableRandom random, GeometryFactory planar) {
        double[] amplitudes = {0.07, 0.05, 0.03};
        int[] frequencies = {2, 3, 5};
        double[] phases = new double[amplitudes.length];
        for (int h = 0; h < phases.length; h++) {
            phases[h] = 2 * Math.PI * random.nextDouble();
        }
        Coordinate[] ring = new Coordinate[BOUNDARY_VERTICES + 1];
        for (int i = 0; i < BOUNDARY_VERTICES; i++) {
            double theta = 2 * Math.PI * i / BOUNDARY_VERTICES;
            double factor = 1;
            for (int h = 0; h < amplitudes.length; h++) {
                factor += amplitudes[h] * Math.sin(frequencies[h] * theta + phases[h]);
            }
            ring[i] = new Coordinate(radiusKm * factor * Math.cos(theta), radiusKm * factor * Math.sin(theta));
        }
        ring[BOUNDARY_VERTICES] = ring[0].copy();
        return planar.createPolygon(ring);
    }

    /**
     * One precinct seed point, drawn from the settlement mixture and redrawn until it lies inside the boundary.
     * Around a settlement the distance is Gamma(2, scale) distributed, which is what a planar density ∝ exp(−r/scale)
     * gives.
     */
    Coordinate sampleSeed(SplittableRandom random) {
        while (true) {
            Coordinate candidate = drawFromMixture(random);
            if (contains(candidate)) {
                return candidate;
            }
        }
    }

    private Coordinate drawFromMixture(SplittableRandom random) {
        double pick = random.nextDouble();
        for (Settlement settlement : settlements) {
            pick -= settlement.seedShare();
            if (pick < 0) {
                double r = -settlement.scaleKm() * Math.log((1 - random.nextDouble()) * (1 - random.nextDouble()));
                double theta = 2 * Math.PI * random.nextDouble();
                return new Coordinate(settlement.xKm() + r * Math.cos(theta), settlement.yKm() + r * Math.sin(theta));
            }
        }
        // Rural background: uniform in the bounding square of the outline (rejection keeps it uniform inside).
        double reach = radiusKm * 1.2;
        return new Coordinate(reach * (2 * random.nextDouble() - 1), reach * (2 * random.nextDouble() - 1));
    }

    boolean contains(Coordinate point) {
        return insideBoundary.locate(point) == Location.INTERIOR;
    }

    /** Expected registered voters per km² at a point, from the seed density (each precinct ≈ same voters). */
    double voterDensity(double x, double y) {
        double seedsPerKm2 = seedCount * RURAL_SHARE / boundaryAreaKm2;
        for (Settlement settlement : settlements) {
            seedsPerKm2 += settlement.seedDensity(x, y, seedCount);
        }
        return seedsPerKm2 * VOTERS_PER_SEED;
    }

    /** How urban a point is, 0 (countryside) to 1 (dense city core): log-linear in voter density. */
    double urbanity(double x, double y) {
        double t = (Math.log(voterDensity(x, y)) - Math.log(RURAL_VOTERS_PER_KM2))
                / (Math.log(URBAN_VOTERS_PER_KM2) - Math.log(RURAL_VOTERS_PER_KM2));
        return Math.max(0, Math.min(1, t));
    }

    Polygon boundary() {
        return boundary;
    }

    double radiusKm() {
        return radiusKm;
    }

    List<Settlement> settlements() {
        return settlements;
    }
}
