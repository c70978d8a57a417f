package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.ORGANIZER_1;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;
import static org.fieldplan.api.SheetCacheTest.assertSheetsShowThePlan;
import static org.fieldplan.api.SheetCacheTest.change;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two instances (child JVMs) on one PostGIS: an instance that does not own a job serves its cached sheets only while
 * the shared plan version says its copy is current. After a repair by the other instance, and after it took the job
 * over for a repair of its own, the next read on either shows the new plan; a confirmation and a revoked link on one
 * show on the other's next read of its cached sheets. Fails, rather than skips, without
 * {@code FIELDPLAN_DB_URL}.
 */
class SheetCacheScaleOutTest {

    /** Both instances sign links with one key, so a volunteer's link works on either. */
    private static final String SHARED_LINK_SECRET = "--fieldplan.links.secret=sheet-cache-scale-out-test";
    /** Saturday morning has started, so that it can be reported on. */
    private static final String MORNING_STARTED = "--fieldplan.now=2026-10-31T10:00";

    @Test
    void aReadOnEitherInstanceAfterAChangeOnTheOtherShowsTheNewPlan() throws Exception {
        String database = TestDatabases.fresh("sheet_cache");
        try (ServiceProcess alpha = ServiceProcess.start("sheet-cache-alpha", database,
                "--fieldplan.cluster.instance-id=alpha", SHARED_LINK_SECRET, MORNING_STARTED);
                ServiceProcess beta = ServiceProcess.start("sheet-cache-beta", database,
                        "--fieldplan.cluster.instance-id=beta", SHARED_LINK_SECRET, MORNING_STARTED)) {
            String jobId = alpha.api.solveSmallProblem();
            beta.api.awaitEnd(jobId);
            // Both render and cache every format of the day before the changes.
            assertSheetsShowThePlan(alpha.api, jobId);
            assertSheetsShowThePlan(beta.api, jobId);

            change(alpha.api, jobId, "cancellations", SheetCacheTest::cancellation);
            assertSheetsShowThePlan(beta.api, jobId);
            assertSheetsShowThePlan(alpha.api, jobId);

            // Beta takes the ended job over for a repair of its own; alpha's cached copy is now stale.
            change(beta.api, jobId, "field-reports", SheetCacheTest::fieldReport);
            assertSheetsShowThePlan(alpha.api, jobId);
            change(beta.api, jobId, "cancellations", SheetCacheTest::cancellation);
            assertSheetsShowThePlan(alpha.api, jobId);
            assertSheetsShowThePlan(beta.api, jobId);

            // People changes on beta reach alpha's cached sheets: a confirmation, then a revoked link.
            String day = "/api/jobs/" + jobId + "/assignments?date=2026-10-31";
            JsonNode shift = VolunteerLinkTest.afternoonShiftOfOrg1(alpha.api, jobId);
            String shiftKey = shift.get("volunteerId").asText() + "@" + shift.get("slotId").asText();
            String url = shift.get("volunteerLink").asText();
            String token = url.substring(url.indexOf("&token=") + 7);
            assertThat(VolunteerLinkTest.confirmationOf(json(alpha.api.get(day, STRATEGIST)), shiftKey))
                    .isEqualTo("PENDING");
            HttpResponse<String> confirmed = beta.api.asVolunteer("POST", "/api/jobs/" + jobId + "/me/shifts/"
                    + shift.get("slotId").asText() + "/confirm", token, null);
            assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
            assertThat(VolunteerLinkTest.confirmationOf(json(alpha.api.get(day, STRATEGIST)), shiftKey))
                    .isEqualTo("CONFIRMED");
            assertThat(beta.api.postJson("/api/jobs/" + jobId + "/volunteer-links/"
                    + token.substring(0, token.indexOf('.')) + "/revoke", ORGANIZER_1, null).statusCode())
                    .isEqualTo(204);
            assertThat(alpha.api.get(day, ORGANIZER_1).body()).as("the link revoked on beta").doesNotContain(url);
        }
    }
}
