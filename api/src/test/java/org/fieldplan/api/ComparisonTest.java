package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code GET /api/jobs/{a}/compare/{b}} over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ComparisonTest {

    @LocalServerPort
    int port;

    @Test
    void comparesTwoPlansOfTheSameProblem() {
        ApiClient api = new ApiClient(port);
        String first = api.solveSmallProblem();
        String second = api.solveSmallProblem();
        JsonNode firstPlan = json(api.get("/api/jobs/" + first + "/plan", STRATEGIST));
        JsonNode cancelled = unpinned(firstPlan);
        String volunteer = cancelled.get("volunteerId").asText();
        String slot = cancelled.get("slotId").asText();
        HttpResponse<String> cancellation = api.postJson("/api/jobs/" + second + "/cancellations", STRATEGIST,
                "{\"volunteerId\":\"" + volunteer + "\",\"slotId\":\"" + slot + "\"}");
        assertThat(cancellation.statusCode()).as(cancellation.body()).isEqualTo(200);
        JsonNode secondPlan = json(api.get("/api/jobs/" + second + "/plan", STRATEGIST));

        HttpResponse<String> response = api.get("/api/jobs/" + first + "/compare/" + second, STRATEGIST);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode comparison = json(response);
        assertThat(comparison.at("/first/summary/expectedNetVotes").asDouble())
                .isCloseTo(firstPlan.at("/summary/expectedNetVotes").asDouble(), within(1e-9));
        assertThat(comparison.at("/second/summary/expectedNetVotes").asDouble())
                .isCloseTo(secondPlan.at("/summary/expectedNetVotes").asDouble(), within(1e-9));
        assertThat(comparison.at("/first/summary/totalTravelMinutes").asLong())
                .isEqualTo(firstPlan.at("/summary/totalTravelMinutes").asLong());
        assertThat(comparison.at("/second/fairness/volunteers").asInt()).isPositive();
        assertThat(comparison.at("/first/fairness/gini").asDouble()).isBetween(0.0, 1.0);
        assertThat(comparison.get("changedAssignments").asInt()).isEqualTo(comparison.get("changes").size())
                .isPositive();
        assertThat(comparison.get("changes")).anySatisfy(change -> {
            assertThat(change.get("volunteerId").asText()).isEqualTo(volunteer);
            assertThat(change.get("slotId").asText()).isEqualTo(slot);
            assertThat(change.get("fromPrecinctId").asText()).isEqualTo(cancelled.get("precinctId").asText());
            assertThat(change.get("toPrecinctId").isNull()).isTrue();
        });
        double precinctVotes = 0;
        for (JsonNode precinct : comparison.get("precincts")) {
            precinctVotes += precinct.get("expectedVotesDifference").asDouble();
        }
        assertThat(precinctVotes).isCloseTo(secondPlan.at("/summary/expectedNetVotes").asDouble()
                - firstPlan.at("/summary/expectedNetVotes").asDouble(), within(1e-6));
    }

    @Test
    void plansOfDifferentProblemsAreAConflict() {
        ApiClient api = new ApiClient(port);
        String small = api.solveSmallProblem();
        String other = api.solveSmallProblemWithoutLastPrecinct();

        HttpResponse<String> response = api.get("/api/jobs/" + small + "/compare/" + other, STRATEGIST);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).get("detail").asText()).contains("different problems").contains(small);
    }

    private static JsonNode unpinned(JsonNode plan) {
        for (JsonNode assignment : plan.get("assignments")) {
            if (!assignment.get("pinned").asBoolean()) {
                return assignment;
            }
        }
        throw new AssertionError("no unpinned assignment in " + plan);
    }
}
