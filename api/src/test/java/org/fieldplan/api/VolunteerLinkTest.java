package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.ORGANIZER_1;
import static org.fieldplan.api.ApiClient.ORGANIZER_2;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.net.http.HttpResponse;
import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Volunteers' personal links over real HTTP: a token reads only its own volunteer of its own plan; expired, revoked,
 * tampered and other-plan tokens get 401; organizers make links for their own volunteers only; the organizer's
 * sheet carries each volunteer's link and each shift's confirmation. "Now" is 10:00 on the first day, so the morning
 * shifts have started and the afternoon's have not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "fieldplan.now=2026-10-31T10:00")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VolunteerLinkTest {

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

    /** An org-1 volunteer with an afternoon shift (not started) in the job: {volunteerId, slotId}. */
    JsonNode afternoonShiftOfOrg1(String jobId) {
        return afternoonShiftOfOrg1(api, jobId);
    }

    /** {@link #afternoonShiftOfOrg1(String)} as read from {@code api}'s org-1 sheet. */
    static JsonNode afternoonShiftOfOrg1(ApiClient api, String jobId) {
        for (JsonNode a : json(api.get("/api/jobs/" + jobId + "/assignments", ORGANIZER_1)).get("assignments")) {
            if (a.get("slotId").asText().endsWith("-pm")) {
                return a;
            }
        }
        throw new AssertionError("org-1 has no afternoon shift in " + jobId);
    }

    JsonNode link(String jobId, String key, String body, int status) {
        HttpResponse<String> response = api.postJson("/api/jobs/" + jobId + "/volunteer-links", key, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json(response);
    }

    @Test
    void aTokenReadsOnlyItsOwnVolunteerOfItsOwnPlan() {
        JsonNode shift = afternoonShiftOfOrg1(jobA);
        String volunteer = shift.get("volunteerId").asText();
        JsonNode issued = link(jobA, ORGANIZER_1, "{\"volunteerId\":\"" + volunteer + "\"}", 201);
        String token = issued.get("token").asText();
        assertThat(issued.get("url").asText()).startsWith("http://localhost:" + port + "/volunteer.html#job=" + jobA)
                .endsWith("&token=" + token);

        HttpResponse<String> mine = api.asVolunteer("GET", "/api/jobs/" + jobA + "/me", token, null);
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        JsonNode me = json(mine);
        assertThat(me.get("volunteerId").asText()).isEqualTo(volunteer);
        assertThat(me.get("shifts")).anySatisfy(s -> assertThat(s.get("slotId").asText())
                .isEqualTo(shift.get("slotId").asText()));
        JsonNode plan = json(api.get("/api/jobs/" + jobA + "/plan", STRATEGIST));
        for (JsonNode a : plan.get("assignments")) {
            if (!a.get("volunteerId").asText().equals(volunteer)) {
                assertThat(mine.body()).as("nothing about other volunteers but first names")
                        .doesNotContain("\"" + a.get("volunteerId").asText() + "\"");
            }
        }
        assertThat(mine.body()).doesNotContain("home").doesNotContain("organizerId");
        String mineCalendar = "/api/jobs/" + jobA + "/volunteers/" + volunteer + "/calendar.ics";
        assertThat(api.asVolunteer("GET", mineCalendar, token, null).statusCode()).isEqualTo(200);
        assertThat(api.asVolunteer("GET", "/api/jobs/" + jobA + "/volunteers/V04/calendar.ics", token, null)
                .statusCode()).as("another volunteer's calendar").isEqualTo(403);
        assertThat(api.asVolunteer("GET", "/api/jobs/" + jobA + "/assignments", token, null).statusCode())
                .as("the organizer's sheet").isEqualTo(403);
        assertThat(api.asVolunteer("GET", "/api/jobs/" + jobA + "/plan", token, null).statusCode()).isEqualTo(403);
        assertThat(api.asVolunteer("GET", "/api/jobs/" + jobB + "/me", token, null).statusCode())
                .as("another plan").isEqualTo(401);
        assertThat(api.asVolunteer("GET", "/api/jobs/" + jobB + "/volunteers/" + volunteer + "/calendar.ics", token,
                null).statusCode()).as("the same volunteer in another plan").isEqualTo(401);
        assertThat(api.get("/api/jobs/" + jobA + "/me", STRATEGIST).statusCode())
                .as("the page's endpoints are for volunteers").isEqualTo(403);
    }

    @Test
    void tamperedRevokedAndExpiredTokensGet401() {
        String volunteer = afternoonShiftOfOrg1(jobA).get("volunteerId").asText();
        String token = link(jobA, ORGANIZER_1, "{\"volunteerId\":\"" + volunteer + "\"}", 201).get("token").asText();
        String me = "/api/jobs/" + jobA + "/me";
        assertThat(api.asVolunteer("GET", me, token, null).statusCode()).isEqualTo(200);
        int dot = token.indexOf('.');
        char last = token.charAt(token.length() - 1);
        for (String tampered : new String[] {token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A'),
                (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1), token.substring(0, dot),
                token.substring(0, dot) + ".", token + "x", "", "not-a-token"}) {
            HttpResponse<String> response = api.asVolunteer("GET", me, tampered, null);
            assertThat(response.statusCode()).as("'%s'", tampered).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }

        String linkId = token.substring(0, dot);
        assertThat(api.postJson("/api/jobs/" + jobA + "/volunteer-links/" + linkId + "/revoke", ORGANIZER_2, null)
                .statusCode()).as("another organizer's volunteer").isEqualTo(403);
        assertThat(api.postJson("/api/jobs/" + jobA + "/volunteer-links/" + linkId + "/revoke", ORGANIZER_1, null)
                .statusCode()).isEqualTo(204);
        assertThat(api.asVolunteer("GET", me, token, null).statusCode()).isEqualTo(401);

        Instant soon = Instant.now().plusSeconds(2);
        String shortLived = link(jobA, ORGANIZER_1, "{\"volunteerId\":\"" + volunteer + "\",\"expiresAt\":\"" + soon
                + "\"}", 201).get("token").asText();
        assertThat(api.asVolunteer("GET", me, shortLived, null).statusCode()).isEqualTo(200);
        while (!Instant.now().isAfter(soon.plusMillis(200))) {
            ApiClient.sleep(100);
        }
        assertThat(api.asVolunteer("GET", me, shortLived, null).statusCode()).isEqualTo(401);
    }

    @Test
    void organizersMakeLinksForTheirOwnVolunteersOnly() {
        String volunteer = afternoonShiftOfOrg1(jobA).get("volunteerId").asText();
        link(jobA, ORGANIZER_2, "{\"volunteerId\":\"" + volunteer + "\"}", 403);
        JsonNode missing = link(jobA, ORGANIZER_1, "{}", 400);
        assertThat(missing.at("/errors/0/path").asText()).isEqualTo("volunteerId");
        JsonNode past = link(jobA, ORGANIZER_1, "{\"volunteerId\":\"" + volunteer
                + "\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}", 400);
        assertThat(past.at("/errors/0/path").asText()).isEqualTo("expiresAt");
        String volunteerToken = link(jobA, ORGANIZER_1, "{\"volunteerId\":\"" + volunteer + "\"}", 201).get("token")
                .asText();
        assertThat(api.asVolunteer("POST", "/api/jobs/" + jobA + "/volunteer-links", volunteerToken,
                "{\"volunteerId\":\"" + volunteer + "\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void theSheetCarriesLinksThatWorkAndConfirmations() {
        JsonNode shift = afternoonShiftOfOrg1(jobB);
        String volunteer = shift.get("volunteerId").asText();
        String slot = shift.get("slotId").asText();
        assertThat(shift.get("confirmation").asText()).isIn("PENDING", "CONFIRMED");
        String url = shift.get("volunteerLink").asText();
        String token = url.substring(url.indexOf("&token=") + 7);
        assertThat(url).contains("#job=" + jobB);

        HttpResponse<String> confirmed = api.asVolunteer("POST", "/api/jobs/" + jobB + "/me/shifts/" + slot
                + "/confirm", token, null);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        JsonNode again = afternoonShiftOfOrg1(jobB);
        assertThat(again.get("confirmation").asText()).isEqualTo("CONFIRMED");
        assertThat(again.get("volunteerLink").asText()).as("the same working link").isEqualTo(url);

        String csv = api.get("/api/jobs/" + jobB + "/assignments.csv", ORGANIZER_1).body();
        assertThat(csv.lines().findFirst().orElseThrow())
                .contains(",confirmation,volunteer_link,meeting_point,meeting_lon,meeting_lat,");
        assertThat(csv).contains(volunteer).contains(",CONFIRMED," + url);

        String linkId = token.substring(0, token.indexOf('.'));
        assertThat(api.postJson("/api/jobs/" + jobB + "/volunteer-links/" + linkId + "/revoke", ORGANIZER_1, null)
                .statusCode()).isEqualTo(204);
        String replaced = afternoonShiftOfOrg1(jobB).get("volunteerLink").asText();
        assertThat(replaced).as("the sheet, served from the cache, no longer shows the revoked link").isNotEqualTo(url);
        assertThat(api.get("/api/jobs/" + jobB + "/assignments.csv", ORGANIZER_1).body()).doesNotContain(url)
                .contains(replaced);
    }

    @Test
    void unconfirmedShiftsAreListedForPhoningUntilConfirmed() {
        String sunday = "/api/jobs/" + jobA + "/unconfirmed?date=2026-11-01";
        JsonNode before = json(api.get(sunday, ORGANIZER_1));
        assertThat(before.get("deadline").asText()).isEqualTo("2026-10-31T18:00:00");
        assertThat(before.get("pastDeadline").asBoolean()).as("now is 10:00 the day before").isFalse();
        JsonNode pending = before.get("unconfirmed");
        assertThat(pending).isNotEmpty().allSatisfy(a -> {
            assertThat(a.get("slotId").asText()).startsWith("2026-11-01");
            assertThat(a.get("organizerId").asText()).isEqualTo("org-1");
            assertThat(a.get("confirmation").asText()).isEqualTo("PENDING");
            assertThat(a.get("volunteerLink").asText()).contains("/volunteer.html#job=" + jobA);
        });
        JsonNode first = pending.get(0);
        String url = first.get("volunteerLink").asText();
        HttpResponse<String> confirmed = api.asVolunteer("POST", "/api/jobs/" + jobA + "/me/shifts/"
                + first.get("slotId").asText() + "/confirm", url.substring(url.indexOf("&token=") + 7), null);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        JsonNode after = json(api.get(sunday, ORGANIZER_1)).get("unconfirmed");
        assertThat(after).hasSize(pending.size() - 1).noneSatisfy(a -> {
            assertThat(a.get("volunteerId").asText()).isEqualTo(first.get("volunteerId").asText());
            assertThat(a.get("slotId").asText()).isEqualTo(first.get("slotId").asText());
        });
        assertThat(json(api.get("/api/jobs/" + jobA + "/unconfirmed?date=2026-10-31", ORGANIZER_1))
                .get("pastDeadline").asBoolean()).isTrue();
        assertThat(api.get("/api/jobs/" + jobA + "/unconfirmed", ORGANIZER_1).statusCode()).isEqualTo(400);
        assertThat(api.get(sunday + "&organizer=org-1", ORGANIZER_2).statusCode()).isEqualTo(403);
    }

    /**
     * The sheet of every organizer leaves links out unless asked, and every cached sheet, with links or without,
     * shows the next read after a confirmation, a revocation or a link's expiry (each read right after the change,
     * with the sheet rendered and cached before it).
     */
    @Test
    void cachedSheetsShowEveryPeopleChangeAndTheWholeDayHasLinksOnRequest() {
        String jobC = api.solveSmallProblem();
        String day = "/api/jobs/" + jobC + "/assignments?date=2026-10-31";
        JsonNode everyone = json(api.get(day, STRATEGIST)).get("assignments");
        assertThat(everyone).isNotEmpty().allSatisfy(a -> {
            assertThat(a.get("volunteerLink").isNull()).as("no links on every organizer's sheet").isTrue();
            assertThat(a.get("confirmation").asText()).isEqualTo("PENDING");
        });
        assertThat(json(api.get(day + "&links=true", STRATEGIST)).get("assignments"))
                .allSatisfy(a -> assertThat(a.get("volunteerLink").asText()).contains("#job=" + jobC));
        assertThat(json(api.get(day + "&organizer=org-1", STRATEGIST)).get("assignments")).as("one organizer's")
                .isNotEmpty().allSatisfy(a -> assertThat(a.get("volunteerLink").asText()).contains("#job=" + jobC));
        assertThat(json(api.get(day + "&links=false", ORGANIZER_1)).get("assignments"))
                .allSatisfy(a -> assertThat(a.get("volunteerLink").isNull()).isTrue());
        String everyonesCsv = api.get("/api/jobs/" + jobC + "/assignments.csv?date=2026-10-31", STRATEGIST).body();

        JsonNode shift = afternoonShiftOfOrg1(jobC);
        String shiftKey = shift.get("volunteerId").asText() + "@" + shift.get("slotId").asText();
        String url = shift.get("volunteerLink").asText();
        String token = url.substring(url.indexOf("&token=") + 7);
        assertThat(api.asVolunteer("POST", "/api/jobs/" + jobC + "/me/shifts/" + shift.get("slotId").asText()
                + "/confirm", token, null).statusCode()).isEqualTo(200);
        assertThat(confirmationOf(json(api.get(day, STRATEGIST)), shiftKey)).isEqualTo("CONFIRMED");
        assertThat(confirmationOf(json(api.get(day + "&links=true", STRATEGIST)), shiftKey)).isEqualTo("CONFIRMED");
        String csv = api.get("/api/jobs/" + jobC + "/assignments.csv?date=2026-10-31", STRATEGIST).body();
        assertThat(csv).isNotEqualTo(everyonesCsv).contains(shift.get("volunteerId").asText() + ",")
                .contains(",CONFIRMED,").doesNotContain(url);

        assertThat(api.postJson("/api/jobs/" + jobC + "/volunteer-links/" + token.substring(0, token.indexOf('.'))
                + "/revoke", ORGANIZER_1, null).statusCode()).isEqualTo(204);
        assertThat(api.get(day + "&links=true", STRATEGIST).body()).as("the revoked link").doesNotContain(url);
        assertThat(api.get(day, ORGANIZER_1).body()).doesNotContain(url);

        // A link that expires while its sheet is cached: nothing else changes, yet the next read has another link.
        Instant soon = Instant.now().plusSeconds(2);
        String shortLived = link(jobC, ORGANIZER_1, "{\"volunteerId\":\"" + shift.get("volunteerId").asText()
                + "\",\"expiresAt\":\"" + soon + "\"}", 201).get("url").asText();
        assertThat(api.get(day, ORGANIZER_1).body()).as("the newest working link").contains(shortLived);
        while (!Instant.now().isAfter(soon.plusMillis(200))) {
            ApiClient.sleep(100);
        }
        assertThat(api.get(day, ORGANIZER_1).body()).as("the expired link").doesNotContain(shortLived);
    }

    /** The confirmation status of the sheet's row for {@code volunteerId@slotId}. */
    static String confirmationOf(JsonNode sheet, String shiftKey) {
        for (JsonNode a : sheet.get("assignments")) {
            if ((a.get("volunteerId").asText() + "@" + a.get("slotId").asText()).equals(shiftKey)) {
                return a.get("confirmation").asText();
            }
        }
        throw new AssertionError("no shift " + shiftKey + " on the sheet");
    }
}
