package org.fieldplan.data.region;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import javax.sql.DataSource;

import org.fieldplan.data.calendar.CalendarJson;
import org.fieldplan.data.calendar.CampaignCalendar;
import org.fieldplan.data.Geometries;
import org.fieldplan.data.StoreException;
import org.fieldplan.data.postgis.Jdbc;
import org.fieldplan.domain.AvailabilityWindow;
import org.fieldplan.domain.District;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Skill;
import org.fieldplan.domain.StagingLocation;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.data.io.ProblemJson;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * {@link RegionStore} on PostGIS (schema from {@link org.fieldplan.data.postgis.PostgisSchema}). A save is one
 * transaction of batched inserts, so a rejected row leaves nothing behind; all values are bind parameters.
 */
public final class PostgisRegionStore implements RegionStore {

    private final DataSource dataSource;

    public PostgisRegionStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void save(String regionId, FieldPlanProblem problem, Map<String, Map<String, Object>> electionAttributes) {
        Jdbc.inTransaction(dataSource, "import of region " + regionId, connection -> {
            insertRegion(connection, regionId, problem);
            insertDistricts(connection, regionId, problem.districts());
            insertPrecincts(connection, regionId, problem.precincts(), electionAttributes);
            insertVolunteers(connection, regionId, problem.volunteers(), Map.of(), 0);
            insertSlots(connection, regionId, problem.timeSlots());
            PostgisStagingLocations.insert(connection, regionId, problem.stagingLocations());
            analyze(connection);
            return null;
        });
    }

    @Override
    public void addVolunteers(String regionId, List<Volunteer> volunteers, Map<String, String> phones) {
        Jdbc.inTransaction(dataSource, "adding volunteers to region " + regionId, connection -> {
            int firstPosition;
            // Locks the region row so that concurrent additions do not take the same positions.
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT (SELECT coalesce(max(position) + 1, 0) FROM volunteer WHERE region_id = r.id) AS next
                    FROM region r WHERE r.id = ? FOR UPDATE""")) {
                select.setString(1, regionId);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        throw new StoreException("unknown region " + regionId);
                    }
                    firstPosition = rows.getInt("next");
                }
            }
            insertVolunteers(connection, regionId, volunteers, phones, firstPosition);
            analyze(connection);
            return null;
        });
    }

    @Override
    public void replaceCalendar(String regionId, CampaignCalendar calendar) {
        List<TimeSlot> slots = calendar.slots();
        Jdbc.inTransaction(dataSource, "setting the calendar of region " + regionId, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE region SET time_zone = ?, calendar = ?::jsonb WHERE id = ?")) {
                update.setString(1, calendar.timeZone().getId());
                update.setString(2, CalendarJson.write(calendar));
                update.setString(3, regionId);
                if (update.executeUpdate() == 0) {
                    throw new StoreException("unknown region " + regionId);
                }
            }
            // Slots a plan assigns must not be deleted: the assignment foreign key refuses it and rolls back.
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM time_slot WHERE region_id = ? AND NOT (id = ANY (?))")) {
                delete.setString(1, regionId);
                delete.setArray(2, Jdbc.textArray(connection, slots.stream().map(TimeSlot::getId).toList()));
                delete.executeUpdate();
            }
            upsertSlots(connection, regionId, slots);
            return null;
        });
    }

    @Override
    public RegionCalendar calendar(String regionId) {
        return Jdbc.inTransaction(dataSource, "reading the calendar of region " + regionId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT time_zone, calendar::text AS calendar FROM region WHERE id = ?")) {
                select.setString(1, regionId);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        throw new NoSuchElementException("unknown region " + regionId);
                    }
                    String declared = rows.getString("calendar");
                    return new RegionCalendar(rows.getString("time_zone"),
                            PostgisProblemReader.slots(connection, regionId, null, null),
                            Optional.ofNullable(declared).map(json -> CalendarJson.read(
                                    json.getBytes(StandardCharsets.UTF_8))));
                }
            }
        });
    }

    @Override
    public Optional<String> phone(String regionId, String volunteerId) {
        return textOfOne("reading a phone number",
                "SELECT phone FROM volunteer_pii WHERE region_id = ? AND volunteer_id = ?", regionId, volunteerId);
    }

    /** The text column of the one row a fixed query selects by (region, item id), if the row exists and has it. */
    private Optional<String> textOfOne(String what, String sql, String regionId, String itemId) {
        return Jdbc.inTransaction(dataSource, what, connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, regionId);
                select.setString(2, itemId);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Refreshes planner statistics right away: without them the first candidate-pair join after a large import
     * picks a plan that took 143 s instead of 3 s at L size (autovacuum analyzes only later).
     */
    private static void analyze(Connection connection) throws SQLException {
        try (PreparedStatement analyze = connection.prepareStatement(
                "ANALYZE precinct, volunteer, volunteer_pii, volunteer_availability, time_slot")) {
            analyze.execute();
        }
    }

    private static void insertRegion(Connection connection, String regionId, FieldPlanProblem problem)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO region (id, name, time_zone, vote_model, travel, weights) "
                        + "VALUES (?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb)")) {
            insert.setString(1, regionId);
            insert.setString(2, problem.name() == null ? regionId : problem.name());
            insert.setString(3, problem.timeZone());
            insert.setString(4, JsonAttributes.write(problem.voteModel()));
            insert.setString(5, JsonAttributes.write(problem.travel()));
            insert.setString(6, ProblemJson.weightsToJson(problem.weights()));
            insert.executeUpdate();
        }
    }

    private static void insertDistricts(Connection connection, String regionId, List<District> districts)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO district (region_id, id, expected_support_share, position) VALUES (?, ?, ?, ?)")) {
            int position = 0;
            for (District district : districts) {
                insert.setString(1, regionId);
                insert.setString(2, district.id());
                insert.setDouble(3, district.expectedSupportShare());
                insert.setInt(4, position++);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertPrecincts(Connection connection, String regionId, List<Precinct> precincts,
            Map<String, Map<String, Object>> electionAttributes) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO precinct (region_id, id, name, geom, anchor, registered_voters, expected_turnout,
                    support_share, district_ids, stated_pivotality, stated_target_doors, required_languages,
                    required_skills, stated_capacity_per_slot, stated_doors_per_hour, doors_already_knocked,
                    election_attributes, position)
                VALUES (?, ?, ?, ST_GeomFromWKB(?, 4326), ST_GeomFromWKB(?, 4326), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    ?::jsonb, ?)""")) {
            int position = 0;
            for (Precinct precinct : precincts) {
                MultiPolygon turf = Geometries.turf(precinct);
                Map<String, Object> attributes = electionAttributes.get(precinct.getId());
                insert.setString(1, regionId);
                insert.setString(2, precinct.getId());
                insert.setString(3, precinct.getName());
                Jdbc.setGeometry(insert, 4, turf);
                Jdbc.setGeometry(insert, 5, Geometries.anchor(turf));
                insert.setInt(6, precinct.getRegisteredVoters());
                insert.setDouble(7, precinct.getExpectedTurnout());
                insert.setDouble(8, precinct.getSupportShare());
                insert.setArray(9, Jdbc.textArray(connection, precinct.getDistrictIds()));
                Jdbc.setNullableDouble(insert, 10, precinct.getStatedPivotality());
                Jdbc.setNullableInt(insert, 11, precinct.getStatedTargetDoors());
                insert.setArray(12, Jdbc.textArray(connection, precinct.getRequiredLanguages()));
                insert.setArray(13, Jdbc.textArray(connection, names(precinct.getRequiredSkills())));
                Jdbc.setNullableInt(insert, 14, precinct.getStatedCapacityPerSlot());
                Jdbc.setNullableDouble(insert, 15, precinct.getStatedDoorsPerHour());
                insert.setInt(16, precinct.getDoorsAlreadyKnocked());
                if (attributes == null) {
                    insert.setNull(17, Types.VARCHAR);
                } else {
                    insert.setString(17, JsonAttributes.write(attributes));
                }
                insert.setInt(18, position++);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertVolunteers(Connection connection, String regionId, List<Volunteer> volunteers,
            Map<String, String> phones, int firstPosition) throws SQLException {
        try (PreparedStatement volunteer = connection.prepareStatement("""
                INSERT INTO volunteer (region_id, id, skills, languages, travel_mode, max_travel_minutes, max_shifts,
                    max_shifts_per_day, organizer_id, attendance_probability, preferred_precinct_ids, position,
                    deployment_offers, seats, detour_minutes, can_ride)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""");
                PreparedStatement pii = connection.prepareStatement(
                        "INSERT INTO volunteer_pii (region_id, volunteer_id, name, phone, home) "
                                + "VALUES (?, ?, ?, ?, ST_GeomFromWKB(?, 4326))");
                PreparedStatement availability = connection.prepareStatement(
                        "INSERT INTO volunteer_availability (region_id, volunteer_id, starts_at, ends_at, position) "
                                + "VALUES (?, ?, ?, ?, ?)")) {
            int position = firstPosition;
            for (Volunteer v : volunteers) {
                volunteer.setString(1, regionId);
                volunteer.setString(2, v.getId());
                volunteer.setArray(3, Jdbc.textArray(connection, names(v.getSkills())));
                volunteer.setArray(4, Jdbc.textArray(connection, v.getLanguages()));
                volunteer.setString(5, v.getTravelMode().name());
                volunteer.setInt(6, v.getMaxTravelMinutes());
                volunteer.setInt(7, v.getMaxShifts());
                volunteer.setInt(8, v.getMaxShiftsPerDay());
                volunteer.setString(9, v.getOrganizerId());
                volunteer.setDouble(10, v.getAttendanceProbability());
                volunteer.setArray(11, Jdbc.textArray(connection, v.getPreferredPrecinctIds()));
                volunteer.setInt(12, position++);
                volunteer.setString(13, RegionJsonColumns.offers(v.getDeploymentOffers()));
                volunteer.setInt(14, v.getCarpool().seats());
                volunteer.setInt(15, v.getCarpool().detourMinutes());
                volunteer.setBoolean(16, v.getCarpool().canRide());
                volunteer.addBatch();

                pii.setString(1, regionId);
                pii.setString(2, v.getId());
                pii.setString(3, v.getName());
                pii.setString(4, phones.get(v.getId()));
                Jdbc.setGeometry(pii, 5, v.getHome());
                pii.addBatch();

                int windowPosition = 0;
                for (AvailabilityWindow window : v.getAvailability()) {
                    availability.setString(1, regionId);
                    availability.setString(2, v.getId());
                    availability.setTimestamp(3, Timestamp.valueOf(window.start()));
                    availability.setTimestamp(4, Timestamp.valueOf(window.end()));
                    availability.setInt(5, windowPosition++);
                    availability.addBatch();
                }
            }
            // Parents first: the PII and availability rows refer to the volunteer rows.
            volunteer.executeBatch();
            pii.executeBatch();
            availability.executeBatch();
        }
    }

    private static void insertSlots(Connection connection, String regionId, List<TimeSlot> slots)
            throws SQLException {
        writeSlots(connection, regionId, slots, "");
    }

    /** Inserts the slots, or updates the times and position of those the region already has under that id. */
    private static void upsertSlots(Connection connection, String regionId, List<TimeSlot> slots)
            throws SQLException {
        writeSlots(connection, regionId, slots, " ON CONFLICT (region_id, id) DO UPDATE SET "
                + "starts_at = excluded.starts_at, ends_at = excluded.ends_at, position = excluded.position");
    }

    private static void writeSlots(Connection connection, String regionId, List<TimeSlot> slots, String onConflict)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO time_slot (region_id, id, starts_at, ends_at, position) VALUES (?, ?, ?, ?, ?)"
                        + onConflict)) {
            int position = 0;
            for (TimeSlot slot : slots) {
                insert.setString(1, regionId);
                insert.setString(2, slot.getId());
                insert.setTimestamp(3, Timestamp.valueOf(slot.getStart()));
                insert.setTimestamp(4, Timestamp.valueOf(slot.getEnd()));
                insert.setInt(5, position++);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @Override
    public List<RegionSummary> list() {
        return Jdbc.inTransaction(dataSource, "listing regions", connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT r.id, r.name,
                        (SELECT count(*) FROM precinct p WHERE p.region_id = r.id) AS precincts,
                        (SELECT count(*) FROM volunteer v WHERE v.region_id = r.id) AS volunteers,
                        (SELECT count(*) FROM time_slot s WHERE s.region_id = r.id) AS slots
                    FROM region r ORDER BY r.id""");
                    ResultSet rows = select.executeQuery()) {
                List<RegionSummary> regions = new ArrayList<>();
                while (rows.next()) {
                    regions.add(new RegionSummary(rows.getString("id"), rows.getString("name"),
                            rows.getInt("precincts"), rows.getInt("volunteers"), rows.getInt("slots")));
                }
                return regions;
            }
        });
    }

    @Override
    public FieldPlanProblem load(ProblemQuery query) {
        return Jdbc.inTransaction(dataSource, "loading region " + query.regionId(),
                connection -> PostgisProblemReader.read(connection, query));
    }

    @Override
    public Optional<Map<String, Object>> electionAttributes(String regionId, String precinctId) {
        return textOfOne("reading election attributes",
                "SELECT election_attributes::text FROM precinct WHERE region_id = ? AND id = ?", regionId, precinctId)
                .map(JsonAttributes::readMap);
    }

    @Override
    public List<StagingLocation> stagingLocations(String regionId) {
        return Jdbc.inTransaction(dataSource, "reading the staging locations of region " + regionId,
                connection -> PostgisStagingLocations.readOfRegion(connection, regionId));
    }

    @Override
    public void addStagingLocations(String regionId, List<StagingLocation> locations) {
        Jdbc.inTransaction(dataSource, "adding staging locations to region " + regionId, connection -> {
            PostgisStagingLocations.add(connection, regionId, locations);
            return null;
        });
    }

    @Override
    public boolean updateStagingLocation(String regionId, StagingLocation location) {
        return Jdbc.inTransaction(dataSource, "changing a staging location of region " + regionId,
                connection -> PostgisStagingLocations.update(connection, regionId, location));
    }

    @Override
    public boolean removeStagingLocation(String regionId, String locationId) {
        return Jdbc.inTransaction(dataSource, "removing a staging location of region " + regionId,
                connection -> PostgisStagingLocations.delete(connection, regionId, locationId));
    }

    private static List<String> names(Collection<Skill> skills) {
        return skills.stream().map(Skill::name).sorted().toList();
    }
}
