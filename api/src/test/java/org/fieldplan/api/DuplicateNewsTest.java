package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.ORGANIZER_1;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * News the service already has is answered at once, with what was done, and repairs nothing: the
 * same cancellation sent twenty times at once removes the shift once and runs one repair; the same report sent twice
 * counts its doors once, while a corrected one replaces it.
 */
// Spring Boot tests turn metric exporters off unless asked.
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "fieldplan.now=2026-10-31T10:00")
@ActiveProfiles("test")
class DuplicateNewsTest {

    private static final Pattern REPAIRS = Pattern.compile("(?m)^fieldplan_repairs_total(?:\\{[^}]*})? (\\S+)$");

    @LocalServerPort
    int port;

    @Test
    void twentyIdenticalConcurrentCancellationsRemoveTheShiftOnceAndRepairOnce() throws Exception {
        ApiClient api = new ApiClient(port);
        String jobId = api.solveSmallProblem();
        JsonNode afternoon = VolunteerLinkTest.afternoonShiftOfOrg1(api, jobId);
        String body = "{\"volunteerId\":\"" + afternoon.get("volunteerId").asText() + "\",\"slotId\":\""
                + afternoon.get("slotId").asText() + "\"}";
        double repairsBefore = repairs(api);

        List<HttpResponse<String>> answers = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                sent.add(senders.submit(() -> {
                    go.await();
                    return api.postJson("/api/jobs/" + jobId + "/cancellations", ORGANIZER_1, body);
                }));
            }
            go.countDown();
            for (Future<HttpResponse<String>> answer : sent) {
                answers.add(answer.get());
            }
        } finally {
            senders.shutdownNow();
        }
        api.awaitEnd(jobId);

        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isEqualTo(200));
        List<JsonNode> removals = answers.stream().map(ApiClient::json)
                .filter(a -> a.get("effects").toString().contains("removed ")).toList();
        assertThat(removals).as("one answer removes the shift").hasSize(1);
        assertThat(removals.get(0).get("mode").asText()).isIn("REPAIRED", "REPAIR_QUEUED");
        List<JsonNode> duplicates = answers.stream().map(ApiClient::json)
                .filter(a -> a.get("mode").asText().equals("DUPLICATE")).toList();
        assertThat(duplicates).as("the nineteen others are answered as duplicates, without waiting for a repair")
                .hasSize(19).allSatisfy(d -> {
                    assertThat(d.get("effects").get(0).asText()).contains("already cancelled");
                    assertThat(d.get("changes")).isEmpty();
                });
        assertThat(repairs(api) - repairsBefore).as("one repair ran").isEqualTo(1.0);
        assertThat(json(api.get("/api/jobs/" + jobId + "/plan", STRATEGIST)).get("assignments")).noneSatisfy(a -> {
            assertThat(a.get("volunteerId").asText()).isEqualTo(afternoon.get("volunteerId").asText());
            assertThat(a.get("slotId").asText()).isEqualTo(afternoon.get("slotId").asText());
        });

        HttpResponse<String> later = api.postJson("/api/jobs/" + jobId + "/cancellations", ORGANIZER_1, body);
        assertThat(later.statusCode()).as(later.body()).isEqualTo(200);
        assertThat(json(later).get("mode").asText()).as("once applied, still a duplicate").isEqualTo("DUPLICATE");
        assertThat(repairs(api) - repairsBefore).isEqualTo(1.0);
    }

    @Test
    void theSameReportTwiceIsRecordedOnceAndACorrectionIsNot() {
        ApiClient api = new ApiClient(port);
        String jobId = api.solveSmallProblem();
        JsonNode morning = ReplanTest.morningShift(json(api.get("/api/jobs/" + jobId + "/plan", STRATEGIST)), 0);
        String precinct = morning.get("precinctId").asText();
        String report = "{\"volunteerId\":\"" + morning.get("volunteerId").asText() + "\",\"slotId\":\""
                + morning.get("slotId").asText() + "\",\"doorsKnocked\":%d,\"contacts\":8}";
        HttpResponse<String> first = api.postJson("/api/jobs/" + jobId + "/field-reports", STRATEGIST,
                report.formatted(30));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        double doorsAfterFirst = ReplanTest.doorsLeft(api, jobId, precinct);
        double repairsAfterFirst = repairs(api);

        HttpResponse<String> again = api.postJson("/api/jobs/" + jobId + "/field-reports", STRATEGIST,
                report.formatted(30));

        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(json(again).get("mode").asText()).isEqualTo("DUPLICATE");
        assertThat(json(again).get("effects").get(0).asText()).contains("already recorded");
        assertThat(ReplanTest.doorsLeft(api, jobId, precinct)).isEqualTo(doorsAfterFirst);
        assertThat(repairs(api)).as("no second repair").isEqualTo(repairsAfterFirst);

        HttpResponse<String> corrected = api.postJson("/api/jobs/" + jobId + "/field-reports", STRATEGIST,
                report.formatted(20));
        assertThat(json(corrected).get("mode").asText()).as(corrected.body()).isNotEqualTo("DUPLICATE");
        assertThat(json(corrected).get("effects").get(0).asText()).contains("replaces the earlier report of 30");
        assertThat(ReplanTest.doorsLeft(api, jobId, precinct)).isEqualTo(doorsAfterFirst + 10);
    }

    /** Repairs run by this instance so far, from the metrics endpoint (0 before the first). */
    private static double repairs(ApiClient api) {
        HttpResponse<String> metrics = api.get("/actuator/prometheus", null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        Matcher matcher = REPAIRS.matcher(metrics.body());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
