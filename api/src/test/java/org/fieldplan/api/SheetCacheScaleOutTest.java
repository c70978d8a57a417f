package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;
import static org.fieldplan.api.SheetCacheTest.assertSheetsShowThePlan;

import java.net.http.HttpResponse;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two instances (child JVMs) on one PostGIS: an instance that does not own a job serves its cached sheets only while
 * the shared plan version says its copy is current. After a repair by the other instance, and after it took the job
 * over for a repair of its own, the next read on either shows the new plan. Fails, rather than skips, without
 * {@code FIELDPLAN_DB_URL}.
 */
class SheetCacheScaleOutTest {

    @Test
    void aReadOnEitherInstanceAfterAChangeOnTheOtherShowsTheNewPlan() throws Exception {
        String database = TestDatabases.fresh("sheet_cache");
        try (ServiceProcess alpha = ServiceProcess.start("sheet-cache-alpha", database,
                "--fieldplan.cluster.instance-id=alpha");
                ServiceProcess beta = ServiceProcess.start("sheet-cache-beta", database,
                        "--fieldplan.cluster.instance-id=beta")) {
            String jobId = alpha.api.solveSmallProblem();
            beta.api.awaitEnd(jobId);
            // Both render and cache every format of the day before the changes.
            assertSheetsShowThePlan(alpha.api, jobId);
            assertSheetsShowThePlan(beta.api, jobId);

            change(alpha.api, jobId, "cancellations", shift -> "{\"volunteerId\":\""
                    + shift.get("volunteerId").asText() + "\",\"slotId\":\"" + shift.get("slotId").asText() + "\"}");
            assertSheetsShowThePlan(beta.api, jobId);
            assertSheetsShowThePlan(alpha.api, jobId);

            // Beta takes the ended job over for a repair of its own; alpha's cached copy is now stale.
            change(beta.api, jobId, "field-reports", shift -> "{\"volunteerId\":\""
                    + shift.get("volunteerId").asText() + "\",\"slotId\":\"" + shift.get("slotId").asText()
                    + "\",\"doorsKnocked\":100,\"contacts\":20}");
            assertSheetsShowThePlan(alpha.api, jobId);
            change(beta.api, jobId, "cancellations", shift -> "{\"volunteerId\":\""
                    + shift.get("volunteerId").asText() + "\",\"slotId\":\"" + shift.get("slotId").asText() + "\"}");
            assertSheetsShowThePlan(alpha.api, jobId);
            assertSheetsShowThePlan(beta.api, jobId);
            assertThat(json(alpha.api.get("/api/jobs/" + jobId + "/plan", STRATEGIST)))
                    .isEqualTo(json(beta.api.get("/api/jobs/" + jobId + "/plan", STRATEGIST)));
        }
    }

    private static void change(ApiClient api, String jobId, String endpoint,
            Function<JsonNode, String> body) {
        JsonNode shift = ReplanTest.firstUnpinned(json(api.get("/api/jobs/" + jobId + "/plan", STRATEGIST)));
        HttpResponse<String> response = api.postJson("/api/jobs/" + jobId + "/" + endpoint, STRATEGIST,
                body.apply(shift));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("mode").asText()).isEqualTo("REPAIRED");
    }
}
