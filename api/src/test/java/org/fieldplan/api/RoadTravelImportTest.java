package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An OpenStreetMap extract uploaded with a region (part {@code osm}): the import routes the volunteers over its
 * roads and says so; a file that is not an extract is a 400 naming the part, with nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoadTravelImportTest {

    @LocalServerPort
    int port;

    private ApiClient api;
    private byte[] newHampshire;

    @BeforeAll
    void start() {
        api = new ApiClient(port);
        newHampshire = SharedFiles.bytes("precincts/nh-precincts.geojson");
    }

    @Test
    void theVolunteersAreRoutedOverTheUploadedStreetsAndTheReportSaysWhereTheyEnd() {
        String region = "nh-roads-" + UUID.randomUUID();
        HttpResponse<String> stored = post(region, upload().file("osm", "concord.osm", concordStreets()));

        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        JsonNode lines = json(stored).get("roadTravel");
        assertThat(lines.get(0).asText()).startsWith("road network: OSM extract sha256 ");
        // The three homes lie inside the streets; all but the few precincts of central Concord are outside them.
        assertThat(lines.get(2).asText()).startsWith("outside the roads (straight-line estimate): 0 of 3 volunteers'")
                .containsPattern("3[01][0-9] of 320 precincts' meeting points");
    }

    @Test
    void aFileThatIsNotAnExtractIsRefusedNamingThePartAndNothingIsStored() {
        String region = "nh-roads-" + UUID.randomUUID();
        HttpResponse<String> refused = post(region, upload().file("osm", "roads.osm.pbf", "these are not roads"));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(json(refused).get("errors")).singleElement()
                .satisfies(error -> assertThat(error.get("path").asText()).isEqualTo("osm"));
        assertThat(api.get("/api/regions/" + region + "/calendar", STRATEGIST).statusCode()).isEqualTo(404);
    }

    private MultipartBody upload() {
        return new MultipartBody().file("precincts", "nh-precincts.geojson", "application/geo+json", newHampshire)
                .file("mapping", "mapping.txt", "new-hampshire")
                .file("calendar", "calendar.json", RegionImportTest.CENTRAL)
                .file("volunteers", "volunteers.csv", RegionImportTest.VOLUNTEERS);
    }

    private HttpResponse<String> post(String region, MultipartBody body) {
        return api.postMultipart("/api/regions/" + region + "/import", STRATEGIST, body);
    }

    /** 15 × 15 residential streets 100 m apart around the volunteers' homes in Concord: more than 200 junctions. */
    private static String concordStreets() {
        int size = 15;
        StringBuilder osm = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\">\n");
        for (int x = 0; x < size; x++) {
            for (int y = 0; y < size; y++) {
                osm.append(String.format(Locale.ROOT, "<node id=\"%d\" lat=\"%.6f\" lon=\"%.6f\" version=\"1\"/>%n",
                        1 + x * size + y, 43.199 + y * 0.001, -71.545 + x * 0.001));
            }
        }
        for (int line = 0; line < size; line++) {
            StringBuilder row = new StringBuilder("<way id=\"" + (1 + line) + "\" version=\"1\">");
            StringBuilder column = new StringBuilder("<way id=\"" + (101 + line) + "\" version=\"1\">");
            for (int i = 0; i < size; i++) {
                row.append("<nd ref=\"").append(1 + i * size + line).append("\"/>");
                column.append("<nd ref=\"").append(1 + line * size + i).append("\"/>");
            }
            String street = "<tag k=\"highway\" v=\"residential\"/></way>\n";
            osm.append(row).append(street).append(column).append(street);
        }
        return osm.append("</osm>\n").toString();
    }
}
