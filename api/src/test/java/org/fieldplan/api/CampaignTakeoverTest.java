package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A campaign's sub-jobs are ordinary jobs of the shared queue: two instances (child JVMs) on one PostGIS each claim
 * one region; the instance solving a region is killed with {@code kill -9}, the other takes that region's job over
 * once its lease (6 s in the test profile) has run out, and the campaign finishes, each region's live plan published
 * exactly once. Fails, rather than skips, without {@code FIELDPLAN_DB_URL}.
 */
class CampaignTakeoverTest {

    @Test
    void aDeadInstancesRegionIsTakenOverAndTheCampaignFinishes() throws Exception {
        String database = TestDatabases.fresh("campaign_takeover");
        try (ServiceProcess alpha = ServiceProcess.start("campaign-alpha", database,
                "--fieldplan.jobs.queue-length=8", "--fieldplan.cluster.instance-id=alpha");
                ServiceProcess beta = ServiceProcess.start("campaign-beta", database,
                        "--fieldplan.jobs.queue-length=8", "--fieldplan.cluster.instance-id=beta")) {
            String problem = ApiClient.smallProblem();
            HttpResponse<String> submitted = alpha.api.postJson("/api/campaigns", STRATEGIST, "{\"seconds\":6,"
                    + "\"publish\":true,\"problems\":{\"east\":" + problem + ",\"west\":" + problem + "}}");
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
            String id = json(submitted).get("id").asText();

            JsonNode solving = await(beta.api, id, campaign -> firstSolving(campaign) != null, "start solving");
            JsonNode region = firstSolving(solving);
            String owner = region.get("owner").asText();
            ServiceProcess dying = owner.equals("alpha") ? alpha : beta;
            ServiceProcess survivor = dying == alpha ? beta : alpha;
            // Past the save interval, so the region's best plan is in the plan store for the survivor to resume.
            ApiClient.sleep(2_500);
            dying.kill();

            JsonNode done = await(survivor.api, id, campaign -> campaign.at("/totals/published").asInt() == 2,
                    "finish and publish both regions");
            assertThat(done.get("status").asText()).isEqualTo("SOLVED");
            JsonNode takenOver = regionOf(done, region.get("regionId").asText());
            assertThat(takenOver.get("takeovers").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(takenOver.get("owner").asText()).isEqualTo(survivor == alpha ? "alpha" : "beta");
            assertThat(takenOver.get("assignedShifts").asInt()).isPositive();
            assertThat(done.at("/totals/takeovers").asInt()).isGreaterThanOrEqualTo(1);
            for (String regionId : new String[] {"east", "west"}) {
                // Published once, by one instance, from the region's own job.
                JsonNode versions = json(survivor.api.get("/api/regions/" + regionId + "/live/versions",
                        STRATEGIST));
                assertThat(versions).hasSize(1);
                assertThat(versions.get(0).get("reason").asText()).contains(regionOf(done, regionId).get("jobId")
                        .asText());
            }
        }
    }

    private static JsonNode firstSolving(JsonNode campaign) {
        for (JsonNode region : campaign.get("regions")) {
            if (region.get("status").asText().equals("SOLVING") && !region.get("score").isNull()) {
                return region;
            }
        }
        return null;
    }

    private static JsonNode regionOf(JsonNode campaign, String regionId) {
        for (JsonNode region : campaign.get("regions")) {
            if (region.get("regionId").asText().equals(regionId)) {
                return region;
            }
        }
        throw new AssertionError("no region " + regionId + " in " + campaign);
    }

    private static JsonNode await(ApiClient api, String campaignId, Predicate<JsonNode> condition, String what) {
        Instant deadline = Instant.now().plusSeconds(90);
        JsonNode campaign = null;
        while (Instant.now().isBefore(deadline)) {
            campaign = json(api.get("/api/campaigns/" + campaignId, STRATEGIST));
            if (condition.test(campaign)) {
                return campaign;
            }
            ApiClient.sleep(200);
        }
        throw new AssertionError("campaign " + campaignId + " did not " + what + " in time; last seen: " + campaign);
    }
}
