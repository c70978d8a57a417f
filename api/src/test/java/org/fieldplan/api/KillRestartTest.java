package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The service is killed with SIGKILL ({@code kill -9}) in the middle of a solve and started again on the same
 * PostGIS: the job and its best plan so far are there, and once the dead instance's lease has run out the new one
 * resumes the job. Fails, rather than skips, without {@code FIELDPLAN_DB_URL}.
 */
class KillRestartTest {

    @Test
    void aJobAndItsBestPlanSurviveKillMinus9() throws Exception {
        String database = TestDatabases.fresh("kill_restart");
        String jobId;
        JsonNode beforeKill;
        try (ServiceProcess first = ServiceProcess.start("kill-restart-first", database)) {
            jobId = json(first.api.postJson("/api/jobs?seconds=300", STRATEGIST, ApiClient.smallProblem()))
                    .get("id").asText();
            first.api.awaitBestPlan(jobId);
            // Past the save interval, so a best plan has been written.
            ApiClient.sleep(3_000);
            beforeKill = json(first.api.get("/api/jobs/" + jobId, STRATEGIST));
            first.kill();
        }
        // The best plan as last saved before the kill (the owner may have found a better one since, unsaved).
        String savedScore = savedScore(database, jobId);
        assertThat(savedScore).isNotNull();

        try (ServiceProcess second = ServiceProcess.start("kill-restart-second", database)) {
            JsonNode saved = json(second.api.get("/api/jobs/" + jobId, STRATEGIST));
            assertThat(saved.get("status").asText()).isEqualTo("SOLVING");
            assertThat(saved.at("/best/score").asText()).isEqualTo(savedScore);
            assertThat(json(second.api.get("/api/jobs/" + jobId + "/plan", STRATEGIST)).get("assignments"))
                    .isNotEmpty();
            JsonNode resumed = second.api.await(jobId, job -> job.get("resumedAfterRestart").asBoolean(),
                    "resume after its instance's lease ran out");
            assertThat(resumed.get("owner").asText()).isNotEqualTo(beforeKill.get("owner").asText());
            second.api.postJson("/api/jobs/" + jobId + "/terminate", STRATEGIST, null);
            assertThat(second.api.awaitEnd(jobId).get("status").asText()).isEqualTo("TERMINATED");
        }
    }

    private static String savedScore(String database, String jobId) throws Exception {
        try (Connection connection = DriverManager.getConnection(database, TestDatabases.user(),
                TestDatabases.password());
                PreparedStatement select = connection.prepareStatement(
                        "SELECT p.score FROM api_job j JOIN plan p ON p.id = j.plan_id WHERE j.id = ?")) {
            select.setString(1, jobId);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }
}
