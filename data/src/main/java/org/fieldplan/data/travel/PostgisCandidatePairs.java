package org.fieldplan.data.travel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

import javax.sql.DataSource;

import org.fieldplan.data.StoreException;
import org.fieldplan.data.postgis.Jdbc;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.TravelMode;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.travel.GreatCircle;
import org.fieldplan.travel.GreatCircleTravelTimeMatrix;
import org.fieldplan.travel.PrecinctTravel;
import org.fieldplan.domain.TravelParameters;

/**
 * {@link CandidatePairs} computed in PostGIS: one spatial join of volunteers' homes with precinct anchor points. For
 * each home the database selects the precincts whose anchor lies in a longitude/latitude box around it that holds the
 * volunteer's whole straight-line radius (speed × minutes ÷ road-detour factor, with a hair of slack), served by the
 * GiST index on {@code anchor}: a box test, not a sphere distance per candidate (profiled in docs/benchmarks.md).
 * Each volunteer's candidates come back as one row, the precincts' stored positions as a list: one row per pair
 * cost the database as much as the join itself.
 *
 * <p>The volunteers are split into {@link #PARTS} ranges queried on as many connections at once, so the database's
 * join and the Java side's work (the exact cut and the sort, quickest first) run side by side on all cores. The
 * minutes and the exact cut are computed in Java with the same haversine formula as
 * {@link GreatCircleTravelTimeMatrix}, so both implementations agree pair for pair.
 */
public final class PostgisCandidatePairs implements CandidatePairs {

    /**
     * Connections (and threads) one computation uses at once. Within one part the database and Java take turns
     * (the driver fetches the next rows only when asked), so more parts than cores keep both cores busy.
     */
    static final int PARTS = 4;
    /** Relative and absolute slack (metres) on the search radius; the exact cut is made in Java. */
    private static final double RADIUS_SLACK = 1e-3;
    private static final double RADIUS_SLACK_METRES = 1.0;
    /** Metres per degree of latitude on the sphere {@link GreatCircle} measures on. */
    private static final double METRES_PER_DEGREE = GreatCircle.EARTH_RADIUS_KM * 1000 * Math.PI / 180;

    /**
     * The box around a home: {@code r} degrees of latitude, and {@code r / cos(latitude)} of longitude at the box's
     * poleward edge (where a degree of longitude is shortest), which holds every point within the radius.
     */
    private static final String PAIRS_SQL = """
            WITH vol AS (SELECT id, i FROM unnest(?::text[]) WITH ORDINALITY AS t(id, i)),
                 homes AS (
                     SELECT vol.i AS vi, h.home,
                         ((CASE v.travel_mode WHEN 'WALK' THEN ? WHEN 'BIKE' THEN ? WHEN 'TRANSIT' THEN ? ELSE ? END)
                             * v.max_travel_minutes / 60.0 / ? * 1000.0 * ? + ?) / ? AS r
                     FROM volunteer v
                     JOIN vol ON vol.id = v.id
                     JOIN volunteer_pii h ON h.region_id = v.region_id AND h.volunteer_id = v.id
                     WHERE v.region_id = ? AND h.home IS NOT NULL)
            SELECT homes.vi::int AS vi, array_to_string(ARRAY(
                SELECT p.position FROM precinct p
                WHERE p.region_id = ? AND p.anchor && ST_Expand(homes.home,
                    homes.r / cos(radians(least(89.0, abs(ST_Y(homes.home)) + homes.r))), homes.r)), ' ') AS positions
            FROM homes""";

    /**
     * Each problem precinct's stored position (unique in its region, given when the region is saved), so the pairs
     * query names precincts by an integer and needs no join on text ids.
     */
    private static final String POSITIONS_SQL = """
            SELECT pre.i::int AS pi, p.position
            FROM unnest(?::text[]) WITH ORDINALITY AS pre(id, i)
            JOIN precinct p ON p.region_id = ? AND p.id = pre.id""";

    private final DataSource dataSource;

    public PostgisCandidatePairs(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public SparseTravelTimeMatrix compute(String regionId, FieldPlanProblem problem) {
        List<Volunteer> volunteers = problem.volunteers();
        List<List<PrecinctTravel>> pairs = new ArrayList<>(volunteers.size());
        volunteers.forEach(v -> pairs.add(new ArrayList<>()));
        int[] precinctByPosition = Jdbc.inTransaction(dataSource, "precinct positions of region " + regionId,
                connection -> precinctByPosition(connection, regionId, problem.precincts()));
        ExecutorService others = Executors.newFixedThreadPool(PARTS - 1);
        try {
            List<Future<?>> started = new ArrayList<>();
            for (int part = 1; part < PARTS; part++) {
                int from = volunteers.size() * part / PARTS;
                int to = volunteers.size() * (part + 1) / PARTS;
                started.add(others.submit(() -> computePart(regionId, problem, precinctByPosition, from, to, pairs)));
            }
            computePart(regionId, problem, precinctByPosition, 0, volunteers.size() / PARTS, pairs);
            for (Future<?> part : started) {
                part.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("candidate pairs of region " + regionId + " interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new StoreException("candidate pairs of region " + regionId + " failed", e.getCause());
        } finally {
            others.shutdownNow();
        }
        Map<String, List<PrecinctTravel>> byVolunteer = new HashMap<>();
        for (int v = 0; v < volunteers.size(); v++) {
            byVolunteer.put(volunteers.get(v).getId(), pairs.get(v));
        }
        return new SparseTravelTimeMatrix(byVolunteer);
    }

    /**
     * Fills {@code pairs} for the volunteers in [{@code from}, {@code to}) on a connection of its own, each list
     * sorted quickest first.
     */
    private void computePart(String regionId, FieldPlanProblem problem, int[] precinctByPosition, int from, int to,
            List<List<PrecinctTravel>> pairs) {
        List<Volunteer> volunteers = problem.volunteers();
        List<Precinct> precincts = problem.precincts();
        TravelParameters travel = problem.travel();
        GreatCircleTravelTimeMatrix greatCircle = new GreatCircleTravelTimeMatrix(List.of(), travel);
        Jdbc.inTransaction(dataSource, "candidate pairs of region " + regionId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(PAIRS_SQL)) {
                int i = 0;
                select.setArray(++i, Jdbc.textArray(connection,
                        volunteers.subList(from, to).stream().map(Volunteer::getId).toList()));
                select.setDouble(++i, travel.speedKmh(TravelMode.WALK));
                select.setDouble(++i, travel.speedKmh(TravelMode.BIKE));
                select.setDouble(++i, travel.speedKmh(TravelMode.TRANSIT));
                select.setDouble(++i, travel.speedKmh(TravelMode.CAR));
                select.setDouble(++i, travel.roadDetourFactor());
                select.setDouble(++i, 1 + RADIUS_SLACK);
                select.setDouble(++i, RADIUS_SLACK_METRES);
                select.setDouble(++i, METRES_PER_DEGREE);
                select.setString(++i, regionId);
                select.setString(++i, regionId);
                select.setFetchSize(1_000); // stream the rows instead of buffering them all
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        int vi = from + rows.getInt(1) - 1;
                        Volunteer volunteer = volunteers.get(vi);
                        List<PrecinctTravel> reachable = pairs.get(vi);
                        forEachNumber(rows.getString(2), position -> {
                            int pi = position < precinctByPosition.length ? precinctByPosition[position] : -1;
                            if (pi < 0) {
                                return;
                            }
                            Precinct precinct = precincts.get(pi);
                            double minutes = greatCircle.minutes(volunteer, precinct);
                            if (minutes <= volunteer.getMaxTravelMinutes()) {
                                reachable.add(new PrecinctTravel(precinct, minutes));
                            }
                        });
                        reachable.sort(SparseTravelTimeMatrix.QUICKEST_FIRST);
                    }
                }
            }
            return null;
        });
    }

    /** Calls {@code action} with each non-negative integer of a space-separated list, without boxing them. */
    private static void forEachNumber(String list, IntConsumer action) {
        int value = -1;
        for (int c = 0; c < list.length(); c++) {
            char digit = list.charAt(c);
            if (digit == ' ') {
                action.accept(value);
                value = -1;
            } else {
                value = Math.max(value, 0) * 10 + (digit - '0');
            }
        }
        if (value >= 0) {
            action.accept(value);
        }
    }

    /** The problem's index of the precinct stored at each position, -1 for positions outside the problem. */
    private static int[] precinctByPosition(Connection connection, String regionId, List<Precinct> precincts)
            throws SQLException {
        Map<Integer, Integer> byPosition = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(POSITIONS_SQL)) {
            select.setArray(1, Jdbc.textArray(connection, precincts.stream().map(Precinct::getId).toList()));
            select.setString(2, regionId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    byPosition.put(rows.getInt(2), rows.getInt(1) - 1);
                }
            }
        }
        int size = byPosition.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        int[] precinctByPosition = new int[size];
        Arrays.fill(precinctByPosition, -1);
        byPosition.forEach((position, index) -> precinctByPosition[position] = index);
        return precinctByPosition;
    }
}
