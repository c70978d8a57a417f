package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.ORGANIZER_1;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Jobs and plans survive an orderly restart with {@code fieldplan.store=postgis}: two service instances, one after
 * the other, on the PostGIS named by {@code FIELDPLAN_DB_URL} ({@code scripts/with-postgis.sh} provides one). Fails,
 * rather than skips, without a database. {@link KillRestartTest} does the same with {@code kill -9}.
 */
class JobPersistenceTest {

    private static String url;

    @BeforeAll
    static void requireDatabase() {
        url = System.getenv("FIELDPLAN_DB_URL");
        assertThat(url).as("FIELDPLAN_DB_URL must name a PostGIS database: run under scripts/with-postgis.sh")
                .isNotBlank();
    }

    @Test
    void finishedAndUnfinishedJobsSurviveARestart() {
        String solvedId;
        String unfinishedId;
        JsonNode solvedBefore;
        JsonNode planBefore;
        try (ConfigurableApplicationContext first = start()) {
            ApiClient api = client(first);
            solvedId = api.solveSmallProblem();
            solvedBefore = json(api.get("/api/jobs/" + solvedId, STRATEGIST));
            planBefore = json(api.get("/api/jobs/" + solvedId + "/plan", STRATEGIST));
            unfinishedId = json(api.postJson("/api/jobs?seconds=120", STRATEGIST, ApiClient.smallProblem()))
                    .get("id").asText();
            awaitBestPlan(api, unfinishedId);
        }

        try (ConfigurableApplicationContext second = start()) {
            ApiClient api = client(second);
            JsonNode solvedAfter = json(api.get("/api/jobs/" + solvedId, STRATEGIST));
            assertThat(solvedAfter.get("status").asText()).isEqualTo("SOLVED");
            assertThat(solvedAfter.at("/best/score").asText()).isEqualTo(solvedBefore.at("/best/score").asText());
            assertThat(json(api.get("/api/jobs/" + solvedId + "/plan", STRATEGIST)).get("assignments"))
                    .isEqualTo(planBefore.get("assignments"));
            assertThat(api.get("/api/jobs/" + solvedId + "/assignments.csv?date=2026-10-31", ORGANIZER_1)
                    .statusCode()).isEqualTo(200);
            assertThat(api.get("/api/jobs/" + solvedId + "/explain", STRATEGIST).statusCode()).isEqualTo(200);

            JsonNode unfinished = json(api.get("/api/jobs/" + unfinishedId, STRATEGIST));
            assertThat(unfinished.get("resumedAfterRestart").asBoolean()).isTrue();
            assertThat(unfinished.get("status").asText()).isIn("QUEUED", "SOLVING");
            api.postJson("/api/jobs/" + unfinishedId + "/terminate", STRATEGIST, null);
            assertThat(api.awaitEnd(unfinishedId).get("best").isNull()).isFalse();
        }
    }

    private static ConfigurableApplicationContext start() {
        // Arguments, not builder properties: those are defaults that application.properties would override.
        return new SpringApplicationBuilder(FieldPlanApplication.class).profiles("test")
                .run("--server.port=0", "--fieldplan.store=postgis", "--fieldplan.datasource.url=" + url,
                        "--fieldplan.datasource.username=" + env("FIELDPLAN_DB_USER"),
                        "--fieldplan.datasource.password=" + env("FIELDPLAN_DB_PASSWORD"));
    }

    private static ApiClient client(ConfigurableApplicationContext context) {
        return new ApiClient(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    /** Waits until the job's best plan has been saved (the first save after a best comes at once). */
    private static void awaitBestPlan(ApiClient api, String jobId) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (!json(api.get("/api/jobs/" + jobId, STRATEGIST)).get("best").isNull()) {
                return;
            }
            ApiClient.sleep(100);
        }
        throw new AssertionError("job " + jobId + " found no plan in time");
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }
}
