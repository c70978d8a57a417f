package org.fieldplan.api.audit;

import java.sql.Timestamp;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/** The audit trail in PostGIS, table {@code api_audit}. */
public class PostgisAuditLog implements AuditLog {

    private final JdbcTemplate jdbc;

    public PostgisAuditLog(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void record(AuditEntry e) {
        jdbc.update("INSERT INTO api_audit (at, actor, role, action, target, status) VALUES (?, ?, ?, ?, ?, ?)",
                Timestamp.from(e.at()), e.actor(), e.role(), e.action(), e.target(), e.status());
    }

    @Override
    public List<AuditEntry> recent(int limit) {
        return jdbc.query("SELECT * FROM api_audit ORDER BY id DESC LIMIT ?",
                (row, n) -> new AuditEntry(row.getTimestamp("at").toInstant(), row.getString("actor"),
                        row.getString("role"), row.getString("action"), row.getString("target"),
                        row.getInt("status")), limit);
    }
}
