package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.ORGANIZER_1;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Cancellations, field reports, late volunteers and late availability repair a finished plan through problem changes,
 * touching only what they concern. "Now" is 10:00 on the first day: the morning has started (and can be reported on),
 * the afternoon has not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "fieldplan.now=2026-10-31T10:00")
@ActiveProfiles("test")
class ReplanTest {

    static final String MORNING = "2026-10-31-am";

    @LocalServerPort
    int port;

    @Test
    void cancellationRemovesTheShiftAndChangesOnlyItsSlot() {
        ApiClient api = new ApiClient(port);
        String jobId = api.solveSmallProblem();
        JsonNode assignment = firstUnpinned(json(api.get("/api/jobs/" + jobId + "/plan", STRATEGIST)));
        String volunteer = assignment.get("volunteerId").asText();
        String slot = assignment.get("slotId").asText();

        HttpResponse<String> response = api.postJson("/api/jobs/" + jobId + "/cancellations", STRATEGIST,
                "{\"volunteerId\":\"" + volunteer + "\",\"slotId\":\"" + slot + "\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json(response);
        assertThat(result.get("mode").asText()).isEqualTo("REPAIRED");
        assertThat(result.get("effects").get(0).asText()).contains("removed " + volunteer).contains(slot);
        assertThat(result.get("changes")).anySatisfy(change -> {
            assertThat(change.get("volunteerId").asText()).isEqualTo(volunteer);
            assertThat(change.get("toPrecinctId").isNull()).isTrue();
        });
        assertThat(result.get("changes")).allSatisfy(change -> assertThat(change.get("slotId").asText())
                .isEqualTo(slot));
        JsonNode plan = json(api.get("/api/jobs/" + jobId + "/plan", STRATEGIST));
        assertThat(plan.get("assignments")).noneSatisfy(a -> {
            assertThat(a.get("volunteerId").asText()).isEqualTo(volunteer);
            assertThat(a.get("slotId").asText()).isEqualTo(slot);
        });
        assertThat(plan.get("status").asText()).isEqualTo("SOLVED");
    }

    @Test
    void fieldReportPinsTheShiftAndLowersTheRemainingDoors() {
        ApiClient api = new ApiClient(port);
        String jobId = api.solveSmallProblem();
        JsonNode assignment = morningShift(json(api.get("/api/jobs/" + jobId + "/plan", STRATEGIST)), 0);
        String precinct = assignment.get("precinctId").asText();
        double doorsBefore = doorsLeft(api, jobId, precinct);

        HttpResponse<String> response = api.postJson("/api/jobs/" + jobId + "/field-reports", STRATEGIST,
                "{\"volunteerId\":\"" + assignment.get("volunteerId").asText() + "\",\"slotId\":\""
                        + assignment.get("slotId").asText() + "\",\"doorsKnocked\":40,\"contacts\":10}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("mode").asText()).isEqualTo("REPAIRED");
        assertThat(doorsLeft(api, jobId, precinct)).isEqualTo(Math.max(0, doorsBefore - 40));
        JsonNode plan = json(api.get("/api/jobs/" + jobId + "/plan", STRATEGIST));
        assertThat(plan.get("assignments")).anySatisfy(a -> {
            assertThat(a.get("volunteerId").asText()).isEqualTo(assignment.get("volunteerId").asText());
            assertThat(a.get("slotId").asText()).isEqualTo(assignment.get("slotId").asText());
            assertThat(a.get("pinned").asBoolean()).isTrue();
        });
    }

    @Test
    void aFieldReportRepairMovesNothingBeforeOrOutsideThePrecinctsLaterSlots() {
        ApiClient api = new ApiClient(port);
        String jobId = api.solveSmallProblem();
        JsonNode morning = null;
        for (JsonNode a : json(api.get("/api/jobs/" + jobId + "/plan", STRATEGIST)).get("assignments")) {
            if (!a.get("pinned").asBoolean() && a.get("slotId").asText().equals("2026-10-31-am")) {
                morning = a;
                break;
            }
        }
        assertThat(morning).as("the small example sends someone out on Saturday morning").isNotNull();
        String precinct = morning.get("precinctId").asText();

        HttpResponse<String> response = api.postJson("/api/jobs/" + jobId + "/field-reports", STRATEGIST,
                "{\"volunteerId\":\"" + morning.get("volunteerId").asText()
                        + "\",\"slotId\":\"2026-10-31-am\",\"doorsKnocked\":150,\"contacts\":40}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json(response);
        assertThat(result.get("mode").asText()).isEqualTo("REPAIRED");
        assertThat(result.get("appliedAt").asText()).isNotBlank();
        assertThat(result.get("changes")).as("only the precinct's later slots reopen").allSatisfy(change -> {
            assertThat(change.get("slotId").asText()).isNotEqualTo("2026-10-31-am");
            assertThat(precinct.equals(change.get("fromPrecinctId").asText())
                    || change.get("fromPrecinctId").isNull()).as("moved out of the precinct, or was idle").isTrue();
        });
    }

    @Test
    void aFieldReportIsRepairedWhileAnotherJobSolvesForLong() {
        ApiClient api = new ApiClient(port);
        String finished = api.solveSmallProblem();
        JsonNode assignment = morningShift(json(api.get("/api/jobs/" + finished + "/plan", STRATEGIST)), 0);
        // The test profile has one solver place: this solve takes it for the next 60 s.
        HttpResponse<String> longSolve = api.postJson("/api/jobs?seconds=60", STRATEGIST, ApiClient.smallProblem());
        assertThat(longSolve.statusCode()).as(longSolve.body()).isEqualTo(202);
        String busy = json(longSolve).get("id").asText();
        api.await(busy, job -> job.get("status").asText().equals("SOLVING"), "start solving");
        try {
            HttpResponse<String> response = api.postJson("/api/jobs/" + finished + "/field-reports", STRATEGIST,
                    "{\"volunteerId\":\"" + assignment.get("volunteerId").asText() + "\",\"slotId\":\""
                            + assignment.get("slotId").asText() + "\",\"doorsKnocked\":20,\"contacts\":5}");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(json(response).get("mode").asText()).as("repaired in the repair lane, not queued behind "
                    + "the solve").isEqualTo("REPAIRED");
            assertThat(json(api.get("/api/jobs/" + busy, STRATEGIST)).get("status").asText())
                    .as("the long solve goes on").isEqualTo("SOLVING");
        } finally {
            api.send("POST", "/api/jobs/" + busy + "/terminate", STRATEGIST, null, null, null);
            api.awaitEnd(busy);
        }
    }

    /** A volunteer of organizer org-1 who signs up late for the small problem's Saturday afternoon. */
    static final String LATE_VOLUNTEER = "{\"id\":\"V07\",\"name\":\"Gus\",\"home\":{\"type\":\"Point\","
            + "\"coordinates\":[-71.405,41.82]},\"skills\":[\"CANVASS\"],\"languages\":[\"en\",\"es\"],"
            + "\"travelMode\":\"CAR\",\"maxTravelMinutes\":30,\"availability\":[{\"start\":\"2026-10-31T13:00\","
            + "\"end\":\"2026-10-31T16:00\"}],\"maxShifts\":1,\"maxShiftsPerDay\":1,\"organizerId\":\"org-1\","
            + "\"attendanceProbability\":0.9}";

    @Test
    void aLateVolunteerJoinsAndOnlyIdleShiftsInTheirSlotsMayMove() {
        ApiClient api = new ApiClient(port);
        String jobId = api.solveSmallProblem();

        HttpResponse<String> response = api.postJson("/api/jobs/" + jobId + "/volunteers", ORGANIZER_1, LATE_VOLUNTEER);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json(response);
        assertThat(result.get("mode").asText()).isEqualTo("REPAIRED");
        assertThat(result.get("effects").get(0).asText()).contains("added volunteer V07").contains("2026-10-31-pm");
        assertThat(result.get("changes")).allSatisfy(change -> {
            assertThat(change.get("slotId").asText()).isEqualTo("2026-10-31-pm");
            if (!change.get("volunteerId").asText().equals("V07")) {
                assertThat(change.get("fromPrecinctId").isNull()).as("only idle shifts reopen").isTrue();
            }
        });
        // V07 is now part of the plan: a second add is a conflict, and their shift can be cancelled.
        assertThat(api.postJson("/api/jobs/" + jobId + "/volunteers", ORGANIZER_1, LATE_VOLUNTEER).statusCode())
                .isEqualTo(409);
        HttpResponse<String> cancellation = api.postJson("/api/jobs/" + jobId + "/cancellations", ORGANIZER_1,
                "{\"volunteerId\":\"V07\",\"slotId\":\"2026-10-31-pm\"}");
        assertThat(cancellation.statusCode()).as(cancellation.body()).isEqualTo(200);
    }

    @Test
    void lateAvailabilityAddsAShiftInTheNewSlot() {
        ApiClient api = new ApiClient(port);
        String jobId = api.solveSmallProblem();
        double votesBefore = json(api.get("/api/jobs/" + jobId + "/plan", STRATEGIST))
                .at("/summary/expectedNetVotes").asDouble();

        HttpResponse<String> response = api.postJson("/api/jobs/" + jobId + "/volunteers/V04/availability",
                STRATEGIST, "{\"availability\":[{\"start\":\"2026-10-31T09:00\",\"end\":\"2026-10-31T16:00\"}]}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json(response);
        assertThat(result.get("mode").asText()).isEqualTo("REPAIRED");
        assertThat(result.get("effects").get(0).asText()).as("the morning has started").contains("V04")
                .contains("2026-10-31-pm").doesNotContain("2026-10-31-am");
        assertThat(result.get("expectedNetVotesBefore").asDouble()).isEqualTo(votesBefore);
        assertThat(result.get("changes")).allSatisfy(change -> assertThat(change.get("slotId").asText())
                .startsWith("2026-10-31"));
        HttpResponse<String> cancellation = api.postJson("/api/jobs/" + jobId + "/cancellations", STRATEGIST,
                "{\"volunteerId\":\"V04\",\"slotId\":\"2026-10-31-pm\"}");
        assertThat(cancellation.statusCode()).as("the new shift exists").isEqualTo(200);
    }

    /** The first unpinned assignment after Saturday morning: one that has not started, whichever test clock runs. */
    static JsonNode firstUnpinned(JsonNode plan) {
        for (JsonNode assignment : plan.get("assignments")) {
            if (!assignment.get("pinned").asBoolean() && !assignment.get("slotId").asText().equals(MORNING)) {
                return assignment;
            }
        }
        throw new AssertionError("no unpinned assignment in " + plan);
    }

    /**
     * The {@code index}-th assignment on Saturday morning, pinned or not: a shift that has started at 10:00, which a
     * field report may concern (repairs pin started shifts).
     */
    static JsonNode morningShift(JsonNode plan, int index) {
        List<JsonNode> morning = new ArrayList<>();
        plan.get("assignments").forEach(a -> {
            if (a.get("slotId").asText().equals(MORNING)) {
                morning.add(a);
            }
        });
        assertThat(morning).as("Saturday morning's assignments in " + plan).hasSizeGreaterThan(index);
        return morning.get(index);
    }

    /** Remaining doors as the explanation states them ("… 281 doors left)"). */
    static double doorsLeft(ApiClient api, String jobId, String precinct) {
        String reason = json(api.get("/api/jobs/" + jobId + "/explain?precinct=" + precinct, STRATEGIST))
                .at("/precincts/0/reasons/0").asText();
        String number = reason.replaceAll(".*, (\\d+) doors left\\)$", "$1");
        return Double.parseDouble(number);
    }
}
