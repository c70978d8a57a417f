package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.ORGANIZER_1;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An organizer moves a driver who has riders on the live plan, over HTTP: riders for whom the new precinct is still a
 * ride the rules allow come along in the car; when it is not (a precinct that needs a skill they lack), they are
 * re-seated with the other driver or moved by a repair; each rider is told every time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MovedDriverTest {

    private static final String SLOT = CarpoolFlowTest.SLOT;

    @LocalServerPort
    int port;

    @Test
    void ridersComeAlongWhereTheyMayAndAreReseatedWhereTheyMayNot() {
        ApiClient api = new ApiClient(port);
        String leadsOnly = CarpoolFlowTest.precinct("LEADS", -71.88, 0.30)
                .replace("\"districtIds\"", "\"requiredSkills\": [\"TEAM_LEAD\"], \"districtIds\"");
        HttpResponse<String> submitted = api.postJson("/api/jobs?seconds=2", STRATEGIST,
                CarpoolFlowTest.problem("\"CANVASS\", \"TEAM_LEAD\"", leadsOnly));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String jobId = json(submitted).get("id").asText();
        api.awaitEnd(jobId);
        String region = LivePlanTest.newRegion();
        LivePlanTest.publish(api, region, jobId);
        for (String id : List.of("D1", "D2", "R1", "R2", "R3")) {
            HttpResponse<String> contact = api.send("PUT", "/api/regions/" + region + "/live/volunteers/" + id
                    + "/contact", STRATEGIST, "application/json", "{\"email\":\"" + id.toLowerCase(Locale.ROOT)
                            + "@example.org\"}", null);
            assertThat(contact.statusCode()).as(contact.body()).isEqualTo(200);
        }
        Map<String, List<String>> cars = cars(sheet(api, region));
        String driver = cars.entrySet().stream().max(Map.Entry.comparingByValue(
                (a, b) -> Integer.compare(a.size(), b.size()))).orElseThrow().getKey();
        List<String> riders = cars.get(driver);
        assertThat(riders).as("the walkers ride to the far precinct").isNotEmpty();

        // Near: the riders' pick-up fits the detour and they may canvass there: they come along.
        JsonNode along = move(api, region, driver, "NEAR");
        assertThat(along.has("ridersRepair")).as("nobody to re-seat").isFalse();
        JsonNode sheet = sheet(api, region);
        for (String rider : riders) {
            JsonNode row = row(sheet, rider);
            assertThat(row.at("/precinct/id").asText()).isEqualTo("NEAR");
            assertThat(row.at("/carpool/driver/volunteerId").asText()).isEqualTo(driver);
        }
        awaitChangeNotices(api, region, riders, 1);

        // A precinct that needs team leads: the riders cannot come along and are re-seated or moved by a repair.
        JsonNode reseated = move(api, region, driver, "LEADS");
        assertThat(reseated.at("/ridersRepair/mode").asText()).startsWith("REPAIRED");
        List<String> changed = new ArrayList<>();
        reseated.at("/ridersRepair/changes").forEach(c -> changed.add(c.get("volunteerId").asText()));
        assertThat(changed).as("every rider left behind").containsAll(riders).doesNotContain(driver);
        JsonNode after = sheet(api, region);
        assertThat(row(after, driver).at("/precinct/id").asText()).isEqualTo("LEADS");
        assertThat(StreamSupport.stream(after.spliterator(), false))
                .allSatisfy(a -> assertThat(a.at("/carpool/driver/volunteerId").asText("")).isNotEqualTo(driver));
        awaitChangeNotices(api, region, riders, 2);
    }

    private static JsonNode move(ApiClient api, String region, String driver, String precinct) {
        HttpResponse<String> moved = api.postJson("/api/regions/" + region + "/live/move", ORGANIZER_1,
                "{\"volunteerId\":\"" + driver + "\",\"slotId\":\"" + SLOT + "\",\"toPrecinctId\":\"" + precinct
                        + "\",\"accept\":true}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        return json(moved);
    }

    private static JsonNode sheet(ApiClient api, String region) {
        HttpResponse<String> sheet = api.get("/api/regions/" + region + "/live/assignments", STRATEGIST);
        assertThat(sheet.statusCode()).as(sheet.body()).isEqualTo(200);
        return json(sheet).get("assignments");
    }

    private static JsonNode row(JsonNode sheet, String volunteerId) {
        return StreamSupport.stream(sheet.spliterator(), false)
                .filter(a -> a.get("volunteerId").asText().equals(volunteerId)).findFirst().orElseThrow();
    }

    /** Each driver's riders, by driver id. */
    private static Map<String, List<String>> cars(JsonNode sheet) {
        Map<String, List<String>> cars = new HashMap<>();
        sheet.forEach(a -> {
            if (a.at("/carpool/driver").isObject()) {
                cars.computeIfAbsent(a.at("/carpool/driver/volunteerId").asText(), d -> new ArrayList<>())
                        .add(a.get("volunteerId").asText());
            }
        });
        return cars;
    }

    /** Each rider has at least {@code notices} change notices (a repair tells them once it is done). */
    private static void awaitChangeNotices(ApiClient api, String region, List<String> riders, int notices) {
        Map<String, Integer> told = Map.of();
        for (int attempt = 0; attempt < 50 && !allTold(told, riders, notices); attempt++) {
            ApiClient.sleep(100);
            Map<String, Integer> counts = new HashMap<>();
            json(api.get("/api/regions/" + region + "/live/messages", STRATEGIST)).forEach(m -> {
                if (m.get("kind").asText().equals("CHANGE")) {
                    counts.merge(m.get("volunteerId").asText(), 1, Integer::sum);
                }
            });
            told = counts;
        }
        assertThat(allTold(told, riders, notices)).as("change notices: " + told).isTrue();
    }

    private static boolean allTold(Map<String, Integer> told, List<String> riders, int notices) {
        return riders.stream().allMatch(r -> told.getOrDefault(r, 0) >= notices);
    }
}
