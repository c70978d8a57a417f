package org.fieldplan.data.region;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;

import org.fieldplan.data.postgis.Jdbc;
import org.fieldplan.domain.AvailabilityWindow;
import org.fieldplan.domain.Carpool;
import org.fieldplan.domain.District;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.FieldPlanWeights;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Skill;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.TravelMode;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.data.io.ProblemJson;
import org.fieldplan.domain.TravelParameters;
import org.fieldplan.domain.VoteModelParameters;
import org.locationtech.jts.geom.Point;

/**
 * Reads a stored region back as a {@link FieldPlanProblem} for {@link PostgisRegionStore}: the region's row, then its
 * districts, slots, precincts and volunteers (with availability), each in the order they were saved in.
 */
final class PostgisProblemReader {

    private PostgisProblemReader() {
    }

    /** The stored problem the query selects, read on the caller's connection (and transaction). */
    static FieldPlanProblem read(Connection connection, ProblemQuery query) throws SQLException {
        String regionId = query.regionId();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT name, time_zone, vote_model::text AS vote_model, travel::text AS travel, "
                        + "weights::text AS weights "
                        + "FROM region WHERE id = ?")) {
            select.setString(1, regionId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new NoSuchElementException("unknown region " + regionId);
                }
                return new FieldPlanProblem(rows.getString("name"), rows.getString("time_zone"),
                        JsonAttributes.read(rows.getString("vote_model"), VoteModelParameters.class),
                        JsonAttributes.read(rows.getString("travel"), TravelParameters.class),
                        loadDistricts(connection, regionId), slots(connection, regionId, query.from(), query.to()),
                        loadPrecincts(connection, regionId), loadVolunteers(connection, query),
                        weights(rows.getString("weights")), List.of(), Map.of(),
                        PostgisStagingLocations.read(connection, regionId));
            }
        }
    }

    /** Regions saved before weights were kept have none: the defaults. */
    private static FieldPlanWeights weights(String json) {
        return json == null ? null : ProblemJson.weightsFromJson(json);
    }

    private static List<District> loadDistricts(Connection connection, String regionId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, expected_support_share FROM district WHERE region_id = ? ORDER BY position")) {
            select.setString(1, regionId);
            try (ResultSet rows = select.executeQuery()) {
                List<District> districts = new ArrayList<>();
                while (rows.next()) {
                    districts.add(new District(rows.getString("id"), rows.getDouble("expected_support_share")));
                }
                return districts;
            }
        }
    }

    /** The region's slots in order, those starting on a day from {@code from} to {@code to} (null: unbounded). */
    static List<TimeSlot> slots(Connection connection, String regionId, LocalDate from, LocalDate to)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, starts_at, ends_at FROM time_slot
                WHERE region_id = ?
                    AND starts_at::date BETWEEN coalesce(?::date, '-infinity') AND coalesce(?::date, 'infinity')
                ORDER BY position""")) {
            select.setString(1, regionId);
            select.setObject(2, from);
            select.setObject(3, to);
            try (ResultSet rows = select.executeQuery()) {
                List<TimeSlot> slots = new ArrayList<>();
                while (rows.next()) {
                    slots.add(new TimeSlot(rows.getString("id"), rows.getObject("starts_at", LocalDateTime.class),
                            rows.getObject("ends_at", LocalDateTime.class)));
                }
                return slots;
            }
        }
    }

    private static List<Precinct> loadPrecincts(Connection connection, String regionId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, name, ST_AsBinary(geom) AS geom, registered_voters, expected_turnout, support_share,
                    district_ids, stated_pivotality, stated_target_doors, required_languages, required_skills,
                    stated_capacity_per_slot, stated_doors_per_hour, doors_already_knocked
                FROM precinct WHERE region_id = ? ORDER BY position""")) {
            select.setString(1, regionId);
            try (ResultSet rows = select.executeQuery()) {
                List<Precinct> precincts = new ArrayList<>();
                while (rows.next()) {
                    precincts.add(new Precinct(rows.getString("id"), rows.getString("name"),
                            Jdbc.geometry(rows, "geom"), rows.getInt("registered_voters"),
                            rows.getDouble("expected_turnout"), rows.getDouble("support_share"),
                            Jdbc.textList(rows, "district_ids"), Jdbc.nullableDouble(rows, "stated_pivotality"),
                            Jdbc.nullableInt(rows, "stated_target_doors"),
                            Set.copyOf(Jdbc.textList(rows, "required_languages")),
                            skills(Jdbc.textList(rows, "required_skills")),
                            Jdbc.nullableInt(rows, "stated_capacity_per_slot"),
                            Jdbc.nullableDouble(rows, "stated_doors_per_hour"), rows.getInt("doors_already_knocked")));
                }
                return precincts;
            }
        }
    }

    private static List<Volunteer> loadVolunteers(Connection connection, ProblemQuery query) throws SQLException {
        Map<String, List<AvailabilityWindow>> availability = loadAvailability(connection, query);
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT v.id, h.name, ST_AsBinary(h.home) AS home, v.skills, v.languages, v.travel_mode,
                    v.max_travel_minutes, v.max_shifts, v.max_shifts_per_day, v.organizer_id,
                    v.attendance_probability, v.preferred_precinct_ids, v.deployment_offers::text AS deployment_offers,
                    v.seats, v.detour_minutes, v.can_ride
                FROM volunteer v
                JOIN volunteer_pii h ON h.region_id = v.region_id AND h.volunteer_id = v.id
                WHERE v.region_id = ? AND (?::text IS NULL OR v.organizer_id = ?)
                ORDER BY v.position""")) {
            select.setString(1, query.regionId());
            select.setString(2, query.organizerId());
            select.setString(3, query.organizerId());
            try (ResultSet rows = select.executeQuery()) {
                List<Volunteer> volunteers = new ArrayList<>();
                while (rows.next()) {
                    String id = rows.getString("id");
                    volunteers.add(new Volunteer(id, rows.getString("name"), (Point) Jdbc.geometry(rows, "home"),
                            skills(Jdbc.textList(rows, "skills")), Set.copyOf(Jdbc.textList(rows, "languages")),
                            TravelMode.valueOf(rows.getString("travel_mode")), rows.getInt("max_travel_minutes"),
                            availability.getOrDefault(id, List.of()), rows.getInt("max_shifts"),
                            rows.getInt("max_shifts_per_day"), rows.getString("organizer_id"),
                            rows.getDouble("attendance_probability"),
                            Set.copyOf(Jdbc.textList(rows, "preferred_precinct_ids")),
                            RegionJsonColumns.offers(rows.getString("deployment_offers")),
                            new Carpool(rows.getInt("seats"), rows.getInt("detour_minutes"),
                                    rows.getBoolean("can_ride"))));
                }
                return volunteers;
            }
        }
    }

    private static Map<String, List<AvailabilityWindow>> loadAvailability(Connection connection, ProblemQuery query)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT a.volunteer_id, a.starts_at, a.ends_at
                FROM volunteer_availability a
                JOIN volunteer v ON v.region_id = a.region_id AND v.id = a.volunteer_id
                WHERE a.region_id = ? AND (?::text IS NULL OR v.organizer_id = ?)
                ORDER BY a.volunteer_id, a.position""")) {
            select.setString(1, query.regionId());
            select.setString(2, query.organizerId());
            select.setString(3, query.organizerId());
            try (ResultSet rows = select.executeQuery()) {
                Map<String, List<AvailabilityWindow>> windows = new HashMap<>();
                while (rows.next()) {
                    windows.computeIfAbsent(rows.getString("volunteer_id"), id -> new ArrayList<>())
                            .add(new AvailabilityWindow(rows.getObject("starts_at", LocalDateTime.class),
                                    rows.getObject("ends_at", LocalDateTime.class)));
                }
                return windows;
            }
        }
    }


    private static Set<Skill> skills(List<String> names) {
        return names.stream().map(Skill::valueOf).collect(Collectors.toUnmodifiableSet());
    }
}
