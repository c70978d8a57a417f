package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.fieldplan.api.ApiClient.ORGANIZER_1;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/** The map page's own reads over real HTTP: the caller's context and every precinct of a plan with its values. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MapDataTest {

    @LocalServerPort
    int port;

    private ApiClient api;
    private String jobId;
    private JsonNode plan;

    @BeforeAll
    void solve() {
        api = new ApiClient(port);
        jobId = api.solveSmallProblem();
        plan = json(api.get("/api/jobs/" + jobId + "/plan", STRATEGIST));
    }

    @Test
    void precinctLayerIsGeoJsonOfEveryPrecinctAddingUpToThePlansVotes() throws Exception {
        HttpResponse<String> response = api.get("/api/jobs/" + jobId + "/precincts", STRATEGIST);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/geo+json"));
        JsonNode layer = json(response);
        JsonNode problem = ApiClient.JSON.readTree(ApiClient.smallProblem());
        assertThat(layer.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(layer.get("features")).hasSize(problem.get("precincts").size());
        assertThat(layer.get("slots")).hasSize(problem.get("timeSlots").size());
        double votes = 0;
        int shifts = 0;
        for (JsonNode feature : layer.get("features")) {
            assertThat(feature.get("type").asText()).isEqualTo("Feature");
            assertThat(feature.at("/geometry/type").asText()).endsWith("Polygon");
            JsonNode values = feature.get("properties");
            assertThat(values.get("marginalVotes").asDouble()).isGreaterThanOrEqualTo(
                    Math.min(0, values.get("fullCoverageVotes").asDouble()));
            votes += values.get("expectedVotes").asDouble();
            shifts += values.get("shifts").asInt();
        }
        assertThat(votes).isCloseTo(plan.at("/summary/expectedNetVotes").asDouble(), within(1e-9));
        assertThat(shifts).isEqualTo(plan.get("assignments").size());
    }

    @Test
    void flowsAddUpToThePlansShiftsAndAnOrganizerSeesOnlyTheirOwnVolunteers() throws Exception {
        HttpResponse<String> response = api.get("/api/jobs/" + jobId + "/flows?cellKm=1", STRATEGIST);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode layer = json(response);
        assertThat(layer.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(layer.get("shifts").asInt()).isEqualTo(plan.get("assignments").size());
        assertThat(layer.get("omittedFlows").asInt()).isZero();
        int drawn = 0;
        for (JsonNode feature : layer.get("features")) {
            assertThat(feature.at("/geometry/type").asText()).isEqualTo("LineString");
            assertThat(feature.at("/geometry/coordinates")).hasSize(2);
            drawn += feature.at("/properties/shifts").asInt();
        }
        assertThat(drawn + layer.get("shiftsWithinCell").asInt()).isEqualTo(layer.get("shifts").asInt());
        assertThat(layer.get("features")).as("1 km cells: someone works outside their home's cell").isNotEmpty();

        Map<String, String> organizerOf = new HashMap<>();
        ApiClient.JSON.readTree(ApiClient.smallProblem()).get("volunteers")
                .forEach(v -> organizerOf.put(v.get("id").asText(), v.get("organizerId").asText()));
        long own = 0;
        for (JsonNode assignment : plan.get("assignments")) {
            own += "org-1".equals(organizerOf.get(assignment.get("volunteerId").asText())) ? 1 : 0;
        }
        JsonNode organizers = json(api.get("/api/jobs/" + jobId + "/flows?cellKm=1", ORGANIZER_1));
        assertThat(organizers.get("shifts").asLong()).isEqualTo(own).isLessThan(layer.get("shifts").asLong());
    }

    @Test
    void aFlowCellOutsideItsRangeIsA400NamingIt() {
        HttpResponse<String> refused = api.get("/api/jobs/" + jobId + "/flows?cellKm=0.1", STRATEGIST);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(refused.body()).contains("cellKm");
    }

    @Test
    void shiftCountsFollowTheChosenSlot() {
        Map<String, Integer> planned = new HashMap<>();
        String slot = plan.at("/assignments/0/slotId").asText();
        for (JsonNode assignment : plan.get("assignments")) {
            if (assignment.get("slotId").asText().equals(slot)) {
                planned.merge(assignment.get("precinctId").asText(), 1, Integer::sum);
            }
        }

        JsonNode layer = json(api.get("/api/jobs/" + jobId + "/precincts?slot=" + slot, ORGANIZER_1));

        assertThat(layer.get("slotId").asText()).isEqualTo(slot);
        Map<String, Integer> shown = new HashMap<>();
        for (JsonNode feature : layer.get("features")) {
            JsonNode values = feature.get("properties");
            if (values.get("shifts").asInt() > 0) {
                shown.put(values.get("id").asText(), values.get("shifts").asInt());
                assertThat(values.get("shiftsPerSlot").get(slot).asInt()).isEqualTo(values.get("shifts").asInt());
                assertThat(values.get("usefulShifts").asInt()).isGreaterThanOrEqualTo(values.get("shifts").asInt());
            }
        }
        assertThat(shown).isEqualTo(planned);
    }

    @Test
    void aSlotTheDayDoesNotHaveIsRefusedNamingTheField() {
        String slot = plan.at("/assignments/0/slotId").asText();

        HttpResponse<String> unknown = api.get("/api/jobs/" + jobId + "/precincts?slot=no-such-slot", STRATEGIST);
        HttpResponse<String> otherDay = api.get("/api/jobs/" + jobId + "/precincts?date=1999-01-01&slot=" + slot,
                STRATEGIST);

        for (HttpResponse<String> response : new HttpResponse[] {unknown, otherDay}) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(json(response).at("/errors/0/path").asText()).isEqualTo("slot");
        }
    }

    @Test
    void contextNamesTheCallerAndTheJobsItMayOpen() {
        JsonNode strategist = json(api.get("/api/map/context", STRATEGIST));
        JsonNode organizer = json(api.get("/api/map/context", ORGANIZER_1));

        assertThat(strategist.get("role").asText()).isEqualTo("STRATEGIST");
        assertThat(strategist.get("organizerId").isNull()).isTrue();
        assertThat(strategist.get("tiles").isNull()).as("no base map unless configured").isTrue();
        assertThat(strategist.get("jobs")).anySatisfy(job -> {
            assertThat(job.get("id").asText()).isEqualTo(jobId);
            assertThat(job.get("hasPlan").asBoolean()).isTrue();
        });
        assertThat(organizer.get("role").asText()).isEqualTo("ORGANIZER");
        assertThat(organizer.get("organizerId").asText()).isEqualTo("org-1");
        assertThat(organizer.get("jobs")).allSatisfy(job -> assertThat(job.get("hasPlan").asBoolean()).isTrue());
        assertThat(api.get("/api/map/context", null).statusCode()).isEqualTo(401);
    }
}
