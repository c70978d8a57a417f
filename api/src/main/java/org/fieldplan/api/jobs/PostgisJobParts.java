package org.fieldplan.api.jobs;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The parts of partitioned solves in PostGIS, table {@code api_job_part} ({@code V25_22_5__job_parts.sql}). Claims
 * take a row with {@code FOR UPDATE SKIP LOCKED}, only of a job still solving under the claim that wrote it; a part
 * whose lease ran out is claimed again (a takeover). Every claim of a part counts up its {@code attempt}: renewals and
 * the result name it, so a worker that lost its part writes nothing. Leases run on the database's clock.
 */
class PostgisJobParts {

    /** A part as the round of one claim of a job numbers it. */
    record Key(String jobId, long jobClaim, int round, int index) {
    }

    /** A part claimed for solving: its spec and how long to solve it, at most until the round's deadline. */
    record Claimed(Key key, int attempt, String spec, long limitMillis, long millisLeft) {
    }

    /**
     * How long after its round's deadline a part may still be claimed: a part queued behind others in a busy cluster
     * still gets its least time, within the owner's grace ({@link SharedPartRunner#GRACE}).
     */
    static final Duration LATE_CLAIM = Duration.ofSeconds(1);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    /** @param dataSource a database the API's migrations ({@link PostgisJobRepository}) have been run on */
    PostgisJobParts(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /**
     * Queues a round's parts, due within {@code budget}; the parts of this job's earlier rounds and claims still open
     * are cancelled.
     */
    void insertRound(String jobId, long jobClaim, int round, List<String> specs, List<Long> limitMillis,
            Duration budget) {
        transaction.executeWithoutResult(status -> {
            jdbc.update("""
                    UPDATE api_job_part SET status = 'CANCELLED', spec = NULL, lease_expires_at = NULL
                    WHERE job_id = ? AND status IN ('QUEUED', 'SOLVING')""", jobId);
            for (int i = 0; i < specs.size(); i++) {
                jdbc.update("""
                        INSERT INTO api_job_part (job_id, job_claim, round, part_index, spec, limit_millis,
                            deadline_at)
                        VALUES (?, ?, ?, ?, ?, ?, now() + ? * interval '1 millisecond')""",
                        jobId, jobClaim, round, i, specs.get(i), limitMillis.get(i), budget.toMillis());
            }
        });
    }

    /**
     * Claims the oldest open part (the longest first) of a job still solving under its claim, until
     * {@link #LATE_CLAIM} after the round's deadline.
     */
    Optional<Claimed> claimNext(String owner, Duration lease) {
        return jdbc.query("""
                WITH next AS (
                    SELECT p.job_id, p.job_claim, p.round, p.part_index FROM api_job_part p
                    JOIN api_job j ON j.id = p.job_id AND j.claim = p.job_claim AND j.status = 'SOLVING'
                    WHERE p.deadline_at + ? * interval '1 millisecond' > now() AND (p.status = 'QUEUED'
                        OR (p.status = 'SOLVING' AND p.lease_expires_at < now()))
                    ORDER BY p.created_at, p.limit_millis DESC
                    LIMIT 1
                    FOR UPDATE OF p SKIP LOCKED)
                UPDATE api_job_part p SET status = 'SOLVING', owner = ?, attempt = p.attempt + 1,
                    takeovers = p.takeovers + CASE WHEN p.status = 'SOLVING' THEN 1 ELSE 0 END,
                    lease_expires_at = now() + ? * interval '1 millisecond'
                FROM next WHERE p.job_id = next.job_id AND p.job_claim = next.job_claim AND p.round = next.round
                    AND p.part_index = next.part_index
                RETURNING p.job_id, p.job_claim, p.round, p.part_index, p.attempt, p.spec, p.limit_millis,
                    (extract(epoch FROM p.deadline_at - now()) * 1000)::bigint AS millis_left""",
                (row, n) -> new Claimed(new Key(row.getString("job_id"), row.getLong("job_claim"), row.getInt("round"),
                        row.getInt("part_index")), row.getInt("attempt"), row.getString("spec"),
                        row.getLong("limit_millis"), row.getLong("millis_left")),
                LATE_CLAIM.toMillis(), owner, lease.toMillis()).stream().findFirst();
    }

    /** Renews a part's lease; false when the part was claimed again, cancelled or is done. */
    boolean renew(Key key, String owner, int attempt, Duration lease) {
        return jdbc.update("""
                UPDATE api_job_part SET lease_expires_at = now() + ? * interval '1 millisecond'
                WHERE job_id = ? AND job_claim = ? AND round = ? AND part_index = ? AND owner = ? AND attempt = ?
                    AND status = 'SOLVING'""", lease.toMillis(), key.jobId(), key.jobClaim(), key.round(),
                key.index(), owner, attempt) == 1;
    }

    /** Writes a part's result; false when this claim of the part no longer holds it. */
    boolean complete(Key key, String owner, int attempt, String result) {
        return jdbc.update("""
                UPDATE api_job_part SET status = 'DONE', result = ?, lease_expires_at = NULL
                WHERE job_id = ? AND job_claim = ? AND round = ? AND part_index = ? AND owner = ? AND attempt = ?
                    AND status = 'SOLVING'""", result, key.jobId(), key.jobClaim(), key.round(), key.index(), owner,
                attempt) == 1;
    }

    /** The results of a round's parts done so far, by part index. */
    Map<Integer, String> results(String jobId, long jobClaim, int round) {
        Map<Integer, String> results = new HashMap<>();
        jdbc.query("""
                SELECT part_index, result FROM api_job_part
                WHERE job_id = ? AND job_claim = ? AND round = ? AND status = 'DONE'""",
                row -> {
                    results.put(row.getInt(1), row.getString(2));
                }, jobId, jobClaim, round);
        return results;
    }

    /** How many of a round's parts are being solved now: claimed, with a lease still renewed. */
    int solving(String jobId, long jobClaim, int round) {
        Integer count = jdbc.queryForObject("""
                SELECT count(*) FROM api_job_part WHERE job_id = ? AND job_claim = ? AND round = ?
                    AND status = 'SOLVING' AND lease_expires_at > now()""", Integer.class, jobId, jobClaim, round);
        return count == null ? 0 : count;
    }

    /**
     * Ends a round: parts not done are cancelled (a late result is refused), and the specs and results, read by now,
     * are dropped; who solved which part stays.
     */
    void closeRound(String jobId, long jobClaim, int round) {
        jdbc.update("""
                UPDATE api_job_part SET status = CASE WHEN status = 'DONE' THEN 'DONE' ELSE 'CANCELLED' END,
                    spec = NULL, result = NULL, lease_expires_at = NULL
                WHERE job_id = ? AND job_claim = ? AND round = ?""", jobId, jobClaim, round);
    }
}
