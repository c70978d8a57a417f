package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Guessing keys or volunteer tokens is rate-limited per client address (here 3 failures a minute). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"fieldplan.security.max-failed-attempts=3", "fieldplan.security.failure-window-seconds=60"})
@ActiveProfiles("test")
class CredentialGuessingTest {

    @LocalServerPort
    int port;

    @Test
    void afterTooManyWrongCredentialsTheAddressGets429EvenWithAGoodKey() {
        ApiClient api = new ApiClient(port);
        assertThat(api.get("/api/jobs", STRATEGIST).statusCode()).isEqualTo(200);
        for (int guess = 0; guess < 2; guess++) {
            assertThat(api.get("/api/jobs", "guess-" + guess).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> badToken = api.send("GET", "/api/jobs/j/me", null, null, null, null);
        assertThat(badToken.statusCode()).as("no credential is not a failed guess").isEqualTo(401);
        assertThat(api.get("/api/jobs", "guess-3").statusCode()).isEqualTo(401);

        HttpResponse<String> blocked = api.get("/api/jobs", "guess-4");
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
        assertThat(json(blocked).get("detail").asText()).contains("too many failed credentials");
        assertThat(api.get("/api/jobs", STRATEGIST).statusCode()).as("the address is blocked, not the key")
                .isEqualTo(429);
    }
}
