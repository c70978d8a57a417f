package org.fieldplan.api.volunteers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/** Volunteers' links in PostGIS, table {@code api_volunteer_link}. */
public class PostgisVolunteerLinkStore implements VolunteerLinkStore {

    private final JdbcTemplate jdbc;

    public PostgisVolunteerLinkStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void insert(VolunteerLink l) {
        jdbc.update("""
                INSERT INTO api_volunteer_link (id, job_id, volunteer_id, organizer_id, expires_at, created_at,
                    created_by) VALUES (?, ?, ?, ?, ?, ?, ?)""", l.id(), l.jobId(), l.volunteerId(), l.organizerId(),
                Timestamp.from(l.expiresAt()), Timestamp.from(l.createdAt()), l.createdBy());
    }

    @Override
    public Optional<VolunteerLink> find(String id) {
        return jdbc.query("SELECT * FROM api_volunteer_link WHERE id = ?", PostgisVolunteerLinkStore::read, id)
                .stream().findFirst();
    }

    @Override
    public Map<String, VolunteerLink> workingByVolunteer(String jobId, Instant now) {
        Map<String, VolunteerLink> newest = new HashMap<>();
        // DISTINCT ON keeps each volunteer's first row in the order given: the newest working link.
        jdbc.query("""
                SELECT DISTINCT ON (volunteer_id) * FROM api_volunteer_link
                WHERE job_id = ? AND revoked_at IS NULL AND expires_at > ?
                ORDER BY volunteer_id, created_at DESC""", (ResultSet row) -> {
                    VolunteerLink link = read(row, 0);
                    newest.put(link.volunteerId(), link);
                }, jobId, Timestamp.from(now));
        return newest;
    }

    @Override
    public boolean revoke(String jobId, String id, Instant at) {
        return jdbc.update("UPDATE api_volunteer_link SET revoked_at = coalesce(revoked_at, ?) WHERE job_id = ? "
                + "AND id = ?", Timestamp.from(at), jobId, id) == 1;
    }

    private static VolunteerLink read(ResultSet row, int n) throws SQLException {
        Timestamp revoked = row.getTimestamp("revoked_at");
        return new VolunteerLink(row.getString("id"), row.getString("job_id"), row.getString("volunteer_id"),
                row.getString("organizer_id"), row.getTimestamp("expires_at").toInstant(),
                revoked == null ? null : revoked.toInstant(), row.getTimestamp("created_at").toInstant(),
                row.getString("created_by"));
    }
}
