package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Real HTTP calls against the running test server, with the test keys. */
final class ApiClient {

    static final String STRATEGIST = "test-strategist";
    static final String ADMIN = "test-admin";
    static final String ORGANIZER_1 = "test-organizer-1";
    static final String ORGANIZER_2 = "test-organizer-2";
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    ApiClient(int port) {
        this.base = "http://localhost:" + port;
    }

    static String smallProblem() {
        try {
            return Files.readString(Path.of("../docs/examples/problem-small.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> send(String method, String path, String key, String contentType, String body,
            String accept) {
        HttpRequest.Builder request = request(method, path, body);
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return execute(request);
    }

    /** A call with a volunteer link's token instead of an API key; {@code body} null for none, else JSON. */
    HttpResponse<String> asVolunteer(String method, String path, String token, String body) {
        HttpRequest.Builder request = request(method, path, body).header("X-Volunteer-Token", token);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return execute(request);
    }

    private HttpRequest.Builder request(String method, String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> execute(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts a multipart form (e.g. a region upload). */
    HttpResponse<String> postMultipart(String path, String key, MultipartBody body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("X-Api-Key", key).header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path, String key) {
        return send("GET", path, key, null, null, null);
    }

    HttpResponse<String> postJson(String path, String key, String body) {
        return send("POST", path, key, "application/json", body, null);
    }

    /** Submits the small example problem and waits until its job has ended; returns the job id. */
    String solveSmallProblem() {
        return solve(smallProblem());
    }

    /** Submits the problem for one second and waits until its job has ended; returns the job id. */
    String solve(String problemJson) {
        HttpResponse<String> submitted = postJson("/api/jobs?seconds=1", STRATEGIST, problemJson);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = json(submitted).get("id").asText();
        awaitEnd(id);
        return id;
    }

    /** Submits the small example without its last precinct (another problem) and waits for its end. */
    String solveSmallProblemWithoutLastPrecinct() {
        try {
            ObjectNode problem =
                    (ObjectNode) JSON.readTree(smallProblem());
            ArrayNode precincts = problem.withArray("precincts");
            String dropped = precincts.get(precincts.size() - 1).get("id").asText();
            precincts.remove(precincts.size() - 1);
            for (JsonNode volunteer : problem.withArray("volunteers")) {
                ((ObjectNode) volunteer).remove("preferredPrecinctIds");
            }
            ArrayNode assignments = problem.withArray("assignments");
            for (int i = assignments.size() - 1; i >= 0; i--) {
                if (assignments.get(i).get("precinctId").asText().equals(dropped)) {
                    assignments.remove(i);
                }
            }
            return solve(problem.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Takes every place of the test profile (one solving, one queued) with minute-long jobs; returns their ids. */
    List<String> takeAllPlaces() {
        return List.of(json(postJson("/api/jobs?seconds=60", STRATEGIST, smallProblem())).get("id").asText(),
                json(postJson("/api/jobs?seconds=60", STRATEGIST, smallProblem())).get("id").asText());
    }

    /** Terminates the jobs (the queued one first) and returns each one's view once it has ended. */
    List<JsonNode> terminateAndAwait(List<String> jobIds) {
        for (int i = jobIds.size() - 1; i >= 0; i--) {
            postJson("/api/jobs/" + jobIds.get(i) + "/terminate", STRATEGIST, null);
        }
        return jobIds.stream().map(this::awaitEnd).toList();
    }

    JsonNode awaitEnd(String jobId) {
        return await(jobId, job -> !List.of("QUEUED", "SOLVING").contains(job.get("status").asText()), "end");
    }

    /** Waits until the job has a best plan (the first save after a best comes at once). */
    JsonNode awaitBestPlan(String jobId) {
        return await(jobId, job -> !job.get("best").isNull(), "find a plan");
    }

    /** Polls the job's view until {@code condition} holds; fails after a generous minute. */
    JsonNode await(String jobId, Predicate<JsonNode> condition, String what) {
        Instant deadline = Instant.now().plusSeconds(60);
        JsonNode job = null;
        while (Instant.now().isBefore(deadline)) {
            job = json(get("/api/jobs/" + jobId, STRATEGIST));
            if (condition.test(job)) {
                return job;
            }
            sleep(100);
        }
        throw new AssertionError("job " + jobId + " did not " + what + " in time; last seen: " + job);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
