package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.ORGANIZER_1;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.fieldplan.api.demo.DemoLoader;
import org.fieldplan.api.streets.StreetLayer;
import org.fieldplan.data.DataStores;
import org.fieldplan.data.region.ProblemQuery;
import org.fieldplan.data.streets.StreetImporter;
import org.fieldplan.data.streets.StreetStore;
import org.fieldplan.domain.Precinct;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The region's own roads (issue 19, items 2 and 4): the generated demo region (size S) gets a town's roads from an
 * OpenStreetMap extract written by the test ({@link StreetGrid}); then, over real HTTP, the streets layer by zoom and
 * box, simplified, and bad requests; the sheets, CSV and calendar naming each meeting point's street; an upload's
 * extract checked in a dry run; and in headless Chromium the map's streets pane under the precincts and the volunteer
 * page's street-named meeting point (screenshots {@code map-streets.png}, {@code volunteer-street.png}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "fieldplan.demo.enabled=true", "fieldplan.demo.size=S", "fieldplan.demo.seconds=2",
        "fieldplan.now=2026-10-31T10:00"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreetsLayerTest {

    private static final String REGION = DemoLoader.REGION_ID;
    private static final Path SCREENSHOTS = Path.of(System.getProperty("fieldplan.screenshots", "target/screenshots"));

    @LocalServerPort
    int port;
    @Autowired
    DataStores stores;
    @Autowired
    StreetStore streetStore;
    @TempDir
    Path dir;

    private ApiClient api;
    private String liveJob;
    private Envelope regionBox;
    private StreetImporter.Result imported;

    @BeforeAll
    void importTheTownsRoads(@TempDir Path extractDir) {
        api = new ApiClient(port);
        liveJob = MapPageTest.awaitLivePlan(api, REGION);
        List<Precinct> precincts = stores.regions().load(ProblemQuery.of(REGION,
                stores.regions().calendar(REGION).firstDay().orElseThrow(),
                stores.regions().calendar(REGION).firstDay().orElseThrow())).precincts();
        regionBox = new Envelope();
        precincts.forEach(p -> regionBox.expandToInclude(p.getGeometry().getEnvelopeInternal()));
        imported = new StreetImporter(streetStore).importExtract(stores.regions(), REGION,
                StreetGrid.write(regionBox, extractDir), "town.osm");
    }

    private JsonNode layer(String bbox, int zoom) {
        HttpResponse<String> response = api.get("/api/regions/" + REGION + "/streets?bbox=" + bbox + "&zoom=" + zoom,
                ORGANIZER_1);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/geo+json");
        assertThat(response.headers().firstValue("ETag")).isPresent();
        return json(response);
    }

    private static String bbox(Envelope box) {
        return box.getMinX() + "," + box.getMinY() + "," + box.getMaxX() + "," + box.getMaxY();
    }

    private static int points(JsonNode layer, String name) {
        int points = 0;
        for (JsonNode feature : layer.get("features")) {
            if (name.equals(feature.at("/properties/name").asText())) {
                points += feature.at("/geometry/coordinates").size();
            }
        }
        return points;
    }

    @Test
    void everyPrecinctMeetsOnANamedStreet() {
        assertThat(imported.precincts()).isEqualTo(50);
        assertThat(imported.named()).isEqualTo(imported.precincts());
        assertThat(imported.line()).contains("meeting points of 50 of 50 precincts on a named street");
    }

    @Test
    void zoomedOutTheLayerHasMajorRoadsOnlyZoomedInEveryRoadSimplifiedToThePixel() {
        JsonNode out = layer(bbox(regionBox), 11);
        assertThat(out.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(out.get("majorOnly").asBoolean()).isTrue();
        assertThat(out.get("truncated").asBoolean()).isFalse();
        assertThat(out.get("features")).isNotEmpty().allSatisfy(f -> {
            assertThat(f.at("/properties/roadClass").asText()).isEqualTo("primary");
            assertThat(f.at("/geometry/type").asText()).isEqualTo("LineString");
        });

        Envelope centre = new Envelope(regionBox.centre());
        centre.expandBy(0.01);
        JsonNode in = layer(bbox(centre), 16);
        assertThat(in.get("majorOnly").asBoolean()).isFalse();
        List<String> classes = new ArrayList<>();
        in.get("features").forEach(f -> classes.add(f.at("/properties/roadClass").asText()));
        assertThat(classes).contains("residential", "service");
        assertThat(in.get("features")).anySatisfy(f -> assertThat(f.at("/properties/name").asText())
                .matches("(Maple Street|Oak Avenue|Elm Road|High Street|Cedar Lane) \\d+"));

        // Route 1's wiggle (1 m) is below a pixel zoomed out and kept zoomed in.
        String route = "Route 1";
        Envelope around = new Envelope(regionBox);
        around.expandBy(0.01);
        int zoomedOut = points(layer(bbox(around), 11), route);
        int zoomedIn = points(layer(bbox(around), 18), route);
        assertThat(zoomedIn).isGreaterThan(100);
        assertThat(zoomedOut).isBetween(2, zoomedIn / 10);

        Envelope elsewhere = new Envelope(10, 11, 10, 11);
        assertThat(layer(bbox(elsewhere), 16).get("features")).isEmpty();
    }

    @Test
    void badBoxesZoomsAndRegionsAreProblemsNamingTheField() {
        for (String query : List.of("bbox=1,2,3&zoom=12", "bbox=5,5,1,1&zoom=12", "bbox=a,b,c,d&zoom=12",
                "zoom=12", "bbox=-200,0,1,1&zoom=12")) {
            HttpResponse<String> response = api.get("/api/regions/" + REGION + "/streets?" + query, STRATEGIST);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(json(response).at("/errors/0/path").asText()).as(query).isEqualTo("bbox");
        }
        for (String zoom : List.of("30", "-1", "abc", "")) {
            HttpResponse<String> response = api.get("/api/regions/" + REGION + "/streets?bbox=0,0,1,1&zoom=" + zoom,
                    STRATEGIST);
            assertThat(response.statusCode()).as(zoom).isEqualTo(400);
            assertThat(json(response).at("/errors/0/path").asText()).as(zoom).isEqualTo("zoom");
        }
        assertThat(api.get("/api/regions/nowhere/streets?bbox=0,0,1,1&zoom=3", STRATEGIST).statusCode())
                .isEqualTo(404);
        assertThat(api.get("/api/regions/" + REGION + "/streets?bbox=0,0,1,1&zoom=3", null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void sheetsCsvAndCalendarsNameTheMeetingPointsStreet() {
        JsonNode sheet = json(api.get("/api/jobs/" + liveJob + "/assignments", STRATEGIST));
        assertThat(sheet.get("assignments")).isNotEmpty().allSatisfy(a -> {
            JsonNode meeting = a.at("/precinct/meetingPoint");
            assertThat(meeting.get("street").asText()).matches("([A-Z][a-z]+ )+\\d+");
            assertThat(meeting.get("label").asText()).isEqualTo(meeting.get("street").asText());
            assertThat(meeting.get("point")).as("on the street, not at the centre").isNotEqualTo(
                    a.at("/precinct/centroid"));
        });
        JsonNode first = sheet.at("/assignments/0");
        String street = first.at("/precinct/meetingPoint/street").asText();

        String csv = api.get("/api/jobs/" + liveJob + "/assignments.csv", STRATEGIST).body();
        assertThat(csv.lines().findFirst().orElseThrow()).contains(",meeting_point,meeting_lon,meeting_lat,");
        assertThat(csv).contains("," + street + ",");

        JsonNode trips = json(api.send("GET", "/api/jobs/" + liveJob + "/assignments", STRATEGIST, null, null,
                "application/geo+json"));
        assertThat(trips.get("features")).filteredOn(f -> f.at("/properties/kind").asText().equals("trip")
                && f.at("/properties/volunteerId").asText().equals(first.get("volunteerId").asText())
                && f.at("/properties/slotId").asText().equals(first.get("slotId").asText()))
                .singleElement().satisfies(trip -> assertThat(trip.at("/geometry/coordinates/1"))
                        .as("the trip ends where the team meets")
                        .isEqualTo(first.at("/precinct/meetingPoint/point/coordinates")));

        String ics = api.get("/api/jobs/" + liveJob + "/volunteers/" + first.get("volunteerId").asText()
                + "/calendar.ics", STRATEGIST).body();
        assertThat(ics).contains("LOCATION:" + street + "\\, Precinct " + first.at("/precinct/id").asText());
        assertThat(ics).contains("GEO:" + first.at("/precinct/meetingPoint/point/coordinates/1").asText() + ";");
    }

    @Test
    void anUploadsExtractIsCheckedInADryRunAndAnUnreadableOneIsRefusedNamingThePart() throws Exception {
        Envelope box = new Envelope(-83.01, -82.99, 39.99, 40.01);
        byte[] extract = Files.readAllBytes(StreetGrid.write(box, dir));
        String precincts = """
                {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"ID": "A", "REG": 900},
                 "geometry": {"type": "Polygon", "coordinates": [[[-83.005, 39.995], [-82.995, 39.995],
                 [-82.995, 40.005], [-83.005, 40.005], [-83.005, 39.995]]]}}]}""";
        String mapping = "{\"id\": \"ID\", \"registeredVoters\": \"REG\", \"turnout\": \"0.6\", "
                + "\"support\": {\"share\": \"0.55\"}, \"state\": \"OH\"}";
        MultipartBody body = new MultipartBody()
                .file("precincts", "town.geojson", "application/geo+json", precincts.getBytes(StandardCharsets.UTF_8))
                .file("mapping", "town.json", mapping)
                .file("calendar", "calendar.json", RegionImportTest.CENTRAL);

        HttpResponse<String> dry = api.postMultipart("/api/regions/town/import?dryRun=true", STRATEGIST,
                body.file("osm", "town.osm", "application/xml", extract));

        assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
        assertThat(json(dry).at("/streets/named").asInt()).isEqualTo(1);
        assertThat(json(dry).at("/streets/line").asText()).startsWith("streets: ").contains("from town.osm");

        HttpResponse<String> junk = api.postMultipart("/api/regions/town/import?dryRun=true", STRATEGIST,
                new MultipartBody()
                        .file("precincts", "town.geojson", "application/geo+json",
                                precincts.getBytes(StandardCharsets.UTF_8))
                        .file("mapping", "town.json", mapping)
                        .file("calendar", "calendar.json", RegionImportTest.CENTRAL)
                        .file("osm", "roads.osm.pbf", "application/octet-stream", new byte[] {1, 2, 3}));
        assertThat(junk.statusCode()).as(junk.body()).isEqualTo(400);
        assertThat(json(junk).at("/errors/0/path").asText()).isEqualTo("osm");
        assertThat(json(junk).at("/errors/0/message").asText()).contains("roads.osm.pbf").doesNotContain("/tmp");
    }

    @Test
    void theMapDrawsTheRegionsStreetsUnderThePrecinctShading() {
        try (HeadlessChromium browser = new HeadlessChromium(1280, 900)) {
            browser.driver().get("http://localhost:" + port + "/");
            browser.await("the key field", d -> d.findElement(By.id("api-key"))).sendKeys(STRATEGIST, Keys.ENTER);
            awaitStreets(browser, -1);
            assertThat(browser.driver().findElements(By.cssSelector(".leaflet-streets-pane path.street.major")))
                    .isNotEmpty();
            assertThat(browser.driver().findElements(By.cssSelector(".leaflet-streets-pane path.street:not(.major)")))
                    .as("zoomed out: major roads only").isEmpty();
            assertThat(browser.driver().findElement(By.id("legend")).getText()).contains("road (OpenStreetMap)");
            assertThat(browser.driver().findElement(By.cssSelector(".leaflet-control-attribution")).getText())
                    .contains("OpenStreetMap contributors");
            assertThat(browser.script("const z = c => Number(getComputedStyle(document.querySelector(c)).zIndex);"
                    + " return z('.leaflet-streets-pane') < z('.leaflet-overlay-pane')"))
                    .as("the streets lie under the precinct shading").isEqualTo(true);

            int zoom = awaitStreets(browser, -1);
            assertThat(zoom).isLessThan(StreetLayer.ALL_ROADS_FROM_ZOOM);
            while (zoom < StreetLayer.ALL_ROADS_FROM_ZOOM) {
                browser.driver().findElement(By.cssSelector(".leaflet-control-zoom-in")).click();
                zoom = awaitStreets(browser, zoom);
            }
            assertThat(browser.driver().findElements(By.cssSelector(".leaflet-streets-pane path.street:not(.major)")))
                    .as("zoomed in: every road").isNotEmpty();
            List<String> outside = browser.requestedUrls().stream()
                    .filter(url -> url.matches("(?i)(https?|wss?)://.*"))
                    .filter(url -> !url.startsWith("http://localhost:" + port + "/")).toList();
            assertThat(outside).isEmpty();
            browser.screenshot(SCREENSHOTS.resolve("map-streets.png"));
        }
    }

    /**
     * Waits for streets drawn for a zoom above {@code after} (the page notes their count and zoom on the map); that
     * zoom.
     */
    private static int awaitStreets(HeadlessChromium browser, int after) {
        return browser.await("streets drawn for a zoom above " + after, d -> {
            Object drawn = browser.script("const m = document.getElementById('map').dataset;"
                    + " return m.streets > 0 ? Number(m.streetsZoom) : null");
            return drawn != null && ((Number) drawn).intValue() > after ? ((Number) drawn).intValue() : null;
        });
    }

    @Test
    void theVolunteerPageShowsTheStreetToMeetOn() {
        JsonNode any = json(api.get("/api/jobs/" + liveJob + "/assignments", STRATEGIST)).at("/assignments/0");
        JsonNode shift = json(api.get("/api/jobs/" + liveJob + "/assignments?links=true&organizer="
                + any.get("organizerId").asText(), STRATEGIST)).at("/assignments/0");
        String street = shift.at("/precinct/meetingPoint/street").asText();
        try (HeadlessChromium browser = new HeadlessChromium(390, 844)) {
            browser.driver().get(shift.get("volunteerLink").asText());
            WebElement meeting = browser.await("the shifts", d -> d.findElements(
                    By.cssSelector("li.shift[data-slot='" + shift.get("slotId").asText() + "'] .meeting-point"))
                    .stream().findFirst().orElse(null));
            assertThat(meeting.getText()).isEqualTo(street);
            assertThat(browser.driver().findElement(By.id("shifts")).getText())
                    .doesNotContain("centre of the precinct");
            browser.screenshot(SCREENSHOTS.resolve("volunteer-street.png"));
        }
    }
}
