package org.fieldplan.api.messages;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox in PostGIS, table {@code api_message}: shared by every instance. Claims lock due rows with
 * {@code FOR UPDATE SKIP LOCKED} (as the job queue does), so two senders never take the same row, and leases are
 * counted on the database's clock; every outcome is written only while the writer still holds the lease.
 */
public class PostgisMessageOutbox implements MessageOutbox {

    private final JdbcTemplate jdbc;

    public PostgisMessageOutbox(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    private static final String INSERT = """
            INSERT INTO api_message (message_key, channel, recipient, job_id, volunteer_id, organizer_id, kind,
                subject, body_text, body_html, time_zone, status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED')
            ON CONFLICT (message_key) DO NOTHING""";

    @Override
    public boolean enqueue(OutboundMessage m) {
        return jdbc.update(INSERT, m.key(), m.channel().name(), m.recipient(), m.jobId(), m.volunteerId(),
                m.organizerId(), m.kind(), m.subject(), m.text(), m.html(), m.timeZone()) == 1;
    }

    /** One round trip per 500 messages instead of one per message (the driver reports 1 or 0 rows for each). */
    @Override
    public int enqueueAll(List<OutboundMessage> messages) {
        int[][] counts = jdbc.batchUpdate(INSERT, messages, 500, (statement, m) -> {
            statement.setString(1, m.key());
            statement.setString(2, m.channel().name());
            statement.setString(3, m.recipient());
            statement.setString(4, m.jobId());
            statement.setString(5, m.volunteerId());
            statement.setString(6, m.organizerId());
            statement.setString(7, m.kind());
            statement.setString(8, m.subject());
            statement.setString(9, m.text());
            statement.setString(10, m.html());
            statement.setString(11, m.timeZone());
        });
        return Arrays.stream(counts).flatMapToInt(Arrays::stream).map(n -> n > 0 ? 1 : 0).sum();
    }

    @Override
    public List<MessageRecord> claim(String owner, int max, Duration lease) {
        return jdbc.query("""
                WITH due AS (
                    SELECT id FROM api_message
                    WHERE (status = 'QUEUED' AND next_attempt_at <= now())
                       OR (status = 'SENDING' AND lease_expires_at < now())
                    ORDER BY next_attempt_at, id
                    LIMIT ?
                    FOR UPDATE SKIP LOCKED)
                UPDATE api_message m SET status = 'SENDING', lease_owner = ?,
                    lease_expires_at = now() + ? * interval '1 millisecond'
                FROM due WHERE m.id = due.id
                RETURNING m.*""", PostgisMessageOutbox::read, max, owner, lease.toMillis());
    }

    @Override
    public boolean renew(long id, String owner, Duration lease) {
        return jdbc.update("""
                UPDATE api_message SET lease_expires_at = now() + ? * interval '1 millisecond'
                WHERE id = ? AND status = 'SENDING' AND lease_owner = ? AND lease_expires_at >= now()""",
                lease.toMillis(), id, owner) == 1;
    }

    @Override
    public void markSent(long id, String owner) {
        jdbc.update("""
                UPDATE api_message SET status = 'SENT', attempts = attempts + 1, sent_at = now(), sent_by = ?,
                    lease_owner = NULL, lease_expires_at = NULL
                WHERE id = ? AND status = 'SENDING' AND lease_owner = ?""", owner, id, owner);
    }

    @Override
    public void reschedule(long id, String owner, Instant at, boolean failedAttempt, String error) {
        jdbc.update("""
                UPDATE api_message SET status = 'QUEUED', next_attempt_at = ?,
                    attempts = attempts + CASE WHEN ? THEN 1 ELSE 0 END,
                    last_error = CASE WHEN ? THEN ? ELSE last_error END, lease_owner = NULL, lease_expires_at = NULL
                WHERE id = ? AND status = 'SENDING' AND lease_owner = ?""", Timestamp.from(at), failedAttempt,
                failedAttempt, error, id, owner);
    }

    @Override
    public void markFinal(long id, String owner, MessageStatus status, String error) {
        jdbc.update("""
                UPDATE api_message SET status = ?, attempts = attempts + CASE WHEN ? = 'FAILED' THEN 1 ELSE 0 END,
                    last_error = ?, lease_owner = NULL, lease_expires_at = NULL
                WHERE id = ? AND status = 'SENDING' AND lease_owner = ?""", status.name(), status.name(), error, id,
                owner);
    }

    @Override
    public List<MessageRecord> forJob(String jobId, String organizerId, int limit) {
        return organizerId == null
                ? jdbc.query("SELECT * FROM api_message WHERE job_id = ? ORDER BY id DESC LIMIT ?",
                        PostgisMessageOutbox::read, jobId, limit)
                : jdbc.query("SELECT * FROM api_message WHERE job_id = ? AND organizer_id = ? ORDER BY id DESC "
                        + "LIMIT ?", PostgisMessageOutbox::read, jobId, organizerId, limit);
    }

    @Override
    public Optional<MessageRecord> find(String key) {
        return jdbc.query("SELECT * FROM api_message WHERE message_key = ?", PostgisMessageOutbox::read, key)
                .stream().findFirst();
    }

    @Override
    public Map<String, MessageRecord> latestPerVolunteer(String jobId, String organizerId) {
        // The bodies stay in the database: the board needs who, what and how far, not the words.
        Map<String, MessageRecord> latest = new HashMap<>();
        jdbc.query("""
                SELECT DISTINCT ON (volunteer_id) id, message_key, channel, recipient, job_id, volunteer_id,
                    organizer_id, kind, subject, '' AS body_text, NULL AS body_html, time_zone, status, attempts,
                    last_error, created_at, next_attempt_at, sent_at, sent_by
                FROM api_message
                WHERE job_id = ? AND volunteer_id IS NOT NULL AND (CAST(? AS text) IS NULL OR organizer_id = ?)
                ORDER BY volunteer_id, id DESC""", PostgisMessageOutbox::read, jobId, organizerId, organizerId)
                .forEach(r -> latest.put(r.message().volunteerId(), r));
        return latest;
    }

    private static MessageRecord read(ResultSet row, int n) throws SQLException {
        OutboundMessage message = new OutboundMessage(row.getString("message_key"),
                Channel.valueOf(row.getString("channel")), row.getString("recipient"), row.getString("job_id"),
                row.getString("volunteer_id"), row.getString("organizer_id"), row.getString("kind"),
                row.getString("subject"), row.getString("body_text"), row.getString("body_html"),
                row.getString("time_zone"));
        return new MessageRecord(row.getLong("id"), message, MessageStatus.valueOf(row.getString("status")),
                row.getInt("attempts"), row.getString("last_error"), instant(row, "created_at"),
                instant(row, "next_attempt_at"), instant(row, "sent_at"), row.getString("sent_by"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
