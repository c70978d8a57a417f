package org.fieldplan.data.travel;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.fieldplan.data.postgis.Jdbc;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.TravelMode;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.travel.GreatCircleTravelTimeMatrix;
import org.fieldplan.travel.PrecinctTravel;
import org.fieldplan.travel.TravelParameters;

/**
 * {@link CandidatePairs} computed in PostGIS: one spatial join of volunteers' homes with precinct anchor points,
 * {@code ST_DWithin} on geography (sphere) served by the GiST index on {@code anchor::geography}, with each
 * volunteer's straight-line radius = speed × minutes ÷ road-detour factor.
 *
 * <p>The database only selects the pairs, with a hair of slack on the radius; the minutes and the exact cut are
 * computed here with the same haversine formula as {@link GreatCircleTravelTimeMatrix}, so both implementations
 * agree pair for pair instead of differing by the sphere radius PostGIS uses.
 */
public final class PostgisCandidatePairs implements CandidatePairs {

    /** Relative and absolute slack (metres) on the search radius; the exact cut is made in Java. */
    private static final double RADIUS_SLACK = 1e-6;
    private static final double RADIUS_SLACK_METRES = 1.0;

    private static final String PAIRS_SQL = """
            SELECT v.id AS volunteer_id, p.id AS precinct_id
            FROM volunteer v
            JOIN volunteer_pii h ON h.region_id = v.region_id AND h.volunteer_id = v.id
            JOIN precinct p ON p.region_id = v.region_id
                AND ST_DWithin(p.anchor::geography, h.home::geography,
                    (CASE v.travel_mode WHEN 'WALK' THEN ? WHEN 'BIKE' THEN ? WHEN 'TRANSIT' THEN ? ELSE ? END)
                        * v.max_travel_minutes / 60.0 / ? * 1000.0 * ? + ?,
                    false)
            WHERE v.region_id = ? AND h.home IS NOT NULL AND v.id = ANY (?) AND p.id = ANY (?)""";

    private final DataSource dataSource;

    public PostgisCandidatePairs(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public SparseTravelTimeMatrix compute(String regionId, FieldPlanProblem problem) {
        Map<String, Volunteer> volunteers = byId(problem.volunteers(), Volunteer::getId);
        Map<String, Precinct> precincts = byId(problem.precincts(), Precinct::getId);
        TravelParameters travel = problem.travel();
        GreatCircleTravelTimeMatrix greatCircle = new GreatCircleTravelTimeMatrix(List.of(), travel);
        Map<String, List<PrecinctTravel>> pairs = new HashMap<>();
        volunteers.keySet().forEach(id -> pairs.put(id, new ArrayList<>()));
        Jdbc.inTransaction(dataSource, "candidate pairs of region " + regionId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(PAIRS_SQL)) {
                select.setDouble(1, travel.speedKmh(TravelMode.WALK));
                select.setDouble(2, travel.speedKmh(TravelMode.BIKE));
                select.setDouble(3, travel.speedKmh(TravelMode.TRANSIT));
                select.setDouble(4, travel.speedKmh(TravelMode.CAR));
                select.setDouble(5, travel.roadDetourFactor());
                select.setDouble(6, 1 + RADIUS_SLACK);
                select.setDouble(7, RADIUS_SLACK_METRES);
                select.setString(8, regionId);
                select.setArray(9, Jdbc.textArray(connection, volunteers.keySet()));
                select.setArray(10, Jdbc.textArray(connection, precincts.keySet()));
                select.setFetchSize(10_000); // stream large results instead of buffering them all
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Volunteer volunteer = volunteers.get(rows.getString("volunteer_id"));
                        Precinct precinct = precincts.get(rows.getString("precinct_id"));
                        double minutes = greatCircle.minutes(volunteer, precinct);
                        if (minutes <= volunteer.getMaxTravelMinutes()) {
                            pairs.get(volunteer.getId()).add(new PrecinctTravel(precinct, minutes));
                        }
                    }
                }
            }
            return null;
        });
        return new SparseTravelTimeMatrix(pairs);
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
