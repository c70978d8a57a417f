package org.fieldplan.api.security;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Failed credentials in PostGIS, table {@code api_failed_credential} (migration {@code V21_2__failed_credentials.sql}),
 * counted by one upsert per failure on the database's clock, so every instance counts into the same windows.
 */
public class PostgisFailedCredentialStore implements FailedCredentialStore {

    private final JdbcTemplate jdbc;

    public PostgisFailedCredentialStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public Count recordFailure(String client, Duration window) {
        double seconds = window.toMillis() / 1000.0;
        Count count = jdbc.queryForObject("""
                INSERT INTO api_failed_credential AS f (client, window_start, failures) VALUES (?, now(), 1)
                ON CONFLICT (client) DO UPDATE SET
                    window_start = CASE WHEN f.window_start + make_interval(secs => ?) <= now() THEN now()
                                        ELSE f.window_start END,
                    failures = CASE WHEN f.window_start + make_interval(secs => ?) <= now() THEN 1
                                    ELSE f.failures + 1 END
                RETURNING failures,
                    extract(epoch FROM window_start + make_interval(secs => ?) - now()) * 1000 AS millis_left""",
                (row, n) -> new Count(row.getInt("failures"), Duration.ofMillis(row.getLong("millis_left"))),
                client, seconds, seconds, seconds);
        if (count.failures() == 1) {
            // A new window: windows of clients that went quiet are dropped, so the table stays small.
            jdbc.update("DELETE FROM api_failed_credential WHERE window_start + make_interval(secs => ?) < now()",
                    seconds);
        }
        return count;
    }
}
