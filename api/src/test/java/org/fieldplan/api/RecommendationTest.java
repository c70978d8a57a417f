package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.ORGANIZER_1;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/** "Where should I go?" over real HTTP, against the small example's solved plan. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RecommendationTest {

    @LocalServerPort
    int port;

    @Test
    void aNewcomerGetsPrecinctSlotsInTheirTimeAndRangeJoiningTheTeamsThere() {
        ApiClient api = new ApiClient(port);
        String jobId = api.solveSmallProblem();
        JsonNode plan = json(api.get("/api/jobs/" + jobId + "/plan", STRATEGIST));

        HttpResponse<String> response = api.get("/api/jobs/" + jobId + "/recommendations?home=-71.41,41.82"
                + "&from=2026-10-31T09:00&to=2026-10-31T16:00&travelMode=CAR&maxKm=5&languages=en,es", STRATEGIST);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = json(response);
        assertThat(answer.get("travelMode").asText()).isEqualTo("CAR");
        assertThat(answer.get("recommendations")).isNotEmpty().allSatisfy(r -> {
            assertThat(LocalDateTime.parse(r.get("start").asText())).isAfterOrEqualTo(
                    LocalDateTime.parse("2026-10-31T09:00"));
            assertThat(LocalDateTime.parse(r.get("end").asText())).isBeforeOrEqualTo(
                    LocalDateTime.parse("2026-10-31T16:00"));
            assertThat(r.get("distanceKm").asDouble()).isLessThanOrEqualTo(5.0);
            assertThat(r.get("marginalExpectedNetVotes").asDouble()).isPositive();
            assertThat(r.get("teamBefore").asInt()).isEqualTo(teamSize(plan, r.get("precinctId").asText(),
                    r.get("slotId").asText())).isBetween(1, r.get("capacity").asInt() - 1);
            assertThat(r.get("reason").asText()).contains(r.get("precinctId").asText()).contains("min by car");
        });
        double previous = Double.MAX_VALUE;
        for (JsonNode r : answer.get("recommendations")) {
            assertThat(r.get("marginalExpectedNetVotes").asDouble()).isLessThanOrEqualTo(previous);
            previous = r.get("marginalExpectedNetVotes").asDouble();
        }
    }

    @Test
    void anOrganizerAsksForTheirOwnVolunteerWithTheirProfile() {
        ApiClient api = new ApiClient(port);
        String jobId = api.solveSmallProblem();
        JsonNode plan = json(api.get("/api/jobs/" + jobId + "/plan", STRATEGIST));
        Set<String> workedSlots = new HashSet<>();
        plan.get("assignments").forEach(a -> {
            if (a.get("volunteerId").asText().equals("V01")) {
                workedSlots.add(a.get("slotId").asText());
            }
        });

        HttpResponse<String> response = api.get("/api/jobs/" + jobId
                + "/recommendations?volunteerId=V01&from=2026-10-31T09:00&to=2026-11-01T16:00&limit=10", ORGANIZER_1);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = json(response);
        assertThat(answer.get("volunteerId").asText()).isEqualTo("V01");
        assertThat(answer.get("travelMode").asText()).as("docs/examples/problem-small.json: V01 bikes").isEqualTo("BIKE");
        assertThat(answer.get("maxTravelMinutes").asInt()).isEqualTo(20);
        assertThat(answer.get("attendanceProbability").asDouble()).isEqualTo(0.8);
        assertThat(answer.get("recommendations")).allSatisfy(r -> {
            assertThat(workedSlots).doesNotContain(r.get("slotId").asText());
            assertThat(r.get("travelMinutes").asInt()).isLessThanOrEqualTo(20);
        });
    }

    private static int teamSize(JsonNode plan, String precinctId, String slotId) {
        int size = 0;
        for (JsonNode a : plan.get("assignments")) {
            if (a.get("precinctId").asText().equals(precinctId) && a.get("slotId").asText().equals(slotId)) {
                size++;
            }
        }
        return size;
    }
}
