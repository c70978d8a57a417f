package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.ADMIN;
import static org.fieldplan.api.ApiClient.ORGANIZER_1;
import static org.fieldplan.api.ApiClient.STRATEGIST;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Bad requests over real HTTP: each gets its 4xx status as an RFC 7807 problem that names the field or the
 * problem, never a 500 and never a stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadRequestTest {

    /** Stands for the id of a solved job in a case's path. */
    private static final String JOB = "{job}";
    /** Stands for a solved job of another problem (the small example without its last precinct). */
    private static final String OTHER_JOB = "{other}";
    private static final String RECOMMEND = "/api/jobs/" + JOB + "/recommendations?";
    private static final String WINDOW = "&from=2026-10-31T09:00&to=2026-10-31T16:00";

    @LocalServerPort
    int port;

    private ApiClient api;
    private String solvedJobId;
    private String otherJobId;

    @BeforeAll
    void solveTwoJobs() {
        api = new ApiClient(port);
        solvedJobId = api.solveSmallProblem();
        otherJobId = api.solveSmallProblemWithoutLastPrecinct();
    }

    record Case(String name, String method, String path, String key, String contentType, String body,
            int status, String mentions) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // ---- problem JSON ----
                post("malformed JSON", "{\"name\": ", 400, "malformed JSON"),
                post("not an object", "[1, 2]", 400, "must be a JSON object"),
                post("empty body", "", 400, "body"),
                post("number as string", problem(p -> precinct(p, 0).put("registeredVoters", "12")), 400,
                        "registeredVoters"),
                post("missing required field", problem(p -> precinct(p, 0).remove("supportShare")), 400,
                        "supportShare"),
                post("unknown field", problem(p -> p.put("colour", "red")), 400, "colour"),
                post("unknown enum value", problem(p -> volunteer(p, 0).put("travelMode", "JETPACK")), 400,
                        "travelMode"),
                post("seats offered without a car", problem(p -> volunteer(p, 0).put("seats", 2)), 400,
                        "volunteers[0] (id \\\"V01\\\").seats"),
                post("ride with an unknown driver", problem(p -> ((ObjectNode) p.get("assignments").get(0))
                        .put("rideWith", "V99")), 400, "assignments[0].rideWith"),
                post("self-intersecting polygon", problem(p -> precinct(p, 0).set("geometry", json(
                        "{\"type\":\"Polygon\",\"coordinates\":[[[-71.40,41.81],[-71.39,41.82],[-71.39,41.81],"
                                + "[-71.40,41.82],[-71.40,41.81]]]}"))),
                        400, "geometry"),
                post("point as precinct geometry", problem(p -> precinct(p, 0).set("geometry",
                        json("{\"type\":\"Point\",\"coordinates\":[-71.4,41.8]}"))), 400, "geometry"),
                post("longitude out of range", problem(p -> volunteer(p, 0).set("home",
                        json("{\"type\":\"Point\",\"coordinates\":[200.0,41.8]}"))), 400, "home"),
                post("latitude out of range", problem(p -> volunteer(p, 1).set("home",
                        json("{\"type\":\"Point\",\"coordinates\":[-71.4,95.0]}"))), 400, "home"),
                post("no time slots", problem(p -> p.putArray("timeSlots")), 400, "timeSlots"),
                post("no precincts", problem(p -> p.putArray("precincts")), 400, "precincts"),
                post("slot ends before it starts", problem(p -> ((ObjectNode) p.withArray("timeSlots").get(0))
                        .put("end", "2026-10-31T08:00")), 400, "timeSlots[0]"),
                post("availability window inverted", problem(p -> ((ObjectNode) volunteer(p, 0)
                        .withArray("availability").get(0)).put("end", "2026-10-31T08:00")), 400, "availability"),
                post("share above 1", problem(p -> precinct(p, 1).put("supportShare", 1.5)), 400, "supportShare"),
                post("negative count", problem(p -> volunteer(p, 2).put("maxShifts", -1)), 400, "maxShifts"),
                post("fractional count", problem(p -> volunteer(p, 2).put("maxShiftsPerDay", 2.5)), 400,
                        "maxShiftsPerDay"),
                post("duplicate precinct id", problem(p -> precinct(p, 1).put("id", precinct(p, 0).get("id")
                        .asText())), 400, "id"),
                post("assignment to unknown precinct", problem(p -> ((ObjectNode) p.withArray("assignments")
                        .get(0)).put("precinctId", "P9999")), 400, "assignments[0]"),
                post("unknown time zone", problem(p -> p.put("timeZone", "Mars/Olympus")), 400, "timeZone"),
                post("unknown weight", problem(p -> p.withObject("weights").put("happiness", "1soft")), 400,
                        "happiness"),
                post("negative weight", problem(p -> p.withObject("weights").put("travelTime", "-5soft")), 400,
                        "travelTime"),
                new Case("seconds not a number", "POST", "/api/jobs?seconds=abc", STRATEGIST, "application/json",
                        ApiClient.smallProblem(), 400, "seconds"),
                new Case("seconds zero", "POST", "/api/jobs?seconds=0", STRATEGIST, "application/json",
                        ApiClient.smallProblem(), 400, "seconds"),
                new Case("seconds over the maximum", "POST", "/api/jobs?seconds=100000", STRATEGIST,
                        "application/json", ApiClient.smallProblem(), 400, "seconds"),
                post("body over the size limit", "{\"name\": \"" + "x".repeat(70_000) + "\"}", 413, "limit"),
                // ---- stored-data reference ----
                post("unknown region", "{\"regionId\":\"atlantis\",\"from\":\"2026-10-31\",\"to\":\"2026-11-01\"}",
                        400, "regionId"),
                post("unreadable date", "{\"regionId\":\"demo\",\"from\":\"31/10/2026\",\"to\":\"2026-11-01\"}",
                        400, "from"),
                post("range ends before it starts",
                        "{\"regionId\":\"demo\",\"from\":\"2026-11-02\",\"to\":\"2026-11-01\"}", 400, "to"),
                // A missing date means the region's whole calendar (RegionCalendarTest); for an unknown region that is
                // the region's error.
                post("missing date of an unknown region", "{\"regionId\":\"atlantis\",\"to\":\"2026-11-01\"}", 400,
                        "regionId"),
                post("unknown reference field",
                        "{\"regionId\":\"demo\",\"from\":\"2026-10-31\",\"to\":\"2026-11-01\",\"colour\":1}", 400,
                        "colour"),
                post("weights not an object",
                        "{\"regionId\":\"demo\",\"from\":\"2026-10-31\",\"to\":\"2026-11-01\",\"weights\":5}", 400,
                        "weights"),
                post("seconds as text",
                        "{\"regionId\":\"demo\",\"from\":\"2026-10-31\",\"to\":\"2026-11-01\",\"seconds\":\"5\"}",
                        400, "seconds"),
                // ---- keys and roles ----
                new Case("no API key", "GET", "/api/jobs", null, null, null, 401, "X-Api-Key"),
                new Case("unknown API key", "GET", "/api/jobs", "guess", null, null, 401, "not valid"),
                new Case("organizer submits a job", "POST", "/api/jobs", ORGANIZER_1, "application/json",
                        ApiClient.smallProblem(), 403, "ORGANIZER"),
                new Case("organizer asks for an explanation", "GET", "/api/jobs/" + JOB + "/explain", ORGANIZER_1,
                        null, null, 403, "ORGANIZER"),
                new Case("organizer reads another organizer", "GET",
                        "/api/jobs/" + JOB + "/assignments?organizer=org-2", ORGANIZER_1, null, null, 403, "org-1"),
                new Case("organizer reads another organizer's volunteer", "GET",
                        "/api/jobs/" + JOB + "/volunteers/V04/calendar.ics", ORGANIZER_1, null, null, 403,
                        "another organizer"),
                // ---- unknown ids and bad parameters ----
                new Case("unknown job", "GET", "/api/jobs/no-such-job", STRATEGIST, null, null, 404, "no-such-job"),
                new Case("plan of unknown job", "GET", "/api/jobs/no-such-job/plan", STRATEGIST, null, null, 404,
                        "job"),
                new Case("terminate unknown job", "POST", "/api/jobs/no-such-job/terminate", ADMIN, null, null, 404,
                        "job"),
                new Case("unknown volunteer's calendar", "GET", "/api/jobs/" + JOB + "/volunteers/V99/calendar.ics",
                        STRATEGIST, null, null, 404, "V99"),
                new Case("unknown precinct to explain", "GET", "/api/jobs/" + JOB + "/explain?precinct=P9999",
                        STRATEGIST, null, null, 404, "P9999"),
                new Case("unreadable date parameter", "GET", "/api/jobs/" + JOB + "/assignments?date=Saturday",
                        STRATEGIST, null, null, 400, "date"),
                new Case("unknown organizer", "GET", "/api/jobs/" + JOB + "/assignments?organizer=org-99",
                        STRATEGIST, null, null, 400, "org-99"),
                new Case("unreadable links parameter", "GET", "/api/jobs/" + JOB + "/assignments?links=sometimes",
                        STRATEGIST, null, null, 400, "links"),
                // ---- re-planning ----
                new Case("cancellation without volunteer", "POST", "/api/jobs/" + JOB + "/cancellations", STRATEGIST,
                        "application/json", "{\"slotId\":\"2026-10-31-am\"}", 400, "volunteerId"),
                new Case("cancellation of unknown volunteer", "POST", "/api/jobs/" + JOB + "/cancellations",
                        STRATEGIST, "application/json", "{\"volunteerId\":\"V99\"}", 400, "V99"),
                new Case("cancellation in unknown slot", "POST", "/api/jobs/" + JOB + "/cancellations", STRATEGIST,
                        "application/json", "{\"volunteerId\":\"V01\",\"slotId\":\"someday\"}", 400, "slotId"),
                new Case("organizer cancels another organizer's volunteer", "POST",
                        "/api/jobs/" + JOB + "/cancellations", ORGANIZER_1, "application/json",
                        "{\"volunteerId\":\"V04\"}", 403, "another organizer"),
                new Case("field report with negative doors", "POST", "/api/jobs/" + JOB + "/field-reports",
                        STRATEGIST, "application/json", "{\"volunteerId\":\"V01\",\"slotId\":\"2026-10-31-am\","
                                + "\"doorsKnocked\":-3,\"contacts\":0}", 400, "doorsKnocked"),
                new Case("field report with doors as text", "POST", "/api/jobs/" + JOB + "/field-reports",
                        STRATEGIST, "application/json", "{\"volunteerId\":\"V01\",\"slotId\":\"2026-10-31-am\","
                                + "\"doorsKnocked\":\"many\",\"contacts\":0}", 400, "doorsKnocked"),
                new Case("field report missing counts", "POST", "/api/jobs/" + JOB + "/field-reports", STRATEGIST,
                        "application/json", "{\"volunteerId\":\"V01\",\"slotId\":\"2026-10-31-am\"}", 400,
                        "contacts"),
                new Case("field report with malformed JSON", "POST", "/api/jobs/" + JOB + "/field-reports",
                        STRATEGIST, "application/json", "{\"volunteerId\":", 400, "malformed JSON"),
                // ---- comparing plans ----
                new Case("compare with unknown job", "GET", "/api/jobs/" + JOB + "/compare/no-such-job", STRATEGIST,
                        null, null, 404, "no-such-job"),
                new Case("compare plans of different problems", "GET", "/api/jobs/" + JOB + "/compare/" + OTHER_JOB,
                        STRATEGIST, null, null, 409, "different problems"),
                new Case("organizer compares plans", "GET", "/api/jobs/" + JOB + "/compare/" + JOB, ORGANIZER_1,
                        null, null, 403, "ORGANIZER"),
                // ---- recommendations ----
                recommend("recommendation without a time", "home=-71.41,41.82", 400, "from"),
                recommend("recommendation with inverted window",
                        "home=-71.41,41.82&from=2026-10-31T16:00&to=2026-10-31T09:00", 400, "to"),
                recommend("recommendation with unreadable date", "home=-71.41,41.82&from=Saturday&to=2026-10-31T16:00",
                        400, "from"),
                recommend("recommendation without home", WINDOW.substring(1), 400, "home"),
                recommend("recommendation with unreadable home", "home=near+the+park" + WINDOW, 400, "home"),
                recommend("recommendation with latitude out of range", "home=-71.41,95" + WINDOW, 400, "home"),
                recommend("recommendation with unknown travel mode", "home=-71.41,41.82&travelMode=JETPACK" + WINDOW,
                        400, "travelMode"),
                recommend("recommendation with negative travel limit",
                        "home=-71.41,41.82&maxTravelMinutes=-5" + WINDOW, 400, "maxTravelMinutes"),
                recommend("recommendation with distance zero", "home=-71.41,41.82&maxKm=0" + WINDOW, 400, "maxKm"),
                recommend("recommendation with limit zero", "home=-71.41,41.82&limit=0" + WINDOW, 400, "limit"),
                recommend("recommendation with attendance above 1",
                        "home=-71.41,41.82&attendanceProbability=1.5" + WINDOW, 400, "attendanceProbability"),
                recommend("recommendation for unknown volunteer", "volunteerId=V99" + WINDOW, 400, "V99"),
                new Case("organizer asks for another organizer's volunteer", "GET",
                        RECOMMEND + "volunteerId=V04" + WINDOW, ORGANIZER_1, null, null, 403, "another organizer"),
                // ---- late volunteers and availability ----
                addVolunteer("late volunteer with malformed JSON", "{\"id\":", 400, "malformed JSON"),
                addVolunteer("late volunteer without home", lateVolunteer(v -> v.remove("home")), 400, "home"),
                addVolunteer("late volunteer with count as text", lateVolunteer(v -> v.put("maxShifts", "2")), 400,
                        "maxShifts"),
                addVolunteer("late volunteer with longitude out of range", lateVolunteer(v -> v.set("home",
                        json("{\"type\":\"Point\",\"coordinates\":[-200.0,41.8]}"))), 400, "home"),
                addVolunteer("late volunteer with inverted availability", lateVolunteer(v -> ((ObjectNode) v
                        .withArray("availability").get(0)).put("end", "2026-10-31T08:00")), 400, "availability[0]"),
                addVolunteer("late volunteer outside the plan's slots", lateVolunteer(v -> ((ObjectNode) v
                        .withArray("availability").get(0)).put("start", "2027-01-01T09:00")
                        .put("end", "2027-01-01T12:00")), 400, "availability"),
                addVolunteer("late volunteer preferring unknown precinct", lateVolunteer(v -> v
                        .putArray("preferredPrecinctIds").add("P9999")), 400, "preferredPrecinctIds"),
                addVolunteer("late volunteer with 5,000 skills", lateVolunteer(v -> {
                    ArrayNode skills = v.putArray("skills");
                    for (int i = 0; i < 5_000; i++) {
                        skills.add("CANVASS");
                    }
                }), 400, "\"skills\",\"message\":\"lists 5,000 entries, at most 20 are allowed"),
                addVolunteer("late volunteer with a 1,000-character name", lateVolunteer(v -> v.put("name",
                        "x".repeat(1_000))), 400, "\"name\",\"message\":\"is 1,000 characters long, at most 200"),
                post("precinct with 500 districts", problem(p -> {
                    ArrayNode districts = precinct(p, 0).putArray("districtIds");
                    for (int i = 0; i < 500; i++) {
                        districts.add("D" + i);
                    }
                }), 400, "districtIds\",\"message\":\"lists 500 entries, at most 20"),
                addVolunteer("late volunteer already in the job", lateVolunteer(v -> v.put("id", "V01")), 409,
                        "already"),
                new Case("organizer adds to another organizer's turf", "POST", "/api/jobs/" + JOB + "/volunteers",
                        ORGANIZER_1, "application/json", lateVolunteer(v -> v.put("organizerId", "org-2")), 403,
                        "own turf"),
                new Case("late volunteer to unknown job", "POST", "/api/jobs/no-such-job/volunteers", STRATEGIST,
                        "application/json", lateVolunteer(v -> { }), 404, "no-such-job"),
                availability("late availability for unknown volunteer", "V99",
                        "{\"availability\":[{\"start\":\"2026-10-31T09:00\",\"end\":\"2026-10-31T12:00\"}]}", 400, "V99"),
                availability("late availability without windows", "V04", "{}", 400, "availability"),
                availability("late availability inverted", "V04",
                        "{\"availability\":[{\"start\":\"2026-10-31T12:00\",\"end\":\"2026-10-31T09:00\"}]}", 400,
                        "availability[0].end"),
                availability("late availability missing end", "V04",
                        "{\"availability\":[{\"start\":\"2026-10-31T09:00\"}]}", 400, "availability[0]"),
                availability("late availability start as number", "V04",
                        "{\"availability\":[{\"start\":9,\"end\":\"2026-10-31T12:00\"}]}", 400, "start"),
                new Case("organizer adds time for another organizer's volunteer", "POST",
                        "/api/jobs/" + JOB + "/volunteers/V04/availability", ORGANIZER_1, "application/json",
                        "{\"availability\":[{\"start\":\"2026-10-31T09:00\",\"end\":\"2026-10-31T12:00\"}]}", 403,
                        "another organizer"),
                // ---- HTTP level ----
                new Case("unknown path", "GET", "/api/nothing-here", STRATEGIST, null, null, 404, "Not Found"),
                new Case("wrong method", "DELETE", "/api/jobs", STRATEGIST, null, null, 405, "DELETE"),
                new Case("wrong content type", "POST", "/api/jobs", STRATEGIST, "text/plain", "hello", 415,
                        "text/plain"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedAsProblemDetail(Case c) {
        HttpResponse<String> response = api.send(c.method(),
                c.path().replace(JOB, solvedJobId).replace(OTHER_JOB, otherJobId), c.key(),
                c.contentType(), c.body(), null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(c.status());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains(c.mentions()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(ApiClient.json(response).get("status").asInt()).isEqualTo(c.status());
    }

    private static Case post(String name, String body, int status, String mentions) {
        return new Case(name, "POST", "/api/jobs", STRATEGIST, "application/json", body, status, mentions);
    }

    private static Case recommend(String name, String query, int status, String mentions) {
        return new Case(name, "GET", RECOMMEND + query, STRATEGIST, null, null, status, mentions);
    }

    private static Case addVolunteer(String name, String body, int status, String mentions) {
        return new Case(name, "POST", "/api/jobs/" + JOB + "/volunteers", STRATEGIST, "application/json", body,
                status, mentions);
    }

    private static Case availability(String name, String volunteerId, String body, int status, String mentions) {
        return new Case(name, "POST", "/api/jobs/" + JOB + "/volunteers/" + volunteerId + "/availability",
                STRATEGIST, "application/json", body, status, mentions);
    }

    /** A valid late volunteer of organizer org-1 for the small example, changed by {@code change}. */
    private static String lateVolunteer(Consumer<ObjectNode> change) {
        ObjectNode volunteer = (ObjectNode) json("{\"id\":\"V90\",\"home\":{\"type\":\"Point\",\"coordinates\":"
                + "[-71.405,41.82]},\"skills\":[\"CANVASS\"],\"travelMode\":\"CAR\",\"maxTravelMinutes\":30,"
                + "\"availability\":[{\"start\":\"2026-10-31T13:00\",\"end\":\"2026-10-31T16:00\"}],\"maxShifts\":1,"
                + "\"maxShiftsPerDay\":1,\"organizerId\":\"org-1\",\"attendanceProbability\":0.9}");
        change.accept(volunteer);
        return volunteer.toString();
    }

    private static String problem(Consumer<ObjectNode> change) {
        ObjectNode problem = (ObjectNode) json(ApiClient.smallProblem());
        change.accept(problem);
        return problem.toString();
    }

    private static ObjectNode precinct(ObjectNode problem, int index) {
        return (ObjectNode) ((ArrayNode) problem.get("precincts")).get(index);
    }

    private static ObjectNode volunteer(ObjectNode problem, int index) {
        return (ObjectNode) ((ArrayNode) problem.get("volunteers")).get(index);
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return ApiClient.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
