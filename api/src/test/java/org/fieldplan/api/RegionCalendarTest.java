package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.ORGANIZER_1;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fieldplan.data.DataStores;
import org.fieldplan.data.importer.SampleRegions;
import org.fieldplan.data.generator.RegionSize;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Central-time campaign over real HTTP: the calendar set on a stored region, a job over its whole calendar, and
 * volunteers' iCalendar files whose times are right in America/Chicago across the end of daylight saving time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegionCalendarTest {

    private static final String CENTRAL = "{\"timeZone\": \"America/Chicago\", \"electionDay\": \"2026-11-03\"}";
    private static final DateTimeFormatter ICS_LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    @LocalServerPort
    int port;

    @Autowired
    DataStores stores;

    private ApiClient api;
    private String regionId;

    @BeforeAll
    void storeARegion() {
        api = new ApiClient(port);
        regionId = "central-" + UUID.randomUUID();
        new SampleRegions(stores.regions()).generated(regionId, RegionSize.S, 11);
    }

    private HttpResponse<String> putCalendar(String region, String body) {
        return api.send("PUT", "/api/regions/" + region + "/calendar", STRATEGIST, "application/json", body, null);
    }

    @Test
    void aCentralTimeCalendarGivesSlotsAndICalendarTimesInChicago() {
        HttpResponse<String> set = putCalendar(regionId, CENTRAL);
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        JsonNode calendar = json(set);
        assertThat(calendar.get("timeZone").asText()).isEqualTo("America/Chicago");
        assertThat(calendar.get("firstDay").asText()).isEqualTo("2026-10-31");
        assertThat(calendar.get("lastDay").asText()).isEqualTo("2026-11-03");
        assertThat(calendar.at("/declared/electionDay").asText()).isEqualTo("2026-11-03");
        JsonNode slots = calendar.get("slots");
        assertThat(slots).hasSize(10);
        // Saturday 09:00 CDT (UTC−5); Monday evening 17:00 CST (UTC−6) after the clocks went back on Sunday.
        assertThat(slots.get(0).get("id").asText()).isEqualTo("2026-10-31-am");
        assertThat(slots.get(0).get("start").asText()).isEqualTo("2026-10-31T09:00");
        assertThat(slots.get(0).get("startUtc").asText()).isEqualTo("2026-10-31T14:00:00Z");
        assertThat(slots.get(6).get("id").asText()).isEqualTo("2026-11-02-eve");
        assertThat(slots.get(6).get("startUtc").asText()).isEqualTo("2026-11-02T23:00:00Z");
        // The generated region lies at 71.4° W, solar time UTC−4.8: Central time is 1.2 hours off, set with a warning.
        assertThat(calendar.get("warnings")).singleElement().satisfies(w -> assertThat(w.asText())
                .startsWith("CHECK THE TIME ZONE: time zone America/Chicago (standard time UTC-06:00) is 1.2 hours"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) calendar).putArray("warnings");
        assertThat(json(api.get("/api/regions/" + regionId + "/calendar", STRATEGIST))).isEqualTo(calendar);

        // A job without dates covers the whole calendar.
        HttpResponse<String> submitted = api.postJson("/api/jobs", STRATEGIST,
                "{\"regionId\": \"" + regionId + "\", \"seconds\": 1}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String jobId = json(submitted).get("id").asText();
        api.awaitEnd(jobId);
        JsonNode plan = json(api.get("/api/jobs/" + jobId + "/plan", STRATEGIST));
        List<String> slotIds = new ArrayList<>();
        slots.forEach(slot -> slotIds.add(slot.get("id").asText()));
        JsonNode assignments = plan.get("assignments");
        assertThat(assignments).isNotEmpty();
        assertThat(assignments).allSatisfy(a -> assertThat(slotIds).contains(a.get("slotId").asText()));

        String volunteerId = assignments.get(0).get("volunteerId").asText();
        HttpResponse<String> ics = api.get("/api/jobs/" + jobId + "/volunteers/" + volunteerId + "/calendar.ics",
                STRATEGIST);
        assertThat(ics.statusCode()).as(ics.body()).isEqualTo(200);
        String text = ics.body().replace("\r\n ", "");
        assertThat(text).contains("TZID:America/Chicago\r\n").contains("TZOFFSETFROM:-0500\r\nTZOFFSETTO:-0600");
        Matcher start = Pattern.compile("DTSTART;TZID=America/Chicago:(\\d{8}T\\d{6})").matcher(text);
        List<String> slotStarts = new ArrayList<>();
        slots.forEach(slot -> slotStarts.add(LocalDateTime.parse(slot.get("start").asText()).format(ICS_LOCAL)));
        int events = 0;
        while (start.find()) {
            events++;
            // Every shift starts at a slot's local Chicago time, not shifted by an Eastern offset.
            assertThat(slotStarts).contains(start.group(1));
            LocalDateTime local = LocalDateTime.parse(start.group(1), ICS_LOCAL);
            assertThat(local.getHour()).isIn(9, 12, 15, 17);
            assertThat(local.atZone(ZoneId.of("America/Chicago")).getOffset().getTotalSeconds() / 3600)
                    .isIn(-5, -6);
        }
        assertThat(events).isPositive();

        // The plan now uses the calendar's slots: a calendar that drops them is refused and nothing changes.
        HttpResponse<String> dropped = putCalendar(regionId,
                "{\"timeZone\": \"America/Chicago\", \"from\": \"2026-11-05\", \"to\": \"2026-11-06\"}");
        assertThat(dropped.statusCode()).as(dropped.body()).isEqualTo(409);
        assertThat(json(dropped).get("detail").asText()).contains("would drop or move slots that stored plans use");
        assertThat(json(api.get("/api/regions/" + regionId + "/calendar", STRATEGIST))).isEqualTo(calendar);
    }

    @Test
    void anElectionDayInThePastOrAZoneHoursFromTheRegionIsRefusedNamingTheField() {
        String region = "central-past-" + UUID.randomUUID();
        new SampleRegions(stores.regions()).generated(region, RegionSize.S, 13);
        JsonNode before = json(api.get("/api/regions/" + region + "/calendar", STRATEGIST));

        // "Now" is fieldplan.now = 2026-10-31T08:00 (application-test.properties).
        HttpResponse<String> past = putCalendar(region, "{\"timeZone\": \"America/New_York\", "
                + "\"electionDay\": \"2020-11-03\"}");
        assertThat(past.statusCode()).as(past.body()).isEqualTo(400);
        assertThat(json(past).get("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("path").asText()).isEqualTo("electionDay");
            assertThat(e.get("message").asText()).startsWith("2020-11-03 is in the past (today is 2026-10-31");
        });
        HttpResponse<String> pastDays = putCalendar(region, "{\"timeZone\": \"America/New_York\", "
                + "\"from\": \"2020-10-31\", \"to\": \"2020-11-03\"}");
        assertThat(pastDays.statusCode()).as(pastDays.body()).isEqualTo(400);
        assertThat(json(pastDays).at("/errors/0/path").asText()).isEqualTo("to");

        HttpResponse<String> european = putCalendar(region, "{\"timeZone\": \"Europe/Berlin\", "
                + "\"electionDay\": \"2026-11-03\"}");
        assertThat(european.statusCode()).as(european.body()).isEqualTo(400);
        assertThat(json(european).get("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("path").asText()).isEqualTo("timeZone");
            assertThat(e.get("message").asText()).contains("Europe/Berlin").contains("cannot be the region's zone");
        });
        assertThat(json(api.get("/api/regions/" + region + "/calendar", STRATEGIST))).isEqualTo(before);

        HttpResponse<String> eastern = putCalendar(region, "{\"timeZone\": \"America/New_York\", "
                + "\"electionDay\": \"2026-11-03\"}");
        assertThat(eastern.statusCode()).as(eastern.body()).isEqualTo(200);
        assertThat(json(eastern).get("warnings")).isEmpty();
    }

    @Test
    void aJobForAnOrganizerWithoutVolunteersInTheRegionIsRefusedNamingTheField() {
        String region = "central-organizer-" + UUID.randomUUID();
        new SampleRegions(stores.regions()).generated(region, RegionSize.S, 14);

        HttpResponse<String> unknown = api.postJson("/api/jobs", STRATEGIST,
                "{\"regionId\": \"" + region + "\", \"organizerId\": \"org-99\", \"seconds\": 1}");

        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
        assertThat(json(unknown).get("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("path").asText()).isEqualTo("organizerId");
            assertThat(e.get("message").asText()).contains("org-99").contains("org-1");
        });
    }

    @Test
    void aBadCalendarIsAProblemDetailNamingTheFieldAndChangesNothing() {
        String region = "central-bad-" + UUID.randomUUID();
        new SampleRegions(stores.regions()).generated(region, RegionSize.S, 12);
        JsonNode before = json(api.get("/api/regions/" + region + "/calendar", STRATEGIST));

        HttpResponse<String> bad = putCalendar(region, "{\"timeZone\": \"America/Chicgo\", \"from\": \"2026-11-01\","
                + " \"to\": \"2026-10-01\"}");

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(bad).get("errors")).extracting(e -> e.get("path").asText()).contains("timeZone", "to");
        assertThat(json(api.get("/api/regions/" + region + "/calendar", STRATEGIST))).isEqualTo(before);
        assertThat(before.get("declared").isNull()).isTrue();
        assertThat(before.get("timeZone").asText()).isEqualTo("America/New_York");

        assertThat(putCalendar(region, "").statusCode()).isEqualTo(400);
        assertThat(putCalendar("no-such-region", CENTRAL).statusCode()).isEqualTo(404);
        assertThat(api.send("PUT", "/api/regions/" + region + "/calendar", ORGANIZER_1, "application/json", CENTRAL,
                null).statusCode()).isEqualTo(403);
        assertThat(json(api.get("/api/regions", STRATEGIST))).anySatisfy(
                r -> assertThat(r.get("id").asText()).isEqualTo(region));
    }
}
