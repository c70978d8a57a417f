package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.ORGANIZER_1;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sheets are rendered once per plan and served with an ETag (304 on a match), {@code Cache-Control} and gzip, and the
 * next read after any change to the plan (a cancellation, a field report, a late volunteer) shows the new plan.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "fieldplan.now=2026-10-31T10:00")
@ActiveProfiles("test")
class SheetCacheTest {

    private static final String SHEET = "/assignments?date=2026-10-31";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aSheetIsRevalidatedWithItsEtagAndGzippedOnRequest() throws IOException {
        ApiClient api = new ApiClient(port);
        String jobId = api.solveSmallProblem();
        HttpResponse<byte[]> first = get("/api/jobs/" + jobId + SHEET + "&geometry=true", STRATEGIST, null, null);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("no-cache", "private");

        HttpResponse<byte[]> again = get("/api/jobs/" + jobId + SHEET + "&geometry=true", STRATEGIST, etag, null);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).contains(etag);

        HttpResponse<byte[]> zipped = get("/api/jobs/" + jobId + SHEET + "&geometry=true", STRATEGIST, null, "gzip");
        assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(zipped.body().length).isLessThan(first.body().length);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(first.body());
        }
        // Another caller's view is another answer: an organizer sees only their own volunteers.
        HttpResponse<byte[]> organizers = get("/api/jobs/" + jobId + SHEET + "&geometry=true", ORGANIZER_1, etag,
                null);
        assertThat(organizers.statusCode()).isEqualTo(200);
        assertThat(organizers.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
    }

    @Test
    void theNextReadAfterEveryKindOfChangeShowsTheNewPlan() {
        ApiClient api = new ApiClient(port);
        String jobId = api.solveSmallProblem();
        assertSheetsShowThePlan(api, jobId); // every format rendered and cached before the first change

        change(api, jobId, "cancellations", SheetCacheTest::cancellation);
        assertSheetsShowThePlan(api, jobId);
        change(api, jobId, "field-reports", SheetCacheTest::fieldReport);
        assertSheetsShowThePlan(api, jobId);

        HttpResponse<String> late = api.postJson("/api/jobs/" + jobId + "/volunteers", ApiClient.ORGANIZER_1,
                ReplanTest.LATE_VOLUNTEER);
        assertThat(late.statusCode()).as(late.body()).isEqualTo(200);
        assertSheetsShowThePlan(api, jobId);
    }

    /**
     * Posts news about a shift of the plan ({@code body} makes it from the shift) and expects it repaired: a report
     * about a morning shift (it has started), other news about the first unpinned shift after it.
     */
    static void change(ApiClient api, String jobId, String endpoint, Function<JsonNode, String> body) {
        JsonNode plan = json(api.get("/api/jobs/" + jobId + "/plan", STRATEGIST));
        JsonNode shift = endpoint.equals("field-reports") ? ReplanTest.morningShift(plan, 0)
                : ReplanTest.firstUnpinned(plan);
        HttpResponse<String> response = api.postJson("/api/jobs/" + jobId + "/" + endpoint, STRATEGIST,
                body.apply(shift));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("mode").asText()).isEqualTo("REPAIRED");
    }

    static String cancellation(JsonNode shift) {
        return "{\"volunteerId\":\"" + shift.get("volunteerId").asText() + "\",\"slotId\":\""
                + shift.get("slotId").asText() + "\"}";
    }

    static String fieldReport(JsonNode shift) {
        return "{\"volunteerId\":\"" + shift.get("volunteerId").asText() + "\",\"slotId\":\""
                + shift.get("slotId").asText() + "\",\"doorsKnocked\":100,\"contacts\":20}";
    }

    /**
     * Every format of the day's sheet read from {@code reader} has exactly the plan's assignments of that day, as
     * {@code reader} gives the plan now (its plan endpoint is never cached).
     */
    static void assertSheetsShowThePlan(ApiClient reader, String jobId) {
        Set<String> expected = new TreeSet<>();
        for (JsonNode a : json(reader.get("/api/jobs/" + jobId + "/plan", STRATEGIST)).get("assignments")) {
            if (a.hasNonNull("precinctId") && a.get("slotId").asText().startsWith("2026-10-31")) {
                expected.add(a.get("volunteerId").asText() + "@" + a.get("slotId").asText() + ">"
                        + a.get("precinctId").asText());
            }
        }
        Set<String> sheet = new TreeSet<>();
        json(readSheet(reader, jobId, "")).get("assignments").forEach(a -> sheet.add(a.get("volunteerId").asText()
                + "@" + a.get("slotId").asText() + ">" + a.at("/precinct/id").asText()));
        Set<String> csv = new TreeSet<>();
        readSheet(reader, jobId, ".csv").body().lines().skip(1).map(line -> line.split(","))
                .forEach(f -> csv.add(f[0] + "@" + f[3] + ">" + f[6]));
        Set<String> trips = new TreeSet<>();
        json(readSheet(reader, jobId, ".geojson")).get("features").forEach(f -> {
            if (f.at("/properties/kind").asText().equals("trip")) {
                trips.add(f.at("/properties/volunteerId").asText() + "@" + f.at("/properties/slotId").asText() + ">"
                        + f.at("/properties/precinctId").asText());
            }
        });
        assertThat(sheet).as("JSON sheet").isEqualTo(expected);
        assertThat(csv).as("CSV sheet").isEqualTo(expected);
        assertThat(trips).as("GeoJSON trips (every volunteer of the example has a home)").isEqualTo(expected);
    }

    private static HttpResponse<String> readSheet(ApiClient reader, String jobId, String format) {
        HttpResponse<String> response = reader.get("/api/jobs/" + jobId + "/assignments" + format
                + "?date=2026-10-31", STRATEGIST);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private HttpResponse<byte[]> get(String path, String key, String ifNoneMatch, String acceptEncoding) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("X-Api-Key", key);
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
