package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.ORGANIZER_1;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The map page end to end in real headless Chromium against the service on a random port, with the generated demo
 * region (size S) solved at startup and published as its live plan: precincts drawn, day and slot picked, the sheet, a cancellation and a field
 * report highlighted, an organizer key limited to its volunteers, a live solve compared with greedy, phone width,
 * and no request leaving the service. Screenshots go to {@code -Dfieldplan.screenshots=DIR} (default {@code target/screenshots});
 * {@code scripts/screenshots.sh} writes the ones in {@code docs/screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "fieldplan.demo.enabled=true", "fieldplan.demo.size=S", "fieldplan.demo.seconds=2",
        "fieldplan.now=2026-10-31T10:00"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MapPageTest {

    private static final String FIRST_DAY = "2026-10-31";
    private static final String SECOND_DAY = "2026-11-01";
    private static final Path SCREENSHOTS = Path.of(System.getProperty("fieldplan.screenshots", "target/screenshots"));

    @LocalServerPort
    int port;

    private ApiClient api;
    private String base;
    private String demoJob;

    @BeforeAll
    void awaitDemoPlan() {
        api = new ApiClient(port);
        base = "http://localhost:" + port;
        JsonNode jobs = json(api.get("/api/jobs", STRATEGIST));
        assertThat(jobs).as("the demo job (and its live copy, once published)").hasSizeBetween(1, 2);
        String solved = jobs.get(jobs.size() - 1).get("id").asText();
        assertThat(api.awaitEnd(solved).get("status").asText()).isEqualTo("SOLVED");
        // The page opens the region's live plan: the demo plan, published once solved.
        demoJob = awaitLivePlan(api, "demo");
    }

    /** The region's live job, once something was published for it. */
    static String awaitLivePlan(ApiClient api, String region) {
        for (int i = 0; i < 300; i++) {
            var live = api.get("/api/regions/" + region + "/live", STRATEGIST);
            if (live.statusCode() == 200) {
                return json(live).get("jobId").asText();
            }
            ApiClient.sleep(100);
        }
        throw new AssertionError("nothing was published for region " + region);
    }

    @Test
    void organizerViewDrawsThePlanPicksDaysAndHighlightsRepairs() {
        try (HeadlessChromium browser = new HeadlessChromium(1280, 900)) {
            signIn(browser, STRATEGIST, "");
            int precincts = json(api.get("/api/jobs/" + demoJob + "/precincts", STRATEGIST)).get("features").size();
            assertThat(precincts).isEqualTo(50);
            assertThat(browser.driver().findElements(By.cssSelector("#map path.precinct"))).hasSize(precincts);
            assertThat(browser.driver().findElements(By.cssSelector("#legend li"))).hasSizeGreaterThan(3);
            assertSheetMatchesApi(browser, FIRST_DAY, null, STRATEGIST);

            new Select(browser.driver().findElement(By.id("day"))).selectByValue(SECOND_DAY);
            awaitLoaded(browser, SECOND_DAY, "", "");
            assertSheetMatchesApi(browser, SECOND_DAY, null, STRATEGIST);
            // A slot somebody works that day: a short solve on a busy machine may leave a slot empty.
            String slot = json(api.get("/api/jobs/" + demoJob + "/assignments?date=" + SECOND_DAY, STRATEGIST))
                    .at("/assignments/0/slotId").asText();
            new Select(browser.driver().findElement(By.id("slot"))).selectByValue(slot);
            awaitLoaded(browser, SECOND_DAY, slot, "");
            assertThat(rows(browser)).isNotEmpty().allSatisfy(row -> assertThat(row.getAttribute("data-slot"))
                    .isEqualTo(slot));

            new Select(browser.driver().findElement(By.id("day"))).selectByValue(FIRST_DAY);
            awaitLoaded(browser, FIRST_DAY, "", "");
            // The first morning has started: cancel a shift after it (a report below concerns one in it).
            WebElement first = rows(browser).stream()
                    .filter(row -> !row.getAttribute("data-slot").equals(FIRST_DAY + "-am")).findFirst().orElseThrow();
            String volunteer = first.getAttribute("data-volunteer");
            String cancelledSlot = first.getAttribute("data-slot");
            String precinct = first.findElement(By.cssSelector(".show-precinct")).getAttribute("data-precinct");
            first.findElement(By.cssSelector(".cancel-shift")).click();
            first.findElement(By.cssSelector(".ask .confirm-yes")).click();

            browser.await("the change list names " + volunteer, d -> !d.findElements(
                    By.cssSelector("#change-list li[data-volunteer='" + volunteer + "']")).isEmpty());
            awaitLoaded(browser, FIRST_DAY, "", "");
            assertThat(browser.driver().findElement(By.id("changes")).isDisplayed()).isTrue();
            assertThat(browser.driver().findElement(By.id("status")).getText()).contains("removed " + volunteer);
            assertThat(rows(browser)).noneSatisfy(row -> {
                assertThat(row.getAttribute("data-volunteer")).isEqualTo(volunteer);
                assertThat(row.getAttribute("data-slot")).isEqualTo(cancelledSlot);
            });
            assertThat(browser.driver().findElements(By.cssSelector("#map path.precinct.changed")))
                    .extracting(e -> e.getAttribute("data-precinct")).contains(precinct);
            assertSheetMatchesApi(browser, FIRST_DAY, null, STRATEGIST);

            WebElement find = browser.driver().findElement(By.id("find-precinct"));
            find.sendKeys(precinct, Keys.TAB);
            browser.await("details of " + precinct, d -> d.findElement(By.cssSelector("#details h2")).getText()
                    .contains(precinct));
            assertThat(browser.driver().findElement(By.id("details")).getText()).contains("Registered voters")
                    .contains("One more shift adds").contains("Volunteers per slot");
            assertEveryControlIsLabelled(browser);
            browser.driver().manage().window().setSize(new Dimension(1280, 1500));
            browser.screenshot(SCREENSHOTS.resolve("organizer-view.png"));

            String valueFills = fills(browser);
            browser.driver().findElement(By.cssSelector("input[name=shading][value=coverage]")).click();
            assertThat(browser.driver().findElement(By.id("legend")).getText()).startsWith("Coverage");
            assertThat(fills(browser)).isNotEqualTo(valueFills);
            browser.screenshot(SCREENSHOTS.resolve("organizer-coverage.png"));

            WebElement worked = rows(browser).get(0);
            String worker = worked.getAttribute("data-volunteer");
            String workedPrecinct = worked.findElement(By.cssSelector(".show-precinct")).getAttribute("data-precinct");
            double doorsBefore = doorsLeft(browser, workedPrecinct);
            worked.findElement(By.cssSelector(".report-shift")).click();
            WebElement report = worked.findElement(By.cssSelector(".report-form"));
            report.findElement(By.name("doors")).sendKeys("40");
            report.findElement(By.name("contacts")).sendKeys("10", Keys.ENTER);

            browser.await("the field report's effects", d -> d.findElement(By.id("status")).getText()
                    .contains("pinned " + worker));
            awaitLoaded(browser, FIRST_DAY, "", "");
            assertThat(browser.driver().findElements(By.cssSelector("#map path.precinct.changed")))
                    .extracting(e -> e.getAttribute("data-precinct")).contains(workedPrecinct);
            assertThat(doorsLeft(browser, workedPrecinct)).isEqualTo(Math.max(0, doorsBefore - 40));
            assertNoPolicyViolation(browser);
        }
    }

    /** "Doors left" in the precinct's details, found by its id. */
    private static double doorsLeft(HeadlessChromium browser, String precinct) {
        WebElement find = browser.driver().findElement(By.id("find-precinct"));
        find.clear();
        find.sendKeys(precinct, Keys.TAB);
        browser.await("details of " + precinct, d -> d.findElement(By.cssSelector("#details h2")).getText()
                .contains("(" + precinct + ")"));
        String doors = String.valueOf(browser.script("return [...document.querySelectorAll('#details dt')]"
                + ".find(dt => dt.textContent === 'Doors left').nextElementSibling.textContent"));
        return Double.parseDouble(doors.replace(",", ""));
    }

    @Test
    void organizerKeySeesOnlyItsOwnVolunteers() {
        try (HeadlessChromium browser = new HeadlessChromium(1280, 900)) {
            signIn(browser, ORGANIZER_1, "org-1");

            List<WebElement> rows = rows(browser);
            assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.getAttribute("data-organizer"))
                    .isEqualTo("org-1"));
            String slot = firstBusySlot(FIRST_DAY, ORGANIZER_1);
            assertThat(new Select(browser.driver().findElement(By.id("slot"))).getFirstSelectedOption()
                    .getAttribute("value")).as("one slot at a time").isEqualTo(slot);
            assertSheetMatchesApi(browser, FIRST_DAY, slot, ORGANIZER_1);
            Set<String> shown = new HashSet<>(rows.stream().map(row -> row.getAttribute("data-volunteer")).toList());
            List<String> homes = browser.driver().findElements(By.cssSelector("#map path.home")).stream()
                    .map(home -> home.getAttribute("data-volunteer")).toList();
            assertThat(homes).isNotEmpty().allSatisfy(home -> assertThat(shown).contains(home));
            assertThat(browser.driver().findElement(By.id("views")).isDisplayed()).as("strategist view offered")
                    .isFalse();
            WebElement organizer = browser.driver().findElement(By.id("organizer"));
            assertThat(organizer.isEnabled()).isFalse();
            assertThat(new Select(organizer).getOptions()).extracting(WebElement::getText).containsExactly("org-1");
        }
    }

    @Test
    void flowsDrawOneLinePerFlowTheApiGivesAndGoAwayWhenSwitchedOff() {
        try (HeadlessChromium browser = new HeadlessChromium(1280, 900)) {
            signIn(browser, STRATEGIST, "");
            JsonNode layer = json(api.get("/api/jobs/" + demoJob + "/flows?cellKm=2", STRATEGIST));
            int flows = layer.get("features").size();
            assertThat(flows).as("2 km areas: some volunteers work outside their own").isPositive();

            new Select(browser.driver().findElement(By.id("flows"))).selectByValue("2");
            browser.await("the flows drawn", d -> String.valueOf(flows)
                    .equals(browser.script("return document.getElementById('map').dataset.flows")));
            assertThat(browser.driver().findElements(By.cssSelector("#map path.flow"))).hasSize(flows);
            assertThat(browser.driver().findElements(By.cssSelector("#map path.flow")).stream()
                    .mapToInt(line -> Integer.parseInt(line.getAttribute("data-shifts"))).sum())
                    .isEqualTo(layer.get("shifts").asInt() - layer.get("shiftsWithinCell").asInt());
            assertThat(browser.driver().findElement(By.cssSelector("#legend .flows-key")).getText())
                    .contains("2 km areas");
            // Every line is drawn in a colour the legend shows: everyday flows and flows with deployment shifts.
            Object drawn = browser.script("return [...new Set([...document.querySelectorAll('#map path.flow')]"
                    + ".map(p => getComputedStyle(p).stroke))]");
            Object keyed = browser.script("return [...document.querySelectorAll('#legend .swatch.flow')]"
                    + ".map(s => getComputedStyle(s).borderTopColor)");
            List<String> keys = ((List<?>) keyed).stream().map(String::valueOf).toList();
            assertThat(keys).hasSize(2).doesNotHaveDuplicates();
            assertThat(keys).containsAll(((List<?>) drawn).stream().map(String::valueOf).toList());
            assertThat(browser.driver().findElement(By.cssSelector("#legend .flows-deployment-key")).getText())
                    .contains("deployment");
            assertNoPolicyViolation(browser);
            browser.screenshot(SCREENSHOTS.resolve("organizer-flows.png"));

            new Select(browser.driver().findElement(By.id("flows"))).selectByValue("");
            browser.await("the flows gone", d -> d.findElements(By.cssSelector("#map path.flow")).isEmpty());
        }
    }

    @Test
    void strategistWatchesASolveLiveTerminatesItAndComparesWithGreedy() {
        try (HeadlessChromium browser = new HeadlessChromium(1280, 900)) {
            signIn(browser, STRATEGIST, "");
            browser.driver().findElement(By.id("show-strategist")).click();
            assertThat(browser.driver().findElement(By.id("from")).getAttribute("value")).isEqualTo(FIRST_DAY);
            WebElement seconds = browser.driver().findElement(By.id("seconds"));
            seconds.clear();
            seconds.sendKeys("60");
            browser.driver().findElement(By.cssSelector("#submit-form button[type=submit]")).click();

            browser.await("a best score from the event stream", d -> d.findElement(By.id("run-score")).getText()
                    .matches("-?\\d+hard/-?\\d+medium/-?\\d+soft"));
            browser.await("the progress bar moving", d -> {
                String value = d.findElement(By.id("progress")).getAttribute("value");
                return value != null && Double.parseDouble(value) > 0;
            });
            assertThat(browser.driver().findElement(By.id("run-votes")).getText()).matches("-?\\d+\\.\\d{3}");
            String job = browser.driver().findElement(By.id("run-job")).getText();
            browser.screenshot(SCREENSHOTS.resolve("strategist-solving.png"));
            browser.driver().findElement(By.id("terminate")).click();

            browser.await("the comparison with greedy", d -> d.findElement(By.id("compare-card")).isDisplayed());
            assertThat(json(api.get("/api/jobs/" + job, STRATEGIST)).get("status").asText()).isEqualTo("TERMINATED");
            String comparison = browser.driver().findElement(By.id("compare")).getText();
            assertThat(comparison).contains("Expected net votes").contains("Gain over greedy").contains("Greedy");
            assertThat(browser.driver().findElement(By.id("progress")).getAttribute("value")).isEqualTo("100");
            browser.screenshot(SCREENSHOTS.resolve("strategist-view.png"));

            browser.driver().findElement(By.id("open-run")).click();
            browser.await("the terminated job's plan on the map", d -> String.valueOf(
                    browser.script("return document.body.dataset.loaded")).startsWith(job + "|"));
            assertThat(browser.driver().findElements(By.cssSelector("#map path.precinct"))).hasSize(50);
            assertThat(new Select(browser.driver().findElement(By.id("job"))).getFirstSelectedOption()
                    .getAttribute("value")).isEqualTo(job);
            assertNoPolicyViolation(browser);
        }
    }

    @Test
    void atPhoneWidthTheMapAndSheetStackWithoutSidewaysScrolling() {
        try (HeadlessChromium browser = new HeadlessChromium(390, 844)) {
            signIn(browser, ORGANIZER_1, "org-1");

            assertThat((Boolean) browser.script(
                    "return document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
            Number mapBottom = (Number) browser.script(
                    "return document.querySelector('.map-area').getBoundingClientRect().bottom");
            Number detailsTop = (Number) browser.script(
                    "return document.getElementById('details').getBoundingClientRect().top");
            assertThat(detailsTop.doubleValue()).isGreaterThanOrEqualTo(mapBottom.doubleValue());
            browser.screenshot(SCREENSHOTS.resolve("organizer-phone.png"));
        }
    }

    @Test
    void atPhoneWidthTheStrategistViewFitsWithoutSidewaysScrolling() {
        try (HeadlessChromium browser = new HeadlessChromium(390, 844)) {
            signIn(browser, STRATEGIST, "");
            browser.driver().findElement(By.id("show-strategist")).click();
            browser.await("the strategist view", d -> d.findElement(By.id("submit-form")).isDisplayed());

            assertThat(browser.script("return [...document.querySelectorAll('.strategist *')]"
                    + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)"
                    + ".map(e => e.tagName + '#' + e.id + '.' + e.className)")).as("elements past the right edge")
                    .isEqualTo(List.of());
            assertThat((Boolean) browser.script(
                    "return document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
        }
    }

    @Test
    void pageLoadRequestsNothingOutsideTheService() {
        try (HeadlessChromium browser = new HeadlessChromium(1280, 900)) {
            signIn(browser, STRATEGIST, "");

            // The browser's own pages (chrome://, data:) never leave the machine; network schemes must not leave the
            // service.
            List<String> urls = browser.requestedUrls().stream().filter(url -> url.matches("(?i)(https?|wss?)://.*"))
                    .toList();
            assertThat(urls).as("requests seen").anySatisfy(url -> assertThat(url).contains("/webjars/leaflet/"))
                    .anySatisfy(url -> assertThat(url).contains("/api/jobs/" + demoJob + "/precincts"));
            assertThat(urls).allSatisfy(url -> assertThat(url).startsWith(base + "/"));
        }
    }

    /** Opens the page, types the key, opens the demo job and waits until its first day is drawn. */
    private void signIn(HeadlessChromium browser, String key, String organizer) {
        browser.driver().get(base + "/");
        WebElement field = browser.await("the key field", d -> d.findElement(By.id("api-key")));
        field.sendKeys(key, Keys.ENTER);
        browser.await("the job list", d -> !d.findElements(By.cssSelector("#job option[value='" + demoJob + "']"))
                .isEmpty());
        Select jobs = new Select(browser.driver().findElement(By.id("job")));
        if (!demoJob.equals(jobs.getFirstSelectedOption().getAttribute("value"))) {
            jobs.selectByValue(demoJob);
        }
        // An organizer's map opens on one slot: the day's first with shifts of theirs.
        awaitLoaded(browser, FIRST_DAY, organizer.isEmpty() ? "" : firstBusySlot(FIRST_DAY, key), organizer);
    }

    /** The day's first slot with shifts the key sees. */
    private String firstBusySlot(String day, String key) {
        JsonNode first = null;
        for (JsonNode a : json(api.get("/api/jobs/" + demoJob + "/assignments?date=" + day, key)).get("assignments")) {
            if (first == null || a.get("start").asText().compareTo(first.get("start").asText()) < 0) {
                first = a;
            }
        }
        assertThat(first).as("shifts on " + day).isNotNull();
        return first.get("slotId").asText();
    }

    private void awaitLoaded(HeadlessChromium browser, String day, String slot, String organizer) {
        String expected = String.join("|", demoJob, day, slot, organizer);
        browser.await("the page showing " + expected + " (status: " + browser.driver().findElement(By.id("status"))
                .getText() + ")", d -> expected.equals(browser.script("return document.body.dataset.loaded")));
    }

    /** The fill colours of the precinct shapes, in drawing order. */
    private static String fills(HeadlessChromium browser) {
        return String.valueOf(browser.script("return [...document.querySelectorAll('#map path.precinct')]"
                + ".map(p => p.getAttribute('fill')).join()"));
    }

    private static List<WebElement> rows(HeadlessChromium browser) {
        return browser.driver().findElements(By.cssSelector("#assignments tbody tr"));
    }

    /** The sheet on the page lists exactly the volunteer-slots the API gives this key for the day. */
    private void assertSheetMatchesApi(HeadlessChromium browser, String day, String slot, String key) {
        Set<String> expected = new HashSet<>();
        for (JsonNode a : json(api.get("/api/jobs/" + demoJob + "/assignments?date=" + day, key)).get("assignments")) {
            if (slot == null || a.get("slotId").asText().equals(slot)) {
                expected.add(a.get("volunteerId").asText() + "@" + a.get("slotId").asText());
            }
        }
        List<String> shown = rows(browser).stream()
                .map(row -> row.getAttribute("data-volunteer") + "@" + row.getAttribute("data-slot")).toList();
        assertThat(expected).isNotEmpty();
        assertThat(shown).containsExactlyInAnyOrderElementsOf(expected);
        long trips = browser.driver().findElements(By.cssSelector("#map path.trip")).size();
        assertThat(trips).as("one line from home to precinct per shift").isEqualTo(expected.size());
    }

    /** The page never needs what its Content-Security-Policy forbids (inline script or style, outside hosts). */
    private static void assertNoPolicyViolation(HeadlessChromium browser) {
        assertThat(browser.consoleMessages())
                .noneSatisfy(message -> assertThat(message).containsIgnoringCase("Content Security Policy"));
    }

    /** Every visible input and select has a label (or an aria-label) for screen readers. */
    private static void assertEveryControlIsLabelled(HeadlessChromium browser) {
        Object unlabelled = browser.script("return [...document.querySelectorAll('input, select')]"
                + ".filter(e => e.offsetParent !== null && e.labels.length === 0 && !e.getAttribute('aria-label'))"
                + ".map(e => e.id || e.name)");
        assertThat((List<?>) unlabelled).isEmpty();
    }
}
