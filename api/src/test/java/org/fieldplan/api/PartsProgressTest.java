package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.fieldplan.data.DataStores;
import org.fieldplan.data.generator.RegionSize;
import org.fieldplan.data.importer.SampleRegions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A region solved in parts reports its parts over HTTP, in the job's view and its event stream (how many, how many
 * done, the round), and the strategist's progress card shows them. The service here splits regions of more than 50
 * shifts into parts of about 250 (the defaults, 30,000 and 8,000, would take a large region and a long solve), so a
 * generated S region is solved in parts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "fieldplan.solve.partition.split-above-shifts=50", "fieldplan.solve.partition.part-shifts=250"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartsProgressTest {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("fieldplan.screenshots",
            "target/screenshots"));

    @LocalServerPort
    int port;

    @Autowired
    DataStores stores;

    private ApiClient api;
    private String regionId;

    @BeforeAll
    void storeARegion() {
        api = new ApiClient(port);
        regionId = "parts-" + UUID.randomUUID().toString().substring(0, 8);
        new SampleRegions(stores.regions()).generated(regionId, RegionSize.S, 5);
    }

    @Test
    void aRegionSolvedInPartsReportsItsPartsInTheJobAndItsEvents() throws Exception {
        HttpResponse<String> submitted = api.postJson("/api/jobs?seconds=4", STRATEGIST, "{\"regionId\":\""
                + regionId + "\",\"from\":\"2026-10-31\",\"to\":\"2026-11-03\"}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = json(submitted).get("id").asText();

        HttpResponse<String> stream = api.send("GET", "/api/jobs/" + id + "/events", STRATEGIST, null, null,
                "text/event-stream");
        assertThat(stream.statusCode()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        for (String line : stream.body().split("\n")) {
            if (line.startsWith("data:")) {
                events.add(ApiClient.JSON.readTree(line.substring(5)));
            }
        }
        JsonNode end = events.get(events.size() - 1);
        assertThat(end.get("status").asText()).isEqualTo("SOLVED");
        // While the parts ran, the events said how far they were.
        assertThat(events).anySatisfy(event -> {
            assertThat(event.get("status").asText()).isEqualTo("SOLVING");
            assertThat(event.get("parts").isObject()).isTrue();
        });
        JsonNode parts = end.get("parts");
        assertThat(parts.get("count").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(parts.get("done").asInt()).isEqualTo(parts.get("count").asInt());
        assertThat(parts.get("rounds").asInt()).isEqualTo(2);
        assertThat(parts.get("round").asInt()).isBetween(1, 2);

        JsonNode job = json(api.get("/api/jobs/" + id, STRATEGIST));
        assertThat(job.get("parts")).isEqualTo(parts);
        assertThat(job.at("/best/assignedShifts").asInt()).isPositive();
    }

    @Test
    void theStrategistsProgressCardShowsThePartsOfASolveInParts() {
        try (HeadlessChromium browser = new HeadlessChromium(1280, 900)) {
            browser.driver().get("http://localhost:" + port + "/");
            browser.await("the key field", d -> d.findElement(By.id("api-key"))).sendKeys(STRATEGIST, Keys.ENTER);
            browser.await("the strategist view", d -> d.findElement(By.id("show-strategist")).isDisplayed());
            browser.driver().findElement(By.id("show-strategist")).click();
            type(browser, "region", regionId);
            browser.script("document.getElementById('from').value = '2026-10-31';"
                    + "document.getElementById('to').value = '2026-11-03';");
            type(browser, "seconds", "4");
            assertThat(browser.driver().findElement(By.id("run-parts")).isDisplayed()).isFalse();
            browser.driver().findElement(By.cssSelector("#submit-form button[type=submit]")).click();

            browser.await("the parts while they run", d -> d.findElement(By.id("run-parts")).isDisplayed());
            assertThat(browser.driver().findElement(By.id("run-parts")).getText())
                    .matches("\\d+ of \\d+, round [12] of 2");
            browser.await("the comparison once solved", d -> d.findElement(By.id("compare-card")).isDisplayed());
            String job = browser.driver().findElement(By.id("run-job")).getText();
            JsonNode parts = json(api.get("/api/jobs/" + job, STRATEGIST)).get("parts");
            assertThat(browser.driver().findElement(By.id("run-parts")).getText()).isEqualTo(parts.get("done").asInt()
                    + " of " + parts.get("count").asInt() + ", round " + parts.get("round").asInt() + " of 2");
            assertThat(browser.driver().findElement(By.id("run-parts-label")).getText()).isEqualTo("Parts solved");
            assertThat(browser.consoleMessages())
                    .noneSatisfy(message -> assertThat(message).containsIgnoringCase("Content Security Policy"));
            browser.screenshot(SCREENSHOTS.resolve("strategist-parts.png"));
        }
    }

    private static void type(HeadlessChromium browser, String id, String text) {
        WebElement field = browser.driver().findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    @Test
    void aJobNotSolvedInPartsShowsNoParts() {
        JsonNode job = api.awaitEnd(api.solveSmallProblem());

        assertThat(job.get("parts").isNull()).isTrue();
    }
}
