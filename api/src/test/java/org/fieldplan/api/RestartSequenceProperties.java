package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fieldplan.api.GeneratedRequests.Request;
import org.fieldplan.data.DataStores;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.data.generator.RegionGenerator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Generated request sequences with restarts: the changes and reads of {@link GeneratedRequests} against a
 * job planned from a region stored in PostGIS ({@code fieldplan.store=postgis}, a fresh database), with orderly
 * restarts of the service (the Spring context closed, a new one started on the same database) inserted in each
 * sequence, which then goes on with the same job. After every request: a success or a 4xx with an RFC 7807 body,
 * never a 5xx, and hard score 0 after every repair of a feasible plan. After every restart, what the client was told
 * is still there: the job with its plan (identical when the restart came at rest; with every pinned and every
 * reported shift, pinned, when it came in the middle of a repair), the precincts' remaining doors (the field reports;
 * compared across a restart at rest), and the late volunteers (adding one again is a 409); the job ends solved or
 * terminated, not failed. After every sequence, the stored
 * region still builds into a valid problem.
 *
 * <p>Every sequence restarts at least once, and a restart costs a context start, so {@code mvn verify} tries
 * {@value #TRIES} sequences; {@code -Dfieldplan.soak.restart-tries=N} ({@code scripts/soak.sh}) tries N.
 */
class RestartSequenceProperties {

    static final int TRIES = 4;
    private static final String REGION = "restarts";
    private static String databaseUrl;
    private static ConfigurableApplicationContext service;
    private static ApiClient api;
    private static String jobId;
    private static FieldPlanProblem region;
    private static GeneratedRequests requests;

    /** One step of a sequence: a request, or a restart. */
    sealed interface Step permits Send, Restart {
    }

    record Send(Request request) implements Step {
        @Override
        public String toString() {
            return request.toString();
        }
    }

    /** @param atRest the restart waits until the job's repairs have ended; otherwise it may cut one short */
    record Restart(boolean atRest) implements Step {
        @Override
        public String toString() {
            return atRest ? "RESTART (at rest)" : "RESTART (at once)";
        }
    }

    /** What the client was told was accepted during one sequence, to be found again after restarts. */
    private static final class Accepted {
        final Set<String> reportedShifts = new LinkedHashSet<>();
        final Map<String, String> lateVolunteers = new LinkedHashMap<>();

        void record(Request request, HttpResponse<String> response) {
            // Reads succeed too, with no body to remember.
            if (response.statusCode() != 200 || !request.method().equals("POST")) {
                return;
            }
            if (request.path().endsWith("/field-reports")) {
                JsonNode body = parse(request.body());
                reportedShifts.add(body.get("volunteerId").asText() + "|" + body.get("slotId").asText());
            } else if (request.path().endsWith("/volunteers")) {
                lateVolunteers.put(parse(request.body()).get("id").asText(), request.body());
            }
        }
    }

    private static String[] withFirstDayStarted(String[] arguments) {
        String[] all = java.util.Arrays.copyOf(arguments, arguments.length + 1);
        all[arguments.length] = GeneratedRequests.FIRST_DAY_STARTED;
        return all;
    }

    private static JsonNode parse(String json) {
        try {
            return ApiClient.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("an accepted request's body is not JSON: " + json, e);
        }
    }

    @BeforeContainer
    static void planARegionStoredInPostgis() {
        databaseUrl = TestDatabases.fresh("restarts");
        service = start();
        region = new RegionGenerator().generate(12, 30, 11);
        requests = GeneratedRequests.planStoredRegion(service.getBean(DataStores.class), api, REGION, region,
                id -> jobId = id);
    }

    @AfterContainer
    static void stopService() {
        if (service != null) {
            service.close();
        }
    }

    private static ConfigurableApplicationContext start() {
        ConfigurableApplicationContext started = new SpringApplicationBuilder(FieldPlanApplication.class)
                .profiles("test").run(withFirstDayStarted(TestDatabases.postgisServiceArguments(databaseUrl)));
        api = new ApiClient(Integer.parseInt(started.getEnvironment().getProperty("local.server.port")));
        return started;
    }

    @Property(tries = TRIES)
    @AddLifecycleHook(SoakTries.class)
    void whatTheClientWasToldSurvivesRestarts(@ForAll("sequencesWithRestarts") List<Step> sequence) {
        Accepted accepted = new Accepted();
        for (Step step : sequence) {
            if (step instanceof Send send) {
                HttpResponse<String> response = GeneratedRequests.send(api, jobId, send.request());
                GeneratedRequests.assertSuccessOrProblem(send.request(), response);
                GeneratedRequests.assertRepairKeepsFeasible(api, jobId, send.request(), response);
                accepted.record(send.request(), response);
            } else {
                restart(((Restart) step).atRest(), accepted);
            }
        }
        GeneratedRequests.assertRegionSolvable(service.getBean(DataStores.class), REGION, region);
    }

    private static void restart(boolean atRest, Accepted accepted) {
        JsonNode planBefore = atRest ? planAtRest() : plan();
        Map<String, Double> doorsBefore = atRest ? remainingDoors() : null;
        service.close();
        service = start();

        JsonNode job = api.awaitEnd(jobId);
        assertThat(job.get("status").asText()).as("the job after a restart: " + job).isIn("SOLVED", "TERMINATED");
        JsonNode planAfter = planAtRest();
        if (atRest) {
            assertThat(planAfter.get("assignments")).as("the plan after a restart at rest")
                    .isEqualTo(planBefore.get("assignments"));
            assertThat(planAfter.at("/summary/score").asText()).isEqualTo(planBefore.at("/summary/score").asText());
            assertThat(remainingDoors()).as("remaining doors (field reports) after a restart").isEqualTo(doorsBefore);
        } else {
            assertThat(pinned(planAfter)).as("pinned shifts after a restart in the middle of a change")
                    .containsAllEntriesOf(pinned(planBefore));
        }
        assertThat(pinned(planAfter).keySet()).as("reported shifts stay pinned in the plan")
                .containsAll(accepted.reportedShifts);
        accepted.lateVolunteers.forEach((id, body) -> assertThat(
                api.postJson("/api/jobs/" + jobId + "/volunteers", STRATEGIST, body).statusCode())
                .as("late volunteer " + id + " is still known after a restart").isEqualTo(409));
    }

    private static JsonNode plan() {
        return json(api.get("/api/jobs/" + jobId + "/plan", STRATEGIST));
    }

    /** The plan once the job has ended and two reads in a row agree (a repair queued behind another has started). */
    private static JsonNode planAtRest() {
        JsonNode previous = null;
        for (int read = 0; read < 50; read++) {
            api.awaitEnd(jobId);
            JsonNode plan = plan();
            if (plan.equals(previous)) {
                return plan;
            }
            previous = plan;
            ApiClient.sleep(200);
        }
        throw new AssertionError("job " + jobId + " did not come to rest; last plan: " + previous);
    }

    /** Shifts pinned in the plan ("volunteer|slot" to precinct). */
    private static Map<String, String> pinned(JsonNode plan) {
        Map<String, String> pinned = new HashMap<>();
        plan.get("assignments").forEach(a -> {
            if (a.get("pinned").asBoolean()) {
                pinned.put(a.get("volunteerId").asText() + "|" + a.get("slotId").asText(),
                        a.path("precinctId").asText(null));
            }
        });
        return pinned;
    }

    /** Each precinct's remaining doors as the map shows them: the field reports lower them. */
    private static Map<String, Double> remainingDoors() {
        String day = GeneratedRequests.days(region)[0].toString();
        HttpResponse<String> layer = api.get("/api/jobs/" + jobId + "/precincts?date=" + day, STRATEGIST);
        assertThat(layer.statusCode()).as(layer.body()).isEqualTo(200);
        Map<String, Double> doors = new HashMap<>();
        json(layer).get("features").forEach(f -> doors.put(f.get("id").asText(),
                f.at("/properties/remainingDoors").asDouble()));
        return doors;
    }

    @Provide
    Arbitrary<List<Step>> sequencesWithRestarts() {
        Arbitrary<Step> send = requests.changesAndReads().map(Send::new);
        Arbitrary<Step> restart = Arbitraries.of(true, false).map(Restart::new);
        Arbitrary<List<Step>> before = send.list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<List<Step>> after = Arbitraries.frequencyOf(Tuple.of(4, send), Tuple.of(1, restart)).list()
                .ofMaxSize(3);
        return Combinators.combine(before, restart, after).as((first, restartStep, then) -> {
            List<Step> steps = new ArrayList<>(first);
            steps.add(restartStep);
            steps.addAll(then);
            return steps;
        });
    }

    /** Sets the number of tries from {@code fieldplan.soak.restart-tries} when given (the longer soak). */
    static final class SoakTries implements AroundPropertyHook {
        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            Integer soak = Integer.getInteger("fieldplan.soak.restart-tries");
            if (soak != null) {
                context.attributes().setTries(soak);
            }
            return property.execute();
        }
    }
}
