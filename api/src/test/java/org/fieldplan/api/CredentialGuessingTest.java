package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.ADMIN;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Guessing keys or volunteer tokens is throttled per client address (here 3 failures a minute): wrong credentials
 * beyond the budget get 429 with Retry-After, while valid keys from the same address keep working.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"fieldplan.security.max-failed-attempts=3", "fieldplan.security.failure-window-seconds=60"})
@ActiveProfiles("test")
class CredentialGuessingTest {

    @LocalServerPort
    int port;

    @Test
    void wrongCredentialsBeyondTheBudgetGet429ButValidKeysFromTheSameAddressStillWork() {
        ApiClient api = new ApiClient(port);
        assertThat(api.get("/api/jobs", STRATEGIST).statusCode()).isEqualTo(200);
        for (int guess = 0; guess < 2; guess++) {
            assertThat(api.get("/api/jobs", "guess-" + guess).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> noToken = api.send("GET", "/api/jobs/j/me", null, null, null, null);
        assertThat(noToken.statusCode()).as("no credential is not a failed guess").isEqualTo(401);
        assertThat(api.asVolunteer("GET", "/api/jobs/j/me", "forged-token", null).statusCode()).isEqualTo(401);

        HttpResponse<String> throttled = api.get("/api/jobs", "guess-4");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        assertThat(json(throttled).get("detail").asText()).contains("too many failed credentials");

        for (int guess = 0; guess < 50; guess++) {
            assertThat(api.get("/api/jobs", "more-" + guess).statusCode()).isEqualTo(429);
        }
        assertThat(api.get("/api/jobs", STRATEGIST).statusCode()).as("the strategist key, same address")
                .isEqualTo(200);
        assertThat(api.get("/api/accounts", ADMIN).statusCode()).as("the admin key, same address").isEqualTo(200);
        assertThat(api.get("/api/jobs", "one-more").statusCode()).as("a wrong key is still throttled")
                .isEqualTo(429);
    }
}
