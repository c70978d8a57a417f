package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.JSON;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A problem with a staging location: the sheet tells each team where to meet, the summary measures deployment. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StagingFlowTest {

    @LocalServerPort
    int port;

    @Test
    void theSheetShowsTheStagingLocationAndTheSummaryTheCloseDistrictShares() throws Exception {
        ApiClient api = new ApiClient(port);
        ObjectNode problem = (ObjectNode) JSON.readTree(ApiClient.smallProblem());
        problem.set("stagingLocations", JSON.readTree("""
                [{"id": "S1", "name": "Fox Point office", "address": "12 Wickenden St",
                  "point": {"type": "Point", "coordinates": [-71.40, 41.82]}, "teamsPerSlot": 10}]"""));
        HttpResponse<String> submitted = api.postJson("/api/jobs?seconds=1", STRATEGIST, problem.toString());
        assertThat(submitted.statusCode()).isEqualTo(202);
        String jobId = json(submitted).get("id").asText();
        api.awaitEnd(jobId);

        JsonNode sheet = json(api.get("/api/jobs/" + jobId + "/assignments?date=2026-10-31", STRATEGIST));
        assertThat(sheet.get("assignments")).isNotEmpty().allSatisfy(a -> {
            assertThat(a.at("/precinct/meetAt/id").asText()).isEqualTo("S1");
            assertThat(a.at("/precinct/meetAt/address").asText()).isEqualTo("12 Wickenden St");
        });
        JsonNode job = json(api.get("/api/jobs/" + jobId, STRATEGIST));
        assertThat(job.at("/best/deployment/closeValueShare").isNumber()).isTrue();
        assertThat(job.at("/best/deployment/volunteersDeployed").asInt()).isZero();
    }
}
