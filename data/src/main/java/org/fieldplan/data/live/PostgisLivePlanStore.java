package org.fieldplan.data.live;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.fieldplan.data.postgis.Jdbc;
import org.fieldplan.domain.Assignment;

/**
 * {@link LivePlanStore} on PostGIS ({@code V17__live_plan.sql}). A version is appended in one transaction that
 * first locks the region's newest version row, so two instances cannot append the same number; the primary key
 * would refuse it anyway.
 */
public final class PostgisLivePlanStore implements LivePlanStore {

    private static final String VERSION_COLUMNS =
            "region_id, number, job_id, kind, actor, organizer_id, reason, at";

    private final DataSource dataSource;

    public PostgisLivePlanStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<LiveVersion> append(LiveVersion version, int expectedLatest) {
        return Jdbc.inTransaction(dataSource, "appending a live plan version", connection -> {
            // Serializes appends per region (also the first one, which has no row to lock).
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, "live:" + version.regionId());
                lock.execute();
            }
            int latest;
            try (PreparedStatement max = connection.prepareStatement(
                    "SELECT coalesce(max(number), 0) FROM live_plan_version WHERE region_id = ?")) {
                max.setString(1, version.regionId());
                try (ResultSet rows = max.executeQuery()) {
                    rows.next();
                    latest = rows.getInt(1);
                }
            }
            if (latest != expectedLatest) {
                return Optional.<LiveVersion>empty();
            }
            LiveVersion stored = version.numbered(latest + 1);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO live_plan_version ("
                    + VERSION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, stored.regionId());
                insert.setInt(2, stored.number());
                insert.setString(3, stored.jobId());
                insert.setString(4, stored.kind());
                insert.setString(5, stored.actor());
                insert.setString(6, stored.organizerId());
                insert.setString(7, stored.reason());
                insert.setTimestamp(8, Timestamp.from(stored.at()));
                insert.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO live_plan_assignment "
                    + "(region_id, number, volunteer_id, slot_id, precinct_id, pinned, ride_with) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (Assignment a : stored.assignments()) {
                    insert.setString(1, stored.regionId());
                    insert.setInt(2, stored.number());
                    insert.setString(3, a.volunteerId());
                    insert.setString(4, a.slotId());
                    insert.setString(5, a.precinctId());
                    insert.setBoolean(6, a.pinned());
                    insert.setString(7, a.rideWith());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return Optional.of(stored);
        });
    }

    @Override
    public Optional<LiveVersion> latest(String regionId) {
        return one("SELECT " + VERSION_COLUMNS + " FROM live_plan_version WHERE region_id = ? "
                + "ORDER BY number DESC LIMIT 1", regionId, null);
    }

    @Override
    public Optional<LiveVersion> version(String regionId, int number) {
        return one("SELECT " + VERSION_COLUMNS + " FROM live_plan_version WHERE region_id = ? AND number = ?",
                regionId, number);
    }

    private Optional<LiveVersion> one(String sql, String regionId, Integer number) {
        return Jdbc.inTransaction(dataSource, "reading a live plan version", connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, regionId);
                if (number != null) {
                    select.setInt(2, number);
                }
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(withAssignments(connection, rows)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Optional<LiveVersion> head(String regionId) {
        return Jdbc.inTransaction(dataSource, "reading a live plan's newest version", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + VERSION_COLUMNS
                    + " FROM live_plan_version WHERE region_id = ? ORDER BY number DESC LIMIT 1")) {
                select.setString(1, regionId);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(version(rows, List.of())) : Optional.<LiveVersion>empty();
                }
            }
        });
    }

    @Override
    public List<LiveVersion> versions(String regionId) {
        return Jdbc.inTransaction(dataSource, "reading live plan versions", connection -> {
            List<LiveVersion> all = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + VERSION_COLUMNS
                    + " FROM live_plan_version WHERE region_id = ? ORDER BY number")) {
                select.setString(1, regionId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        all.add(withAssignments(connection, rows));
                    }
                }
            }
            return all;
        });
    }

    private static LiveVersion withAssignments(Connection connection, ResultSet row) throws SQLException {
        String regionId = row.getString("region_id");
        int number = row.getInt("number");
        List<Assignment> assignments = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT volunteer_id, slot_id, precinct_id, "
                + "pinned, ride_with FROM live_plan_assignment WHERE region_id = ? AND number = ? "
                + "ORDER BY volunteer_id, slot_id")) {
            select.setString(1, regionId);
            select.setInt(2, number);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    assignments.add(new Assignment(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getBoolean(4), rows.getString(5)));
                }
            }
        }
        return version(row, assignments);
    }

    private static LiveVersion version(ResultSet row, List<Assignment> assignments) throws SQLException {
        return new LiveVersion(row.getString("region_id"), row.getInt("number"), row.getString("job_id"),
                row.getString("kind"), row.getString("actor"), row.getString("organizer_id"), row.getString("reason"),
                row.getTimestamp("at").toInstant(), assignments);
    }

    @Override
    public Map<String, String> liveJobIds() {
        return Jdbc.inTransaction(dataSource, "listing live plans", connection -> {
            Map<String, String> live = new TreeMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT ON (region_id) region_id, "
                    + "job_id FROM live_plan_version ORDER BY region_id, number DESC");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    live.put(rows.getString(1), rows.getString(2));
                }
            }
            return live;
        });
    }

    @Override
    public Optional<String> regionOfJob(String jobId) {
        return Jdbc.inTransaction(dataSource, "finding a live plan's region", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT region_id FROM live_plan_version WHERE job_id = ? LIMIT 1")) {
                select.setString(1, jobId);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public void lock(ShiftFact lock) {
        upsert("lock", lock);
    }

    @Override
    public boolean unlock(String regionId, String volunteerId, String slotId) {
        return Jdbc.inTransaction(dataSource, "unlocking a shift", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM live_shift_fact "
                    + "WHERE region_id = ? AND kind = 'lock' AND volunteer_id = ? AND slot_id = ?")) {
                delete.setString(1, regionId);
                delete.setString(2, volunteerId);
                delete.setString(3, slotId);
                return delete.executeUpdate() > 0;
            }
        });
    }

    @Override
    public List<ShiftFact> locks(String regionId) {
        return facts("lock", regionId);
    }

    @Override
    public void note(ShiftFact note) {
        if (note.text() == null || note.text().isBlank()) {
            Jdbc.inTransaction(dataSource, "removing a shift note", connection -> {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM live_shift_fact "
                        + "WHERE region_id = ? AND kind = 'note' AND volunteer_id = ? AND slot_id = ?")) {
                    delete.setString(1, note.regionId());
                    delete.setString(2, note.volunteerId());
                    delete.setString(3, note.slotId());
                    return delete.executeUpdate();
                }
            });
        } else {
            upsert("note", note);
        }
    }

    @Override
    public List<ShiftFact> notes(String regionId) {
        return facts("note", regionId);
    }

    private void upsert(String kind, ShiftFact fact) {
        Jdbc.inTransaction(dataSource, "writing a shift " + kind, connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO live_shift_fact (region_id, "
                    + "kind, volunteer_id, slot_id, text, actor, organizer_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (region_id, kind, volunteer_id, slot_id) DO UPDATE SET text = excluded.text, "
                    + "actor = excluded.actor, organizer_id = excluded.organizer_id, at = excluded.at")) {
                upsert.setString(1, fact.regionId());
                upsert.setString(2, kind);
                upsert.setString(3, fact.volunteerId());
                upsert.setString(4, fact.slotId());
                upsert.setString(5, fact.text());
                upsert.setString(6, fact.actor());
                upsert.setString(7, fact.organizerId());
                upsert.setTimestamp(8, Timestamp.from(fact.at()));
                return upsert.executeUpdate();
            }
        });
    }

    private List<ShiftFact> facts(String kind, String regionId) {
        return Jdbc.inTransaction(dataSource, "reading shift " + kind + "s", connection -> {
            List<ShiftFact> facts = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT volunteer_id, slot_id, text, actor, "
                    + "organizer_id, at FROM live_shift_fact WHERE region_id = ? AND kind = ? ORDER BY at, "
                    + "volunteer_id, slot_id")) {
                select.setString(1, regionId);
                select.setString(2, kind);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        facts.add(new ShiftFact(regionId, rows.getString(1), rows.getString(2), rows.getString(3),
                                rows.getString(4), rows.getString(5), rows.getTimestamp(6).toInstant()));
                    }
                }
            }
            return facts;
        });
    }
}
