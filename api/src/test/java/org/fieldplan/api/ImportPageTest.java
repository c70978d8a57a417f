package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Importing a region on the map page in real headless Chromium: a strategist picks New Hampshire's precinct file, a
 * preset mapping and a Central-time calendar, checks it (report and preview precincts on a map, nothing stored),
 * imports it, and the solve form is set to the new region; a bad upload shows its errors and stores nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportPageTest {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("fieldplan.screenshots", "target/screenshots"));

    @LocalServerPort
    int port;

    @TempDir
    Path temp;

    private ApiClient api;

    @BeforeAll
    void start() {
        api = new ApiClient(port);
    }

    @Test
    void aStrategistChecksThePreviewThenImportsARegionThatTheSolveFormTakes() throws IOException {
        Path calendar = Files.writeString(temp.resolve("central.json"),
                "{\"timeZone\": \"America/Chicago\", \"electionDay\": \"2026-11-03\"}");
        String region = "nh-page-" + UUID.randomUUID().toString().substring(0, 8);
        try (HeadlessChromium browser = new HeadlessChromium(1280, 1000)) {
            WebDriver page = openImportForm(browser, region);
            new Select(page.findElement(By.id("import-preset"))).selectByValue("new-hampshire");
            page.findElement(By.id("import-calendar")).sendKeys(calendar.toString());
            page.findElement(By.id("import-check")).click();

            browser.await("the preview precincts", d -> d.findElements(By.cssSelector("#import-map path.preview-precinct"))
                    .size() >= 20);
            assertThat(page.findElement(By.id("import-summary")).getText()).contains("Dry run, nothing stored")
                    .contains("320 precincts").contains("America/Chicago").contains("10 slots");
            assertThat(page.findElements(By.cssSelector("#import-report li"))).isNotEmpty();
            // New Hampshire is on Eastern time: the Central calendar is imported with a loud warning.
            assertThat(page.findElement(By.id("import-report")).getText()).contains("CHECK THE TIME ZONE");
            assertThat(page.findElement(By.id("import-confirm")).isEnabled()).isTrue();
            assertThat(api.get("/api/regions/" + region + "/calendar", STRATEGIST).statusCode()).isEqualTo(404);
            browser.screenshot(SCREENSHOTS.resolve("strategist-import.png"));

            page.findElement(By.id("import-confirm")).click();

            browser.await("the import's confirmation", d -> d.findElement(By.id("status")).getText()
                    .startsWith("Imported region " + region));
            JsonNode calendarView = json(api.get("/api/regions/" + region + "/calendar", STRATEGIST));
            assertThat(calendarView.get("timeZone").asText()).isEqualTo("America/Chicago");
            assertThat(page.findElement(By.id("region")).getAttribute("value")).isEqualTo(region);
            assertThat(page.findElement(By.id("from")).getAttribute("value")).isEmpty();
        }
    }

    @Test
    void aBadUploadShowsItsErrorsAndStoresNothing() {
        String region = "bad-page-" + UUID.randomUUID().toString().substring(0, 8);
        try (HeadlessChromium browser = new HeadlessChromium(1280, 1000)) {
            WebDriver page = openImportForm(browser, region);
            page.findElement(By.id("import-zone")).sendKeys("Mars/Olympus_Mons");
            browser.script("const e = document.getElementById('import-election'); e.value = '2026-11-03';"
                    + " e.dispatchEvent(new Event('change', {bubbles: true}));");
            page.findElement(By.id("import-check")).click();

            browser.await("the errors", d -> !d.findElements(By.cssSelector("#import-report li.error")).isEmpty());
            String errors = page.findElement(By.id("import-report")).getText();
            assertThat(errors).contains("mapping: is required").contains("calendar.timeZone");
            assertThat(page.findElement(By.id("status")).getText()).contains("400");
            assertThat(page.findElement(By.id("import-confirm")).isEnabled()).isFalse();
            assertThat(api.get("/api/regions/" + region + "/calendar", STRATEGIST).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void franklinsShapesAndResultsTableImportThroughItsMappingFile() {
        String region = "oh-page-" + UUID.randomUUID().toString().substring(0, 8);
        try (HeadlessChromium browser = new HeadlessChromium(1280, 1000)) {
            WebDriver page = openImportForm(browser, region, "precincts/OH_franklin_precincts.zip");
            page.findElement(By.id("import-mapping")).sendKeys(
                    Path.of("../docs/mappings/ohio-franklin.json").toAbsolutePath().normalize().toString());
            page.findElement(By.id("import-join-table")).sendKeys(
                    SharedFiles.path("results/ohio_2018_results.csv").toString());
            page.findElement(By.id("import-check")).click();

            browser.await("the dry run", d -> d.findElement(By.id("import-summary")).getText()
                    .contains("Dry run, nothing stored"));
            assertThat(page.findElement(By.id("import-summary")).getText()).contains("863 precincts");
            assertThat(page.findElement(By.id("import-report")).getText()).contains(
                    "join: 863 of 863 precincts matched one row of ohio_2018_results.csv");
        }
    }

    @Test
    void anElectionDayInThePastIsShownAsTheCalendarsErrorAndStoresNothing() {
        String region = "past-page-" + UUID.randomUUID().toString().substring(0, 8);
        try (HeadlessChromium browser = new HeadlessChromium(1280, 1000)) {
            WebDriver page = openImportForm(browser, region);
            new Select(page.findElement(By.id("import-preset"))).selectByValue("new-hampshire");
            page.findElement(By.id("import-zone")).sendKeys("America/New_York");
            browser.script("const e = document.getElementById('import-election'); e.value = '2020-11-03';"
                    + " e.dispatchEvent(new Event('change', {bubbles: true}));");
            page.findElement(By.id("import-check")).click();

            browser.await("the errors", d -> !d.findElements(By.cssSelector("#import-report li.error")).isEmpty());
            assertThat(page.findElement(By.id("import-report")).getText())
                    .contains("calendar.electionDay").contains("2020-11-03 is in the past");
            assertThat(page.findElement(By.id("import-confirm")).isEnabled()).isFalse();
            assertThat(api.get("/api/regions/" + region + "/calendar", STRATEGIST).statusCode()).isEqualTo(404);
        }
    }

    /** Signs in as a strategist, opens the import form and fills in the region id and New Hampshire's file. */
    private WebDriver openImportForm(HeadlessChromium browser, String region) {
        return openImportForm(browser, region, "precincts/nh-precincts.geojson");
    }

    /** Signs in as a strategist, opens the import form and fills in the region id and the precinct file. */
    private WebDriver openImportForm(HeadlessChromium browser, String region, String precincts) {
        WebDriver page = browser.driver();
        page.get("http://localhost:" + port + "/");
        browser.await("the key field", d -> d.findElement(By.id("api-key"))).sendKeys(STRATEGIST, Keys.ENTER);
        browser.await("the views", d -> d.findElement(By.id("views")).isDisplayed());
        page.findElement(By.id("show-strategist")).click();
        browser.await("the import form", d -> d.findElement(By.id("import-form")).isDisplayed());
        page.findElement(By.id("import-region")).sendKeys(region);
        page.findElement(By.id("import-precincts")).sendKeys(
                SharedFiles.path(precincts).toString());
        return page;
    }
}
