package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.ORGANIZER_1;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/** A strategist's and an organizer's way through one job, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobFlowTest {

    @LocalServerPort
    int port;

    private ApiClient api;
    private String jobId;

    @BeforeAll
    void solve() {
        api = new ApiClient(port);
        HttpResponse<String> submitted = api.postJson("/api/jobs?seconds=1", STRATEGIST, ApiClient.smallProblem());
        assertThat(submitted.statusCode()).isEqualTo(202);
        jobId = json(submitted).get("id").asText();
        assertThat(submitted.headers().firstValue("Location")).hasValue("/api/jobs/" + jobId);
        api.awaitEnd(jobId);
    }

    @Test
    void jobShowsScoreVotesAndGreedyBaseline() {
        JsonNode job = json(api.get("/api/jobs/" + jobId, STRATEGIST));

        assertThat(job.get("status").asText()).isEqualTo("SOLVED");
        assertThat(job.get("solverStatus").asText()).isEqualTo("NOT_SOLVING");
        // The small example is tight (a pinned assignment, languages, the buddy rule): compare, don't assume 0hard.
        assertThat(job.at("/best/hardScore").asLong()).isGreaterThanOrEqualTo(job.at("/greedyBaseline/hardScore")
                .asLong());
        assertThat(job.at("/best/score").asText()).matches("-?\\d+hard/-?\\d+medium/-?\\d+soft");
        assertThat(job.at("/best/expectedNetVotes").asDouble()).isPositive();
        assertThat(job.at("/greedyBaseline/expectedNetVotes").asDouble()).isPositive();
        assertThat(job.get("gainOverGreedy").asDouble()).isGreaterThanOrEqualTo(-1e-9);
    }

    @Test
    void terminateAnswersTheEndedJobNotSolving() {
        String running = json(api.postJson("/api/jobs?seconds=600", STRATEGIST, ApiClient.smallProblem()))
                .get("id").asText();
        api.awaitBestPlan(running);

        JsonNode answer = json(api.postJson("/api/jobs/" + running + "/terminate", STRATEGIST, null));

        assertThat(answer.get("status").asText()).isEqualTo("TERMINATED");
        assertThat(answer.get("solverStatus").asText()).isEqualTo("NOT_SOLVING");
        assertThat(json(api.get("/api/jobs/" + running, STRATEGIST)).get("status").asText()).isEqualTo("TERMINATED");
    }

    @Test
    void planKeepsThePinnedAssignment() {
        JsonNode plan = json(api.get("/api/jobs/" + jobId + "/plan", STRATEGIST));

        assertThat(plan.get("assignments")).anySatisfy(a -> {
            assertThat(a.get("volunteerId").asText()).isEqualTo("V01");
            assertThat(a.get("slotId").asText()).isEqualTo("2026-10-31-am");
            assertThat(a.get("precinctId").asText()).isEqualTo("P0002");
            assertThat(a.get("pinned").asBoolean()).isTrue();
        });
    }

    @Test
    void explainGivesConstraintTotalsAndReasons() {
        JsonNode explanation = json(api.get("/api/jobs/" + jobId + "/explain", STRATEGIST));

        assertThat(explanation.get("constraints")).anySatisfy(
                c -> assertThat(c.get("constraint").asText()).isEqualTo("Expected net votes"));
        assertThat(explanation.get("precincts")).hasSize(3).allSatisfy(
                p -> assertThat(p.get("reasons").get(0).asText()).startsWith("gets "));
        JsonNode one = json(api.get("/api/jobs/" + jobId + "/explain?volunteer=V01", STRATEGIST));
        assertThat(one.get("volunteers")).hasSize(1);
        assertThat(one.get("precincts")).isEmpty();
        assertThat(one.at("/volunteers/0/reasons/0").asText()).contains("2026-10-31-am").contains("P0002");
    }

    @Test
    void organizerSeesOnlyOwnVolunteersAndNoOtherNames() {
        JsonNode sheet = json(api.get("/api/jobs/" + jobId + "/assignments?date=2026-10-31", ORGANIZER_1));

        assertThat(sheet.get("organizerId").asText()).isEqualTo("org-1");
        assertThat(sheet.get("assignments")).isNotEmpty().allSatisfy(a -> {
            assertThat(a.get("organizerId").asText()).isEqualTo("org-1");
            assertThat(a.at("/precinct/polygon").isMissingNode()).as("geometry only on request").isTrue();
            assertThat(a.at("/precinct/centroid/type").asText()).isEqualTo("Point");
            a.get("buddies").forEach(buddy -> {
                boolean ownVolunteer = List.of("V01", "V02", "V03").contains(buddy.get("volunteerId").asText());
                assertThat(buddy.get("name").isNull()).isEqualTo(!ownVolunteer);
            });
        });
        assertThat(sheet.toString()).doesNotContain("home");
        JsonNode withGeometry = json(api.get("/api/jobs/" + jobId + "/assignments?date=2026-10-31&geometry=true",
                ORGANIZER_1));
        assertThat(withGeometry.get("assignments")).isNotEmpty().allSatisfy(a -> assertThat(
                a.at("/precinct/polygon/type").asText()).isIn("Polygon", "MultiPolygon"));
    }

    @Test
    void csvAndGeoJsonCarryTheSameSheet() {
        HttpResponse<String> csv = api.send("GET", "/api/jobs/" + jobId + "/assignments?date=2026-10-31",
                ORGANIZER_1, null, null, "text/csv");
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("volunteer_id,name,organizer_id,slot_id");
        assertThat(lines.subList(1, lines.size())).isNotEmpty().allSatisfy(line -> assertThat(line).contains(",org-1,"));

        HttpResponse<String> geo = api.send("GET", "/api/jobs/" + jobId + "/assignments?date=2026-10-31",
                ORGANIZER_1, null, null, "application/geo+json");
        assertThat(geo.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/geo+json");
        JsonNode collection = json(geo);
        assertThat(collection.get("type").asText()).isEqualTo("FeatureCollection");
        List<String> kinds = new ArrayList<>();
        collection.get("features").forEach(f -> kinds.add(f.at("/properties/kind").asText()));
        assertThat(kinds).contains("precinct", "trip");
        assertThat(lines).hasSize(1 + (int) kinds.stream().filter("trip"::equals).count());
    }

    @Test
    void calendarUsesTheProblemsTimeZone() {
        HttpResponse<String> ics = api.get("/api/jobs/" + jobId + "/volunteers/V01/calendar.ics", ORGANIZER_1);

        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        assertThat(ics.body()).startsWith("BEGIN:VCALENDAR\r\n")
                .contains("TZID:America/New_York", "TZOFFSETTO:-0400", "TZOFFSETTO:-0500")
                .contains("DTSTART;TZID=America/New_York:20261031T090000")
                .endsWith("END:VCALENDAR\r\n");
    }

    @Test
    void eventsStreamProgressUntilTheEnd() {
        HttpResponse<String> events = api.send("GET", "/api/jobs/" + jobId + "/events", STRATEGIST, null, null,
                "text/event-stream");

        assertThat(events.statusCode()).isEqualTo(200);
        assertThat(events.body()).contains("event:best").contains("event:end").contains("\"score\"");
    }

    @Test
    void fullQueueAnswers429AndTerminateStopsEarly() {
        List<String> places = api.takeAllPlaces();
        HttpResponse<String> third = api.postJson("/api/jobs?seconds=60", STRATEGIST, ApiClient.smallProblem());

        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());

        assertThat(api.terminateAndAwait(places)).allSatisfy(
                job -> assertThat(job.get("status").asText()).isEqualTo("TERMINATED"));
    }
}
