package org.fieldplan.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.FieldPlanWeights;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.travel.TravelParameters;
import org.fieldplan.vote.VoteModelParameters;
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

    /** The preset region of the given size, named e.g. "Demo region M seed 7". */
    public FieldPlanProblem generate(RegionSize size, long seed) {
        return generate(size.precinctCount(), size.volunteerCount(), seed,
                "Demo region " + size.name() + " seed " + seed);
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
