package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The service is killed with SIGKILL ({@code kill -9}) in the middle of a solve and started again on the same
 * PostGIS: the job and its best plan so far are there, and the job resumes. The service runs as a child JVM on the
 * test class path. Fails, rather than skips, without {@code FIELDPLAN_DB_URL}.
 */
class KillRestartTest {

    @BeforeAll
    static void requireDatabase() {
        assertThat(System.getenv("FIELDPLAN_DB_URL"))
                .as("FIELDPLAN_DB_URL must name a PostGIS database: run under scripts/with-postgis.sh").isNotBlank();
    }

    @Test
    void aJobAndItsBestPlanSurviveKillMinus9() throws Exception {
        int port = freePort();
        ApiClient api = new ApiClient(port);
        String jobId;
        JsonNode beforeKill;
        Process first = startService(port, "first");
        try {
            awaitUp(api, first);
            jobId = json(api.postJson("/api/jobs?seconds=300", STRATEGIST, ApiClient.smallProblem())).get("id")
                    .asText();
            awaitBestPlan(api, jobId);
            // Past the save interval, so the best plan read here has been written (the small problem converges in
            // well under a second).
            ApiClient.sleep(3_000);
            beforeKill = json(api.get("/api/jobs/" + jobId, STRATEGIST));
        } finally {
            first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hooks, no final save
        }

        Process second = startService(port, "second");
        try {
            awaitUp(api, second);
            JsonNode afterRestart = json(api.get("/api/jobs/" + jobId, STRATEGIST));
            assertThat(afterRestart.get("resumedAfterRestart").asBoolean()).isTrue();
            assertThat(afterRestart.at("/best/score").asText()).isEqualTo(beforeKill.at("/best/score").asText());
            assertThat(afterRestart.at("/best/expectedNetVotes").asDouble())
                    .isEqualTo(beforeKill.at("/best/expectedNetVotes").asDouble());
            api.postJson("/api/jobs/" + jobId + "/terminate", STRATEGIST, null);
            assertThat(api.awaitEnd(jobId).get("status").asText()).isEqualTo("TERMINATED");
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    private static Process startService(int port, String name) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), FieldPlanApplication.class.getName(),
                "--server.port=" + port, "--spring.profiles.active=test", "--fieldplan.store=postgis",
                "--fieldplan.datasource.url=" + System.getenv("FIELDPLAN_DB_URL"),
                "--fieldplan.datasource.username=" + env("FIELDPLAN_DB_USER"),
                "--fieldplan.datasource.password=" + env("FIELDPLAN_DB_PASSWORD")));
        File log = new File("target/kill-restart-" + name + ".log");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private static void awaitUp(ApiClient api, Process process) {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("service process died; see target/kill-restart-*.log").isTrue();
            try {
                HttpResponse<String> health = api.get("/actuator/health", null);
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYetListening) {
                // still starting
            }
            ApiClient.sleep(250);
        }
        throw new AssertionError("service did not start in time");
    }

    private static JsonNode awaitBestPlan(ApiClient api, String jobId) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = json(api.get("/api/jobs/" + jobId, STRATEGIST));
            if (!job.get("best").isNull()) {
                return job;
            }
            ApiClient.sleep(100);
        }
        throw new AssertionError("job " + jobId + " found no plan in time");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }
}
