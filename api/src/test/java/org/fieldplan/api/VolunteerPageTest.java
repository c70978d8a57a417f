package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.ORGANIZER_1;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The volunteer page in real headless Chromium at phone width (390 px), opened from a personal link as a volunteer
 * would: see the shift, say "I can't make it" (the organizer's sheet and the plan change), report doors after a
 * shift (the precinct's remaining doors fall), offer more time (a recommendation and the new shift appear). "Now" is
 * 10:00 on the first day: morning shifts have started, afternoon ones have not. Nothing is loaded from outside. The
 * small example serves the first two; offering time uses the generated demo region (size S), where teams are large
 * enough for recommendations.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "fieldplan.now=2026-10-31T10:00", "fieldplan.demo.enabled=true", "fieldplan.demo.size=S",
        "fieldplan.demo.seconds=2"})
@ActiveProfiles("test")
class VolunteerPageTest {

    private static final int PHONE = 390;
    private static final Path SCREENSHOTS = Path.of(System.getProperty("fieldplan.screenshots", "target/screenshots"));

    @LocalServerPort
    int port;

    /** The first assignment of the plan in a slot whose id ends so, visible with {@code key}, with its link. */
    private JsonNode assignment(ApiClient api, String jobId, String key, String slotSuffix) {
        for (JsonNode a : json(api.get("/api/jobs/" + jobId + "/assignments?links=true", key)).get("assignments")) {
            if (a.get("slotId").asText().endsWith(slotSuffix)) {
                return a;
            }
        }
        throw new AssertionError("no " + slotSuffix + " assignment in " + jobId);
    }

    private HeadlessChromium open(String url) {
        HeadlessChromium browser = new HeadlessChromium(PHONE, 844);
        browser.driver().get(url);
        browser.await("the shifts are shown", d -> !d.findElements(By.cssSelector("#shifts li.shift")).isEmpty());
        return browser;
    }

    static void assertFitsThePhoneAndIsLabelled(HeadlessChromium browser) {
        assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
        Object unlabelled = browser.script("return [...document.querySelectorAll('input, select, button')]"
                + ".filter(e => e.offsetParent !== null && (e.tagName === 'BUTTON' ? !e.textContent.trim()"
                + " : e.labels.length === 0 && !e.getAttribute('aria-label'))).map(e => e.id || e.name)");
        assertThat((List<?>) unlabelled).isEmpty();
    }

    /** The shown status of the slot's shift (read in one script: the list is re-drawn after each answer). */
    private static Object shiftStatus(HeadlessChromium browser, String slot) {
        return browser.script("const e = document.querySelector(`li.shift[data-slot='${arguments[0]}']`);"
                + " return e && e.dataset.status", slot);
    }

    private String status(HeadlessChromium browser) {
        return browser.driver().findElement(By.id("status")).getText();
    }

    @Test
    void cannotMakeItRepairsThePlanAndTheOrganizerSeesIt() {
        ApiClient api = new ApiClient(port);
        String jobId = api.solveSmallProblem();
        JsonNode shift = assignment(api, jobId, ORGANIZER_1, "-pm");
        String volunteer = shift.get("volunteerId").asText();
        String slot = shift.get("slotId").asText();
        String base = "http://localhost:" + port;
        try (HeadlessChromium browser = open(shift.get("volunteerLink").asText())) {
            WebElement card = browser.driver().findElement(By.cssSelector("li.shift[data-slot='" + slot + "']"));
            assertThat(card.findElement(By.cssSelector(".precinct")).getText())
                    .contains(shift.at("/precinct/id").asText());
            assertThat(browser.driver().findElement(By.id("hello")).getText())
                    .contains(shift.get("name").asText().split(" ")[0]);
            assertThat(card.findElements(By.cssSelector(".map path"))).as("the precinct is drawn").isNotEmpty();
            assertFitsThePhoneAndIsLabelled(browser);
            browser.screenshot(SCREENSHOTS.resolve("volunteer-phone.png"));

            card.findElement(By.cssSelector("button.coming")).click();
            browser.await("confirmed", d -> "CONFIRMED".equals(shiftStatus(browser, slot)));
            assertThat(assignment(api, jobId, ORGANIZER_1, "-pm").get("confirmation").asText())
                    .isEqualTo("CONFIRMED");

            browser.driver().findElement(By.cssSelector("li.shift[data-slot='" + slot + "'] button.cannot")).click();
            // The page asks first.
            browser.driver().findElement(By.cssSelector("li.shift[data-slot='" + slot + "'] button.confirm-decline"))
                    .click();
            browser.await("the shift is gone", d -> d.findElements(By.cssSelector("li.shift[data-slot='" + slot
                    + "']")).isEmpty());
            assertThat(status(browser)).contains("organizer sees it");
            List<String> urls = browser.requestedUrls().stream()
                    .filter(url -> url.matches("(?i)(https?|wss?)://.*")).toList();
            assertThat(urls).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(base + "/"));
        }
        JsonNode sheet = json(api.get("/api/jobs/" + jobId + "/assignments", ORGANIZER_1));
        assertThat(sheet.get("assignments")).noneSatisfy(a -> {
            assertThat(a.get("volunteerId").asText()).isEqualTo(volunteer);
            assertThat(a.get("slotId").asText()).isEqualTo(slot);
        });
        JsonNode plan = json(api.get("/api/jobs/" + jobId + "/plan", STRATEGIST));
        assertThat(plan.get("status").asText()).as("the repaired plan").isEqualTo("SOLVED");
        assertThat(plan.get("assignments")).noneSatisfy(a -> {
            assertThat(a.get("volunteerId").asText()).isEqualTo(volunteer);
            assertThat(a.get("slotId").asText()).isEqualTo(slot);
        });
    }

    @Test
    void aReportAfterTheShiftLowersThePrecinctsRemainingDoors() {
        ApiClient api = new ApiClient(port);
        String jobId = api.solveSmallProblem();
        JsonNode shift = assignment(api, jobId, STRATEGIST, "-am");
        String precinct = shift.at("/precinct/id").asText();
        String slot = shift.get("slotId").asText();
        double doorsBefore = ReplanTest.doorsLeft(api, jobId, precinct);
        try (HeadlessChromium browser = open(shift.get("volunteerLink").asText())) {
            WebElement card = browser.driver().findElement(By.cssSelector("li.shift[data-slot='" + slot + "']"));
            assertThat(card.findElements(By.cssSelector("button.cannot"))).as("started: no cancelling").isEmpty();
            card.findElement(By.cssSelector("input[name='doorsKnocked']")).sendKeys("30");
            card.findElement(By.cssSelector("input[name='contacts']")).sendKeys("8");
            assertFitsThePhoneAndIsLabelled(browser);
            card.findElement(By.cssSelector("button[type='submit']")).click();
            browser.await("reported", d -> "WORKED".equals(shiftStatus(browser, slot)));
            assertThat(status(browser)).contains("Report sent");
        }
        assertThat(ReplanTest.doorsLeft(api, jobId, precinct)).isEqualTo(Math.max(0, doorsBefore - 30));
    }

    private static final String SUNDAY_FROM = "2026-11-01T09:00";
    private static final String SUNDAY_TO = "2026-11-01T20:00";

    /** Demo volunteers without a Sunday shift for whom a Sunday shift is recommended (some may have offered it). */
    private static List<String> sundayCandidates(ApiClient api) {
        String demoJob = json(api.get("/api/jobs", STRATEGIST)).findParents("id").stream()
                .filter(job -> "demo".equals(job.path("regionId").asText())).findFirst().orElseThrow()
                .get("id").asText();
        api.awaitEnd(demoJob);
        JsonNode plan = json(api.get("/api/jobs/" + demoJob + "/plan", STRATEGIST));
        java.util.Set<String> sunday = new java.util.HashSet<>();
        java.util.TreeSet<String> all = new java.util.TreeSet<>();
        for (JsonNode a : plan.get("assignments")) {
            all.add(a.get("volunteerId").asText());
            if (a.get("slotId").asText().startsWith("2026-11-01")) {
                sunday.add(a.get("volunteerId").asText());
            }
        }
        List<String> candidates = new java.util.ArrayList<>();
        for (String volunteer : all) {
            if (!sunday.contains(volunteer) && !json(api.get("/api/jobs/" + demoJob + "/recommendations?volunteerId="
                    + volunteer + "&from=" + SUNDAY_FROM + "&to=" + SUNDAY_TO, STRATEGIST)).get("recommendations")
                    .isEmpty()) {
                candidates.add(demoJob + "/" + volunteer);
                if (candidates.size() == 8) {
                    break;
                }
            }
        }
        assertThat(candidates).as("demo volunteers with a recommended Sunday shift").isNotEmpty();
        return candidates;
    }

    @Test
    void offeringMoreTimeShowsWhereItHelpsAndTheNewShift() {
        ApiClient api = new ApiClient(port);
        for (String candidate : sundayCandidates(api)) {
            String jobId = candidate.split("/")[0];
            String volunteer = candidate.split("/")[1];
            String url = json(api.postJson("/api/jobs/" + jobId + "/volunteer-links", STRATEGIST,
                    "{\"volunteerId\":\"" + volunteer + "\"}")).get("url").asText();
            try (HeadlessChromium browser = open(url)) {
                browser.script("document.getElementById('more-start').value = arguments[0];"
                        + "document.getElementById('more-end').value = arguments[1];", SUNDAY_FROM, SUNDAY_TO);
                browser.driver().findElement(By.cssSelector("#more-time button[type='submit']")).click();
                browser.await("an answer", d -> status(browser).startsWith("Thank you")
                        || d.findElement(By.id("status")).getAttribute("class").contains("error"));
                if (status(browser).contains("has not offered already")) {
                    continue; // this volunteer had offered Sunday already and was left idle: try the next
                }
                List<WebElement> recommended = browser.driver().findElements(By.cssSelector("#recommendations li"));
                assertThat(recommended).as(status(browser)).isNotEmpty();
                assertThat(recommended.get(0).getAttribute("data-slot")).startsWith("2026-11-01");
                assertThat(recommended.get(0).getText()).contains("expected net votes");
                List<String> sundayShifts = json(api.get("/api/jobs/" + jobId + "/plan", STRATEGIST))
                        .get("assignments").findParents("volunteerId").stream()
                        .filter(a -> a.get("volunteerId").asText().equals(volunteer)
                                && a.get("slotId").asText().startsWith("2026-11-01"))
                        .map(a -> a.get("slotId").asText()).toList();
                assertThat(browser.driver().findElements(By.cssSelector("li.shift[data-slot^='2026-11-01']")))
                        .as("the page shows the new shifts the repaired plan has").hasSize(sundayShifts.size());
                assertThat(status(browser)).contains(sundayShifts.isEmpty() ? "will be in touch" : "new shift");
                assertFitsThePhoneAndIsLabelled(browser);
                browser.screenshot(SCREENSHOTS.resolve("volunteer-more-time.png"));
                return;
            }
        }
        throw new AssertionError("every candidate had offered Sunday already");
    }
}
