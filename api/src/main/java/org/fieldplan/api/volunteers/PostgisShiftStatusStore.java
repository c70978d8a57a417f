package org.fieldplan.api.volunteers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/** Shift statuses in PostGIS, table {@code api_shift_status}. */
public class PostgisShiftStatusStore implements ShiftStatusStore {

    private final JdbcTemplate jdbc;

    public PostgisShiftStatusStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void put(Entry e) {
        jdbc.update("""
                INSERT INTO api_shift_status (job_id, volunteer_id, slot_id, status, at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (job_id, volunteer_id, slot_id) DO UPDATE SET status = excluded.status, at = excluded.at""",
                e.jobId(), e.volunteerId(), e.slotId(), e.status().name(), Timestamp.from(e.at()));
    }

    @Override
    public Map<String, Entry> forJob(String jobId) {
        return jdbc.query("SELECT * FROM api_shift_status WHERE job_id = ?", PostgisShiftStatusStore::read, jobId)
                .stream().collect(Collectors.toMap(Entry::shiftKey, e -> e));
    }

    @Override
    public Map<String, Map<ShiftStatus, Integer>> countsByVolunteer(Instant since) {
        Map<String, Map<ShiftStatus, Integer>> counts = new HashMap<>();
        jdbc.query("SELECT volunteer_id, status, count(*) AS n FROM api_shift_status WHERE at > ? "
                + "GROUP BY volunteer_id, status", row -> {
                    counts.computeIfAbsent(row.getString("volunteer_id"), id -> new EnumMap<>(ShiftStatus.class))
                            .put(ShiftStatus.valueOf(row.getString("status")), row.getInt("n"));
                }, Timestamp.from(since));
        return counts;
    }

    private static Entry read(ResultSet row, int n) throws SQLException {
        return new Entry(row.getString("job_id"), row.getString("volunteer_id"), row.getString("slot_id"),
                ShiftStatus.valueOf(row.getString("status")), row.getTimestamp("at").toInstant());
    }
}
