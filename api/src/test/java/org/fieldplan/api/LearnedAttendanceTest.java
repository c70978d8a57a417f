package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.fieldplan.api.ApiClient.ORGANIZER_2;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.fieldplan.vote.LearnedAttendance;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Attendance learned from history over real HTTP: a no-show recorded by the organizer and a shift reported on the
 * volunteer page move the two volunteers' probabilities exactly as docs/model.md says (Beta prior of 4 shifts at the
 * organizer's value), the strategist sees the expected shifts lost before and after, and the next plan is made with
 * the learned values. "Now" is 10:00 on the first day: the morning shifts have started.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "fieldplan.now=2026-10-31T10:00")
@ActiveProfiles("test")
class LearnedAttendanceTest {

    private static final double PRIOR_SHIFTS = 4;

    @LocalServerPort
    int port;

    @Test
    void aNoShowAndAWorkedShiftChangeTheNextPlansAttendance() {
        ApiClient api = new ApiClient(port);
        String jobId = api.solveSmallProblem();
        assertThat(json(api.get("/api/jobs/" + jobId + "/attendance", STRATEGIST)).get("volunteers"))
                .as("no history yet").isEmpty();
        JsonNode morning = json(api.get("/api/jobs/" + jobId + "/assignments?date=2026-10-31", STRATEGIST))
                .get("assignments").findParents("slotId").stream()
                .filter(a -> a.get("slotId").asText().equals("2026-10-31-am")).findFirst().orElseThrow();
        // Two morning volunteers (the small example pairs V01 with V05 there): one no-show, one reported shift.
        JsonNode plan = json(api.get("/api/jobs/" + jobId + "/plan", STRATEGIST));
        String absent = morning.get("volunteerId").asText();
        String worker = plan.get("assignments").findParents("slotId").stream()
                .filter(a -> a.get("slotId").asText().equals("2026-10-31-am")
                        && !a.get("volunteerId").asText().equals(absent))
                .map(a -> a.get("volunteerId").asText()).findFirst().orElseThrow();
        double lostBefore = json(api.get("/api/jobs/" + jobId + "/attendance", STRATEGIST))
                .get("expectedShiftsLostBefore").asDouble();

        HttpResponse<String> noShow = api.postJson("/api/jobs/" + jobId + "/no-shows", STRATEGIST,
                "{\"volunteerId\":\"" + absent + "\",\"slotId\":\"2026-10-31-am\"}");
        assertThat(noShow.statusCode()).as(noShow.body()).isEqualTo(204);
        String token = json(api.postJson("/api/jobs/" + jobId + "/volunteer-links", STRATEGIST,
                "{\"volunteerId\":\"" + worker + "\"}")).get("token").asText();
        HttpResponse<String> report = api.asVolunteer("POST", "/api/jobs/" + jobId + "/me/shifts/2026-10-31-am/report",
                token, "{\"doorsKnocked\":20,\"contacts\":5}");
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);

        JsonNode attendance = json(api.get("/api/jobs/" + jobId + "/attendance", STRATEGIST));
        Map<String, JsonNode> byVolunteer = new HashMap<>();
        attendance.get("volunteers").forEach(v -> byVolunteer.put(v.get("volunteerId").asText(), v));
        JsonNode a = byVolunteer.get(absent);
        JsonNode w = byVolunteer.get(worker);
        assertThat(a.get("noShows").asInt()).isEqualTo(1);
        assertThat(a.get("learned").asDouble()).isCloseTo(
                LearnedAttendance.posteriorMean(a.get("given").asDouble(), PRIOR_SHIFTS, 0, 1, 0), within(1e-9))
                .isLessThan(a.get("given").asDouble());
        assertThat(w.get("worked").asInt()).isEqualTo(1);
        assertThat(w.get("learned").asDouble()).isCloseTo(
                LearnedAttendance.posteriorMean(w.get("given").asDouble(), PRIOR_SHIFTS, 1, 0, 0), within(1e-9))
                .isGreaterThan(w.get("given").asDouble());
        // The report's repair may have moved shifts, so "before" is re-read: after - before is exactly what the two
        // volunteers' learned values change over their assigned shifts in the current plan.
        Map<String, Integer> shifts = new HashMap<>();
        json(api.get("/api/jobs/" + jobId + "/plan", STRATEGIST)).get("assignments")
                .forEach(x -> shifts.merge(x.get("volunteerId").asText(), 1, Integer::sum));
        double expectedChange = 0;
        for (JsonNode v : new JsonNode[] {a, w}) {
            expectedChange += shifts.getOrDefault(v.get("volunteerId").asText(), 0)
                    * (v.get("given").asDouble() - v.get("learned").asDouble());
        }
        assertThat(lostBefore).isPositive();
        assertThat(attendance.get("expectedShiftsLostAfter").asDouble()
                - attendance.get("expectedShiftsLostBefore").asDouble()).isCloseTo(expectedChange, within(1e-9))
                .isNotCloseTo(0, within(1e-9));

        // The next plan is made with the learned values (the recommendation answer states the plan's value).
        String next = api.solveSmallProblem();
        for (JsonNode v : new JsonNode[] {a, w}) {
            JsonNode answer = json(api.get("/api/jobs/" + next + "/recommendations?volunteerId="
                    + v.get("volunteerId").asText() + "&from=2026-11-01T13:00&to=2026-11-01T16:00", STRATEGIST));
            assertThat(answer.get("attendanceProbability").asDouble()).as(v.get("volunteerId").asText())
                    .isCloseTo(v.get("learned").asDouble(), within(1e-9));
        }
        assertThat(json(api.get("/api/jobs/" + next + "/attendance", STRATEGIST)).get("volunteers"))
                .as("history before the job is already in its plan").isEmpty();
    }

    @Test
    void noShowsAreForStartedShiftsOfOnesOwnVolunteers() {
        ApiClient api = new ApiClient(port);
        String jobId = api.solveSmallProblem();
        JsonNode afternoon = json(api.get("/api/jobs/" + jobId + "/plan", STRATEGIST)).get("assignments")
                .findParents("slotId").stream().filter(a -> a.get("slotId").asText().endsWith("-pm")).findFirst()
                .orElseThrow();
        assertThat(api.postJson("/api/jobs/" + jobId + "/no-shows", STRATEGIST, "{\"volunteerId\":\""
                + afternoon.get("volunteerId").asText() + "\",\"slotId\":\"" + afternoon.get("slotId").asText()
                + "\"}").statusCode()).as("not started").isEqualTo(409);
        assertThat(api.postJson("/api/jobs/" + jobId + "/no-shows", ORGANIZER_2,
                "{\"volunteerId\":\"V01\",\"slotId\":\"2026-10-31-am\"}").statusCode()).as("org-1's").isEqualTo(403);
        assertThat(api.get("/api/jobs/" + jobId + "/attendance", ORGANIZER_2).statusCode()).isEqualTo(403);
    }
}
