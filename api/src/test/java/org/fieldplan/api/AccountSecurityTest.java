package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.ADMIN;
import static org.fieldplan.api.ApiClient.ORGANIZER_1;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Accounts over real HTTP through Spring Security: admins create, disable, enable and rotate keys; a key works for
 * its own organizer only, stops at once when disabled or rotated, is compared exactly; every change is audited with
 * who made it. {@link PostgisAccountSecurityTest} runs the same on PostGIS and reads the table.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AccountSecurityTest {

    @LocalServerPort
    int port;

    ApiClient api() {
        return new ApiClient(port);
    }

    /** Creates an account with the admin bootstrap key; returns the answer (account and its one-time key). */
    JsonNode create(String body) {
        HttpResponse<String> created = api().postJson("/api/accounts", ADMIN, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created);
    }

    @Test
    void anOrganizerAccountSeesItsOwnVolunteersOnlyAndStopsAtOnceWhenDisabled() {
        ApiClient api = api();
        String jobId = api.solveSmallProblem();
        JsonNode organizerA = create("{\"name\":\"Ana\",\"role\":\"ORGANIZER\",\"organizerId\":\"org-1\"}");
        JsonNode organizerB = create("{\"name\":\"Bo\",\"role\":\"ORGANIZER\",\"organizerId\":\"org-2\"}");
        String keyA = organizerA.get("key").asText();
        String keyB = organizerB.get("key").asText();
        assertThat(keyA).startsWith("fpk_").hasSizeGreaterThan(40).isNotEqualTo(keyB);

        HttpResponse<String> own = api.get("/api/jobs/" + jobId + "/assignments", keyA);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(json(own).get("assignments")).isNotEmpty()
                .allSatisfy(a -> assertThat(a.get("organizerId").asText()).isEqualTo("org-1"));
        assertThat(api.get("/api/jobs/" + jobId + "/assignments?organizer=org-2", keyA).statusCode())
                .isEqualTo(403);
        assertThat(api.get("/api/jobs/" + jobId + "/volunteers/V04/calendar.ics", keyA).statusCode())
                .as("V04 is org-2's").isEqualTo(403);
        assertThat(api.get("/api/jobs/" + jobId + "/volunteers/V04/calendar.ics", keyB).statusCode())
                .isEqualTo(200);
        assertThat(api.get("/api/jobs", keyA).statusCode()).as("organizers do not list jobs").isEqualTo(403);

        String id = organizerA.at("/account/id").asText();
        assertThat(api.postJson("/api/accounts/" + id + "/disable", ADMIN, null).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/jobs/" + jobId + "/assignments", keyA).statusCode()).isEqualTo(401);
        assertThat(api.postJson("/api/accounts/" + id + "/enable", ADMIN, null).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/jobs/" + jobId + "/assignments", keyA).statusCode()).isEqualTo(200);

        HttpResponse<String> rotated = api.postJson("/api/accounts/" + id + "/rotate", ADMIN, null);
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        String newKey = json(rotated).get("key").asText();
        assertThat(api.get("/api/jobs/" + jobId + "/assignments", keyA).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/jobs/" + jobId + "/assignments", newKey).statusCode()).isEqualTo(200);

        JsonNode listed = json(api.get("/api/accounts", ADMIN));
        assertThat(listed.toString()).doesNotContain(newKey).doesNotContain(keyA).doesNotContain("hash");
        assertThat(listed).anySatisfy(a -> {
            assertThat(a.get("id").asText()).isEqualTo(id);
            assertThat(a.get("createdBy").asText()).isEqualTo("bootstrap-admin");
            assertThat(a.get("keyRotatedAt").isNull()).isFalse();
        });
    }

    @Test
    void keysAreComparedExactly() {
        ApiClient api = api();
        assertThat(api.get("/api/jobs", STRATEGIST).statusCode()).isEqualTo(200);
        // Whitespace around a header value is not part of it (RFC 9110 5.5: Tomcat drops it before any code sees
        // it); everything the service does see is compared exactly, with no trimming or case folding of its own.
        for (String near : new String[] {STRATEGIST + "x", "x" + STRATEGIST, STRATEGIST.replace("-", " -"),
                STRATEGIST.toUpperCase(), STRATEGIST.substring(1), ""}) {
            HttpResponse<String> response = api.get("/api/jobs", near);
            assertThat(response.statusCode()).as("'%s'", near).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        JsonNode account = create("{\"name\":\"Sam\",\"role\":\"STRATEGIST\"}");
        String key = account.get("key").asText();
        assertThat(api.get("/api/jobs", key).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/jobs", key.substring(0, key.length() - 1)).statusCode()).isEqualTo(401);
    }

    @Test
    void onlyAdminsManageAccountsAndBadRequestsNameTheField() {
        ApiClient api = api();
        assertThat(api.postJson("/api/accounts", STRATEGIST, "{\"name\":\"X\",\"role\":\"ADMIN\"}").statusCode())
                .isEqualTo(403);
        assertThat(api.get("/api/accounts", ORGANIZER_1).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/accounts", null).statusCode()).isEqualTo(401);
        HttpResponse<String> noOrganizer = api.postJson("/api/accounts", ADMIN,
                "{\"name\":\"Ana\",\"role\":\"ORGANIZER\"}");
        assertThat(noOrganizer.statusCode()).isEqualTo(400);
        assertThat(json(noOrganizer).at("/errors/0/path").asText()).isEqualTo("organizerId");
        HttpResponse<String> volunteer = api.postJson("/api/accounts", ADMIN,
                "{\"name\":\"Vic\",\"role\":\"VOLUNTEER\"}");
        assertThat(json(volunteer).at("/errors/0/path").asText()).isEqualTo("role");
        assertThat(api.postJson("/api/accounts/acc-nobody/disable", ADMIN, null).statusCode()).isEqualTo(404);
    }

    @Test
    void everyChangeIsAuditedWithWhoMadeIt() {
        ApiClient api = api();
        String jobId = api.solveSmallProblem();
        JsonNode organizer = create("{\"name\":\"Ana\",\"role\":\"ORGANIZER\",\"organizerId\":\"org-1\"}");
        String accountId = organizer.at("/account/id").asText();
        JsonNode assignment = json(api.get("/api/jobs/" + jobId + "/assignments", organizer.get("key").asText()))
                .at("/assignments/0");
        HttpResponse<String> cancelled = api.postJson("/api/jobs/" + jobId + "/cancellations",
                organizer.get("key").asText(), "{\"volunteerId\":\"" + assignment.get("volunteerId").asText()
                        + "\",\"slotId\":\"" + assignment.get("slotId").asText() + "\"}");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);

        JsonNode audit = json(api.get("/api/audit?limit=50", ADMIN));
        assertThat(audit).anySatisfy(entry -> {
            assertThat(entry.get("actor").asText()).isEqualTo(accountId);
            assertThat(entry.get("role").asText()).isEqualTo("ORGANIZER");
            assertThat(entry.get("target").asText()).isEqualTo("/api/jobs/" + jobId + "/cancellations");
            assertThat(entry.get("status").asInt()).isEqualTo(200);
        });
        assertThat(audit).anySatisfy(entry -> {
            assertThat(entry.get("actor").asText()).isEqualTo("bootstrap-admin");
            assertThat(entry.get("target").asText()).isEqualTo("/api/accounts");
            assertThat(entry.get("status").asInt()).isEqualTo(201);
        });
        assertThat(api.get("/api/audit", STRATEGIST).statusCode()).isEqualTo(403);
    }
}
