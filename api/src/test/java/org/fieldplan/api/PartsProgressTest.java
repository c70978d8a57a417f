package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.fieldplan.data.DataStores;
import org.fieldplan.data.generator.RegionSize;
import org.fieldplan.data.importer.SampleRegions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A region solved in parts reports its parts over HTTP, in the job's view and its event stream: how many, how many
 * done, the round. The service here splits regions of more than 50 shifts into parts of about 250 (the defaults,
 * 30,000 and 8,000, would take a large region and a long solve), so a generated S region is solved in parts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "fieldplan.solve.partition.split-above-shifts=50", "fieldplan.solve.partition.part-shifts=250"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartsProgressTest {

    @LocalServerPort
    int port;

    @Autowired
    DataStores stores;

    private ApiClient api;
    private String regionId;

    @BeforeAll
    void storeARegion() {
        api = new ApiClient(port);
        regionId = "parts-" + UUID.randomUUID().toString().substring(0, 8);
        new SampleRegions(stores.regions()).generated(regionId, RegionSize.S, 5);
    }

    @Test
    void aRegionSolvedInPartsReportsItsPartsInTheJobAndItsEvents() throws Exception {
        HttpResponse<String> submitted = api.postJson("/api/jobs?seconds=4", STRATEGIST, "{\"regionId\":\""
                + regionId + "\",\"from\":\"2026-10-31\",\"to\":\"2026-11-03\"}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = json(submitted).get("id").asText();

        HttpResponse<String> stream = api.send("GET", "/api/jobs/" + id + "/events", STRATEGIST, null, null,
                "text/event-stream");
        assertThat(stream.statusCode()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        for (String line : stream.body().split("\n")) {
            if (line.startsWith("data:")) {
                events.add(ApiClient.JSON.readTree(line.substring(5)));
            }
        }
        JsonNode end = events.get(events.size() - 1);
        assertThat(end.get("status").asText()).isEqualTo("SOLVED");
        // While the parts ran, the events said how far they were.
        assertThat(events).anySatisfy(event -> {
            assertThat(event.get("status").asText()).isEqualTo("SOLVING");
            assertThat(event.get("parts").isObject()).isTrue();
        });
        JsonNode parts = end.get("parts");
        assertThat(parts.get("count").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(parts.get("done").asInt()).isEqualTo(parts.get("count").asInt());
        assertThat(parts.get("rounds").asInt()).isEqualTo(2);
        assertThat(parts.get("round").asInt()).isBetween(1, 2);

        JsonNode job = json(api.get("/api/jobs/" + id, STRATEGIST));
        assertThat(job.get("parts")).isEqualTo(parts);
        assertThat(job.at("/best/assignedShifts").asInt()).isPositive();
    }

    @Test
    void aJobNotSolvedInPartsShowsNoParts() {
        JsonNode job = api.awaitEnd(api.solveSmallProblem());

        assertThat(job.get("parts").isNull()).isTrue();
    }
}
