package org.fieldplan.api;

import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.net.http.HttpResponse;
import java.util.List;

import org.fieldplan.api.GeneratedRequests.Request;
import org.fieldplan.data.DataStores;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.data.generator.RegionGenerator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated request sequences over real HTTP: field reports, cancellations, late availability, late
 * volunteers, job submissions and reads with well-formed and hostile values ({@link GeneratedRequests}), against a
 * job planned from a stored region. After every request: a success or a 4xx with an RFC 7807 body, never a 5xx; after
 * every repair of a feasible plan, hard score 0; after every sequence, the stored region (with the field reports so
 * far) still builds into a valid problem. The number of sequences tried is in jqwik's report ({@code tries = …});
 * {@code scripts/soak.sh} runs many more. {@link RestartSequenceProperties} adds restarts on PostGIS.
 */
class ApiRequestProperties {

    private static final String REGION = "fuzz";
    private static ConfigurableApplicationContext service;
    private static ApiClient api;
    private static String jobId;
    private static FieldPlanProblem region;
    private static GeneratedRequests requests;

    @BeforeContainer
    static void startServiceWithAPlannedRegion() {
        service = new SpringApplicationBuilder(FieldPlanApplication.class).profiles("test")
                .run("--server.port=0", "--fieldplan.cluster.instance-id=fuzz",
                        GeneratedRequests.FIRST_DAY_STARTED);
        api = new ApiClient(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")));
        region = new RegionGenerator().generate(12, 30, 7);
        requests = GeneratedRequests.planStoredRegion(service.getBean(DataStores.class), api, REGION, region,
                id -> jobId = id);
    }

    @AfterContainer
    static void stopService() {
        if (service != null) {
            service.close();
        }
    }

    @Property
    void everyRequestGetsSuccessOrAProblemAndTheRegionStaysSolvable(
            @ForAll("sequences") List<Request> sequence) {
        for (Request request : sequence) {
            HttpResponse<String> response = GeneratedRequests.send(api, jobId, request);
            GeneratedRequests.assertSuccessOrProblem(request, response);
            if (response.statusCode() == 202) {
                // A generated submission was accepted: stop it so the queue has room for the next ones.
                String submitted = json(response).get("id").asText();
                api.postJson("/api/jobs/" + submitted + "/terminate", STRATEGIST, null);
                api.awaitEnd(submitted);
            }
            GeneratedRequests.assertRepairKeepsFeasible(api, jobId, request, response);
        }
        GeneratedRequests.assertRegionSolvable(service.getBean(DataStores.class), REGION, region);
    }

    /**
     * Field reports on shifts that have started and cancellations, many in a row: after each repair the plan's hard
     * score is no lower than before it, or the answer says which rules stay broken and only shifts that cannot move
     * break them.
     */
    @Property
    void repairsAfterReportsAndCancellationsNeverEndBelowTheHardScoreTheyStartFrom(
            @ForAll("news") List<Request> sequence) {
        for (Request request : sequence) {
            HttpResponse<String> response = GeneratedRequests.send(api, jobId, request);
            GeneratedRequests.assertSuccessOrProblem(request, response);
            GeneratedRequests.assertRepairKeepsFeasible(api, jobId, request, response);
        }
    }

    @Provide
    Arbitrary<List<Request>> news() {
        return Arbitraries.oneOf(requests.reportsOnStartedShifts(), requests.cancellationsOfPlannedShifts()).list()
                .ofMinSize(2).ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<Request>> sequences() {
        return Arbitraries.oneOf(requests.fieldReports(), requests.cancellations(), requests.availability(),
                requests.lateVolunteers(), requests.submissions(), requests.reads()).list().ofMinSize(1).ofMaxSize(4);
    }
}
