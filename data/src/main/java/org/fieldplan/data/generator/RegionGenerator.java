package org.fieldplan.data.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.fieldplan.domain.District;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.FieldPlanWeights;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.domain.TravelParameters;
import org.fieldplan.domain.VoteModelParameters;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Generates the project's embedded demo data: a fictional region (centred near 41.82° N, 71.41° W, but not any
 * real place) with precincts and volunteers whose numbers and spatial patterns resemble a real state's GOTV
 * weekend. Same arguments, same problem: every random choice comes from one seeded {@link SplittableRandom}, split
 * per stage, and no decision depends on hash iteration order.
 *
 * <p>What it builds (details in the package-private classes named):
 * <ol>
 * <li>{@link Landscape}: an irregular region of radius ≈ 35 km·√(n/400) with a main city at its centre, a few
 * secondary towns when n ≥ 200 and a rural background.</li>
 * <li>n precinct seed points spread like population, and their Voronoi cells clipped to the region
 * ({@link PrecinctCells}): small precincts downtown, large ones in the countryside. Geometries are WGS84 lon/lat
 * MultiPolygons with SRID 4326.</li>
 * <li>{@link PrecinctFactory}: registered voters, turnout, support share, Hispanic share and Spanish requirement,
 * house and senate districts; pivotality, doors, capacity and doors per hour are left to the vote model.</li>
 * <li>{@link GotvCalendar}: Sat 31 Oct – Tue 3 Nov 2026 (election day), three 3-hour slots a day, ids like
 * {@code 2026-10-31-am}, {@code -mid}, {@code -pm}, time zone America/New_York.</li>
 * <li>{@link VolunteerFactory}: homes by population and organizers by neighbourhood; skills, languages, travel,
 * availability, attendance and preferences from {@link VolunteerSampler}.</li>
 * </ol>
 * The problem has default weights, vote-model and travel parameters, no stated districts (the vote model derives
 * their forecasts from the precincts) and no assignments.
 */
public final class RegionGenerator {

    private static final double CENTRE_LON = -71.41;
    private static final double CENTRE_LAT = 41.82;
    private static final int WGS84 = 4326;

    /**
     * How unevenly precinct values are spread. Real states have few close districts and many safe ones, so the
     * value of a door varies by a factor of ~50 between the median precinct and the best (Rhode Island: 0.00016 and
     * 0.00725 expected votes per door); a generator that only made even values hid defects such as choosing
     * candidates by distance alone.
     */
    public enum ValueSpread {
        /** District forecasts derived from the precincts' own support: most districts lean the same mild way. */
        EVEN,
        /**
         * Every district's forecast margin is drawn from a normal distribution with standard deviation
         * {@value #HEAVY_TAILED_MARGIN_SD} (stated districts), so that pivotality exp(−m²/2σ²) is near 1 in a few
         * districts and near 0 in most: a heavy-tailed value per door like real pivotality × support.
         */
        HEAVY_TAILED
    }

    /** Standard deviation of a district's forecast margin with {@link ValueSpread#HEAVY_TAILED}. */
    public static final double HEAVY_TAILED_MARGIN_SD = 0.50;

    /** The preset region of the given size, named e.g. "Demo region M seed 7". */
    public FieldPlanProblem generate(RegionSize size, long seed) {
        return generate(size.precinctCount(), size.volunteerCount(), seed,
                "Demo region " + size.name() + " seed " + seed);
    }

    /** The preset region of the given size with the given value spread ({@link ValueSpread#EVEN} is the default). */
    public FieldPlanProblem generate(RegionSize size, long seed, ValueSpread spread) {
        FieldPlanProblem problem = generate(size, seed);
        return spread == ValueSpread.EVEN ? problem : withHeavyTailedValues(problem, seed);
    }

    /**
     * States a forecast for every district of the problem with a margin drawn, seeded, from N(0, 0.50²): the same
     * precincts and volunteers, values spread like a real state's.
     */
    static FieldPlanProblem withHeavyTailedValues(FieldPlanProblem problem, long seed) {
        // A random stream of its own, so that the even region stays exactly what it was.
        SplittableRandom random = new SplittableRandom(seed ^ 0x5EED_7A11L);
        List<District> districts = new ArrayList<>();
        problem.precincts().stream().flatMap(p -> p.getDistrictIds().stream()).distinct().sorted()
                .forEach(id -> {
                    double margin = HEAVY_TAILED_MARGIN_SD * random.nextGaussian();
                    districts.add(new District(id, Math.max(0.01, Math.min(0.99, 0.5 + margin / 2))));
                });
        return new FieldPlanProblem(problem.name() + ", heavy-tailed values", problem.timeZone(),
                problem.voteModel(), problem.travel(), districts, problem.timeSlots(), problem.precincts(),
                problem.volunteers(), problem.weights(), problem.assignments());
    }

    /**
     * A region with {@code precinctCount} precinct seeds (the result may have very slightly fewer precincts if a
     * cell is degenerate) and exactly {@code volunteerCount} volunteers.
     */
    public FieldPlanProblem generate(int precinctCount, int volunteerCount, long seed) {
        return generate(precinctCount, volunteerCount, seed,
                "Demo region " + precinctCount + "x" + volunteerCount + " seed " + seed);
    }

    private FieldPlanProblem generate(int precinctCount, int volunteerCount, long seed, String name) {
        if (precinctCount < 3 || volunteerCount < 0) {
            throw new IllegalArgumentException("Need at least 3 precincts and no negative volunteer count");
        }
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom layoutRandom = root.split();
        SplittableRandom seedRandom = root.split();
        SplittableRandom precinctRandom = root.split();
        SplittableRandom volunteerRandom = root.split();

        GeometryFactory planar = new GeometryFactory();
        GeometryFactory lonLat = new GeometryFactory(new PrecisionModel(), WGS84);
        LocalProjection projection = new LocalProjection(CENTRE_LON, CENTRE_LAT);

        Landscape landscape = Landscape.create(precinctCount, layoutRandom, planar);
        List<Coordinate> sites = new ArrayList<>(precinctCount);
        for (int i = 0; i < precinctCount; i++) {
            sites.add(landscape.sampleSeed(seedRandom));
        }
        Geometry[] cells = PrecinctCells.build(sites, landscape.boundary(), planar);
        List<GeneratedPrecinct> generated =
                new PrecinctFactory(landscape, projection, lonLat, precinctRandom).create(sites, cells);

        List<TimeSlot> slots = GotvCalendar.weekendSlots();
        List<Volunteer> volunteers = new VolunteerFactory(generated, new VolunteerSampler(slots), projection, lonLat,
                volunteerRandom).create(volunteerCount);
        List<Precinct> precincts = generated.stream().map(GeneratedPrecinct::precinct).toList();
        return new FieldPlanProblem(name, GotvCalendar.TIME_ZONE, VoteModelParameters.DEFAULTS,
                TravelParameters.DEFAULTS, List.of(), slots, precincts, volunteers,
                new FieldPlanWeights(), List.of());
    }
}
