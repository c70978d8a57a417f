package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.ORGANIZER_2;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Hardening cases, each reproduced over real HTTP: what an attacker or a careless user sent that broke a
 * region, the service or a spreadsheet must now get a 4xx problem naming the field, or be harmless.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "fieldplan.now=2026-10-31T10:00")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HardeningTest {

    @LocalServerPort
    int port;

    private ApiClient api;
    private String jobId;

    @BeforeAll
    void solve() {
        api = new ApiClient(port);
        jobId = api.solveSmallProblem();
    }

    private JsonNode firstUnpinned() {
        return ReplanTest.firstUnpinned(json(api.get("/api/jobs/" + jobId + "/plan", STRATEGIST)));
    }

    private HttpResponse<String> report(JsonNode assignment, String counts) {
        return api.postJson("/api/jobs/" + jobId + "/field-reports", STRATEGIST, "{\"volunteerId\":\""
                + assignment.get("volunteerId").asText() + "\",\"slotId\":\"" + assignment.get("slotId").asText()
                + "\"," + counts + "}");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String path, String mentions) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = json(response);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        if (path != null) {
            assertThat(body.get("errors")).as(response.body()).anySatisfy(error -> {
                assertThat(error.get("path").asText()).isEqualTo(path);
                assertThat(error.get("message").asText()).containsIgnoringCase(mentions);
            });
        }
    }

    /** A report beyond what a shift can knock is refused, and nothing is stored. */
    @Test
    void aFieldReportBeyondTheBoundIsRefused() {
        HttpResponse<String> response = report(firstUnpinned(), "\"doorsKnocked\":2147483647,\"contacts\":0");

        assertProblem(response, 400, "doorsKnocked", "at most 1000");
    }

    /** Reports for one volunteer-slot replace each other rather than add up. */
    @Test
    void aSecondReportForAShiftReplacesTheFirst() {
        JsonNode assignment = ReplanTest.morningShift(json(api.get("/api/jobs/" + jobId + "/plan", STRATEGIST)), 0);
        String precinct = assignment.get("precinctId").asText();
        double doorsBefore = ReplanTest.doorsLeft(api, jobId, precinct);

        assertThat(report(assignment, "\"doorsKnocked\":40,\"contacts\":10").statusCode()).isEqualTo(200);
        HttpResponse<String> corrected = report(assignment, "\"doorsKnocked\":30,\"contacts\":8");

        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        assertThat(json(corrected).get("effects").get(0).asText()).contains("replaces the earlier report of 40");
        assertThat(ReplanTest.doorsLeft(api, jobId, precinct)).isEqualTo(Math.max(0, doorsBefore - 30));
    }

    /** A shift already reported as worked cannot be cancelled (its doors stay counted). */
    @Test
    void aWorkedShiftCannotBeCancelled() {
        JsonNode assignment = ReplanTest.morningShift(json(api.get("/api/jobs/" + jobId + "/plan", STRATEGIST)), 1);
        assertThat(report(assignment, "\"doorsKnocked\":20,\"contacts\":5").statusCode()).isEqualTo(200);

        HttpResponse<String> cancellation = api.postJson("/api/jobs/" + jobId + "/cancellations", STRATEGIST,
                "{\"volunteerId\":\"" + assignment.get("volunteerId").asText() + "\",\"slotId\":\""
                        + assignment.get("slotId").asText() + "\"}");

        assertProblem(cancellation, 409, null, null);
        assertThat(json(cancellation).get("detail").asText()).contains("already reported as worked");
    }

    /** One strict JSON policy, also for the re-planning bodies. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "number as a string | \"doorsKnocked\":\"10\",\"contacts\":1 | doorsKnocked | whole number",
        "fraction for a count | \"doorsKnocked\":10.5,\"contacts\":1 | doorsKnocked | whole number",
        "exponent for a count | \"doorsKnocked\":1e12,\"contacts\":1 | doorsKnocked | whole number",
        "too large for a count | \"doorsKnocked\":3000000000,\"contacts\":1 | doorsKnocked | out of range",
        "unknown field | \"doorsKnocked\":10,\"contacts\":1,\"bonus\":5 | bonus | unknown field",
        "duplicate key | \"doorsKnocked\":10,\"doorsKnocked\":900,\"contacts\":1 | doorsKnocked | duplicate"})
    void aLenientFieldReportIsRefusedNamingTheField(String name, String counts, String path, String mentions) {
        assertProblem(report(firstUnpinned(), counts), 400, path, mentions);
    }

    /** Duplicate keys in a job submission. */
    @Test
    void aDuplicateKeyInASubmissionIsRefused() {
        HttpResponse<String> response = api.postJson("/api/jobs", STRATEGIST,
                "{\"regionId\":\"a\",\"regionId\":\"b\",\"from\":\"2026-10-31\",\"to\":\"2026-11-01\"}");

        assertProblem(response, 400, "regionId", "duplicate");
    }

    /** With every place taken, a region submission is refused before the region is even looked up. */
    @Test
    void aFullQueueRefusesBeforeReadingTheRegion() {
        List<String> places = api.takeAllPlaces();

        HttpResponse<String> refused = api.postJson("/api/jobs", STRATEGIST,
                "{\"regionId\":\"no-such-region\",\"from\":\"2026-10-31\",\"to\":\"2026-11-01\"}");

        api.terminateAndAwait(places);
        // Had the region been read first, this would be a 400 naming regionId.
        assertProblem(refused, 429, null, null);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    }

    /** Slots that overlap would book one volunteer twice at once. */
    @Test
    void overlappingOrOverlongSlotsAreRefused() {
        String overlapping = ApiClient.smallProblem().replace("\"2026-10-31T13:00\"", "\"2026-10-31T11:00\"");
        String overlong = ApiClient.smallProblem().replace("\"end\": \"2026-10-31T12:00\"",
                "\"end\": \"2026-11-30T12:00\"");

        assertProblem(api.postJson("/api/jobs?seconds=1", STRATEGIST, overlapping), 400,
                "timeSlots[1] (id \"2026-10-31-pm\").start", "overlaps");
        assertProblem(api.postJson("/api/jobs?seconds=1", STRATEGIST, overlong), 400,
                "timeSlots[0] (id \"2026-10-31-am\").end", "at most 12 hours");
    }

    /** Errors Tomcat answers itself are RFC 7807 too, not its HTML page. */
    @Test
    void containerErrorsAreProblemDetails() {
        HttpResponse<String> encodedSlash = api.get("/api/jobs/a%2Fb", STRATEGIST);
        HttpResponse<String> hugeHeader = api.send("GET", "/api/jobs", STRATEGIST, null, null,
                "application/json, " + "x".repeat(64 * 1024));
        // Found by ApiRequestProperties: Spring Security's firewall refuses an encoded ';' before any handler.
        HttpResponse<String> encodedSemicolon = api.get("/api/jobs/'%3B--", STRATEGIST);
        // The servlet error page itself answers in the same form, not Spring Boot's {timestamp, error, path}.
        HttpResponse<String> errorPage = api.get("/error", null);

        for (HttpResponse<String> response : new HttpResponse[] {encodedSlash, hugeHeader, encodedSemicolon,
                errorPage}) {
            assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).doesNotContain("<html").doesNotContain("Tomcat").doesNotContain("timestamp");
            assertThat(json(response).get("status").asInt()).isEqualTo(response.statusCode());
        }
    }

    /**
     * An organizer's map context lists only live plans with their own volunteers, not every job's name (and never a
     * job that is not a region's live plan).
     */
    @Test
    void anOrganizerSeesOnlyLivePlansWithTheirOwnVolunteers() {
        String onlyOrg1 = api.solve(ApiClient.smallProblem().replace("\"org-2\"", "\"org-1\""));
        String live = LivePlanTest.publish(api, LivePlanTest.newRegion(), jobId).get("jobId").asText();
        String liveOnlyOrg1 = LivePlanTest.publish(api, LivePlanTest.newRegion(), onlyOrg1).get("jobId").asText();

        JsonNode context = json(api.get("/api/map/context", ORGANIZER_2));

        assertThat(context.get("jobs")).as("org-2 has volunteers in the example").anySatisfy(
                job -> assertThat(job.get("id").asText()).isEqualTo(live));
        assertThat(context.get("jobs")).noneSatisfy(job -> assertThat(job.get("id").asText())
                .isIn(onlyOrg1, liveOnlyOrg1, jobId));
    }
}
