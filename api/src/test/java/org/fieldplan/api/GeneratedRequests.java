package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.ORGANIZER_1;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.fieldplan.data.DataStores;
import org.fieldplan.data.region.ProblemQuery;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.validation.ProblemValidator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generated requests against one job planned from a stored region, and the checks every response and every stored
 * region must pass, shared by the HTTP property suites ({@link ApiRequestProperties} on one service,
 * {@link RestartSequenceProperties} across restarts). Requests aim at the plan's real shifts as well as at made-up
 * ones, with well-formed and hostile values.
 */
final class GeneratedRequests {

    /** "Now" for the services under test: every slot of the first day has started, so that it can be reported on. */
    static final String FIRST_DAY_STARTED = "--fieldplan.now=2026-10-31T17:30";
    private static final String FIRST_DAY = "2026-10-31-";

    /** Ids of the late volunteers the generated requests add (a repeat is a 409). */
    static final List<String> LATE_VOLUNTEERS = List.of("LATE1", "LATE2", "LATE3");

    /** One generated request: method, path ({@code {job}} stands for the job's id), key and body. */
    record Request(String method, String path, String key, String body) {
        @Override
        public String toString() {
            return method + " " + path + (body == null ? "" : " " + body);
        }
    }

    private final String regionId;
    private final FieldPlanProblem region;
    /** The plan's (volunteer, slot) pairs. */
    private final List<String[]> shifts;

    GeneratedRequests(String regionId, FieldPlanProblem region, List<String[]> shifts) {
        this.regionId = regionId;
        this.region = region;
        this.shifts = List.copyOf(shifts);
    }

    /**
     * Stores the region in the service's stores and solves a one-second job for all of it; returns the generators
     * for that job's plan once it has ended.
     *
     * @param jobId receives the job's id
     */
    static GeneratedRequests planStoredRegion(DataStores stores, ApiClient api, String regionId,
            FieldPlanProblem region, Consumer<String> jobId) {
        stores.regions().save(regionId, region);
        HttpResponse<String> submitted = api.postJson("/api/jobs", STRATEGIST, regionSubmission(regionId, region));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = json(submitted).get("id").asText();
        jobId.accept(id);
        api.awaitEnd(id);
        return new GeneratedRequests(regionId, region, planShifts(api, id));
    }

    /** The job's plan as (volunteer, slot) pairs; fails if it has none. */
    static List<String[]> planShifts(ApiClient api, String jobId) {
        List<String[]> shifts = new ArrayList<>();
        json(api.get("/api/jobs/" + jobId + "/plan", STRATEGIST)).get("assignments").forEach(a -> shifts.add(
                new String[] {a.get("volunteerId").asText(), a.get("slotId").asText()}));
        assertThat(shifts).isNotEmpty();
        return shifts;
    }

    /** The region's first and last day, as {@code from} and {@code to} of a region submission. */
    static LocalDate[] days(FieldPlanProblem region) {
        List<LocalDate> days = region.timeSlots().stream().map(slot -> slot.getStart().toLocalDate()).sorted()
                .toList();
        assertThat(days).isNotEmpty();
        return new LocalDate[] {days.get(0), days.get(days.size() - 1)};
    }

    /** A one-second job for the whole stored region. */
    private static String regionSubmission(String regionId, FieldPlanProblem region) {
        LocalDate[] days = days(region);
        return "{\"regionId\":\"" + regionId + "\",\"from\":\"" + days[0] + "\",\"to\":\"" + days[1]
                + "\",\"seconds\":1}";
    }

    static HttpResponse<String> send(ApiClient api, String jobId, Request request) {
        return api.send(request.method(), request.path().replace("{job}", jobId), request.key(),
                request.body() == null ? null : "application/json", request.body(), null);
    }

    /** A success or a 4xx with an RFC 7807 body whose status is the response's; never a 5xx. */
    static void assertSuccessOrProblem(Request request, HttpResponse<String> response) {
        int status = response.statusCode();
        assertThat(status).as(request + " -> " + response.body()).isLessThan(500);
        if (status >= 400) {
            assertThat(response.headers().firstValue("Content-Type")).as(request.toString())
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json(response).get("status").asInt()).isEqualTo(status);
        }
    }

    /**
     * A repair never ends below the hard score it started from unless it says so ({@code REPAIRED_WITH_BREAKS}), and
     * then only rules of teams it may not move: a canvasser whose shift has started or was reported left alone, or a
     * team that has started without the language a cancelled member spoke. (A started team beyond the capacity a
     * report lowered is no break: members who cannot move count as room.)
     * A canvasser left alone who is not pinned must be paired or sent home, and no volunteer's limits may be broken
     * to keep someone company (the repair's first phase, GreedyPlanner, and the repair's scope see to it).
     */
    static void assertRepairKeepsFeasible(ApiClient api, String jobId, Request request,
            HttpResponse<String> response) {
        boolean json = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
        if (response.statusCode() != 200 || !json) {
            return;
        }
        JsonNode repair = json(response);
        String mode = repair.path("mode").asText();
        String what = "repair: " + request + " -> " + response.body();
        if (mode.equals("REPAIRED")) {
            assertThat(hard(repair.get("scoreAfter").asText())).as(what)
                    .isGreaterThanOrEqualTo(hard(repair.get("scoreBefore").asText()));
            assertThat(repair.get("brokenRules")).as(what).isEmpty();
        }
        if (!mode.equals("REPAIRED_WITH_BREAKS")) {
            return;
        }
        assertThat(hard(repair.get("scoreAfter").asText())).as(what)
                .isLessThan(hard(repair.get("scoreBefore").asText()));
        Map<String, List<JsonNode>> teams = new HashMap<>();
        json(api.get("/api/jobs/" + jobId + "/plan", STRATEGIST)).get("assignments").forEach(a -> teams
                .computeIfAbsent(a.get("precinctId").asText() + " on " + a.get("slotId").asText(),
                        k -> new ArrayList<>()).add(a));
        assertThat(repair.get("brokenRules")).as(what).isNotEmpty().allSatisfy(rule -> {
            String text = rule.asText();
            assertThat(text).as(what).matches(
                    "(Nobody canvasses alone|Precinct-slot capacity|Team speaks the precinct's languages): .*");
            String team = text.substring(text.indexOf(": ") + 2).replaceAll(" has .*", "");
            assertThat(teams.get(team)).as(what + ": " + team).isNotNull()
                    .allSatisfy(a -> assertThat(a.get("pinned").asBoolean()).as(what).isTrue());
        });
    }

    private static long hard(String score) {
        return Long.parseLong(score.substring(0, score.indexOf("hard")));
    }

    /** What a new job for the region would solve, built from the stored region and its field reports, is valid. */
    static void assertRegionSolvable(DataStores stores, String regionId, FieldPlanProblem region) {
        LocalDate[] days = days(region);
        FieldPlanProblem rebuilt = stores.problemBuilder()
                .build(new ProblemQuery(regionId, days[0], days[1], null)).problem();
        assertThat(ProblemValidator.validate(rebuilt)).as("the stored region stays solvable").isEmpty();
    }

    /** Field reports, cancellations, late availability, late volunteers and reads: the changes a plan goes through. */
    Arbitrary<Request> changesAndReads() {
        return Arbitraries.oneOf(fieldReports(), cancellations(), availability(), lateVolunteers(), reads());
    }

    private Arbitrary<String> volunteerIds() {
        return Arbitraries.oneOf(Arbitraries.of(shifts).map(s -> s[0]), Arbitraries.strings().ofMaxLength(6),
                Arbitraries.of("V0001 ", "=cmd", "../etc", ""));
    }

    private Arbitrary<String> slotIds() {
        return Arbitraries.oneOf(Arbitraries.of(shifts).map(s -> s[1]), Arbitraries.strings().ofMaxLength(6));
    }

    /** A count as JSON text: in range, negative, huge, a string, a fraction, an exponent or null. */
    private static Arbitrary<String> counts() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 1_200).map(String::valueOf),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.of("2147483647", "-1", "\"10\"", "10.5", "1e12", "null", "3000000000", "[]"));
    }

    /** A real shift of the plan, or a made-up volunteer and slot. */
    private Arbitrary<String[]> targets() {
        return Arbitraries.oneOf(Arbitraries.of(shifts),
                Combinators.combine(volunteerIds(), slotIds()).as((v, s) -> new String[] {v, s}));
    }

    Arbitrary<Request> fieldReports() {
        return Combinators.combine(targets(), counts(), counts(),
                Arbitraries.of("", ",\"bonus\":1", ",\"doorsKnocked\":5")).as((target, doors, contacts, extra) ->
                        new Request("POST", "/api/jobs/{job}/field-reports", STRATEGIST, "{\"volunteerId\":"
                                + quoted(target[0]) + ",\"slotId\":" + quoted(target[1]) + ",\"doorsKnocked\":"
                                + doors + ",\"contacts\":" + contacts + extra + "}"));
    }

    /** Reports with valid counts on the plan's shifts of the first day, which have started. */
    Arbitrary<Request> reportsOnStartedShifts() {
        List<String[]> started = shifts.stream().filter(s -> s[1].startsWith(FIRST_DAY)).toList();
        assertThat(started).as("the plan sends someone out on the first day").isNotEmpty();
        return Combinators.combine(Arbitraries.of(started), Arbitraries.integers().between(0, 1_000),
                Arbitraries.doubles().between(0, 1)).as((target, doors, share) -> new Request("POST",
                        "/api/jobs/{job}/field-reports", STRATEGIST, "{\"volunteerId\":" + quoted(target[0])
                                + ",\"slotId\":" + quoted(target[1]) + ",\"doorsKnocked\":" + doors
                                + ",\"contacts\":" + (int) (doors * share) + "}"));
    }

    /** Cancellations of the plan's shifts, one slot or (sometimes) all that have not started. */
    Arbitrary<Request> cancellationsOfPlannedShifts() {
        return Combinators.combine(Arbitraries.of(shifts), Arbitraries.of(true, true, true, false))
                .as((target, withSlot) -> new Request("POST", "/api/jobs/{job}/cancellations", STRATEGIST,
                        "{\"volunteerId\":" + quoted(target[0])
                                + (withSlot ? ",\"slotId\":" + quoted(target[1]) : "") + "}"));
    }

    Arbitrary<Request> cancellations() {
        return Combinators.combine(targets(), Arbitraries.of(true, false))
                .as((target, withSlot) -> new Request("POST", "/api/jobs/{job}/cancellations", STRATEGIST,
                        "{\"volunteerId\":" + quoted(target[0])
                                + (withSlot ? ",\"slotId\":" + quoted(target[1]) : "") + "}"));
    }

    Arbitrary<Request> availability() {
        Arbitrary<String> times = Arbitraries.of("2026-10-31T09:00", "2026-11-01T20:00", "2026-12-31T09:00",
                "yesterday", "2026-10-31T25:00");
        return Combinators.combine(volunteerIds(), times, times).as((volunteer, start, end) -> new Request("POST",
                "/api/jobs/{job}/volunteers/" + urlSafe(volunteer) + "/availability", ORGANIZER_1,
                "{\"availability\":[{\"start\":" + quoted(start) + ",\"end\":" + quoted(end) + "}]}"));
    }

    /**
     * A volunteer who signs up late, living where one of the region's volunteers lives and free for one of its slots
     * (or, sometimes, for no time at all).
     */
    Arbitrary<Request> lateVolunteers() {
        List<Volunteer> volunteers = region.volunteers();
        return Combinators.combine(Arbitraries.of(LATE_VOLUNTEERS), Arbitraries.of(volunteers),
                Arbitraries.of(region.timeSlots()), Arbitraries.of(true, true, false))
                .as((id, neighbour, slot, free) -> new Request("POST", "/api/jobs/{job}/volunteers", STRATEGIST,
                        lateVolunteer(id, neighbour, slot, free)));
    }

    private static String lateVolunteer(String id, Volunteer neighbour, TimeSlot slot, boolean free) {
        String availability = free ? "{\"start\":\"" + slot.getStart() + "\",\"end\":\"" + slot.getEnd() + "\"}" : "";
        return "{\"id\":\"" + id + "\",\"name\":\"Late " + id + "\",\"home\":{\"type\":\"Point\",\"coordinates\":["
                + neighbour.getHome().getX() + "," + neighbour.getHome().getY() + "]},\"skills\":[\"CANVASS\"],"
                + "\"languages\":[\"en\"],\"travelMode\":\"CAR\",\"maxTravelMinutes\":30,\"availability\":["
                + availability + "],\"maxShifts\":2,\"maxShiftsPerDay\":1,\"organizerId\":"
                + quoted(neighbour.getOrganizerId()) + ",\"attendanceProbability\":0.9}";
    }

    Arbitrary<Request> submissions() {
        String example = ApiClient.smallProblem();
        return Arbitraries.of(
                example.replace("\"2026-10-31T13:00\"", "\"2026-10-31T11:00\""),
                example.replace("\"end\": \"2026-10-31T12:00\"", "\"end\": \"2026-11-30T12:00\""),
                example.replaceFirst("\"name\":", "\"name\": \"x\", \"name\":"),
                example.replace("\"registeredVoters\": ", "\"registeredVoters\": 1e12 + "),
                "{", "[]", "null", "{\"regionId\":\"" + regionId + "\",\"from\":\"2026-13-01\",\"to\":\"x\"}",
                "{\"regionId\":\"nowhere\",\"from\":\"2026-10-31\",\"to\":\"2026-11-01\"}")
                .map(body -> new Request("POST", "/api/jobs?seconds=1", STRATEGIST, body));
    }

    Arbitrary<Request> reads() {
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.strings().alpha().ofMaxLength(8),
                Arbitraries.of("2026-10-31", "%2F", "..%2F..", "'%3B--"));
        return Combinators.combine(Arbitraries.of("/api/jobs/{job}/assignments.csv?date=",
                "/api/jobs/{job}/explain?precinct=", "/api/jobs/{job}/recommendations?home=",
                "/api/jobs/{job}/precincts?date=", "/api/jobs/"), text)
                .as((path, value) -> new Request("GET", path + value, path.contains("assignments")
                        ? ORGANIZER_1 : STRATEGIST, null));
    }

    private static String quoted(String value) {
        try {
            return ApiClient.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String urlSafe(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
