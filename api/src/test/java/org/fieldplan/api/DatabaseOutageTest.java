package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/**
 * A fault test: the service runs over real HTTP on a PostGIS cluster of the test's own ({@link ThrowawayPostgis}),
 * the database is stopped under it and started again. While it is away, every request that needs it is answered
 * within seconds with 503, {@code Retry-After} and a problem body (whether the database was needed by a handler or
 * by the key check before it), and health is DOWN; once it is back the service answers again without a restart.
 *
 * <p>The time bounds are the point of the test (requests used to hang 20–30 s); they are generous for a busy machine
 * next to the 3 s connection timeout.
 */
class DatabaseOutageTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(10);
    private static final String UNKNOWN_KEY = "no-such-account-key";

    @Test
    void aStoppedDatabaseIsA503WithRetryAfterWithinSecondsAndTheServiceRecoversOnceItIsBack() throws Exception {
        try (ThrowawayPostgis database = ThrowawayPostgis.start();
                ServiceProcess service = ServiceProcess.startAs("database-outage", database.url(), "postgres", "")) {
            ApiClient api = service.api;
            assertThat(api.get("/api/regions", STRATEGIST).statusCode()).isEqualTo(200);
            assertThat(api.get("/api/regions", UNKNOWN_KEY).statusCode()).isEqualTo(401);

            database.stopServer();

            // A handler reading the region store, and the account lookup of an unknown key in the security filters.
            assertUnavailable(timed(() -> api.get("/api/regions", STRATEGIST)));
            assertUnavailable(timed(() -> api.get("/api/jobs", STRATEGIST)));
            assertUnavailable(timed(() -> api.get("/api/regions", UNKNOWN_KEY)));
            HttpResponse<String> health = timed(() -> api.get("/actuator/health", null));
            assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
            assertThat(json(health).get("status").asText()).isEqualTo("DOWN");

            database.startServer();

            awaitAnswered(api, "/api/regions", STRATEGIST);
            awaitAnswered(api, "/actuator/health", null);
            assertThat(json(api.get("/actuator/health", null)).get("status").asText()).isEqualTo("UP");
            assertThat(api.get("/api/regions", UNKNOWN_KEY).statusCode()).isEqualTo(401);
        }
    }

    private static HttpResponse<String> timed(Supplier<HttpResponse<String>> request) {
        long start = System.nanoTime();
        HttpResponse<String> response = request.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as(response.request().uri() + " answered after " + took).isLessThan(PROMPTLY);
        return response;
    }

    private static void assertUnavailable(HttpResponse<String> response) {
        String what = response.request().uri() + ": " + response.body();
        assertThat(response.statusCode()).as(what).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).as(what).hasValue("5");
        assertThat(response.headers().firstValue("Content-Type")).as(what)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).get("status").asInt()).as(what).isEqualTo(503);
        assertThat(json(response).get("detail").asText()).as(what).contains("the database is unavailable");
        assertThat(response.body()).as(what).doesNotContain("Exception").doesNotContain("jdbc:");
    }

    /** The service answers 200 again, without a restart, within 30 s of the database's return. */
    private static void awaitAnswered(ApiClient api, String path, String key) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = api.get(path, key);
            if (last.statusCode() == 200) {
                return;
            }
            ApiClient.sleep(250);
        }
        throw new AssertionError(path + " did not recover: " + (last == null ? "no answer" : last.body()));
    }
}
