package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.ORGANIZER_1;
import static org.fieldplan.api.ApiClient.ORGANIZER_2;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A region's live plan over real HTTP (in-memory store): only a published plan reaches organizers and volunteers,
 * a re-publish keeps what the field said, organizers' actions are checked against the hard rules and can be undone,
 * and any version can be restored. Each test publishes under a region of its own.
 */
// "Now" is in the first slot: its shifts have started (a report may come in) and can no longer be changed.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "fieldplan.now=" + LivePlanTest.NOW)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LivePlanTest {

    @LocalServerPort
    int port;

    private ApiClient api;
    private String jobA;
    private String jobB;

    @BeforeAll
    void solveTwoPlans() {
        api = new ApiClient(port);
        jobA = api.solveSmallProblem();
        jobB = api.solveSmallProblem();
    }

    static ObjectNode smallProblem() {
        try {
            return (ObjectNode) ApiClient.JSON.readTree(ApiClient.smallProblem());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String newRegion() {
        return "live-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static JsonNode publish(ApiClient api, String region, String jobId) {
        HttpResponse<String> published = api.postJson("/api/regions/" + region + "/live", STRATEGIST,
                "{\"jobId\":\"" + jobId + "\"}");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        return json(published);
    }

    /** The live sheet's shifts as volunteer@slot → precinct, as the key sees them. */
    static Map<String, String> sheet(ApiClient api, String region, String key) {
        HttpResponse<String> response = api.get("/api/regions/" + region + "/live/assignments", key);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, String> sheet = new HashMap<>();
        json(response).get("assignments").forEach(a -> sheet.put(a.get("volunteerId").asText() + "@"
                + a.get("slotId").asText(), a.get("precinct").get("id").asText()));
        return sheet;
    }

    static String token(ApiClient api, String region, String volunteerId) {
        HttpResponse<String> issued = api.postJson("/api/regions/" + region + "/live/volunteer-links", ORGANIZER_1,
                "{\"volunteerId\":\"" + volunteerId + "\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        assertThat(json(issued).get("url").asText()).contains("/volunteer.html#region=" + region + "&token=");
        return json(issued).get("token").asText();
    }

    JsonNode post(String region, String action, String key, String body, int status) {
        HttpResponse<String> response = api.postJson("/api/regions/" + region + "/live/" + action, key, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json(response);
    }

    /** Org-1's shifts of the live plan, volunteer@slot → precinct. */
    static final String NOW = "2026-10-31T10:00";
    private static final String STARTED_SLOT = "2026-10-31-am";

    /** Org-1's shifts (volunteer, slot, precinct): those still to come first, then the started ones. */
    List<String[]> org1Shifts(String region) {
        List<String[]> shifts = new ArrayList<>();
        sheet(api, region, ORGANIZER_1).forEach((shift, precinct) -> shifts.add(new String[] {
            shift.substring(0, shift.indexOf('@')), shift.substring(shift.indexOf('@') + 1), precinct}));
        shifts.sort(Comparator.comparing((String[] shift) -> shift[1].equals(STARTED_SLOT))
                .thenComparing(shift -> shift[0] + shift[1]));
        assertThat(shifts).as("org-1 has shifts in the small plan").isNotEmpty();
        return shifts;
    }

    @Test
    void aWhatIfJobReachesNoOrganizerOrVolunteerUntilPublished() {
        String region = newRegion();
        assertThat(api.get("/api/regions/" + region + "/live/assignments", ORGANIZER_1).statusCode())
                .as("nothing published yet").isEqualTo(404);
        String liveJob = publish(api, region, jobA).get("jobId").asText();
        Map<String, String> organizerSees = sheet(api, region, ORGANIZER_1);
        String volunteer = org1Shifts(region).get(0)[0];
        String token = token(api, region, volunteer);
        String mine = api.asVolunteer("GET", "/api/regions/" + region + "/live/me", token, null).body();
        HttpResponse<String> messages = api.get("/api/regions/" + region + "/live/messages", ORGANIZER_1);
        assertThat(messages.statusCode()).as("the outbox of the live plan, by region").isEqualTo(200);

        // A what-if solve with other weights runs and ends: nobody in the field sees it.
        ObjectNode problem = smallProblem();
        problem.withObject("/weights").put("travelTime", "500soft");
        String whatIf = api.solve(problem.toString());
        assertThat(sheet(api, region, ORGANIZER_1)).isEqualTo(organizerSees);
        HttpResponse<String> mineAfter = api.asVolunteer("GET", "/api/regions/" + region + "/live/me", token, null);
        assertThat(mineAfter.statusCode()).isEqualTo(200);
        assertThat(mineAfter.body()).isEqualTo(mine);
        assertThat(json(api.get("/api/regions/" + region + "/live", ORGANIZER_1)).get("jobId").asText())
                .isEqualTo(liveJob);
        JsonNode context = json(api.get("/api/map/context", ORGANIZER_1));
        List<String> opened = new ArrayList<>();
        context.get("jobs").forEach(j -> opened.add(j.get("id").asText()));
        assertThat(opened).as("the map page offers organizers live plans only").contains(liveJob)
                .doesNotContain(whatIf, jobA, jobB);

        // Published, it is what they see; the volunteer's link made on the old live plan opens the new one.
        String newLive = publish(api, region, whatIf).get("jobId").asText();
        assertThat(newLive).isNotEqualTo(liveJob);
        JsonNode me = json(api.asVolunteer("GET", "/api/regions/" + region + "/live/me", token, null));
        assertThat(me.get("jobId").asText()).isEqualTo(newLive);
        assertThat(api.asVolunteer("GET", "/api/jobs/" + whatIf + "/me", token, null).statusCode())
                .as("the what-if job itself is still no plan of theirs").isEqualTo(401);
    }

    @Test
    void aRepublishKeepsReportsConfirmationsLocksNotesAndLinks() {
        String region = newRegion();
        publish(api, region, jobA);
        List<String[]> shifts = org1Shifts(region);
        String[] reported = shifts.stream().filter(shift -> shift[1].equals(STARTED_SLOT)).findFirst().orElseThrow();
        post(region, "field-reports", ORGANIZER_1, "{\"volunteerId\":\"" + reported[0] + "\",\"slotId\":\""
                + reported[1] + "\",\"doorsKnocked\":40,\"contacts\":9}", 200);
        Map<String, String> afterReport = sheet(api, region, ORGANIZER_1);
        String[] confirmed = shifts.stream().filter(s -> !s[0].equals(reported[0])
                && afterReport.containsKey(s[0] + "@" + s[1])).findFirst().orElse(shifts.get(shifts.size() - 1));
        String token = token(api, region, confirmed[0]);
        HttpResponse<String> confirm = api.asVolunteer("POST", "/api/regions/" + region + "/live/me/shifts/"
                + confirmed[1] + "/confirm", token, null);
        assertThat(confirm.statusCode()).as(confirm.body()).isEqualTo(200);
        String lockedKey = afterReport.keySet().stream().filter(k -> !k.startsWith(reported[0] + "@"))
                .filter(k -> !k.endsWith("@" + STARTED_SLOT)).findFirst().orElseThrow();
        String lockedVolunteer = lockedKey.substring(0, lockedKey.indexOf('@'));
        String lockedSlot = lockedKey.substring(lockedKey.indexOf('@') + 1);
        post(region, "lock", ORGANIZER_1, "{\"volunteerId\":\"" + lockedVolunteer + "\",\"slotId\":\"" + lockedSlot
                + "\"}", 200);
        post(region, "notes", ORGANIZER_1, "{\"volunteerId\":\"" + lockedVolunteer + "\",\"slotId\":\""
                + lockedSlot + "\",\"text\":\"key under the mat\"}", 200);

        JsonNode republished = publish(api, region, jobB);
        assertThat(republished.get("number").asInt()).isGreaterThan(1);
        Map<String, String> now = sheet(api, region, ORGANIZER_1);
        assertThat(now).as("reported and locked shifts keep their precinct")
                .containsEntry(reported[0] + "@" + reported[1], reported[2])
                .containsEntry(lockedKey, afterReport.get(lockedKey));
        Map<String, JsonNode> rows = new HashMap<>();
        for (String date : List.of("2026-10-31", "2026-11-01")) {
            json(api.get("/api/regions/" + region + "/live/board?date=" + date, ORGANIZER_1)).get("shifts")
                    .forEach(r -> rows.put(r.get("volunteerId").asText() + "@" + r.get("slotId").asText(), r));
        }
        assertThat(rows.get(reported[0] + "@" + reported[1]).get("status").asText()).isEqualTo("REPORTED");
        assertThat(rows.get(lockedKey).get("locked").asBoolean()).isTrue();
        assertThat(rows.get(lockedKey).get("note").asText()).isEqualTo("key under the mat");
        if (now.containsKey(confirmed[0] + "@" + confirmed[1])) {
            assertThat(json(api.get("/api/regions/" + region + "/live/assignments", ORGANIZER_1)).get("assignments"))
                    .anySatisfy(a -> {
                        assertThat(a.get("volunteerId").asText() + "@" + a.get("slotId").asText())
                                .isEqualTo(confirmed[0] + "@" + confirmed[1]);
                        assertThat(a.get("confirmation").asText()).isEqualTo("CONFIRMED");
                    });
        }
        JsonNode lockedMine = json(api.asVolunteer("GET", "/api/regions/" + region + "/live/me",
                token(api, region, lockedVolunteer), null));
        assertThat(lockedMine.get("shifts")).as("the team sees the note").anySatisfy(shift -> {
            assertThat(shift.get("slotId").asText()).isEqualTo(lockedSlot);
            assertThat(shift.get("notes")).extracting(JsonNode::asText).containsExactly("key under the mat");
        });
        HttpResponse<String> stillWorks = api.asVolunteer("GET", "/api/regions/" + region + "/live/me", token, null);
        assertThat(stillWorks.statusCode()).as("the link made before the re-publish").isEqualTo(200);
        assertThat(json(stillWorks).get("jobId").asText()).isEqualTo(republished.get("jobId").asText());
    }

    @Test
    void organizerActionsAreCheckedVersionedAndUndone() {
        String region = newRegion();
        publish(api, region, jobA);
        Map<String, String> published = sheet(api, region, ORGANIZER_1);
        String[] shift = org1Shifts(region).get(0);
        String other = List.of("P0001", "P0003").contains(shift[2]) ? (shift[2].equals("P0001") ? "P0003" : "P0001")
                : "P0001";
        String move = "{\"volunteerId\":\"" + shift[0] + "\",\"slotId\":\"" + shift[1] + "\",\"toPrecinctId\":\""
                + other + "\"";
        HttpResponse<String> refused = api.postJson("/api/regions/" + region + "/live/move", ORGANIZER_1,
                move + "}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(json(refused).get("detail").asText()).as("the rule in words").contains("breaks the rule")
                .containsAnyOf("Nobody canvasses alone", "Precinct-slot capacity", "Travel within",
                        "Team speaks", "which an organizer may not override");
        assertThat(sheet(api, region, ORGANIZER_1)).as("nothing changed").isEqualTo(published);

        if (!json(refused).get("detail").asText().contains("may not override")) {
            JsonNode moved = post(region, "move", ORGANIZER_1, move + ",\"accept\":true}", 200);
            assertThat(moved.get("acceptedBreaks")).isNotEmpty();
            assertThat(moved.at("/version/kind").asText()).isEqualTo("move");
            assertThat(moved.at("/version/diff/moved/0/toPrecinctId").asText()).isEqualTo(other);
            assertThat(sheet(api, region, ORGANIZER_1)).containsEntry(shift[0] + "@" + shift[1], other);
            post(region, "undo", ORGANIZER_1, null, 200);
            assertThat(sheet(api, region, ORGANIZER_1)).isEqualTo(published);
        }
        assertThat(api.postJson("/api/regions/" + region + "/live/undo", ORGANIZER_2, null).statusCode())
                .as("org-2 has done nothing to undo").isEqualTo(409);
        assertThat(api.postJson("/api/regions/" + region + "/live/unassign", ORGANIZER_2, "{\"volunteerId\":\""
                + shift[0] + "\",\"slotId\":\"" + shift[1] + "\"}").statusCode()).as("not org-2's volunteer")
                .isEqualTo(403);
        HttpResponse<String> bad = api.postJson("/api/regions/" + region + "/live/move", ORGANIZER_1,
                "{\"volunteerId\":\"" + shift[0] + "\",\"slotId\":\"nope\",\"toPrecinctId\":\"P0001\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("slotId");

        post(region, "lock", ORGANIZER_1, "{\"volunteerId\":\"" + shift[0] + "\",\"slotId\":\"" + shift[1] + "\"}",
                200);
        HttpResponse<String> lockedMove = api.postJson("/api/regions/" + region + "/live/unassign", ORGANIZER_1,
                "{\"volunteerId\":\"" + shift[0] + "\",\"slotId\":\"" + shift[1] + "\"}");
        assertThat(lockedMove.statusCode()).isEqualTo(409);
        assertThat(json(lockedMove).get("detail").asText()).contains("locked");
        post(region, "undo", ORGANIZER_1, null, 200);
        post(region, "unassign", ORGANIZER_1, "{\"volunteerId\":\"" + shift[0] + "\",\"slotId\":\"" + shift[1]
                + "\"}", 200);
        assertThat(sheet(api, region, ORGANIZER_1)).doesNotContainKey(shift[0] + "@" + shift[1]);

        // Restoring version 1 gives its sheet back, as a new version.
        JsonNode restored = post(region, "versions/1/restore", STRATEGIST, null, 200);
        assertThat(restored.get("kind").asText()).isEqualTo("restore");
        assertThat(sheet(api, region, ORGANIZER_1)).isEqualTo(published);
        JsonNode versions = json(api.get("/api/regions/" + region + "/live/versions", ORGANIZER_1));
        List<String> kinds = new ArrayList<>();
        versions.forEach(v -> kinds.add(v.get("kind").asText()));
        assertThat(kinds).startsWith("publish").contains("lock", "undo", "unassign").endsWith("restore");
        assertThat(versions.get(versions.size() - 1).get("number").asInt()).isEqualTo(versions.size());
    }

    @Test
    void aLockedShiftKeepsItsPrecinctThroughRepublishAndRepairs() {
        String region = newRegion();
        publish(api, region, jobA);
        String[] shift = org1Shifts(region).get(0);
        String other = shift[2].equals("P0001") ? "P0003" : "P0001";
        post(region, "move", ORGANIZER_1, "{\"volunteerId\":\"" + shift[0] + "\",\"slotId\":\"" + shift[1]
                + "\",\"toPrecinctId\":\"" + other + "\",\"accept\":true}", 200);
        post(region, "lock", ORGANIZER_1, "{\"volunteerId\":\"" + shift[0] + "\",\"slotId\":\"" + shift[1] + "\"}",
                200);
        String key = shift[0] + "@" + shift[1];

        publish(api, region, jobA);
        assertThat(sheet(api, region, ORGANIZER_1)).as("the job sends %s to %s; the lock keeps it", key, shift[2])
                .containsEntry(key, other);
        // A cancellation in the same slot repairs it: the locked shift stays.
        sheet(api, region, ORGANIZER_1).keySet().stream().filter(k -> k.endsWith("@" + shift[1]) && !k.equals(key))
                .findFirst().ifPresent(cancelled -> post(region, "cancellations", ORGANIZER_1, "{\"volunteerId\":\""
                        + cancelled.substring(0, cancelled.indexOf('@')) + "\",\"slotId\":\"" + shift[1] + "\"}",
                        200));
        assertThat(sheet(api, region, ORGANIZER_1)).containsEntry(key, other);
        JsonNode versions = json(api.get("/api/regions/" + region + "/live/versions", ORGANIZER_1));
        assertThat(versions.get(versions.size() - 1).get("kind").asText()).isIn("field-news", "publish");
    }

    @Test
    void aRestoreThatBreaksAHardRuleIsRefusedUnlessAccepted() {
        String region = newRegion();
        publish(api, region, jobA);
        Map<String, String> published = sheet(api, region, ORGANIZER_1);
        String[] shift = org1Shifts(region).get(0);
        String other = shift[2].equals("P0001") ? "P0003" : "P0001";
        JsonNode moved = post(region, "move", ORGANIZER_1, "{\"volunteerId\":\"" + shift[0] + "\",\"slotId\":\""
                + shift[1] + "\",\"toPrecinctId\":\"" + other + "\",\"accept\":true}", 200);
        String rule = moved.get("acceptedBreaks").get(0).asText();
        int brokenVersion = moved.at("/version/number").asInt();
        post(region, "undo", ORGANIZER_1, null, 200);

        // Version 2 broke a rule the plan keeps now: going back to it is a break like the move was.
        HttpResponse<String> refused = api.postJson("/api/regions/" + region + "/live/versions/" + brokenVersion
                + "/restore", STRATEGIST, null);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(json(refused).get("detail").asText()).contains("breaks the rule").contains(rule);
        assertThat(sheet(api, region, ORGANIZER_1)).as("nothing changed").isEqualTo(published);

        JsonNode restored = post(region, "versions/" + brokenVersion + "/restore", STRATEGIST, "{\"accept\":true}",
                200);
        assertThat(restored.get("reason").asText()).contains("accepted: " + rule);
        assertThat(sheet(api, region, ORGANIZER_1)).containsEntry(shift[0] + "@" + shift[1], other);
    }
}
