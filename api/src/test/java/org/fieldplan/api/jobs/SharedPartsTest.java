package org.fieldplan.api.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.fieldplan.api.FieldPlanApplication;
import org.fieldplan.api.TestDatabases;
import org.fieldplan.data.DataStores;
import org.fieldplan.data.generator.RegionSize;
import org.fieldplan.data.importer.SampleRegions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A region solved in parts on two instances (two services in one JVM) sharing one PostGIS: the parts of one job are
 * solved by both, the stitched plan is feasible and no worse than the greedy start; a part claimed by an instance
 * that then stops renewing its lease (a dead instance, played here by a bare claim) is taken over and the job
 * finishes. The services split regions of more than 50 shifts into parts of about 150, with one part thread each and
 * 1.5 s leases, so a generated S region is solved in a few parts per round. Fails, rather than skips, without
 * {@code FIELDPLAN_DB_URL}.
 */
class SharedPartsTest {

    private static final String STRATEGIST = "test-strategist";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LEASE = Duration.ofMillis(1500);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ConfigurableApplicationContext alpha;
    private static ConfigurableApplicationContext beta;
    private static JdbcTemplate database;
    private static PostgisJobParts parts;
    private static String regionId;

    @BeforeAll
    static void startTwoInstances() {
        String url = TestDatabases.fresh("shared_parts");
        alpha = start(url, "alpha");
        beta = start(url, "beta");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(TestDatabases.user());
        dataSource.setPassword(TestDatabases.password());
        database = new JdbcTemplate(dataSource);
        parts = new PostgisJobParts(dataSource);
        regionId = "shared-parts-" + UUID.randomUUID().toString().substring(0, 8);
        new SampleRegions(alpha.getBean(DataStores.class).regions()).generated(regionId, RegionSize.S, 5);
    }

    @AfterAll
    static void stop() {
        beta.close();
        alpha.close();
    }

    private static ConfigurableApplicationContext start(String url, String instanceId) {
        String[] service = TestDatabases.postgisServiceArguments(url);
        String[] arguments = Arrays.copyOf(service, service.length + 7);
        System.arraycopy(new String[] {"--fieldplan.cluster.instance-id=" + instanceId,
                "--fieldplan.jobs.queue-length=4", "--fieldplan.solve.partition.split-above-shifts=50",
                "--fieldplan.solve.partition.part-shifts=150", "--fieldplan.solve.partition.workers=1",
                "--fieldplan.cluster.lease-millis=" + LEASE.toMillis(), "--fieldplan.cluster.heartbeat-millis=300"},
                0, arguments, service.length, 7);
        return new SpringApplicationBuilder(FieldPlanApplication.class).profiles("test").run(arguments);
    }

    @Test
    void thePartsOfOneJobAreSolvedByBothInstancesAndStitchedIntoAFeasiblePlan() throws Exception {
        String jobId = submit(alpha, 8);

        JsonNode job = awaitEnd(alpha, jobId);

        assertThat(job.get("status").asText()).isEqualTo("SOLVED");
        assertThat(database.queryForList("""
                SELECT DISTINCT owner FROM api_job_part WHERE job_id = ? AND status = 'DONE'""", String.class, jobId))
                .containsExactlyInAnyOrder("alpha", "beta");
        assertThat(database.queryForObject("SELECT max(round) FROM api_job_part WHERE job_id = ?", Integer.class,
                jobId)).isEqualTo(2);
        assertFeasibleAndNoWorseThanGreedy(job);
        // Once a round is over its parts' problems and results are dropped; who solved what stays.
        assertThat(database.queryForObject("""
                SELECT count(*) FROM api_job_part WHERE job_id = ? AND (spec IS NOT NULL OR result IS NOT NULL)""",
                Integer.class, jobId)).isZero();
    }

    @Test
    void aPartWhoseInstanceStopsRenewingIsTakenOverAndTheJobFinishes() throws Exception {
        String jobId = submit(beta, 10);
        PostgisJobParts.Claimed dead = claimAPartOf(jobId);

        JsonNode job = awaitEnd(beta, jobId);

        assertThat(job.get("status").asText()).isEqualTo("SOLVED");
        PostgisJobParts.Key key = dead.key();
        var row = database.queryForMap("""
                SELECT owner, status, takeovers, attempt FROM api_job_part
                WHERE job_id = ? AND job_claim = ? AND round = ? AND part_index = ?""",
                key.jobId(), key.jobClaim(), key.round(), key.index());
        assertThat(row.get("status")).isEqualTo("DONE");
        assertThat(row.get("owner")).isIn("alpha", "beta");
        assertThat((Integer) row.get("takeovers")).isGreaterThanOrEqualTo(1);
        // The dead instance's claim cannot write a result any more.
        assertThat(parts.complete(key, "dead", dead.attempt(), "[]")).isFalse();
        assertFeasibleAndNoWorseThanGreedy(job);
    }

    /** Claims a part of the job as an instance that dies at once would: no renewal, no result. */
    private static PostgisJobParts.Claimed claimAPartOf(String jobId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            Optional<PostgisJobParts.Claimed> claimed = parts.claimNext("dead", LEASE);
            if (claimed.isPresent()) {
                assertThat(claimed.get().key().jobId()).isEqualTo(jobId);
                return claimed.get();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no part of job " + jobId + " was queued in time");
    }

    private static void assertFeasibleAndNoWorseThanGreedy(JsonNode job) {
        HardMediumSoftLongScore best = HardMediumSoftLongScore.parseScore(job.at("/best/score").asText());
        HardMediumSoftLongScore greedy = HardMediumSoftLongScore.parseScore(job.at("/greedyBaseline/score").asText());
        assertThat(best.hardScore()).isZero();
        assertThat(best).isGreaterThanOrEqualTo(greedy);
        assertThat(job.at("/parts/count").asInt()).isGreaterThanOrEqualTo(3);
    }

    private static String submit(ConfigurableApplicationContext instance, int seconds) throws Exception {
        HttpResponse<String> submitted = HTTP.send(request(instance, "/api/jobs?seconds=" + seconds)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"regionId\":\"" + regionId
                        + "\",\"from\":\"2026-10-31\",\"to\":\"2026-11-03\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        return JSON.readTree(submitted.body()).get("id").asText();
    }

    private static JsonNode awaitEnd(ConfigurableApplicationContext instance, String jobId) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        JsonNode job = null;
        while (Instant.now().isBefore(deadline)) {
            job = JSON.readTree(HTTP.send(request(instance, "/api/jobs/" + jobId).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            if (!List.of("QUEUED", "SOLVING").contains(job.get("status").asText())) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + jobId + " did not end in time; last seen: " + job);
    }

    private static HttpRequest.Builder request(ConfigurableApplicationContext instance, String path)
            throws IOException {
        return HttpRequest.newBuilder(URI.create("http://localhost:"
                + instance.getEnvironment().getProperty("local.server.port") + path)).header("X-Api-Key", STRATEGIST);
    }
}
