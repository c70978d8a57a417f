package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.ORGANIZER_1;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.io.IOException;
import java.util.Arrays;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Jobs, plans, field reports and late volunteers survive an orderly restart with {@code fieldplan.store=postgis}: two service
 * instances, one after the other, on a fresh database of the PostGIS named by {@code FIELDPLAN_DB_URL}
 * ({@code scripts/with-postgis.sh} provides one). Fails, rather than skips, without a database.
 * {@link KillRestartTest} does the same with {@code kill -9}.
 */
class JobPersistenceTest {

    private static String url;

    @BeforeAll
    static void createDatabase() {
        url = TestDatabases.fresh("persistence");
    }

    @Test
    void finishedAndUnfinishedJobsSurviveARestart() throws IOException {
        String solvedId;
        String unfinishedId;
        JsonNode solvedBefore;
        JsonNode planBefore;
        String reportedPrecinct;
        double doorsLeftBefore;
        JsonNode cancelled;
        try (ConfigurableApplicationContext first = start()) {
            ApiClient api = client(first);
            solvedId = api.solveSmallProblem();
            JsonNode reported = ReplanTest.morningShift(json(api.get("/api/jobs/" + solvedId + "/plan",
                    STRATEGIST)), 0);
            reportedPrecinct = reported.get("precinctId").asText();
            HttpResponse<String> report = api.postJson("/api/jobs/" + solvedId + "/field-reports", STRATEGIST,
                    "{\"volunteerId\":\"" + reported.get("volunteerId").asText() + "\",\"slotId\":\""
                            + reported.get("slotId").asText() + "\",\"doorsKnocked\":25,\"contacts\":5}");
            assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
            doorsLeftBefore = ReplanTest.doorsLeft(api, solvedId, reportedPrecinct);
            HttpResponse<String> late = api.postJson("/api/jobs/" + solvedId + "/volunteers", ORGANIZER_1,
                    ReplanTest.LATE_VOLUNTEER);
            assertThat(late.statusCode()).as(late.body()).isEqualTo(200);
            cancelled = anotherUnpinned(json(api.get("/api/jobs/" + solvedId + "/plan", STRATEGIST)),
                    reported.get("volunteerId").asText());
            HttpResponse<String> cancellation = api.postJson("/api/jobs/" + solvedId + "/cancellations", STRATEGIST,
                    "{\"volunteerId\":\"" + cancelled.get("volunteerId").asText() + "\",\"slotId\":\""
                            + cancelled.get("slotId").asText() + "\"}");
            assertThat(cancellation.statusCode()).as(cancellation.body()).isEqualTo(200);
            solvedBefore = json(api.get("/api/jobs/" + solvedId, STRATEGIST));
            planBefore = json(api.get("/api/jobs/" + solvedId + "/plan", STRATEGIST));
            unfinishedId = json(api.postJson("/api/jobs?seconds=120", STRATEGIST, ApiClient.smallProblem()))
                    .get("id").asText();
            api.awaitBestPlan(unfinishedId);
        }

        try (ConfigurableApplicationContext second = start()) {
            ApiClient api = client(second);
            JsonNode solvedAfter = json(api.get("/api/jobs/" + solvedId, STRATEGIST));
            assertThat(solvedAfter.get("status").asText()).isEqualTo("SOLVED");
            assertThat(solvedAfter.at("/best/score").asText()).isEqualTo(solvedBefore.at("/best/score").asText());
            assertThat(json(api.get("/api/jobs/" + solvedId + "/plan", STRATEGIST)).get("assignments"))
                    .isEqualTo(planBefore.get("assignments"));
            assertThat(api.get("/api/jobs/" + solvedId + "/assignments.csv?date=2026-10-31", ORGANIZER_1)
                    .statusCode()).isEqualTo(200);
            assertThat(api.get("/api/jobs/" + solvedId + "/explain", STRATEGIST).statusCode()).isEqualTo(200);
            // The field report is in the plan store: the precinct's remaining doors still count it.
            assertThat(ReplanTest.doorsLeft(api, solvedId, reportedPrecinct)).isEqualTo(doorsLeftBefore);
            // The late volunteer is in the stored problem: adding them again is a conflict, not a second V07.
            assertThat(api.postJson("/api/jobs/" + solvedId + "/volunteers", ORGANIZER_1,
                    ReplanTest.LATE_VOLUNTEER).statusCode()).isEqualTo(409);

            // The cancellation is in the stored problem: the slot is not offered again, so the volunteer can offer
            // it anew ("I can come after all") and the repair fills it.
            String volunteer = cancelled.get("volunteerId").asText();
            String slot = cancelled.get("slotId").asText();
            HttpResponse<String> offered = api.postJson("/api/jobs/" + solvedId + "/volunteers/" + volunteer
                    + "/availability", STRATEGIST, "{\"availability\":[" + slotWindow(slot) + "]}");
            assertThat(offered.statusCode()).as(offered.body()).isEqualTo(200);
            assertThat(json(offered).get("effects").get(0).asText()).contains("added 1 shifts").contains(slot);

            JsonNode unfinished = json(api.get("/api/jobs/" + unfinishedId, STRATEGIST));
            assertThat(unfinished.get("resumedAfterRestart").asBoolean()).isTrue();
            assertThat(unfinished.get("status").asText()).isIn("QUEUED", "SOLVING");
            api.postJson("/api/jobs/" + unfinishedId + "/terminate", STRATEGIST, null);
            assertThat(api.awaitEnd(unfinishedId).get("best").isNull()).isFalse();
        }
    }

    /** The service's arguments with Saturday morning started, so that it can be reported on. */
    private static String[] withMorningStarted(String[] arguments) {
        String[] all = Arrays.copyOf(arguments, arguments.length + 1);
        all[arguments.length] = "--fieldplan.now=2026-10-31T10:00";
        return all;
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(FieldPlanApplication.class).profiles("test")
                .run(withMorningStarted(TestDatabases.postgisServiceArguments(url)));
    }


    /** An unpinned assignment of a volunteer other than {@code notOf}. */
    private static JsonNode anotherUnpinned(JsonNode plan, String notOf) {
        for (JsonNode assignment : plan.get("assignments")) {
            if (!assignment.get("pinned").asBoolean() && !assignment.get("volunteerId").asText().equals(notOf)) {
                return assignment;
            }
        }
        throw new AssertionError("no other unpinned assignment in " + plan);
    }

    /** The availability window that is exactly the small example's slot {@code slotId}. */
    private static String slotWindow(String slotId) throws IOException {
        for (JsonNode slot : ApiClient.JSON.readTree(ApiClient.smallProblem()).get("timeSlots")) {
            if (slot.get("id").asText().equals(slotId)) {
                return "{\"start\":\"" + slot.get("start").asText() + "\",\"end\":\"" + slot.get("end").asText()
                        + "\"}";
            }
        }
        throw new AssertionError("no slot " + slotId + " in the small example");
    }
    private static ApiClient client(ConfigurableApplicationContext context) {
        return new ApiClient(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }
}
