package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.JSON;
import static org.fieldplan.api.ApiClient.ORGANIZER_1;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.fieldplan.data.DataStores;
import org.fieldplan.data.io.ProblemJson;
import org.fieldplan.data.region.ProblemQuery;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A region's staging locations over real HTTP (in-memory store): kept and checked field by field, part of every
 * problem built from the region, shown on the sheets and the volunteer page (escaped), and closing one for a slot
 * moves the live plan's teams that were to meet there, as a version, with change notices.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StagingLocationsTest {

    static final String HOSTILE_NAME = "<img src=x onerror=alert(1)> Fox Point";
    static final String S1 = """
            {"id": "S1", "name": "%s", "address": "12 Wickenden St",
             "point": {"type": "Point", "coordinates": [-71.402, 41.818]}, "teamsPerSlot": 4,
             "hours": [{"date": "2026-10-31", "open": "08:00", "close": "18:00"},
                       {"date": "2026-11-01", "open": "08:00", "close": "18:00"}]}""".formatted(HOSTILE_NAME);
    static final String S2 = """
            {"id": "S2", "name": "College Hill garage", "point": {"type": "Point", "coordinates": [-71.39, 41.838]},
             "teamsPerSlot": 4}""";

    @LocalServerPort
    int port;

    @Autowired
    DataStores stores;

    /** A stored region of the small example problem, without staging locations. */
    private String storedRegion() {
        String region = "staging-" + UUID.randomUUID().toString().substring(0, 8);
        stores.regions().save(region, ProblemJson.fromJson(ApiClient.smallProblem()));
        return region;
    }

    private static String path(String region) {
        return "/api/regions/" + region + "/staging-locations";
    }

    private static void assertRefused(HttpResponse<String> answer, String field) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(answer).get("errors")).extracting(e -> e.get("path").asText()).contains(field);
    }

    @Test
    void strategistsAddReplaceAndRemoveLocationsAndBadOnesAreRefusedNamingTheField() {
        ApiClient api = new ApiClient(port);
        String region = storedRegion();

        HttpResponse<String> added = api.postJson(path(region), STRATEGIST, S1);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(json(added).at("/hours/0/open").asText()).isEqualTo("08:00");
        assertThat(api.postJson(path(region), STRATEGIST, S2).statusCode()).isEqualTo(201);

        assertRefused(api.postJson(path(region), STRATEGIST, S2), "id");
        assertRefused(api.postJson(path(region), STRATEGIST, S2.replace("\"S2\"", "\"S3\"")
                .replace("[-71.39, 41.838]", "[-271.39, 41.838]")), "point");
        assertRefused(api.postJson(path(region), STRATEGIST, S2.replace("\"S2\"", "\"S3\"")
                .replace("\"teamsPerSlot\": 4", "\"teamsPerSlot\": 0")), "teamsPerSlot");
        assertRefused(api.postJson(path(region), STRATEGIST, S1.replace("\"S1\"", "\"S3\"")
                .replace("\"close\": \"18:00\"}]", "\"close\": \"07:00\"}]")), "hours[1].close");
        assertRefused(api.postJson(path(region), STRATEGIST, S1.replace("\"S1\"", "\"S3\"")
                .replace("\"open\": \"08:00\", \"close\"", "\"opens\": \"08:00\", \"close\"")), "hours[0].opens");
        assertThat(api.postJson(path(region), ORGANIZER_1, S2.replace("\"S2\"", "\"S3\"")).statusCode())
                .isEqualTo(403);
        assertThat(api.postJson(path("no-such-region"), STRATEGIST, S2).statusCode()).isEqualTo(404);

        HttpResponse<String> replaced = api.send("PUT", path(region) + "/S2", STRATEGIST, "application/json",
                S2.replace("\"id\": \"S2\", ", "").replace("\"teamsPerSlot\": 4", "\"teamsPerSlot\": 2"), null);
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertRefused(api.send("PUT", path(region) + "/S2", STRATEGIST, "application/json", S1, null), "id");
        assertThat(api.send("PUT", path(region) + "/S9", STRATEGIST, "application/json", S2.replace("S2", "S9"),
                null).statusCode()).isEqualTo(404);

        JsonNode listed = json(api.get(path(region), ORGANIZER_1));
        assertThat(listed).extracting(s -> s.get("id").asText()).containsExactly("S1", "S2");
        assertThat(listed.get(0).get("name").asText()).isEqualTo(HOSTILE_NAME);
        assertThat(listed.get(1).get("teamsPerSlot").asInt()).isEqualTo(2);
        assertThat(stores.problemBuilder().build(ProblemQuery.of(region, LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 1)))
                .problem().stagingLocations()).hasSize(2);

        assertThat(api.send("DELETE", path(region) + "/S2", STRATEGIST, null, null, null).statusCode())
                .isEqualTo(204);
        assertThat(api.send("DELETE", path(region) + "/S2", STRATEGIST, null, null, null).statusCode())
                .isEqualTo(404);
        assertThat(json(api.get(path(region), STRATEGIST))).extracting(s -> s.get("id").asText())
                .containsExactly("S1");
    }

    @Test
    void aCsvTableIsImportedThroughAMappingAndABadRowIsNamed() throws Exception {
        ApiClient api = new ApiClient(port);
        String region = storedRegion();
        byte[] mapping = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("../docs/mappings/staging-offices.json"));
        String header = "SITE,SITE_NAME,STREET,TOWN,LAT,LON,ROOMS,HOURS\n";

        HttpResponse<String> imported = api.postMultipart(path(region) + "/import", STRATEGIST, new MultipartBody()
                .file("file", "offices.csv", header + "hq,Field office,1 Main St,Providence,41.82,-71.41,2,"
                        + "2026-10-31 08:00-18:00\ngarage,Ana's garage,,Cranston,41.77,-71.44,1,\n")
                .file("mapping", "staging.json", "application/json", mapping));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(json(api.get(path(region), STRATEGIST))).extracting(s -> s.get("id").asText())
                .containsExactly("S-hq", "S-garage");

        HttpResponse<String> refused = api.postMultipart(path(region) + "/import", STRATEGIST, new MultipartBody()
                .file("file", "offices.csv", header + "yard,Yard,,,41.8,-71.4,2,\nbad,Bad,,,north,-71.4,2,\n")
                .file("mapping", "staging.json", "application/json", mapping));
        assertRefused(refused, "file");
        assertThat(json(refused).at("/errors/0/message").asText())
                .isEqualTo("row 3: lat (LAT): column LAT is not a number: \"north\"");
        assertThat(json(api.get(path(region), STRATEGIST))).as("nothing added").hasSize(2);
    }

    @Test
    void aPointFileIsImportedThroughTheSameMapping() throws Exception {
        ApiClient api = new ApiClient(port);
        String region = storedRegion();
        byte[] mapping = java.nio.file.Files.readAllBytes(
                java.nio.file.Path.of("../docs/mappings/staging-offices.json"));
        String points = """
                {"type": "FeatureCollection", "features": [
                 {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-71.41, 41.82]},
                  "properties": {"SITE": "hq", "SITE_NAME": "Field office", "STREET": "1 Main St", "TOWN": "Providence",
                   "ROOMS": 2, "HOURS": "2026-10-31 08:00-18:00"}}]}""";

        HttpResponse<String> imported = api.postMultipart(path(region) + "/import", STRATEGIST, new MultipartBody()
                .file("file", "offices.geojson", points)
                .file("mapping", "staging.json", "application/json", mapping));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        JsonNode stored = json(api.get(path(region), STRATEGIST));
        assertThat(stored).extracting(s -> s.get("id").asText()).containsExactly("S-hq");
        assertThat(stored.at("/0/point/coordinates/0").asDouble()).isEqualTo(-71.41);
        assertThat(stored.at("/0/point/coordinates/1").asDouble()).isEqualTo(41.82);

        HttpResponse<String> refused = api.postMultipart(path(region) + "/import", STRATEGIST, new MultipartBody()
                .file("file", "offices.geojson", points.replace("\"Point\", \"coordinates\": [-71.41, 41.82]",
                        "\"LineString\", \"coordinates\": [[-71.41, 41.82], [-71.4, 41.8]]"))
                .file("mapping", "staging.json", "application/json", mapping));
        assertRefused(refused, "file");
        assertThat(json(refused).at("/errors/0/message").asText())
                .isEqualTo("row 0: geometry: is a LineString, a staging location is a point");
    }

    @Test
    void aRegionUploadMayCarryItsStagingLocationsAndABadRowStoresNothing() throws Exception {
        ApiClient api = new ApiClient(port);
        byte[] precincts = SharedFiles.bytes("precincts/nh-precincts.geojson");
        byte[] mapping = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("../docs/mappings/staging-offices.json"));
        String table = "SITE,SITE_NAME,STREET,TOWN,LAT,LON,ROOMS,HOURS\n"
                + "concord,Concord office,2 Main St,Concord,43.207,-71.537,3,\n";
        String region = "nh-" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> refused = api.postMultipart("/api/regions/" + region + "/import", STRATEGIST,
                new MultipartBody().file("precincts", "nh-precincts.geojson", "application/geo+json", precincts)
                        .field("mapping", "new-hampshire")
                        .file("staging", "offices.csv", table.replace("43.207", "north"))
                        .file("stagingMapping", "staging.json", "application/json", mapping));
        assertRefused(refused, "staging.line 2");
        assertThat(api.get(path(region), STRATEGIST).statusCode()).as("nothing stored").isEqualTo(404);

        HttpResponse<String> stored = api.postMultipart("/api/regions/" + region + "/import", STRATEGIST,
                new MultipartBody().file("precincts", "nh-precincts.geojson", "application/geo+json", precincts)
                        .field("mapping", "new-hampshire")
                        .file("staging", "offices.csv", table)
                        .file("stagingMapping", "staging.json", "application/json", mapping));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        assertThat(json(api.get(path(region), STRATEGIST))).singleElement().satisfies(s -> {
            assertThat(s.get("id").asText()).isEqualTo("S-concord");
            assertThat(s.get("address").asText()).isEqualTo("2 Main St, Concord");
        });
    }

    @Test
    void closingALocationForASlotMovesItsTeamsAsAVersionAndTellsThem() throws Exception {
        ApiClient api = new ApiClient(port);
        String region = storedRegion();
        assertThat(api.postJson(path(region), STRATEGIST, S1).statusCode()).isEqualTo(201);
        assertThat(api.postJson(path(region), STRATEGIST, S2).statusCode()).isEqualTo(201);
        String jobId = json(api.postJson("/api/jobs", STRATEGIST, "{\"regionId\": \"" + region + "\", \"seconds\": 1}"))
                .get("id").asText();
        api.awaitEnd(jobId);
        LivePlanTest.publish(api, region, jobId);
        for (String id : List.of("V01", "V02", "V03", "V04", "V05", "V06")) {
            assertThat(api.send("PUT", "/api/regions/" + region + "/live/volunteers/" + id + "/contact", STRATEGIST,
                    "application/json", "{\"email\":\"" + id + "@example.org\"}", null).statusCode()).isEqualTo(200);
        }

        JsonNode sheet = json(api.get("/api/regions/" + region + "/live/assignments", STRATEGIST));
        Map<String, Integer> atS1 = new HashMap<>();
        sheet.get("assignments").forEach(a -> {
            if (a.at("/precinct/meetAt/id").asText().equals("S1")) {
                atS1.merge(a.get("slotId").asText(), 1, Integer::sum);
            }
        });
        assertThat(atS1).as("the plan sends teams out from S1").isNotEmpty();
        String slot = atS1.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        String csv = api.get("/api/regions/" + region + "/live/assignments.csv", STRATEGIST).body();
        assertThat(csv).contains(",S1," + HOSTILE_NAME + ",12 Wickenden St,");

        HttpResponse<String> closed = api.postJson(path(region) + "/S1/closures", STRATEGIST,
                "{\"slotId\": \"" + slot + "\"}");

        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        JsonNode closure = json(closed);
        assertThat(closure.at("/repair/mode").asText()).startsWith("REPAIRED");
        assertThat(closure.at("/repair/changes")).isNotEmpty();
        JsonNode after = json(api.get("/api/regions/" + region + "/live/assignments", STRATEGIST));
        assertThat(after.get("assignments")).filteredOn(a -> a.get("slotId").asText().equals(slot))
                .noneSatisfy(a -> assertThat(a.at("/precinct/meetAt/id").asText()).isEqualTo("S1"));
        assertThat(json(api.get(path(region), STRATEGIST)).get(0).get("hours").toString())
                .as("S1's hours lose the slot").isNotEqualTo(JSON.readTree(S1).get("hours").toString());
        JsonNode versions = json(api.get("/api/regions/" + region + "/live/versions", STRATEGIST));
        JsonNode last = versions.get(versions.size() - 1);
        assertThat(last.get("kind").asText()).isEqualTo("staging");
        assertThat(last.get("reason").asText()).contains("S1").contains(slot);

        Set<String> moved = new HashSet<>();
        closure.at("/repair/changes").forEach(c -> moved.add(c.get("volunteerId").asText()));
        // Notices are queued once the repair's result is there, on the repair's thread: wait for them.
        List<String> noticed = new ArrayList<>();
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(20);
        while (noticed.size() < moved.size() && java.time.Instant.now().isBefore(deadline)) {
            ApiClient.sleep(100);
            noticed.clear();
            json(api.get("/api/regions/" + region + "/live/messages", STRATEGIST)).forEach(m -> {
                if (m.get("kind").asText().equals("CHANGE")) {
                    noticed.add(m.get("volunteerId").asText());
                }
            });
        }
        assertThat(noticed).as("one notice to each volunteer the repair moved")
                .containsExactlyInAnyOrderElementsOf(moved);

        assertThat(api.postJson(path(region) + "/S1/closures", STRATEGIST, "{\"slotId\": \"" + slot + "\"}")
                .statusCode()).as("already closed").isEqualTo(409);
        assertRefused(api.postJson(path(region) + "/S1/closures", STRATEGIST, "{\"slotId\": \"no-slot\"}"),
                "slotId");
        assertThat(api.postJson(path(region) + "/S1/closures", ORGANIZER_1, "{\"slotId\": \"" + slot + "\"}")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void theVolunteerPageShowsWhereTheTeamMeetsAsText() {
        ApiClient api = new ApiClient(port);
        String region = storedRegion();
        assertThat(api.postJson(path(region), STRATEGIST, S1).statusCode()).isEqualTo(201);
        String jobId = json(api.postJson("/api/jobs", STRATEGIST, "{\"regionId\": \"" + region + "\", \"seconds\": 1}"))
                .get("id").asText();
        api.awaitEnd(jobId);
        LivePlanTest.publish(api, region, jobId);
        JsonNode shift = json(api.get("/api/regions/" + region + "/live/assignments", STRATEGIST))
                .get("assignments").get(0);
        HttpResponse<String> issued = api.postJson("/api/regions/" + region + "/live/volunteer-links", STRATEGIST,
                "{\"volunteerId\":\"" + shift.get("volunteerId").asText() + "\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String url = json(issued).get("url").asText();
        String token = json(issued).get("token").asText();
        JsonNode me = json(api.asVolunteer("GET", "/api/regions/" + region + "/live/me", token, null));
        assertThat(me.at("/shifts/0/precinct/meetAt/name").asText()).isEqualTo(HOSTILE_NAME);

        try (HeadlessChromium browser = new HeadlessChromium(390, 844)) {
            browser.driver().get(url);
            browser.await("the shifts are shown", d -> !d.findElements(By.cssSelector("#shifts li.shift")).isEmpty());
            WebElement card = browser.driver().findElement(By.cssSelector("li.shift[data-slot='"
                    + shift.get("slotId").asText() + "']"));
            assertThat(card.findElement(By.cssSelector(".staging")).getText())
                    .isEqualTo(HOSTILE_NAME + ", 12 Wickenden St at " + shift.get("start").asText().substring(11, 16));
            assertThat(card.findElements(By.cssSelector(".staging img"))).as("the name is text, not markup").isEmpty();
            assertThat(card.findElements(By.cssSelector(".meeting-point"))).as("one line says where to meet").isEmpty();
            assertThat(card.findElements(By.xpath(".//dt[starts-with(normalize-space(), 'Meet')"
                    + " or starts-with(normalize-space(), 'Team meets')]"))).hasSize(1);
            browser.screenshot(java.nio.file.Path.of(System.getProperty("fieldplan.screenshots", "target/screenshots"))
                    .resolve("volunteer-staging.png"));
        }
    }
}
