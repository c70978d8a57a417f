package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;

import org.fieldplan.data.DataStores;
import org.fieldplan.data.generator.RegionSize;
import org.fieldplan.data.importer.SampleRegions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A campaign over real HTTP (in-memory store): one submission for a stored region and an inline problem fans out
 * into one job per region, its totals are the sums of its regions, each region's plan goes live when asked, and bad
 * input is a 400 naming the field. The test profile has two places (one solving, one queued): a two-region
 * campaign fits, a three-region one is refused whole.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignTest {

    @LocalServerPort
    int port;

    @Autowired
    DataStores stores;

    private ApiClient api;
    private String storedRegion;

    @BeforeAll
    void storeARegion() {
        api = new ApiClient(port);
        storedRegion = "campaign-" + UUID.randomUUID().toString().substring(0, 8);
        new SampleRegions(stores.regions()).generated(storedRegion, RegionSize.S, 5);
    }

    @Test
    void aCampaignsTotalsAreTheSumsOfItsRegionsAndEachRegionGoesLive() throws Exception {
        String inlineRegion = "inline-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> submitted = api.postJson("/api/campaigns", STRATEGIST, "{\"name\":\"weekend\","
                + "\"seconds\":1,\"publish\":true,\"regions\":[\"" + storedRegion + "\"],\"problems\":{\""
                + inlineRegion + "\":" + ApiClient.smallProblem() + "}}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        JsonNode campaign = json(submitted);
        String id = campaign.get("id").asText();
        assertThat(submitted.headers().firstValue("Location")).hasValue("/api/campaigns/" + id);
        assertThat(campaign.get("regions").findValuesAsText("regionId")).containsExactly(storedRegion,
                inlineRegion);

        // The event stream follows the campaign to its end: progress, then one end event once both are published.
        HttpResponse<String> events = api.send("GET", "/api/campaigns/" + id + "/events", STRATEGIST, null, null,
                "text/event-stream");
        assertThat(events.statusCode()).as(events.body()).isEqualTo(200);
        assertThat(events.body()).contains("event:progress");
        String end = events.body().substring(events.body().indexOf("event:end"));
        JsonNode ended = ApiClient.JSON.readTree(end.substring(end.indexOf("data:") + 5).lines().findFirst()
                .orElseThrow());
        assertThat(ended.get("status").asText()).isEqualTo("SOLVED");
        assertThat(ended.at("/totals/published").asInt()).isEqualTo(2);

        JsonNode done = await(id, c -> c.at("/totals/published").asInt() == 2, "publish both regions");
        assertThat(done.get("status").asText()).isEqualTo("SOLVED");
        JsonNode totals = done.get("totals");
        assertThat(totals.get("regions").asInt()).isEqualTo(2);
        assertThat(totals.at("/byStatus/SOLVED").asInt()).isEqualTo(2);
        assertThat(totals.get("percentDone").asInt()).isEqualTo(100);
        double votes = 0;
        long shifts = 0;
        long offered = 0;
        long volunteers = 0;
        long precincts = 0;
        HardMediumSoftLongScore score = HardMediumSoftLongScore.ZERO;
        for (JsonNode region : done.get("regions")) {
            assertThat(region.get("status").asText()).isEqualTo("SOLVED");
            assertThat(region.get("percentDone").asInt()).isEqualTo(100);
            assertThat(region.get("assignedShifts").asInt()).isPositive();
            // The region's figures are its job's best plan's.
            JsonNode job = json(api.get("/api/jobs/" + region.get("jobId").asText(), STRATEGIST));
            assertThat(region.get("score").asText()).isEqualTo(job.at("/best/score").asText());
            assertThat(region.get("expectedNetVotes").asDouble()).isEqualTo(job.at("/best/expectedNetVotes")
                    .asDouble());
            assertThat(job.get("regionId").isNull()).isEqualTo(region.get("regionId").asText().equals(inlineRegion));
            votes += region.get("expectedNetVotes").asDouble();
            shifts += region.get("assignedShifts").asLong();
            offered += region.get("offeredShifts").asLong();
            volunteers += region.get("volunteersAssigned").asLong();
            precincts += region.get("precinctsCovered").asLong();
            score = score.add(HardMediumSoftLongScore.parseScore(region.get("score").asText()));
            // Published from the region's job: the live plan's first version names it.
            assertThat(region.get("publication").asText()).isEqualTo("PUBLISHED");
            JsonNode live = json(api.get("/api/regions/" + region.get("regionId").asText() + "/live", STRATEGIST));
            assertThat(live.get("number").asInt()).isEqualTo(region.get("liveVersion").asInt());
            assertThat(live.get("reason").asText()).contains(region.get("jobId").asText());
        }
        assertThat(totals.get("expectedNetVotes").asDouble()).isCloseTo(votes, within(1e-6));
        assertThat(totals.get("assignedShifts").asLong()).isEqualTo(shifts);
        assertThat(totals.get("offeredShifts").asLong()).isEqualTo(offered);
        assertThat(totals.get("volunteersAssigned").asLong()).isEqualTo(volunteers);
        assertThat(totals.get("precinctsCovered").asLong()).isEqualTo(precincts);
        assertThat(totals.get("score").asText()).isEqualTo(score.toString());
        assertThat(json(api.get("/api/campaigns", STRATEGIST)).findValuesAsText("id")).contains(id);
    }

    @Test
    void badInputIsA400NamingTheField() {
        assertInvalid("{\"regions\":[]}", "regions", "is empty");
        assertInvalid("{\"regions\":[\"" + storedRegion + "\",\"" + storedRegion + "\"]}", "regions[1]",
                "named twice");
        assertInvalid("{\"regions\":[\"no-such-region\"]}", "regions[0]", "no stored region");
        assertInvalid("{\"regions\":[\"" + storedRegion + "\"],\"problems\":{\"" + storedRegion + "\":"
                + ApiClient.smallProblem() + "}}", "problems." + storedRegion, "also in \"regions\"");
        assertInvalid("{\"problems\":{\"north\":{\"precincts\":[]}}}", "problems.north", "");
        assertInvalid("{\"regions\":[\"" + storedRegion + "\"],\"seconds\":0}", "seconds", "from 1");
        assertInvalid("{\"regions\":[\"" + storedRegion + "\"],\"publish\":\"yes\"}", "publish", "true or false");
        assertInvalid("{\"regions\":[\"" + storedRegion + "\"],\"region\":\"x\"}", "region", "unknown field");
        assertThat(api.get("/api/campaigns/no-such-campaign", STRATEGIST).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/campaigns/no-such-campaign/events", STRATEGIST).statusCode()).isEqualTo(404);
    }

    @Test
    void aRegionRefusedOnTheWayStopsTheRegionsQueuedBeforeIt() {
        int before = json(api.get("/api/jobs", STRATEGIST)).size();
        assertInvalid("{\"seconds\":30,\"regions\":[\"" + storedRegion + "\"],\"problems\":{\"north\":"
                + "{\"precincts\":[]}}}", "problems.north", "");
        JsonNode jobs = json(api.get("/api/jobs", STRATEGIST));
        // The stored region's job was queued (it is listed) and then stopped, not left to solve for 30 s.
        assertThat(jobs.size()).isEqualTo(before + 1);
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline) && json(api.get("/api/jobs", STRATEGIST)).findValuesAsText("status")
                .stream().anyMatch(status -> status.equals("QUEUED") || status.equals("SOLVING"))) {
            ApiClient.sleep(100);
        }
        assertThat(json(api.get("/api/jobs", STRATEGIST)).get(0).get("status").asText()).isEqualTo("TERMINATED");
    }

    @Test
    void aCampaignNeedsAPlaceForEachRegionOrNoneIsQueued() {
        String problem = ApiClient.smallProblem();
        HttpResponse<String> refused = api.postJson("/api/campaigns", STRATEGIST, "{\"seconds\":1,\"problems\":{"
                + "\"a\":" + problem + ",\"b\":" + problem + ",\"c\":" + problem + "}}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
        assertThat(json(refused).get("detail").asText()).contains("3 solver and queue places are needed");
        assertThat(json(api.get("/api/jobs", STRATEGIST)).findValuesAsText("status")).doesNotContain("QUEUED");
    }

    private void assertInvalid(String body, String path, String message) {
        HttpResponse<String> response = api.postJson("/api/campaigns", STRATEGIST, body);
        assertThat(response.statusCode()).as(body + " → " + response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        assertThat(json(response).get("errors")).as(response.body()).anySatisfy(error -> {
            assertThat(error.get("path").asText()).startsWith(path);
            assertThat(error.get("message").asText()).contains(message);
        });
    }

    private JsonNode await(String campaignId, Predicate<JsonNode> condition, String what) {
        Instant deadline = Instant.now().plusSeconds(60);
        JsonNode campaign = null;
        while (Instant.now().isBefore(deadline)) {
            campaign = json(api.get("/api/campaigns/" + campaignId, STRATEGIST));
            if (condition.test(campaign)) {
                return campaign;
            }
            ApiClient.sleep(100);
        }
        throw new AssertionError("campaign " + campaignId + " did not " + what + " in time; last seen: " + campaign);
    }
}
