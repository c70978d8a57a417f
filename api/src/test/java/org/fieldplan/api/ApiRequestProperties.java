package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.ORGANIZER_1;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.fieldplan.data.DataStores;
import org.fieldplan.data.region.ProblemQuery;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.generator.RegionGenerator;
import org.fieldplan.validation.ProblemValidator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated request sequences over real HTTP (issue 12): field reports, cancellations, late availability, job
 * submissions and reads with well-formed and hostile values, against a job planned from a stored region. After every
 * request: a success or a 4xx with an RFC 7807 body, never a 5xx; after every repair of a feasible plan, hard score 0;
 * after every sequence, the stored region (with the field reports so far) still builds into a valid problem. The number of sequences tried is
 * in jqwik's report ({@code tries = …}); {@code scripts/soak.sh} runs many more.
 */
class ApiRequestProperties {

    private static final String REGION = "fuzz";
    private static ConfigurableApplicationContext service;
    private static ApiClient api;
    private static String jobId;
    private static String from;
    private static String to;
    /** The plan's (volunteer, slot) pairs, to aim requests at real shifts as well as at made-up ones. */
    private static List<String[]> shifts;

    @BeforeContainer
    static void startServiceWithAPlannedRegion() {
        service = new SpringApplicationBuilder(FieldPlanApplication.class).profiles("test")
                .run("--server.port=0", "--fieldplan.cluster.instance-id=fuzz");
        api = new ApiClient(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")));
        FieldPlanProblem region = new RegionGenerator().generate(12, 30, 7);
        service.getBean(DataStores.class).regions().save(REGION, region);
        List<LocalDate> days = region.timeSlots().stream().map(slot -> slot.getStart().toLocalDate()).sorted()
                .toList();
        from = days.get(0).toString();
        to = days.get(days.size() - 1).toString();
        HttpResponse<String> submitted = submitRegion();
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        jobId = json(submitted).get("id").asText();
        api.awaitEnd(jobId);
        shifts = new ArrayList<>();
        json(api.get("/api/jobs/" + jobId + "/plan", STRATEGIST)).get("assignments").forEach(a -> shifts.add(
                new String[] {a.get("volunteerId").asText(), a.get("slotId").asText()}));
        assertThat(shifts).isNotEmpty();
        assertThat(region.timeSlots()).extracting(TimeSlot::getId).isNotEmpty();
    }

    @AfterContainer
    static void stopService() {
        if (service != null) {
            service.close();
        }
    }

    private static HttpResponse<String> submitRegion() {
        return api.postJson("/api/jobs", STRATEGIST, "{\"regionId\":\"" + REGION + "\",\"from\":\"" + from
                + "\",\"to\":\"" + to + "\",\"seconds\":1}");
    }

    /** One generated request: method, path, key and body. */
    record Request(String method, String path, String key, String body) {
        @Override
        public String toString() {
            return method + " " + path + (body == null ? "" : " " + body);
        }
    }

    @Property
    void everyRequestGetsSuccessOrAProblemAndTheRegionStaysSolvable(
            @ForAll("sequences") List<Request> sequence) {
        for (Request request : sequence) {
            HttpResponse<String> response = api.send(request.method(), request.path().replace("{job}", jobId),
                    request.key(), request.body() == null ? null : "application/json", request.body(), null);
            assertSuccessOrProblem(request, response);
            if (response.statusCode() == 202) {
                // A generated submission was accepted: stop it so the queue has room for the next ones.
                String submitted = json(response).get("id").asText();
                api.postJson("/api/jobs/" + submitted + "/terminate", STRATEGIST, null);
                api.awaitEnd(submitted);
            }
            if (response.statusCode() == 200 && "REPAIRED".equals(json(response).path("mode").asText())) {
                JsonNode repair = json(response);
                if (repair.get("scoreBefore").asText().startsWith("0hard")) {
                    assertThat(repair.get("scoreAfter").asText()).as("repair of a feasible plan: " + request)
                            .startsWith("0hard");
                }
            }
        }
        // What a new job for the region would solve: built from the stored region and its field reports, valid.
        FieldPlanProblem rebuilt = service.getBean(DataStores.class).problemBuilder()
                .build(new ProblemQuery(REGION, LocalDate.parse(from), LocalDate.parse(to), null)).problem();
        assertThat(ProblemValidator.validate(rebuilt)).as("the stored region stays solvable").isEmpty();
    }

    private static void assertSuccessOrProblem(Request request, HttpResponse<String> response) {
        int status = response.statusCode();
        assertThat(status).as(request + " -> " + response.body()).isLessThan(500);
        if (status >= 400) {
            assertThat(response.headers().firstValue("Content-Type")).as(request.toString())
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json(response).get("status").asInt()).isEqualTo(status);
        }
    }

    @Provide
    Arbitrary<List<Request>> sequences() {
        return Arbitraries.oneOf(fieldReports(), cancellations(), availability(), submissions(), reads())
                .list().ofMinSize(1).ofMaxSize(4);
    }

    private Arbitrary<String> volunteerIds() {
        return Arbitraries.oneOf(Arbitraries.of(shifts).map(s -> s[0]), Arbitraries.strings().ofMaxLength(6),
                Arbitraries.of("V0001 ", "=cmd", "../etc", ""));
    }

    private Arbitrary<String> slotIds() {
        return Arbitraries.oneOf(Arbitraries.of(shifts).map(s -> s[1]), Arbitraries.strings().ofMaxLength(6));
    }

    /** A count as JSON text: in range, negative, huge, a string, a fraction, an exponent or null. */
    private Arbitrary<String> counts() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 1_200).map(String::valueOf),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.of("2147483647", "-1", "\"10\"", "10.5", "1e12", "null", "3000000000", "[]"));
    }

    /** A real shift of the plan, or a made-up volunteer and slot. */
    private Arbitrary<String[]> targets() {
        return Arbitraries.oneOf(Arbitraries.of(shifts),
                Combinators.combine(volunteerIds(), slotIds()).as((v, s) -> new String[] {v, s}));
    }

    private Arbitrary<Request> fieldReports() {
        return Combinators.combine(targets(), counts(), counts(),
                Arbitraries.of("", ",\"bonus\":1", ",\"doorsKnocked\":5")).as((target, doors, contacts, extra) ->
                        new Request("POST", "/api/jobs/{job}/field-reports", STRATEGIST, "{\"volunteerId\":"
                                + quoted(target[0]) + ",\"slotId\":" + quoted(target[1]) + ",\"doorsKnocked\":"
                                + doors + ",\"contacts\":" + contacts + extra + "}"));
    }

    private Arbitrary<Request> cancellations() {
        return Combinators.combine(targets(), Arbitraries.of(true, false))
                .as((target, withSlot) -> new Request("POST", "/api/jobs/{job}/cancellations", STRATEGIST,
                        "{\"volunteerId\":" + quoted(target[0])
                                + (withSlot ? ",\"slotId\":" + quoted(target[1]) : "") + "}"));
    }

    private Arbitrary<Request> availability() {
        Arbitrary<String> times = Arbitraries.of("2026-10-31T09:00", "2026-11-01T20:00", "2026-12-31T09:00",
                "yesterday", "2026-10-31T25:00");
        return Combinators.combine(volunteerIds(), times, times).as((volunteer, start, end) -> new Request("POST",
                "/api/jobs/{job}/volunteers/" + urlSafe(volunteer) + "/availability", ORGANIZER_1,
                "{\"availability\":[{\"start\":" + quoted(start) + ",\"end\":" + quoted(end) + "}]}"));
    }

    private Arbitrary<Request> submissions() {
        String example = ApiClient.smallProblem();
        return Arbitraries.of(
                example.replace("\"2026-10-31T13:00\"", "\"2026-10-31T11:00\""),
                example.replace("\"end\": \"2026-10-31T12:00\"", "\"end\": \"2026-11-30T12:00\""),
                example.replaceFirst("\"name\":", "\"name\": \"x\", \"name\":"),
                example.replace("\"registeredVoters\": ", "\"registeredVoters\": 1e12 + "),
                "{", "[]", "null", "{\"regionId\":\"" + REGION + "\",\"from\":\"2026-13-01\",\"to\":\"x\"}",
                "{\"regionId\":\"nowhere\",\"from\":\"2026-10-31\",\"to\":\"2026-11-01\"}")
                .map(body -> new Request("POST", "/api/jobs?seconds=1", STRATEGIST, body));
    }

    private Arbitrary<Request> reads() {
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
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String urlSafe(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
