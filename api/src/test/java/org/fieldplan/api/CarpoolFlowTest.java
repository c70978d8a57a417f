package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Carpools over HTTP: walkers who can reach nothing worth canvassing alone ride with drivers to a precinct 40 km
 * away; the sheet says who drives whom and where the pick-up is; when a driver cancels, their riders are re-seated
 * with the other driver or sent home, and each is told.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CarpoolFlowTest {

    static final String SLOT = "2026-10-31-am";
    private static final Set<String> DRIVERS = Set.of("D1", "D2");
    static final List<String> RIDERS = List.of("R1", "R2", "R3");

    @LocalServerPort
    int port;

    @Test
    void ridersGoWithTheirDriverAndAreReseatedWhenTheDriverCancels() throws Exception {
        ApiClient api = new ApiClient(port);
        HttpResponse<String> submitted = api.postJson("/api/jobs?seconds=2", STRATEGIST, problem());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String jobId = json(submitted).get("id").asText();
        api.awaitEnd(jobId);

        List<JsonNode> riding = riding(sheet(api, jobId));
        assertThat(riding).as("walkers reach the far precinct only by car").isNotEmpty().allSatisfy(rider -> {
            assertThat(rider.at("/precinct/id").asText()).isEqualTo("FAR");
            assertThat(DRIVERS).contains(rider.at("/carpool/driver/volunteerId").asText());
            assertThat(rider.at("/carpool/pickUp/coordinates").size()).isEqualTo(2);
        });
        String cancelled = riding.get(0).at("/carpool/driver/volunteerId").asText();
        JsonNode driverRow = StreamSupport.stream(sheet(api, jobId).spliterator(), false)
                .filter(a -> a.get("volunteerId").asText().equals(cancelled)).findFirst().orElseThrow();
        assertThat(driverRow.at("/carpool/riders")).extracting(r -> r.get("volunteerId").asText())
                .contains(riding.get(0).get("volunteerId").asText());
        assertRidersPageNamesTheDriver(api, jobId, riding.get(0).get("volunteerId").asText(), cancelled);
        assertCsvSaysWhoDrivesWhom(api, jobId, riding.get(0).get("volunteerId").asText(), cancelled);
        List<String> seated = riding.stream()
                .filter(r -> r.at("/carpool/driver/volunteerId").asText().equals(cancelled))
                .map(r -> r.get("volunteerId").asText()).toList();
        for (String id : RIDERS) {
            HttpResponse<String> contact = api.send("PUT", "/api/jobs/" + jobId + "/volunteers/" + id + "/contact",
                    STRATEGIST, "application/json", "{\"email\":\"" + id.toLowerCase(Locale.ROOT)
                            + "@example.org\"}", null);
            assertThat(contact.statusCode()).as(contact.body()).isEqualTo(200);
        }

        HttpResponse<String> cancel = api.postJson("/api/jobs/" + jobId + "/cancellations", STRATEGIST,
                "{\"volunteerId\":\"" + cancelled + "\",\"slotId\":\"" + SLOT + "\"}");
        assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(200);
        JsonNode repair = json(cancel);
        assertThat(repair.get("mode").asText()).isEqualTo("REPAIRED");
        assertThat(repair.get("scoreAfter").asText()).startsWith("0hard");
        List<String> changed = new ArrayList<>();
        repair.get("changes").forEach(c -> changed.add(c.get("volunteerId").asText()));
        assertThat(changed).as("every rider of the cancelled driver is re-seated or moved").containsAll(seated);

        JsonNode after = sheet(api, jobId);
        assertThat(StreamSupport.stream(after.spliterator(), false))
                .noneMatch(a -> a.get("volunteerId").asText().equals(cancelled))
                .allSatisfy(a -> assertThat(a.at("/carpool/driver/volunteerId").asText("")).isNotEqualTo(cancelled));
        awaitChangeNotices(api, jobId, seated);
    }

    /** The rider's own page (what …/live/me serves for a live plan) names their driver and the pick-up point. */
    private static void assertRidersPageNamesTheDriver(ApiClient api, String jobId, String rider, String driver) {
        HttpResponse<String> link = api.postJson("/api/jobs/" + jobId + "/volunteer-links", STRATEGIST,
                "{\"volunteerId\":\"" + rider + "\"}");
        assertThat(link.statusCode()).as(link.body()).isEqualTo(201);
        HttpResponse<String> page = api.asVolunteer("GET", "/api/jobs/" + jobId + "/me",
                json(link).get("token").asText(), null);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        JsonNode shift = json(page).get("shifts").get(0);
        assertThat(shift.at("/carpool/driver/volunteerId").asText()).isEqualTo(driver);
        assertThat(shift.at("/carpool/driver/name").asText()).isEqualTo("Volunteer");
        assertThat(shift.at("/carpool/pickUp/coordinates").size()).isEqualTo(2);
    }

    /** The CSV sheet's carpool columns say what the JSON says: the rider's driver and pick-up, the driver's riders. */
    private static void assertCsvSaysWhoDrivesWhom(ApiClient api, String jobId, String rider, String driver) {
        HttpResponse<String> csv = api.get("/api/jobs/" + jobId + "/assignments.csv?date=2026-10-31", STRATEGIST);
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        List<String> header = cells(csv.body().split("\r\n")[0]);
        List<List<String>> rows = java.util.Arrays.stream(csv.body().split("\r\n")).skip(1)
                .map(CarpoolFlowTest::cells).toList();
        List<String> riderRow = rows.stream().filter(r -> r.get(0).equals(rider)).findFirst().orElseThrow();
        assertThat(riderRow.get(header.indexOf("rides_with"))).isEqualTo(driver + " Volunteer " + driver);
        assertThat(riderRow.get(header.indexOf("pick_up"))).startsWith("POINT (-71.4");
        List<String> driverRow = rows.stream().filter(r -> r.get(0).equals(driver)).findFirst().orElseThrow();
        assertThat(driverRow.get(header.indexOf("drives"))).contains(rider + " Volunteer " + rider);
        assertThat(driverRow.get(header.indexOf("rides_with"))).isEmpty();
    }

    /** One RFC 4180 line's cells (quoted cells may hold commas and doubled quotes). */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static List<JsonNode> riding(JsonNode assignments) {
        return StreamSupport.stream(assignments.spliterator(), false)
                .filter(a -> a.at("/carpool/driver").isObject()).toList();
    }

    private static JsonNode sheet(ApiClient api, String jobId) {
        return json(api.get("/api/jobs/" + jobId + "/assignments?date=2026-10-31", STRATEGIST)).get("assignments");
    }

    /** Each rider of the cancelled driver gets a change notice (the repair tells them once it is done). */
    private static void awaitChangeNotices(ApiClient api, String jobId, List<String> riders) {
        List<String> told = List.of();
        for (int attempt = 0; attempt < 50 && !told.containsAll(riders); attempt++) {
            ApiClient.sleep(100);
            told = StreamSupport.stream(json(api.get("/api/jobs/" + jobId + "/messages", STRATEGIST)).spliterator(),
                    false).filter(m -> m.get("kind").asText().equals("CHANGE"))
                    .map(m -> m.get("volunteerId").asText()).toList();
        }
        assertThat(told).containsAll(riders);
    }

    /** Two drivers with 2 seats each and three walkers at home; the near precinct is not worth canvassing. */
    private static String problem() {
        return problem("\"CANVASS\"");
    }

    /**
     * {@link #problem()} with the drivers' skills and more precincts.
     *
     * @param driverSkills the drivers' skills as JSON strings, e.g. {@code "CANVASS", "TEAM_LEAD"}
     */
    static String problem(String driverSkills, String... morePrecincts) {
        StringBuilder volunteers = new StringBuilder();
        double[] driverHomes = {-71.410, -71.412};
        for (int i = 0; i < 2; i++) {
            volunteers.append(volunteer("D" + (i + 1), driverHomes[i], "CAR", 90,
                    "\"seats\": 2, \"detourMinutes\": 15").replace("[\"CANVASS\"]", "[" + driverSkills + "]"))
                    .append(',');
        }
        for (int i = 0; i < RIDERS.size(); i++) {
            volunteers.append(volunteer(RIDERS.get(i), -71.42 - 0.005 * i, "WALK", 20, "\"canRide\": true"))
                    .append(i + 1 < RIDERS.size() ? "," : "");
        }
        StringBuilder precincts = new StringBuilder(precinct("NEAR", -71.40, 0.30) + ", "
                + precinct("FAR", -71.90, 0.70));
        for (String more : morePrecincts) {
            precincts.append(", ").append(more);
        }
        return """
                {"name": "carpool", "timeZone": "America/New_York",
                 "districts": [{"id": "HD-1", "expectedSupportShare": 0.5}],
                 "timeSlots": [{"id": "%s", "start": "2026-10-31T09:00", "end": "2026-10-31T12:00"}],
                 "precincts": [%s],
                 "volunteers": [%s]}
                """.formatted(SLOT, precincts, volunteers);
    }

    static String precinct(String id, double lon, double support) {
        return """
                {"id": "%s", "name": "%s", "geometry": {"type": "Polygon", "coordinates": [[[%s, 41.814], [%s, 41.814],
                  [%s, 41.826], [%s, 41.826], [%s, 41.814]]]}, "registeredVoters": 1500, "expectedTurnout": 0.6,
                  "supportShare": %s, "districtIds": ["HD-1"]}""".formatted(id, id, lon - 0.006, lon + 0.006,
                lon + 0.006, lon - 0.006, lon - 0.006, support);
    }

    private static String volunteer(String id, double lon, String mode, int minutes, String carpool) {
        return """
                {"id": "%s", "name": "Volunteer %s", "home": {"type": "Point", "coordinates": [%s, 41.82]},
                 "skills": ["CANVASS"], "languages": ["en"], "travelMode": "%s", "maxTravelMinutes": %d,
                 "availability": [{"start": "2026-10-31T09:00", "end": "2026-10-31T12:00"}], "maxShifts": 1,
                 "maxShiftsPerDay": 1, "organizerId": "org-1", "attendanceProbability": 0.9, %s}"""
                .formatted(id, id, lon, mode, minutes, carpool);
    }
}
