package org.fieldplan.data.plan;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.fieldplan.data.postgis.Jdbc;
import org.fieldplan.data.region.ProblemQuery;
import org.fieldplan.data.region.RegionKeys;
import org.fieldplan.domain.Assignment;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.data.io.ProblemJson;

/**
 * {@link PlanStore} on PostGIS. The schema's foreign keys check assignments against the region (a snapshot-only
 * plan's are checked in Java); every write is one transaction and every value a bind parameter.
 *
 * <p>Longer than most classes (~450 lines): it is the SQL of the whole {@link PlanStore} contract (plans, their
 * assignments, field reports, snapshots), whose writes span those tables in one transaction each; split by table, one
 * transaction would be spread over several classes.
 */
public final class PostgisPlanStore implements PlanStore {

    private static final String PLAN_COLUMNS =
            "id, region_id, date_from, date_to, organizer_id, score, status, created_at, updated_at";

    private final DataSource dataSource;
    private final Clock clock;
    private final Map<Long, SnapshotKeys> snapshotKeys = new ConcurrentHashMap<>();

    /** A snapshot's ids and the digest of the snapshot they were read from. */
    private record SnapshotKeys(String digest, RegionKeys keys) {
    }

    private static final String PIN =
            "UPDATE assignment SET pinned = ? WHERE plan_id = ? AND volunteer_id = ? AND slot_id = ?";

    public PostgisPlanStore(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    public PostgisPlanStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public long save(NewPlan plan) {
        ProblemQuery problem = plan.problem();
        String regionId = problem == null ? null : problem.regionId();
        if (problem == null) {
            // No region whose foreign keys could check the assignments.
            PlanChecks.check(plan, RegionKeys.of(plan.snapshot()), "the problem snapshot");
        }
        String what = problem == null ? "saving a plan with a problem snapshot" : "saving a plan for region " + regionId;
        return Jdbc.inTransaction(dataSource, what, connection -> {
            long planId;
            OffsetDateTime now = utc(now());
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO plan (region_id, date_from, date_to, organizer_id, score, status, created_at, updated_at,
                        problem_snapshot)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) RETURNING id""")) {
                insert.setString(1, regionId);
                insert.setObject(2, problem == null ? null : problem.from(), Types.DATE);
                insert.setObject(3, problem == null ? null : problem.to(), Types.DATE);
                insert.setString(4, problem == null ? null : problem.organizerId());
                insert.setString(5, plan.score());
                insert.setString(6, plan.status().name());
                insert.setObject(7, now);
                insert.setObject(8, now);
                insert.setString(9, plan.snapshot() == null ? null : ProblemJson.toJson(plan.snapshot()));
                try (ResultSet rows = insert.executeQuery()) {
                    rows.next();
                    planId = rows.getLong(1);
                }
            }
            insertAssignments(connection, planId, regionId, plan.assignments(), "");
            return planId;
        });
    }

    @Override
    public Optional<StoredPlan> load(long planId) {
        return Jdbc.inTransaction(dataSource, "loading plan " + planId, connection -> {
            PlanSummary summary;
            FieldPlanProblem snapshot;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + PLAN_COLUMNS + ", 0 AS assignments, problem_snapshot::text AS snapshot "
                            + "FROM plan WHERE id = ?")) {
                select.setLong(1, planId);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    summary = summary(rows);
                    String json = rows.getString("snapshot");
                    snapshot = json == null ? null : ProblemJson.readUnvalidated(new StringReader(json));
                }
            }
            List<StoredAssignment> assignments = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT volunteer_id, slot_id, precinct_id, pinned, done, ride_with FROM assignment
                    WHERE plan_id = ? ORDER BY position""")) {
                select.setLong(1, planId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        assignments.add(new StoredAssignment(new Assignment(rows.getString("volunteer_id"),
                                rows.getString("slot_id"), rows.getString("precinct_id"), rows.getBoolean("pinned"),
                                rows.getString("ride_with")), rows.getBoolean("done")));
                    }
                }
            }
            return Optional.of(new StoredPlan(planId, summary.problem(), summary.score(), summary.status(),
                    summary.createdAt(), summary.updatedAt(), assignments, snapshot));
        });
    }

    @Override
    public List<PlanSummary> list(String regionId) {
        return summaries("listing plans of region " + regionId, "region_id = ?", regionId);
    }

    @Override
    public List<PlanSummary> listSnapshotOnly() {
        return summaries("listing plans with a problem snapshot", "region_id IS NULL");
    }

    /** The plans matching one of the fixed conditions above, with {@code values} bound to its parameters. */
    private List<PlanSummary> summaries(String what, String condition, String... values) {
        return Jdbc.inTransaction(dataSource, what, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + PLAN_COLUMNS
                    + ", (SELECT count(*) FROM assignment a WHERE a.plan_id = plan.id) AS assignments"
                    + " FROM plan WHERE " + condition + " ORDER BY id")) {
                for (int i = 0; i < values.length; i++) {
                    select.setString(i + 1, values[i]);
                }
                try (ResultSet rows = select.executeQuery()) {
                    List<PlanSummary> plans = new ArrayList<>();
                    while (rows.next()) {
                        plans.add(summary(rows));
                    }
                    return plans;
                }
            }
        });
    }

    private static PlanSummary summary(ResultSet rows) throws SQLException {
        String regionId = rows.getString("region_id");
        ProblemQuery problem = regionId == null ? null : new ProblemQuery(regionId,
                rows.getObject("date_from", LocalDate.class), rows.getObject("date_to", LocalDate.class),
                rows.getString("organizer_id"));
        return new PlanSummary(rows.getLong("id"), problem, rows.getString("score"),
                PlanStatus.valueOf(rows.getString("status")), rows.getInt("assignments"),
                rows.getObject("created_at", OffsetDateTime.class).toInstant(), rows.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    @Override
    public void update(long planId, PlanStatus status, String score) {
        Jdbc.inTransaction(dataSource, "updating plan " + planId, connection -> {
            updatePlanRow(connection, planId, "status = ?, score = ?", status.name(), score);
            return null;
        });
    }

    @Override
    public void replaceAssignments(long planId, List<Assignment> assignments, PlanStatus status, String score) {
        replace(planId, 0, assignments, status, score);
    }

    @Override
    public boolean replaceAssignmentsFenced(long planId, long claim, List<Assignment> assignments, PlanStatus status,
            String score) {
        return replace(planId, claim, assignments, status, score);
    }

    @Override
    public void raiseWriteFence(long planId, long claim) {
        Jdbc.inTransaction(dataSource, "fencing plan " + planId, connection -> {
            // Waits for the row lock of a replacement under way, as it must.
            updatePlanRow(connection, planId, "write_fence = GREATEST(write_fence, ?)", claim);
            return null;
        });
    }

    /** Replaces the assignments unless the plan's fence is above {@code claim} (0: an unfenced writer). */
    private boolean replace(long planId, long claim, List<Assignment> assignments, PlanStatus status, String score) {
        return Jdbc.inTransaction(dataSource, "replacing the assignments of plan " + planId, connection -> {
            String regionId;
            // The row lock also keeps two replacements of one plan from interleaving, and a fence from rising
            // between the check below and the write.
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT region_id, write_fence FROM plan WHERE id = ? FOR UPDATE")) {
                select.setLong(1, planId);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        throw new NoSuchElementException("unknown plan " + planId);
                    }
                    if (claim > 0 && claim < rows.getLong("write_fence")) {
                        return false;
                    }
                    regionId = rows.getString("region_id");
                }
            }
            if (regionId == null) {
                PlanChecks.check(assignments, snapshotKeys(connection, planId), "the problem snapshot");
            } else {
                // The foreign keys check the ids; a repeated slot would only meet ON CONFLICT DO NOTHING below.
                PlanChecks.checkNoRepeatedSlot(assignments);
            }
            // Assignments recording work done stay; ON CONFLICT below then keeps them over the new list's.
            try (PreparedStatement delete = connection.prepareStatement("""
                    DELETE FROM assignment a WHERE a.plan_id = ? AND NOT a.done AND NOT EXISTS (
                        SELECT 1 FROM field_report f
                        WHERE f.plan_id = a.plan_id AND f.volunteer_id = a.volunteer_id AND f.slot_id = a.slot_id)""")) {
                delete.setLong(1, planId);
                delete.executeUpdate();
            }
            insertAssignments(connection, planId, regionId, assignments,
                    " ON CONFLICT (plan_id, volunteer_id, slot_id) DO NOTHING");
            updatePlanRow(connection, planId, "status = ?, score = ?, write_fence = GREATEST(write_fence, ?)",
                    status.name(), score, claim);
            return true;
        });
    }

    /** Inserts the assignments in their order; {@code onConflict} is empty or an {@code ON CONFLICT} clause. */
    private static void insertAssignments(Connection connection, long planId, String regionId,
            List<Assignment> assignments, String onConflict) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO assignment (plan_id, region_id, volunteer_id, slot_id, precinct_id, pinned, position,
                    ride_with)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""" + onConflict)) {
            int position = 0;
            for (Assignment a : assignments) {
                insert.setLong(1, planId);
                insert.setString(2, regionId);
                insert.setString(3, a.volunteerId());
                insert.setString(4, a.slotId());
                insert.setString(5, a.precinctId());
                insert.setBoolean(6, a.pinned());
                insert.setInt(7, position++);
                insert.setString(8, a.rideWith());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * The ids of a snapshot-only plan's problem. Parsing a large snapshot is slow and it rarely changes, so the ids
     * are kept per plan and read again only when the snapshot's digest changed (another instance may replace it).
     */
    private RegionKeys snapshotKeys(Connection connection, long planId) throws SQLException {
        String digest;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT md5(problem_snapshot::text) FROM plan WHERE id = ?")) {
            select.setLong(1, planId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                digest = rows.getString(1);
            }
        }
        SnapshotKeys cached = snapshotKeys.get(planId);
        if (cached != null && cached.digest().equals(digest)) {
            return cached.keys();
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT problem_snapshot::text, md5(problem_snapshot::text) FROM plan WHERE id = ?")) {
            select.setLong(1, planId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                RegionKeys keys = RegionKeys.of(ProblemJson.readUnvalidated(new StringReader(rows.getString(1))));
                snapshotKeys.put(planId, new SnapshotKeys(rows.getString(2), keys));
                return keys;
            }
        }
    }

    @Override
    public void replaceSnapshot(long planId, FieldPlanProblem snapshot) {
        String json = ProblemJson.toJson(snapshot);
        Jdbc.inTransaction(dataSource, "replacing the problem snapshot of plan " + planId, connection -> {
            updatePlanRow(connection, planId, "problem_snapshot = ?::jsonb", json);
            return null;
        });
    }

    /**
     * Sets {@code columns} (e.g. {@code "status = ?, score = ?"}, bound to {@code values} in order) and the update
     * time of one plan.
     *
     * @throws NoSuchElementException when the plan is unknown
     */
    private void updatePlanRow(Connection connection, long planId, String columns, Object... values)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE plan SET " + columns + ", updated_at = ? WHERE id = ?")) {
            int index = 1;
            for (Object value : values) {
                update.setObject(index++, value);
            }
            update.setObject(index++, utc(now()));
            update.setLong(index, planId);
            if (update.executeUpdate() == 0) {
                throw new NoSuchElementException("unknown plan " + planId);
            }
        }
    }

    @Override
    public void setPinned(long planId, String volunteerId, String slotId, boolean pinned) {
        updateAssignment(PIN, pinned, planId, volunteerId, slotId);
    }

    @Override
    public void setDone(long planId, String volunteerId, String slotId, boolean done) {
        updateAssignment("UPDATE assignment SET done = ? WHERE plan_id = ? AND volunteer_id = ? AND slot_id = ?",
                done, planId, volunteerId, slotId);
    }

    /** Runs one of the fixed flag updates above and touches the plan's updated_at. */
    private void updateAssignment(String sql, boolean flag, long planId, String volunteerId, String slotId) {
        Jdbc.inTransaction(dataSource, "updating an assignment of plan " + planId, connection -> {
            touch(connection, planId);
            setFlag(connection, sql, flag, planId, volunteerId, slotId);
            return null;
        });
    }

    private static void setFlag(Connection connection, String sql, boolean flag, long planId, String volunteerId,
            String slotId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setBoolean(1, flag);
            update.setLong(2, planId);
            update.setString(3, volunteerId);
            update.setString(4, slotId);
            if (update.executeUpdate() == 0) {
                throw new NoSuchElementException("plan " + planId + " has no assignment for " + volunteerId
                        + " in " + slotId);
            }
        }
    }

    /**
     * Sets the plan's updated_at, which also takes its row lock. Every write to a plan's assignments or reports takes
     * that lock first, as {@link #replaceAssignments} does: taken after an assignment's row lock, two writers (a
     * solver saving its best plan, a request pinning a reported shift) could each wait for the other, a deadlock the
     * database breaks by failing one of them; and a replacement that began before a report was committed could delete
     * its assignment row, and with it (ON DELETE CASCADE) the report.
     */
    private void touch(Connection connection, long planId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE plan SET updated_at = ? WHERE id = ?")) {
            update.setObject(1, utc(now()));
            update.setLong(2, planId);
            update.executeUpdate();
        }
    }

    @Override
    public void addFieldReport(FieldReport report) {
        Jdbc.inTransaction(dataSource, "adding a field report to plan " + report.planId(), connection -> {
            touch(connection, report.planId());
            // Inserting from the assignment row tells a missing assignment (no row) from a database failure; a later
            // report for the same shift replaces the earlier one (one row per shift, keeping its id and so its order).
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO field_report (plan_id, volunteer_id, slot_id, doors_knocked, contacts, reported_at)
                    SELECT plan_id, volunteer_id, slot_id, ?, ?, ? FROM assignment
                    WHERE plan_id = ? AND volunteer_id = ? AND slot_id = ?
                    ON CONFLICT (plan_id, volunteer_id, slot_id) DO UPDATE SET doors_knocked = EXCLUDED.doors_knocked,
                        contacts = EXCLUDED.contacts, reported_at = EXCLUDED.reported_at""")) {
                insert.setInt(1, report.doorsKnocked());
                insert.setInt(2, report.contacts());
                insert.setObject(3, utc(report.reportedAt().truncatedTo(ChronoUnit.MICROS)));
                insert.setLong(4, report.planId());
                insert.setString(5, report.volunteerId());
                insert.setString(6, report.slotId());
                if (insert.executeUpdate() == 0) {
                    throw new NoSuchElementException("plan " + report.planId() + " has no assignment for "
                            + report.volunteerId() + " in " + report.slotId());
                }
            }
            setFlag(connection, PIN, true, report.planId(), report.volunteerId(), report.slotId());
            return null;
        });
    }

    @Override
    public List<FieldReport> fieldReports(long planId) {
        return Jdbc.inTransaction(dataSource, "reading field reports of plan " + planId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT plan_id, volunteer_id, slot_id, doors_knocked, contacts, reported_at
                    FROM field_report WHERE plan_id = ? ORDER BY id""")) {
                select.setLong(1, planId);
                try (ResultSet rows = select.executeQuery()) {
                    List<FieldReport> reports = new ArrayList<>();
                    while (rows.next()) {
                        reports.add(new FieldReport(rows.getLong("plan_id"), rows.getString("volunteer_id"),
                                rows.getString("slot_id"), rows.getInt("doors_knocked"), rows.getInt("contacts"),
                                rows.getObject("reported_at", OffsetDateTime.class).toInstant()));
                    }
                    return reports;
                }
            }
        });
    }

    @Override
    public Map<String, Long> doorsKnockedByPrecinct(String regionId) {
        return Jdbc.inTransaction(dataSource, "summing field reports of region " + regionId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT a.precinct_id, sum(f.doors_knocked) AS doors
                    FROM field_report f
                    JOIN assignment a USING (plan_id, volunteer_id, slot_id)
                    WHERE a.region_id = ?
                    GROUP BY a.precinct_id""")) {
                select.setString(1, regionId);
                try (ResultSet rows = select.executeQuery()) {
                    Map<String, Long> doors = new HashMap<>();
                    while (rows.next()) {
                        doors.put(rows.getString("precinct_id"), rows.getLong("doors"));
                    }
                    return doors;
                }
            }
        });
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Microseconds, as PostgreSQL keeps them. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
