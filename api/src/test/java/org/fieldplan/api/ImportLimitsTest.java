package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Uploads built to exhaust the service — an expression that would overflow the parser's stack, a zip that
 * inflates far beyond its size — are 400 problems naming the part and the limit, and never show a server path.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "fieldplan.import.archive.max-entry-bytes=16777216")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportLimitsTest {

    private static final String EMPTY = "{\"type\": \"FeatureCollection\", \"features\": []}";

    @LocalServerPort
    int port;

    private ApiClient api;

    @BeforeAll
    void start() {
        api = new ApiClient(port);
    }

    private HttpResponse<String> dryRun(MultipartBody body) {
        return api.postMultipart("/api/regions/limits/import?dryRun=true", STRATEGIST, body);
    }

    /** 10,000 terms, 5,000 nested parentheses, 10,000 unary minus: each took the service to a 500. */
    @ParameterizedTest
    @ValueSource(strings = {"terms", "parentheses", "unary minus"})
    void aHostileExpressionIsA400NamingTheMappingField(String shape) {
        String expression = switch (shape) {
            case "terms" -> String.join("+", Collections.nCopies(10_000, "VAP"));
            case "parentheses" -> "(".repeat(5_000) + "VAP" + ")".repeat(5_000);
            default -> "-".repeat(10_000) + "VAP";
        };
        String mapping = "{\"id\": \"N\", \"registeredVoters\": \"" + expression + "\", \"turnout\": \"0.6\", "
                + "\"support\": {\"share\": \"0.5\"}}";

        HttpResponse<String> response = dryRun(new MultipartBody().file("precincts", "p.geojson", EMPTY)
                .file("mapping", "mapping.json", mapping));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode error = json(response).at("/errors/0");
        assertThat(error.get("path").asText()).isEqualTo("mapping");
        assertThat(error.get("message").asText()).contains("registeredVoters: is ")
                .contains("characters long, more than the 2000 allowed");
        assertThat(response.body()).hasSizeLessThan(1000);
    }

    @Test
    void aZipInflatingPastTheConfiguredLimitIsA400WithoutAServerPath() throws IOException {
        HttpResponse<String> response = dryRun(new MultipartBody()
                .file("precincts", "state.zip", "application/zip", zeros("precincts.shp", 64))
                .field("mapping", "rhode-island"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = json(response).at("/errors/0");
        assertThat(error.get("path").asText()).isEqualTo("precincts");
        assertThat(error.get("message").asText()).isEqualTo("state.zip refused: entry precincts.shp would inflate "
                + "to 64 MB, more than the 16 MB allowed per file; nothing was imported");
        assertThat(response.body()).doesNotContain(System.getProperty("java.io.tmpdir"));
    }

    /** A zip of one entry of {@code mebibytes} MiB of zeros (it states its size, as zip tools do). */
    private static byte[] zeros(String entry, int mebibytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_SPEED);
            zip.putNextEntry(new ZipEntry(entry));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < mebibytes; i++) {
                zip.write(zeros);
            }
        }
        return bytes.toByteArray();
    }
}
