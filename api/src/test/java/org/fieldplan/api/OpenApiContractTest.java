package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.json;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The OpenAPI contract documents every operation: a summary, the RFC 7807 problem responses it can give, security
 * (the API key; a volunteer link's token for the volunteer's own operations), and the licence. Writes the document
 * to {@code target/openapi.json}, which {@code scripts/lint-openapi.sh} lints with Redocly's recommended rules after
 * the tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OpenApiContractTest {

    @LocalServerPort
    int port;

    @Test
    void everyOperationHasASummaryAndItsProblemResponses() throws IOException {
        HttpResponse<String> response = new ApiClient(port).get("/v3/api-docs", null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = json(response);
        Files.writeString(Path.of("target/openapi.json"), response.body());

        List<String> operations = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String name = op.getKey().toUpperCase() + " " + path.getKey();
            operations.add(name);
            JsonNode operation = op.getValue();
            assertThat(operation.path("summary").asText()).as(name).isNotBlank();
            assertThat(operation.get("responses").has("401")).as(name).isTrue();
            assertThat(operation.get("responses").has("403")).as(name).isTrue();
            assertThat(operation.at("/responses/403/content").has("application/problem+json")).as(name).isTrue();
            // The volunteer's own operations take a volunteer link's token; every other one the API key (the default).
            List<String> schemes = new ArrayList<>();
            operation.path("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(schemes::add));
            assertThat(schemes).as(name + ": its own security")
                    .isEqualTo(path.getKey().equals("/api/jobs/{jobId}/me")
                            || path.getKey().startsWith("/api/jobs/{jobId}/me/") ? List.of("volunteerToken") : List.of());
            assertThat(operation.has("parameters") && operation.get("parameters").findValues("name").stream()
                    .anyMatch(n -> n.asText().equals("caller"))).as(name + ": the caller is not a parameter")
                    .isFalse();
        }));
        assertThat(operations).hasSize(80).contains("POST /api/jobs", "GET /api/jobs/{jobId}/flows", "POST /api/campaigns",
                "POST /api/sign-up/{regionId}",
                "GET /api/regions/{regionId}/streets", "POST /api/regions/{regionId}/live/move",
                "POST /api/jobs/{jobId}/messages/links", "POST /api/jobs/{jobId}/field-reports",
                "PUT /api/regions/{regionId}/calendar", "POST /api/regions/{regionId}/import", "POST /api/accounts",
                "GET /api/jobs/{jobId}/me", "POST /api/regions/{regionId}/staging-locations/{locationId}/closures");
        assertThat(document.at("/paths/~1api~1jobs/post/responses").has("429")).isTrue();
        assertThat(document.at("/info/license/name").asText()).isNotBlank();
        assertThat(document.at("/components/securitySchemes/apiKey/name").asText()).isEqualTo("X-Api-Key");
        assertThat(document.at("/security/0").has("apiKey")).as("the API key is the default").isTrue();
        assertThat(document.at("/components/securitySchemes/volunteerToken/name").asText())
                .isEqualTo("X-Volunteer-Token");
        assertThat(document.at("/components/securitySchemes/volunteerToken/in").asText()).isEqualTo("header");
        assertThat(document.at("/components/schemas/Problem/properties/errors").isObject()).isTrue();
    }
}
