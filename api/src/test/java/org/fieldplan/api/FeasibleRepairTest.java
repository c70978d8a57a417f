package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.ORGANIZER_1;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Repairs that stay feasible, over real HTTP: a field report that lowers a precinct's capacity reopens every later slot
 * of that precinct; a cancellation beside a shift that cannot move never breaks another volunteer's limits to keep it
 * company, and says which rule stays broken instead of answering {@code REPAIRED}; a report comes only once the shift
 * has started, on the organizer's path as on the volunteer's. "Now" is 10:00 on the first day: the morning has
 * started, the afternoon and the next day have not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "fieldplan.now=2026-10-31T10:00")
@ActiveProfiles("test")
class FeasibleRepairTest {

    private static final String SLOTS = """
            [{"id": "2026-10-31-am", "start": "2026-10-31T09:00", "end": "2026-10-31T12:00"},
             {"id": "2026-10-31-pm", "start": "2026-10-31T13:00", "end": "2026-10-31T16:00"},
             {"id": "2026-11-01-am", "start": "2026-11-01T09:00", "end": "2026-11-01T12:00"},
             {"id": "2026-11-01-pm", "start": "2026-11-01T13:00", "end": "2026-11-01T16:00"}]""";

    @LocalServerPort
    int port;

    /**
     * A report lowered P1's capacity from 8 to 2, the repair reopened only P1's next team that day
     * and left the next day's teams of 8 over capacity, and still answered REPAIRED.
     */
    @Test
    void aReportThatLowersCapacityReopensEveryLaterSlotOfThePrecinct() {
        ApiClient api = new ApiClient(port);
        String jobId = api.solve(capacityProblem(2));
        Map<String, Integer> teamsBefore = teamSizes(api, jobId, "P1");
        assertThat(teamsBefore).as("the plan fills P1's later slots beyond the capacity the report will leave")
                .hasEntrySatisfying("2026-11-01-pm", size -> assertThat(size).isGreaterThan(2));

        // 1,000 target doors less 900 knocked leave 100: capacity max(2, floor(100 / (20 doors/h × 3 h))) = 2.
        HttpResponse<String> response = api.postJson("/api/jobs/" + jobId + "/field-reports", STRATEGIST,
                "{\"volunteerId\":\"X1\",\"slotId\":\"2026-10-31-am\",\"doorsKnocked\":900,\"contacts\":200}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json(response);
        assertThat(result.get("mode").asText()).as(response.body()).isEqualTo("REPAIRED");
        assertThat(result.get("scoreAfter").asText()).as(response.body()).startsWith("0hard");
        Map<String, Integer> teamsAfter = teamSizes(api, jobId, "P1");
        assertThat(teamsAfter).as("every P1 team fits its new capacity").allSatisfy(
                (slot, size) -> assertThat(size).as(slot).isLessThanOrEqualTo(2));
        assertThat(json(api.get("/api/jobs/" + jobId, STRATEGIST)).at("/best/score").asText()).startsWith("0hard");
    }

    /**
     * A cancellation beside a canvasser who cannot move (pinned, as a reported or started shift is)
     * sent an idle volunteer whose day was full to keep them company, breaking that volunteer's shifts-per-day limit,
     * and answered REPAIRED. The repair must leave that volunteer's day alone, and say the buddy rule stays broken.
     */
    @Test
    void aCancellationBesideAShiftThatCannotMoveBreaksNoOneElsesLimitAndSaysWhatStaysBroken() {
        ApiClient api = new ApiClient(port);
        String jobId = api.solve(pinnedTeamProblem());

        HttpResponse<String> response = api.postJson("/api/jobs/" + jobId + "/cancellations", STRATEGIST,
                "{\"volunteerId\":\"Y\",\"slotId\":\"2026-10-31-pm\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json(response);
        assertThat(result.get("changes")).as("Z's day was full: Z does not join X").noneSatisfy(
                change -> assertThat(change.get("volunteerId").asText()).isEqualTo("Z"));
        assertThat(result.get("mode").asText()).as(response.body()).isEqualTo("REPAIRED_WITH_BREAKS");
        assertThat(result.get("brokenRules")).as(response.body()).singleElement().satisfies(rule -> assertThat(
                rule.asText()).contains("Nobody canvasses alone").contains("P1").contains("2026-10-31-pm"));
        String explained = api.get("/api/jobs/" + jobId + "/explain?volunteer=Z", STRATEGIST).body();
        assertThat(explained).doesNotContain("Max shifts per day");
    }

    /**
     * A team that has started cannot be made smaller: when a report lowers the capacity below it, that team is no
     * break (its members cannot move, so they count as room), the repair answers REPAIRED at 0 hard, and the later
     * slots fit the lowered capacity.
     */
    @Test
    void aReportThatLowersCapacityBelowAStartedTeamKeepsThatTeamAndFillsLaterSlotsWithinIt() {
        ApiClient api = new ApiClient(port);
        String jobId = api.solve(capacityProblem(3));
        assertThat(teamSizes(api, jobId, "P1")).containsEntry("2026-10-31-am", 3);

        HttpResponse<String> response = api.postJson("/api/jobs/" + jobId + "/field-reports", STRATEGIST,
                "{\"volunteerId\":\"X1\",\"slotId\":\"2026-10-31-am\",\"doorsKnocked\":900,\"contacts\":200}");

        // The team went out before the report lowered the capacity: it is no break, but nobody may join it.
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json(response);
        assertThat(result.get("mode").asText()).as(response.body()).isEqualTo("REPAIRED");
        assertThat(result.get("scoreAfter").asText()).as(response.body()).startsWith("0hard");
        assertThat(teamSizes(api, jobId, "P1")).allSatisfy((slot, size) -> assertThat(size).as(slot)
                .isLessThanOrEqualTo(slot.equals("2026-10-31-am") ? 3 : 2));
    }

    /** A field report needs a shift that has started, whoever sends it. */
    @Test
    void aReportOnAShiftThatHasNotStartedIsRefusedOnBothPaths() {
        ApiClient api = new ApiClient(port);
        String jobId = api.solveSmallProblem();
        JsonNode afternoon = VolunteerLinkTest.afternoonShiftOfOrg1(api, jobId);
        String volunteer = afternoon.get("volunteerId").asText();
        String slot = afternoon.get("slotId").asText();
        String precinct = afternoon.get("precinct").get("id").asText();
        double doorsBefore = ReplanTest.doorsLeft(api, jobId, precinct);

        HttpResponse<String> organizer = api.postJson("/api/jobs/" + jobId + "/field-reports", ORGANIZER_1,
                "{\"volunteerId\":\"" + volunteer + "\",\"slotId\":\"" + slot + "\",\"doorsKnocked\":30,"
                        + "\"contacts\":8}");
        HttpResponse<String> link = api.postJson("/api/jobs/" + jobId + "/volunteer-links", ORGANIZER_1,
                "{\"volunteerId\":\"" + volunteer + "\"}");
        assertThat(link.statusCode()).as(link.body()).isEqualTo(201);
        String token = json(link).get("token").asText();
        HttpResponse<String> own = api.asVolunteer("POST", "/api/jobs/" + jobId + "/me/shifts/" + slot + "/report",
                token, "{\"doorsKnocked\":30,\"contacts\":8}");

        for (HttpResponse<String> refused : List.of(organizer, own)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json(refused).get("detail").asText()).contains(slot).contains("has not started");
        }
        assertThat(ReplanTest.doorsLeft(api, jobId, precinct)).as("nothing was recorded").isEqualTo(doorsBefore);
        assertThat(json(api.get("/api/jobs/" + jobId + "/plan", STRATEGIST)).get("assignments")).noneSatisfy(a -> {
            assertThat(a.get("volunteerId").asText()).isEqualTo(volunteer);
            assertThat(a.get("slotId").asText()).isEqualTo(slot);
            assertThat(a.get("pinned").asBoolean()).isTrue();
        });
    }

    /** The size of each team the plan sends to the precinct, by slot. */
    static Map<String, Integer> teamSizes(ApiClient api, String jobId, String precinctId) {
        Map<String, Integer> sizes = new HashMap<>();
        json(api.get("/api/jobs/" + jobId + "/plan", STRATEGIST)).get("assignments").forEach(a -> {
            if (a.get("precinctId").asText().equals(precinctId)) {
                sizes.merge(a.get("slotId").asText(), 1, Integer::sum);
            }
        });
        return sizes;
    }

    /**
     * P1 is worth far more than P2 and can take 12 canvassers a slot; X1 … X{@code started} worked it on Saturday
     * morning (pinned: the shift has started); ten more volunteers are free from Saturday afternoon on.
     */
    private static String capacityProblem(int started) {
        List<String> volunteers = new ArrayList<>();
        List<String> morning = new ArrayList<>();
        for (int i = 1; i <= started; i++) {
            volunteers.add(volunteer("X" + i, "2026-10-31T09:00", 4, 2));
            morning.add("{\"volunteerId\": \"X" + i + "\", \"slotId\": \"2026-10-31-am\", \"precinctId\": \"P1\", "
                    + "\"pinned\": true}");
        }
        for (int i = 1; i <= 10; i++) {
            volunteers.add(volunteer("W" + i, "2026-10-31T13:00", 3, 2));
        }
        return problem("P1 at capacity", 6000, 0.60, "\"targetDoors\": 1000, \"doorsPerHour\": 20.0", volunteers,
                String.join(",\n", morning));
    }

    /**
     * X and Y are pinned to P1 on Saturday afternoon; Z, who works one shift a day, is pinned to P2 with V on
     * Saturday morning and free in the afternoon too.
     */
    private static String pinnedTeamProblem() {
        List<String> volunteers = List.of(volunteer("X", "2026-10-31T09:00", 2, 2),
                volunteer("Y", "2026-10-31T09:00", 2, 2), volunteer("Z", "2026-10-31T09:00", 2, 1),
                volunteer("V", "2026-10-31T09:00", 2, 1));
        return problem("a pinned team", 3000, 0.60, "\"capacityPerSlot\": 6", volunteers, """
                {"volunteerId": "X", "slotId": "2026-10-31-pm", "precinctId": "P1", "pinned": true},
                {"volunteerId": "Y", "slotId": "2026-10-31-pm", "precinctId": "P1", "pinned": true},
                {"volunteerId": "Z", "slotId": "2026-10-31-am", "precinctId": "P2", "pinned": true},
                {"volunteerId": "V", "slotId": "2026-10-31-am", "precinctId": "P2", "pinned": true}""");
    }

    private static String volunteer(String id, String from, int maxShifts, int maxShiftsPerDay) {
        return """
                {"id": "%s", "name": "Volunteer %s", "home": {"type": "Point", "coordinates": [-71.41, 41.82]},
                 "skills": ["CANVASS"], "languages": ["en"], "travelMode": "CAR", "maxTravelMinutes": 30,
                 "availability": [{"start": "%s", "end": "2026-11-01T16:00"}], "maxShifts": %d,
                 "maxShiftsPerDay": %d, "organizerId": "org-1", "attendanceProbability": 0.9}"""
                .formatted(id, id, from, maxShifts, maxShiftsPerDay);
    }

    private static String problem(String name, int p1Voters, double p1Support, String p1Extra,
            List<String> volunteers, String assignments) {
        return """
                {"name": "%s", "timeZone": "America/New_York", "voteModel": {"contactRate": 0.25},
                 "weights": {"buddyRule": "1hard", "idleVolunteer": "1medium"},
                 "districts": [{"id": "D1", "expectedSupportShare": 0.5}],
                 "timeSlots": %s,
                 "precincts": [
                  {"id": "P1", "name": "Precinct 1", "geometry": {"type": "Polygon", "coordinates": [[[-71.405, 41.815],
                   [-71.395, 41.815], [-71.395, 41.823], [-71.405, 41.823], [-71.405, 41.815]]]},
                   "registeredVoters": %d, "expectedTurnout": 0.5, "supportShare": %s, "districtIds": ["D1"], %s},
                  {"id": "P2", "name": "Precinct 2", "geometry": {"type": "Polygon", "coordinates": [[[-71.425, 41.815],
                   [-71.415, 41.815], [-71.415, 41.823], [-71.425, 41.823], [-71.425, 41.815]]]},
                   "registeredVoters": 1500, "expectedTurnout": 0.5, "supportShare": 0.55, "districtIds": ["D1"],
                   "capacityPerSlot": 12}],
                 "volunteers": [%s],
                 "assignments": [%s]}"""
                .formatted(name, SLOTS, p1Voters, p1Support, p1Extra, String.join(",\n", volunteers), assignments);
    }
}
