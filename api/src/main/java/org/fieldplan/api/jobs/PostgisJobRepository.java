package org.fieldplan.api.jobs;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.fieldplan.data.region.ProblemQuery;
import org.fieldplan.plan.PlanSummary;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Jobs in PostGIS, table {@code api_job} (migrations in {@code db/api-migration}, with their own Flyway history so
 * they never mix with the data layer's, which must be migrated first: {@code plan_id} refers to its plans). Claims
 * take the row with {@code FOR UPDATE SKIP LOCKED}, so instances racing for the queue each get a different job;
 * leases are counted on the database's clock.
 */
public class PostgisJobRepository implements JobRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Serializes submissions across instances so that counting and inserting cannot overtake each other. */
    private static final long SUBMISSION_LOCK = 0x4650_4A4F_4253L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public PostgisJobRepository(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/api-migration")
                .table("api_flyway_history")
                // The schema already holds the data layer's tables: start this history at 0 so V1 still runs.
                .baselineOnMigrate(true).baselineVersion("0")
                .load().migrate();
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Override
    public boolean insertIfRoom(JobRecord job, int capacity) {
        ProblemQuery source = job.source();
        return Boolean.TRUE.equals(transaction.execute(status -> {
            jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", SUBMISSION_LOCK);
            return jdbc.update("""
                    INSERT INTO api_job (id, status, created_at, solve_seconds, problem_name, region_id, date_from,
                        date_to, organizer_id, plan_id)
                    SELECT ?, 'QUEUED', ?, ?, ?, ?, ?, ?, ?, ?
                    WHERE (SELECT count(*) FROM api_job WHERE status IN ('QUEUED', 'SOLVING')) < ?""",
                    job.id(), timestamp(job.createdAt()), job.solveSeconds(), job.problemName(),
                    source == null ? null : source.regionId(), source == null ? null : Date.valueOf(source.from()),
                    source == null ? null : Date.valueOf(source.to()), source == null ? null : source.organizerId(),
                    job.planId(), capacity) == 1;
        }));
    }

    @Override
    public void insertEnded(JobRecord job) {
        ProblemQuery source = job.source();
        jdbc.update("""
                INSERT INTO api_job (id, status, created_at, started_at, finished_at, solve_seconds, problem_name,
                    region_id, date_from, date_to, organizer_id, plan_id, plan_version, best_summary, owner)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""",
                job.id(), job.status().name(), timestamp(job.createdAt()), timestamp(job.startedAt()),
                timestamp(job.finishedAt()), job.solveSeconds(), job.problemName(),
                source == null ? null : source.regionId(), source == null ? null : Date.valueOf(source.from()),
                source == null ? null : Date.valueOf(source.to()), source == null ? null : source.organizerId(),
                job.planId(), job.planVersion(), toJson(job.best()), job.owner());
    }

    @Override
    public Optional<JobRecord> claimNext(String owner, Duration lease) {
        return first(jdbc.query("""
                WITH next AS (
                    SELECT id FROM api_job
                    WHERE status = 'QUEUED' OR (status = 'SOLVING' AND (lease_expires_at IS NULL
                        OR lease_expires_at < now()))
                    ORDER BY created_at
                    LIMIT 1
                    FOR UPDATE SKIP LOCKED)
                UPDATE api_job j SET status = 'SOLVING', owner = ?, claim = j.claim + 1,
                    lease_expires_at = now() + ? * interval '1 millisecond',
                    takeovers = j.takeovers + CASE WHEN j.status = 'SOLVING' THEN 1 ELSE 0 END, updated_at = now()
                FROM next WHERE j.id = next.id
                RETURNING j.*""", (row, n) -> read(row), owner, lease.toMillis()));
    }

    @Override
    public Optional<JobRecord> claimEnded(String jobId, String owner, Duration lease) {
        return first(jdbc.query("""
                UPDATE api_job SET status = 'SOLVING', owner = ?, claim = claim + 1,
                    lease_expires_at = now() + ? * interval '1 millisecond', terminate_requested = false,
                    updated_at = now()
                WHERE id = ? AND status IN ('SOLVED', 'TERMINATED', 'FAILED')
                RETURNING *""", (row, n) -> read(row), owner, lease.toMillis(), jobId));
    }

    @Override
    public Optional<Boolean> renew(String jobId, String owner, long claim, Duration lease) {
        return first(jdbc.query("""
                UPDATE api_job SET lease_expires_at = now() + ? * interval '1 millisecond'
                WHERE id = ? AND owner = ? AND claim = ? AND status = 'SOLVING'
                RETURNING terminate_requested""", (row, n) -> row.getBoolean(1), lease.toMillis(), jobId, owner,
                claim));
    }

    @Override
    public boolean update(JobRecord job, String owner, Duration lease) {
        return jdbc.update("""
                UPDATE api_job SET status = ?, started_at = ?, finished_at = ?, plan_version = ?,
                    best_summary = ?::jsonb, greedy_summary = ?::jsonb, error = ?,
                    lease_expires_at = CASE WHEN ? THEN now() + ? * interval '1 millisecond' END, updated_at = now()
                WHERE id = ? AND owner = ? AND claim = ? AND status = 'SOLVING'""",
                job.status().name(), timestamp(job.startedAt()), timestamp(job.finishedAt()), job.planVersion(),
                toJson(job.best()), toJson(job.greedyBaseline()), job.error(), job.status().isActive(),
                lease.toMillis(), job.id(), owner, job.claim()) == 1;
    }

    @Override
    public void release(String jobId, String owner, long claim) {
        jdbc.update("""
                UPDATE api_job SET status = 'QUEUED', owner = NULL, lease_expires_at = NULL,
                    takeovers = takeovers + 1, updated_at = now()
                WHERE id = ? AND owner = ? AND claim = ? AND status = 'SOLVING'""", jobId, owner, claim);
    }

    @Override
    public void requestTermination(String jobId) {
        jdbc.update("""
                UPDATE api_job SET terminate_requested = true,
                    status = CASE WHEN status = 'QUEUED' THEN 'TERMINATED' ELSE status END,
                    finished_at = CASE WHEN status = 'QUEUED' THEN now() ELSE finished_at END, updated_at = now()
                WHERE id = ?""", jobId);
    }

    @Override
    public Optional<JobRecord> find(String jobId) {
        return first(jdbc.query("SELECT * FROM api_job WHERE id = ?", (row, n) -> read(row), jobId));
    }

    @Override
    public List<JobRecord> findAll() {
        return jdbc.query("SELECT * FROM api_job ORDER BY created_at", (row, n) -> read(row));
    }

    @Override
    public List<JobRecord> findActive() {
        return jdbc.query("SELECT * FROM api_job WHERE status IN ('QUEUED', 'SOLVING') ORDER BY created_at",
                (row, n) -> read(row));
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.stream().findFirst();
    }

    private static JobRecord read(ResultSet row) throws SQLException {
        String regionId = row.getString("region_id");
        ProblemQuery source = regionId == null ? null
                : new ProblemQuery(regionId, row.getDate("date_from").toLocalDate(),
                        row.getDate("date_to").toLocalDate(), row.getString("organizer_id"));
        return new JobRecord(row.getString("id"), JobStatus.valueOf(row.getString("status")),
                instant(row.getTimestamp("created_at")), instant(row.getTimestamp("started_at")),
                instant(row.getTimestamp("finished_at")), row.getLong("solve_seconds"), row.getString("problem_name"),
                source, row.getLong("plan_id"), row.getLong("plan_version"),
                fromJson(row.getString("best_summary")), fromJson(row.getString("greedy_summary")),
                row.getString("error"), row.getString("owner"), row.getInt("takeovers"),
                row.getBoolean("terminate_requested"), row.getLong("claim"));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String toJson(PlanSummary summary) {
        try {
            return summary == null ? null : JSON.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a plan summary as JSON", e);
        }
    }

    private static PlanSummary fromJson(String json) {
        try {
            return json == null ? null : JSON.readValue(json, PlanSummary.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored plan summary", e);
        }
    }
}
