package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.ORGANIZER_1;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Uploading a region over real HTTP (multipart): a dry run reports and previews and stores nothing, the confirmed
 * upload makes a region that solves like the demo, and every bad file or mapping is an RFC 7807 problem naming the
 * part and field, with nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegionImportTest {

    static final String CENTRAL = "{\"timeZone\": \"America/Chicago\", \"electionDay\": \"2026-11-03\"}";
    static final String VOLUNTEERS = """
            id,name,phone,lat,lon,skills,languages,travel_mode,max_travel_minutes,availability,max_shifts,\
            max_shifts_per_day,organizer_id,attendance_probability,preferred_precincts
            N1,Nora,603-555-0101,43.2081,-71.5376,CANVASS,en,CAR,30,2026-10-31T09:00/2026-10-31T18:00,3,2,org-1,0.9,
            N2,Ned,,43.2101,-71.5400,CANVASS,en,CAR,30,2026-10-31T09:00/2026-10-31T18:00,3,2,org-1,0.8,
            N3,Nia,,43.2001,-71.5300,CANVASS;TEAM_LEAD,en;es,CAR,30,2026-10-31T09:00/2026-10-31T15:00,2,2,org-1,0.85,
            """;

    @LocalServerPort
    int port;

    private ApiClient api;
    private byte[] newHampshire;

    @BeforeAll
    void start() {
        api = new ApiClient(port);
        newHampshire = SharedFiles.bytes("precincts/nh-precincts.geojson");
    }

    private MultipartBody upload(byte[] precincts, String mapping) {
        MultipartBody body = new MultipartBody();
        if (precincts != null) {
            body.file("precincts", "nh-precincts.geojson", "application/geo+json", precincts);
        }
        if (mapping != null) {
            body.file("mapping", "mapping.txt", mapping);
        }
        return body;
    }

    private HttpResponse<String> post(String region, boolean dryRun, MultipartBody body) {
        return api.postMultipart("/api/regions/" + region + "/import" + (dryRun ? "?dryRun=true" : ""), STRATEGIST,
                body);
    }

    private boolean listed(String region) {
        JsonNode regions = json(api.get("/api/regions", STRATEGIST));
        for (JsonNode r : regions) {
            if (r.get("id").asText().equals(region)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aDryRunReportsAndPreviewsThenTheConfirmedUploadIsARegionThatSolves() {
        String region = "nh-" + UUID.randomUUID();

        HttpResponse<String> dry = post(region, true, upload(newHampshire, "new-hampshire")
                .file("calendar", "calendar.json", CENTRAL).file("volunteers", "volunteers.csv", VOLUNTEERS));

        assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
        JsonNode report = json(dry);
        assertThat(report.get("stored").asBoolean()).isFalse();
        assertThat(report.at("/report/precincts").asInt()).isEqualTo(320);
        assertThat(report.at("/report/volunteers").asInt()).isEqualTo(3);
        assertThat(report.at("/calendar/timeZone").asText()).isEqualTo("America/Chicago");
        assertThat(report.at("/calendar/slots").asInt()).isEqualTo(10);
        // New Hampshire lies at 71.6° W (solar time UTC−4.8): Central time is reported loudly, not refused.
        assertThat(report.at("/report/warnings")).anySatisfy(w -> assertThat(w.asText())
                .startsWith("CHECK THE TIME ZONE: time zone America/Chicago (standard time UTC-06:00) is 1.2 hours"));
        JsonNode features = report.at("/preview/features");
        assertThat(features.size()).isBetween(20, 25);
        assertThat(features.get(0).at("/geometry/type").asText()).isIn("Polygon", "MultiPolygon");
        assertThat(features.get(0).at("/properties/registeredVoters").asInt()).isPositive();
        // New Hampshire's bounding box, longitude first.
        assertThat(report.get("bounds").get(0).asDouble()).isBetween(-72.6, -72.4);
        assertThat(report.get("bounds").get(3).asDouble()).isBetween(45.2, 45.4);
        assertThat(listed(region)).isFalse();
        assertThat(api.get("/api/regions/" + region + "/calendar", STRATEGIST).statusCode()).isEqualTo(404);

        HttpResponse<String> stored = post(region, false, upload(newHampshire, "new-hampshire")
                .file("calendar", "calendar.json", CENTRAL).file("volunteers", "volunteers.csv", VOLUNTEERS));

        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        assertThat(json(stored).get("stored").asBoolean()).isTrue();
        assertThat(json(api.get("/api/regions", STRATEGIST))).anySatisfy(r -> {
            assertThat(r.get("id").asText()).isEqualTo(region);
            assertThat(r.get("precincts").asInt()).isEqualTo(320);
            assertThat(r.get("volunteers").asInt()).isEqualTo(3);
            assertThat(r.get("timeSlots").asInt()).isEqualTo(10);
        });
        assertThat(json(api.get("/api/regions/" + region + "/calendar", STRATEGIST)).get("timeZone").asText())
                .isEqualTo("America/Chicago");

        HttpResponse<String> job = api.postJson("/api/jobs", STRATEGIST,
                "{\"regionId\": \"" + region + "\", \"seconds\": 1}");
        assertThat(job.statusCode()).as(job.body()).isEqualTo(202);
        JsonNode ended = api.awaitEnd(json(job).get("id").asText());
        assertThat(ended.get("status").asText()).isEqualTo("SOLVED");
        assertThat(ended.at("/best/hardScore").asLong()).isZero();

        HttpResponse<String> again = post(region, true, new MultipartBody()
                .file("precincts", "nh-precincts.geojson", "application/geo+json", newHampshire)
                .field("mapping", "new-hampshire"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("detail").asText()).contains("already exists");
    }

    @Test
    void connecticutsZippedShapefileUploadsWithTheMappingFileTheCommandLineUses() throws Exception {
        String region = "ct-" + UUID.randomUUID();
        byte[] mapping = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("../docs/mappings/connecticut.json"));

        HttpResponse<String> dry = post(region, true, new MultipartBody()
                .file("precincts", "CT_precincts.zip", "application/zip", SharedFiles.bytes("precincts/CT_precincts.zip"))
                .file("mapping", "connecticut.json", "application/json", mapping));

        assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
        JsonNode report = json(dry).get("report");
        assertThat(report.get("precincts").asInt()).isEqualTo(739);
        assertThat(report.get("proxies")).extracting(p -> p.get("field").asText())
                .contains("registeredVoters", "ballots");
        assertThat(report.get("lines")).isNotEmpty();
        // Projected state-plane metres were converted to longitude/latitude (GDAL).
        assertThat(json(dry).get("bounds").get(0).asDouble()).isBetween(-73.8, -73.6);
        assertThat(json(dry).get("bounds").get(1).asDouble()).isBetween(40.9, 41.1);
        assertThat(listed(region)).isFalse();
    }

    @Test
    void franklinsResultsUploadAsATableTheMappingJoins() throws Exception {
        byte[] mapping = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("../docs/mappings/ohio-franklin.json"));
        byte[] shapes = SharedFiles.bytes("precincts/OH_franklin_precincts.zip");

        HttpResponse<String> dry = post("oh-" + UUID.randomUUID(), true, new MultipartBody()
                .file("precincts", "OH_franklin_precincts.zip", "application/zip", shapes)
                .file("mapping", "ohio-franklin.json", "application/json", mapping)
                .file("joinTable", "ohio_2018_results.csv", "text/csv",
                        SharedFiles.bytes("results/ohio_2018_results.csv")));

        assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
        JsonNode report = json(dry).get("report");
        assertThat(report.get("precincts").asInt()).isEqualTo(863);
        assertThat(report.get("lines")).extracting(JsonNode::asText).contains("join: 863 of 863 precincts matched "
                + "one row of ohio_2018_results.csv (863 of 8904 rows kept by county = Franklin)");

        HttpResponse<String> withoutTable = post("oh-" + UUID.randomUUID(), true, new MultipartBody()
                .file("precincts", "OH_franklin_precincts.zip", "application/zip", shapes)
                .file("mapping", "ohio-franklin.json", "application/json", mapping));
        assertThat(withoutTable.statusCode()).isEqualTo(400);
        assertThat(json(withoutTable).get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("path").asText()).isEqualTo("joinTable");
            assertThat(error.get("message").asText()).startsWith("is required: the mapping joins a table");
        });
    }

    static Stream<Arguments> badUploads() {
        String empty = "{\"type\": \"FeatureCollection\", \"features\": []}";
        return Stream.of(
                Arguments.of("no precinct file", (UnaryOperator<MultipartBody>) b -> b.file("mapping", "m.txt",
                        "new-hampshire"), "precincts"),
                Arguments.of("no mapping", (UnaryOperator<MultipartBody>) b -> b.file("precincts", "p.geojson",
                        empty), "mapping"),
                Arguments.of("unknown mapping", (UnaryOperator<MultipartBody>) b -> b.file("precincts", "p.geojson",
                        empty).file("mapping", "m.txt", "vermont"), "mapping"),
                Arguments.of("mapping not JSON", (UnaryOperator<MultipartBody>) b -> b.file("precincts", "p.geojson",
                        empty).file("mapping", "m.json", "{\"id\": "), "mapping"),
                Arguments.of("mapping naming a missing column", (UnaryOperator<MultipartBody>) b -> b.file("precincts",
                        "p.geojson", new String(SharedFiles.bytes("precincts/nh-precincts.geojson"),
                                StandardCharsets.UTF_8)).file("mapping", "m.json",
                        "{\"id\": [\"NO_SUCH_ID\"], \"registeredVoters\": \"VAP\", \"turnout\": \"0.6\", "
                                + "\"support\": {\"dem\": \"PRES16D\", \"rep\": \"PRES16R\"}}"), "precincts"),
                Arguments.of("not GeoJSON", (UnaryOperator<MultipartBody>) b -> b.file("precincts", "p.geojson",
                        "PK\u0003\u0004 not json").file("mapping", "m.txt", "new-hampshire"), "precincts"),
                Arguments.of("empty collection", (UnaryOperator<MultipartBody>) b -> b.file("precincts", "p.geojson",
                        empty).file("mapping", "m.txt", "new-hampshire"), "precincts"),
                Arguments.of("bad calendar", (UnaryOperator<MultipartBody>) b -> b.file("precincts", "p.geojson",
                        empty).file("mapping", "m.txt", "new-hampshire").file("calendar", "c.json",
                        "{\"timeZone\": \"Central\", \"electionDay\": \"2026-11-03\"}"), "calendar.timeZone"),
                Arguments.of("election day in the past", (UnaryOperator<MultipartBody>) b -> b.file("precincts",
                        "p.geojson", empty).file("mapping", "m.txt", "new-hampshire").file("calendar", "c.json",
                        "{\"timeZone\": \"America/New_York\", \"electionDay\": \"2020-11-03\"}"),
                        "calendar.electionDay"),
                Arguments.of("a European zone for New Hampshire", (UnaryOperator<MultipartBody>) b -> b.file(
                        "precincts", "p.geojson", new String(SharedFiles.bytes("precincts/nh-precincts.geojson"),
                                StandardCharsets.UTF_8)).file("mapping", "m.txt", "new-hampshire").file("calendar",
                        "c.json", "{\"timeZone\": \"Europe/Paris\", \"electionDay\": \"2026-11-03\"}"),
                        "calendar.timeZone"),
                Arguments.of("Honolulu without a calendar (the default weekend is Eastern time)",
                        (UnaryOperator<MultipartBody>) b -> b.file("precincts", "p.geojson", "{\"type\":"
                                + "\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                                + "{\"N\":\"a\",\"REG\":100,\"BAL\":50,\"D\":30,\"R\":20},\"geometry\":"
                                + "{\"type\":\"Polygon\",\"coordinates\":[[[-157.86,21.30],[-157.85,21.30],"
                                + "[-157.85,21.31],[-157.86,21.31],[-157.86,21.30]]]}}]}")
                                .file("mapping", "m.json", "{\"id\": \"N\", \"registeredVoters\": \"REG\", "
                                        + "\"ballots\": \"BAL\", \"support\": {\"dem\": \"D\", \"rep\": \"R\"}}"),
                        "calendar.timeZone"),
                Arguments.of("bad volunteer row", (UnaryOperator<MultipartBody>) b -> b.file("precincts", "p.geojson",
                        empty).file("mapping", "m.txt", "new-hampshire").file("volunteers", "v.csv",
                        VOLUNTEERS.replace("43.2081", "143.2081")), "volunteers.line 2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badUploads")
    void aBadUploadIsAProblemNamingThePartAndStoresNothing(String what, UnaryOperator<MultipartBody> parts,
            String path) {
        for (boolean dryRun : new boolean[] {true, false}) {
            String region = "bad-" + UUID.randomUUID();

            HttpResponse<String> response = post(region, dryRun, parts.apply(new MultipartBody()));

            assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json(response).get("errors")).as(what + ": " + response.body())
                    .anySatisfy(e -> assertThat(e.get("path").asText()).startsWith(path));
            assertThat(listed(region)).as(what).isFalse();
        }
    }

    @Test
    void aValidFileWithABadPartIsRejectedWholeAndTheRegionIdStaysFree() {
        String region = "nh-half-" + UUID.randomUUID();
        // The preset given as a plain form field (curl -F mapping=new-hampshire) reads as well as a file part.
        HttpResponse<String> dry = post(region, true, new MultipartBody()
                .file("precincts", "nh-precincts.geojson", "application/geo+json", newHampshire)
                .field("mapping", "new-hampshire").field("calendar", RegionImportTest.CENTRAL));
        assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
        assertThat(json(dry).at("/calendar/timeZone").asText()).isEqualTo("America/Chicago");

        HttpResponse<String> rejected = post(region, false, upload(newHampshire, "new-hampshire")
                .file("volunteers", "volunteers.csv", VOLUNTEERS.replace("CAR,30", "HOVERCRAFT,30")));

        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(400);
        assertThat(listed(region)).isFalse();
        assertThat(post(region, false, upload(newHampshire, "new-hampshire")).statusCode()).isEqualTo(201);
    }

    @Test
    void aBadRegionIdTooLargeAFileOrAnOrganizerAreRefused() {
        HttpResponse<String> badId = post("no%20spaces", true, upload(newHampshire, "new-hampshire"));
        assertThat(badId.statusCode()).as(badId.body()).isEqualTo(400);
        assertThat(json(badId).at("/errors/0/path").asText()).isEqualTo("regionId");

        // ri-precincts.geojson (8 MB) is over the test profile's 4 MB upload limit.
        String region = "ri-" + UUID.randomUUID();
        HttpResponse<String> tooLarge = post(region, false,
                upload(SharedFiles.bytes("precincts/ri-precincts.geojson"), "rhode-island"));
        assertThat(tooLarge.statusCode()).as(tooLarge.body()).isEqualTo(413);
        assertThat(listed(region)).isFalse();

        assertThat(api.postMultipart("/api/regions/" + region + "/import", ORGANIZER_1,
                upload(newHampshire, "new-hampshire")).statusCode()).isEqualTo(403);
        assertThat(new String(newHampshire, 0, 20, StandardCharsets.UTF_8)).contains("{");
    }
}
