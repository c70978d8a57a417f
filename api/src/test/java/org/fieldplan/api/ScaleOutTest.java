package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two instances (child JVMs) share one PostGIS and act as one service: each submitted job is claimed by exactly one
 * of them, either answers reads of any job alike, and when the instance solving a job is killed with {@code kill -9}
 * the other takes the job over once the lease (3 s in the test profile) has run out, and finishes it from the saved
 * plan. Fails, rather than skips, without {@code FIELDPLAN_DB_URL}.
 */
class ScaleOutTest {

    /** Room in the shared queue for every job of the test (the test profile's is 1). */
    private static final String QUEUE = "--fieldplan.jobs.queue-length=8";

    @Test
    void twoInstancesShareTheQueueAndTakeOverADeadInstancesJob() throws Exception {
        String database = TestDatabases.fresh("scale_out");
        try (ServiceProcess alpha = ServiceProcess.start("scale-out-alpha", database, QUEUE,
                "--fieldplan.cluster.instance-id=alpha");
                ServiceProcess beta = ServiceProcess.start("scale-out-beta", database, QUEUE,
                        "--fieldplan.cluster.instance-id=beta")) {
            List<String> jobIds = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ApiClient submitTo = i % 2 == 0 ? alpha.api : beta.api;
                jobIds.add(json(submitTo.postJson("/api/jobs?seconds=2", STRATEGIST, ApiClient.smallProblem()))
                        .get("id").asText());
            }
            Set<String> owners = new HashSet<>();
            for (String jobId : jobIds) {
                // The owner knows a solve has ended a moment before its final save reaches the other instance.
                JsonNode fromAlpha = alpha.api.awaitEnd(jobId);
                JsonNode fromBeta = beta.api.awaitEnd(jobId);
                fromAlpha = json(alpha.api.get("/api/jobs/" + jobId, STRATEGIST));
                assertThat(fromAlpha.get("status").asText()).isEqualTo("SOLVED");
                // Claimed once, by one instance, never taken over: the database and both views agree on the owner.
                assertThat(fromAlpha.get("takeovers").asInt()).isZero();
                assertThat(fromAlpha.get("owner").asText()).isIn("alpha", "beta")
                        .isEqualTo(fromBeta.get("owner").asText()).isEqualTo(ownerInDatabase(database, jobId));
                owners.add(fromAlpha.get("owner").asText());
                for (String field : List.of("status", "startedAt", "finishedAt", "best", "greedyBaseline")) {
                    assertThat(fromBeta.get(field)).as(field).isEqualTo(fromAlpha.get(field));
                }
                assertThat(json(beta.api.get("/api/jobs/" + jobId + "/plan", STRATEGIST)))
                        .isEqualTo(json(alpha.api.get("/api/jobs/" + jobId + "/plan", STRATEGIST)));
            }
            // Four 2-second jobs queued at once, one solver place per instance: both instances take some.
            assertThat(owners).containsExactlyInAnyOrder("alpha", "beta");

            String longJob = json(alpha.api.postJson("/api/jobs?seconds=8", STRATEGIST, ApiClient.smallProblem()))
                    .get("id").asText();
            JsonNode solving = alpha.api.await(longJob, job -> !job.get("best").isNull()
                    && job.get("status").asText().equals("SOLVING"), "start solving");
            String owner = solving.get("owner").asText();
            ServiceProcess dying = owner.equals("alpha") ? alpha : beta;
            ServiceProcess survivor = dying == alpha ? beta : alpha;
            // Past the save interval, so the best plan is in the plan store; the survivor reads it from there.
            ApiClient.sleep(3_000);
            JsonNode saved = json(survivor.api.get("/api/jobs/" + longJob, STRATEGIST));
            // A change needing the solver is refused by the instance that does not own the solving job.
            JsonNode shift = ReplanTest.firstUnpinned(json(survivor.api.get("/api/jobs/" + longJob + "/plan",
                    STRATEGIST)));
            HttpResponse<String> elsewhere = survivor.api.postJson("/api/jobs/" + longJob + "/cancellations",
                    STRATEGIST, "{\"volunteerId\":\"" + shift.get("volunteerId").asText() + "\",\"slotId\":\""
                            + shift.get("slotId").asText() + "\"}");
            assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(409);
            assertThat(json(elsewhere).get("detail").asText()).contains("instance " + owner);
            dying.kill();

            JsonNode takenOver = survivor.api.await(longJob, job -> job.get("takeovers").asInt() == 1,
                    "get taken over");
            assertThat(takenOver.get("owner").asText()).isNotEqualTo(owner);
            assertThat(takenOver.get("resumedAfterRestart").asBoolean()).isTrue();
            JsonNode finished = survivor.api.awaitEnd(longJob);
            assertThat(finished.get("status").asText()).isEqualTo("SOLVED");
            assertThat(finished.get("owner").asText()).isNotEqualTo(owner);
            assertThat(score(finished)).isGreaterThanOrEqualTo(score(saved));
        }
    }

    private static String ownerInDatabase(String database, String jobId) throws Exception {
        try (Connection connection = DriverManager.getConnection(database, TestDatabases.user(),
                TestDatabases.password());
                PreparedStatement select = connection.prepareStatement("SELECT owner FROM api_job WHERE id = ?")) {
            select.setString(1, jobId);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }

    private static HardMediumSoftLongScore score(JsonNode job) {
        return HardMediumSoftLongScore.parseScore(job.at("/best/score").asText());
    }
}
