package org.fieldplan.data.postgis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.fieldplan.data.plan.FieldReport;
import org.fieldplan.data.plan.PostgisPlanStore;
import org.fieldplan.data.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code V3_12__field_report_bounds} on data written before it: a fresh database is migrated to the version before
 * 3.12, filled with the duplicate, additive field reports the old code stored (one row per report, sums beyond
 * {@code int} and beyond the bound included), then migrated to the latest version. Each volunteer-slot of each plan
 * must keep one row, the newest, carrying the sum of its reports capped at {@link FieldReport#MAX_DOORS_PER_REPORT}
 * with contacts at most its doors; and the database must refuse a second row for a volunteer-slot from then on.
 */
class FieldReportMergeMigrationTest {

    private static final MigrationVersion MERGE = MigrationVersion.fromVersion("3.12");
    private static final Instant FIRST = Instant.parse("2026-10-31T13:00:00Z");

    private static DataSource database;
    private static long plan;
    private static long otherPlan;

    @BeforeAll
    static void oldDatabaseWithDuplicateReports() throws SQLException {
        database = TestDatabase.fresh("v3_12_merge");
        Flyway before = flyway(versionBefore(MERGE).getVersion().getVersion());
        assertThat(before.migrate().targetSchemaVersion).isNotEqualTo(MERGE.getVersion());
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("""
                    INSERT INTO region (id, name, vote_model, travel) VALUES ('r', 'old region', '{}', '{}');
                    INSERT INTO precinct (region_id, id, name, registered_voters, expected_turnout, support_share,
                        position) VALUES ('r', 'P1', 'One', 1000, 0.6, 0.5, 0);
                    INSERT INTO volunteer (region_id, id, travel_mode, max_travel_minutes, max_shifts,
                        max_shifts_per_day, attendance_probability, position) VALUES
                        ('r', 'V1', 'WALK', 30, 3, 1, 0.9, 0), ('r', 'V2', 'WALK', 30, 3, 1, 0.9, 1),
                        ('r', 'V3', 'WALK', 30, 3, 1, 0.9, 2);
                    INSERT INTO time_slot (region_id, id, starts_at, ends_at, position) VALUES
                        ('r', 'am', '2026-10-31 09:00', '2026-10-31 12:00', 0)""");
            plan = newPlan(connection);
            otherPlan = newPlan(connection);
            for (long id : List.of(plan, otherPlan)) {
                sql.execute("INSERT INTO assignment (plan_id, region_id, volunteer_id, slot_id, precinct_id, position)"
                        + " VALUES (" + id + ", 'r', 'V1', 'am', 'P1', 0), (" + id + ", 'r', 'V2', 'am', 'P1', 1), ("
                        + id + ", 'r', 'V3', 'am', 'P1', 2)");
            }
        }
        // As the old code stored them: one row per report, in the order they came.
        report(plan, "V1", 10, 2, 0);
        report(plan, "V2", Integer.MAX_VALUE, 5, 1);
        report(plan, "V1", 20, 5, 2);
        report(plan, "V2", Integer.MAX_VALUE, Integer.MAX_VALUE, 3);
        report(plan, "V1", 15, 4, 4);
        report(plan, "V3", 7, 3, 5);
        report(otherPlan, "V1", 600, 300, 6);
        report(otherPlan, "V1", 300, 200, 7);

        flyway(null).migrate();
    }

    @Test
    void eachVolunteerSlotKeepsItsNewestRowWithTheCappedSum() throws SQLException {
        Map<String, FieldReport> merged = reports(plan);
        assertThat(merged).containsOnlyKeys("V1", "V2", "V3");
        assertThat(merged.get("V1")).extracting(FieldReport::doorsKnocked, FieldReport::contacts,
                FieldReport::reportedAt).containsExactly(45, 11, FIRST.plusSeconds(4 * 60));
        // 2 × Integer.MAX_VALUE doors and as many contacts: summed without overflow, then held to the bound.
        assertThat(merged.get("V2")).extracting(FieldReport::doorsKnocked, FieldReport::contacts,
                FieldReport::reportedAt).containsExactly(FieldReport.MAX_DOORS_PER_REPORT,
                        FieldReport.MAX_DOORS_PER_REPORT, FIRST.plusSeconds(3 * 60));
        assertThat(merged.get("V3")).extracting(FieldReport::doorsKnocked, FieldReport::contacts)
                .containsExactly(7, 3);
        // The other plan's reports for the same volunteer-slot are merged on their own: 900 doors, 500 contacts.
        assertThat(reports(otherPlan).get("V1")).extracting(FieldReport::doorsKnocked, FieldReport::contacts)
                .containsExactly(900, 500);
        assertThat(rowCount()).isEqualTo(4);
    }

    @Test
    void aSecondRowForAVolunteerSlotIsRefusedAfterTheMigration() {
        assertThatThrownBy(() -> report(plan, "V3", 1, 0, 9)).isInstanceOf(SQLException.class)
                .hasMessageContaining("field_report_one_per_shift");
        assertThatThrownBy(() -> report(otherPlan, "V2", FieldReport.MAX_DOORS_PER_REPORT + 1, 0, 9))
                .isInstanceOf(SQLException.class).hasMessageContaining("field_report_doors_bounded");
    }

    /** Flyway on the test database, migrating up to {@code target} (null: the latest version). */
    private static Flyway flyway(String target) {
        var configuration = Flyway.configure().dataSource(database).locations("classpath:db/migration");
        return (target == null ? configuration : configuration.target(target)).load();
    }

    /** The highest migration below {@code version}: the schema the old code ran on. */
    private static MigrationInfo versionBefore(MigrationVersion version) {
        return Arrays.stream(flyway(null).info().all())
                .filter(m -> m.getVersion().compareTo(version) < 0)
                .max((a, b) -> a.getVersion().compareTo(b.getVersion())).orElseThrow();
    }

    private static long newPlan(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
                var rows = sql.executeQuery("INSERT INTO plan (region_id, date_from, date_to, status, created_at,"
                        + " updated_at) VALUES ('r', '2026-10-31', '2026-10-31', 'SOLVED', now(), now()) RETURNING id")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void report(long planId, String volunteer, int doors, int contacts, int minute)
            throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO field_report (plan_id, volunteer_id, slot_id, doors_knocked, contacts, reported_at)"
                        + " VALUES (?, ?, 'am', ?, ?, ?)")) {
            insert.setLong(1, planId);
            insert.setString(2, volunteer);
            insert.setInt(3, doors);
            insert.setInt(4, contacts);
            insert.setObject(5, java.time.OffsetDateTime.ofInstant(FIRST.plusSeconds(minute * 60L),
                    java.time.ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    /** The plan's field reports as the plan store reads them, by volunteer. */
    private static Map<String, FieldReport> reports(long planId) {
        return new PostgisPlanStore(database).fieldReports(planId).stream()
                .collect(Collectors.toMap(FieldReport::volunteerId, r -> r));
    }

    private static long rowCount() throws SQLException {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement();
                var rows = sql.executeQuery("SELECT count(*) FROM field_report")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
