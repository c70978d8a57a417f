package org.fieldplan.data.travel;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.fieldplan.data.postgis.Jdbc;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.TravelMode;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.travel.GreatCircle;
import org.fieldplan.travel.GreatCircleTravelTimeMatrix;
import org.fieldplan.travel.PrecinctTravel;
import org.fieldplan.travel.TravelParameters;

/**
 * {@link CandidatePairs} computed in PostGIS: one spatial join of volunteers' homes with precinct anchor points. For
 * each home the database selects the precincts whose anchor lies in a longitude/latitude box around it that holds the
 * volunteer's whole straight-line radius (speed × minutes ÷ road-detour factor, with a hair of slack), served by the
 * GiST index on {@code anchor}: a box test, not a sphere distance per candidate (profiled in docs/benchmarks.md:
 * the geography distance and text ids were most of the time). Volunteers and precincts travel as their positions
 * in the problem's lists, so the answer is two integers a row.
 *
 * <p>The minutes and the exact cut are computed here with the same haversine formula as
 * {@link GreatCircleTravelTimeMatrix}, so both implementations agree pair for pair.
 */
public final class PostgisCandidatePairs implements CandidatePairs {

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
                 pre AS (SELECT id, i FROM unnest(?::text[]) WITH ORDINALITY AS t(id, i)),
                 homes AS (
                     SELECT vol.i AS vi, h.home,
                         ((CASE v.travel_mode WHEN 'WALK' THEN ? WHEN 'BIKE' THEN ? WHEN 'TRANSIT' THEN ? ELSE ? END)
                             * v.max_travel_minutes / 60.0 / ? * 1000.0 * ? + ?) / ? AS r
                     FROM volunteer v
                     JOIN vol ON vol.id = v.id
                     JOIN volunteer_pii h ON h.region_id = v.region_id AND h.volunteer_id = v.id
                     WHERE v.region_id = ? AND h.home IS NOT NULL)
            SELECT homes.vi::int AS vi, pre.i::int AS pi
            FROM homes
            JOIN precinct p ON p.region_id = ? AND p.anchor && ST_Expand(homes.home,
                homes.r / cos(radians(least(89.0, abs(ST_Y(homes.home)) + homes.r))), homes.r)
            JOIN pre ON pre.id = p.id""";

    private final DataSource dataSource;

    public PostgisCandidatePairs(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public SparseTravelTimeMatrix compute(String regionId, FieldPlanProblem problem) {
        List<Volunteer> volunteers = problem.volunteers();
        List<Precinct> precincts = problem.precincts();
        TravelParameters travel = problem.travel();
        GreatCircleTravelTimeMatrix greatCircle = new GreatCircleTravelTimeMatrix(List.of(), travel);
        List<List<PrecinctTravel>> pairs = new ArrayList<>(volunteers.size());
        volunteers.forEach(v -> pairs.add(new ArrayList<>()));
        Jdbc.inTransaction(dataSource, "candidate pairs of region " + regionId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(PAIRS_SQL)) {
                int i = 0;
                select.setArray(++i, Jdbc.textArray(connection, volunteers.stream().map(Volunteer::getId).toList()));
                select.setArray(++i, Jdbc.textArray(connection, precincts.stream().map(Precinct::getId).toList()));
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
                select.setFetchSize(50_000); // stream large results instead of buffering them all
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        int vi = rows.getInt(1) - 1;
                        Volunteer volunteer = volunteers.get(vi);
                        Precinct precinct = precincts.get(rows.getInt(2) - 1);
                        double minutes = greatCircle.minutes(volunteer, precinct);
                        if (minutes <= volunteer.getMaxTravelMinutes()) {
                            pairs.get(vi).add(new PrecinctTravel(precinct, minutes));
                        }
                    }
                }
            }
            return null;
        });
        Map<String, List<PrecinctTravel>> byVolunteer = new HashMap<>();
        for (int v = 0; v < volunteers.size(); v++) {
            byVolunteer.put(volunteers.get(v).getId(), pairs.get(v));
        }
        return new SparseTravelTimeMatrix(byVolunteer);
    }
}
