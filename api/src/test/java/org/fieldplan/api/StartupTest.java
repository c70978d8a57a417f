package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Startup as a user or script sees it: the very first request the service answers already lists the demo job, and
 * one line says the service is ready, on which port, and which job is the demo plan.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "fieldplan.demo.enabled=true", "fieldplan.demo.size=S", "fieldplan.demo.seconds=1"})
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class StartupTest {

    /** What {@code GET /api/jobs} answered at the moment the web server started taking requests. */
    static final AtomicReference<JsonNode> JOBS_AT_FIRST_REQUEST = new AtomicReference<>();

    @TestConfiguration
    static class FirstRequest {
        @Bean
        ApplicationListener<ServletWebServerInitializedEvent> askForJobsAsSoonAsTheServerListens() {
            return event -> JOBS_AT_FIRST_REQUEST.set(json(new ApiClient(event.getWebServer().getPort())
                    .get("/api/jobs", STRATEGIST)));
        }
    }

    @LocalServerPort
    int port;

    @Test
    void theFirstAnswerListsTheDemoJobAndTheReadyLineNamesPortAndJob(CapturedOutput output) {
        JsonNode first = JOBS_AT_FIRST_REQUEST.get();
        assertThat(first).as("GET /api/jobs as the server started listening").hasSize(1);
        String demoJob = first.get(0).get("id").asText();

        assertThat(output.getAll()).containsPattern("FieldPlan ready on http://localhost:" + port
                + " \\(demo plan: job " + demoJob + " (QUEUED|SOLVING|SOLVED)\\)");
    }
}
