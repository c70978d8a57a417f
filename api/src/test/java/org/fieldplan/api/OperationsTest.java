package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Health, Prometheus metrics and the OpenAPI document, without an API key. */
// Spring Boot tests turn metric exporters off unless asked.
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OperationsTest {

    @LocalServerPort
    int port;

    @Test
    void healthMetricsAndOpenApiAreServed() {
        ApiClient api = new ApiClient(port);
        api.solveSmallProblem();

        assertThat(api.get("/actuator/health", null).body()).contains("\"status\":\"UP\"");
        HttpResponse<String> metrics = api.get("/actuator/prometheus", null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("fieldplan_jobs_queued", "fieldplan_jobs_solving",
                "fieldplan_jobs_solve_seconds_count");
        String openApi = api.get("/v3/api-docs", null).body();
        assertThat(openApi).contains("\"/api/jobs\"", "\"/api/jobs/{jobId}/assignments\"", "X-Api-Key");
    }
}
