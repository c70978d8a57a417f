package org.fieldplan.api.jobs;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.fieldplan.data.region.ProblemQuery;
import org.fieldplan.domain.Assignment;
import org.fieldplan.plan.PlanSummary;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Jobs in PostGIS, table {@code api_job} (migrations in {@code db/api-migration}, with their own Flyway history so
 * they never mix with the data layer's). Plans are stored as their assignments; the problem as its JSON.
 */
public class PostgisJobRepository implements JobRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Assignment>> ASSIGNMENTS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    public PostgisJobRepository(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/api-migration")
                .table("api_flyway_history")
                // The schema already holds the data layer's tables: start this history at 0 so V1 still runs.
                .baselineOnMigrate(true).baselineVersion("0")
                .load().migrate();
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void save(JobRecord job) {
        ProblemQuery source = job.source();
        jdbc.update("""
                INSERT INTO api_job (id, status, created_at, started_at, finished_at, solve_seconds, problem,
                    region_id, date_from, date_to, organizer_id, assignments, best_summary, greedy_summary, error)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?)
                ON CONFLICT (id) DO UPDATE SET status = excluded.status, started_at = excluded.started_at,
                    finished_at = excluded.finished_at, assignments = excluded.assignments,
                    best_summary = excluded.best_summary, greedy_summary = excluded.greedy_summary,
                    error = excluded.error, updated_at = now()
                """,
                job.id(), job.status().name(), timestamp(job.createdAt()), timestamp(job.startedAt()),
                timestamp(job.finishedAt()), job.solveSeconds(), job.problemJson(),
                source == null ? null : source.regionId(), source == null ? null : Date.valueOf(source.from()),
                source == null ? null : Date.valueOf(source.to()), source == null ? null : source.organizerId(),
                toJson(job.assignments()), toJson(job.best()), toJson(job.greedyBaseline()), job.error());
    }

    @Override
    public List<JobRecord> loadAll() {
        return jdbc.query("SELECT * FROM api_job ORDER BY created_at", (row, n) -> read(row));
    }

    private static JobRecord read(ResultSet row) throws SQLException {
        String regionId = row.getString("region_id");
        ProblemQuery source = regionId == null ? null
                : new ProblemQuery(regionId, row.getDate("date_from").toLocalDate(),
                        row.getDate("date_to").toLocalDate(), row.getString("organizer_id"));
        return new JobRecord(row.getString("id"), JobStatus.valueOf(row.getString("status")),
                instant(row.getTimestamp("created_at")), instant(row.getTimestamp("started_at")),
                instant(row.getTimestamp("finished_at")), row.getLong("solve_seconds"), row.getString("problem"),
                source, fromJson(row.getString("assignments"), ASSIGNMENTS),
                fromJson(row.getString("best_summary"), new TypeReference<PlanSummary>() {
                }), fromJson(row.getString("greedy_summary"), new TypeReference<PlanSummary>() {
                }), row.getString("error"));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String toJson(Object value) {
        try {
            return value == null ? null : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static <T> T fromJson(String json, TypeReference<T> type) {
        try {
            return json == null ? null : JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored job JSON", e);
        }
    }
}
