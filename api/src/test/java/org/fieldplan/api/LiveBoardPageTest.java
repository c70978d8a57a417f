package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.ORGANIZER_1;
import static org.fieldplan.api.ApiClient.json;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The organizer's day board of a live plan in headless Chromium: after a publish the organizer moves, swaps, locks,
 * notes and undoes; in a second browser at phone width a volunteer confirms and then declines, and the board shows
 * each answer without a reload (server-sent events). The small example with every volunteer in org-1, so that the
 * organizer has two teams in one slot to swap between.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "fieldplan.now=2026-10-30T08:00")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveBoardPageTest {

    @LocalServerPort
    int port;

    private ApiClient api;
    private String base;
    private String region;
    private String liveJob;

    @BeforeAll
    void publish() {
        api = new ApiClient(port);
        base = "http://localhost:" + port;
        ObjectNode problem = LivePlanTest.smallProblem();
        String allOrg1 = problem.toString().replace("\"org-2\"", "\"org-1\"");
        region = LivePlanTest.newRegion();
        liveJob = LivePlanTest.publish(api, region, api.solve(allOrg1)).get("jobId").asText();
    }

    @Test
    void organizerSteersTheDayAndSeesVolunteersAnswerLive() {
        // The day and slot with two teams at different precincts (to swap between); every shift is org-1's.
        Map<String, String> sheet = LivePlanTest.sheet(api, region, ORGANIZER_1);
        Map<String, List<String>> bySlot = new HashMap<>();
        sheet.forEach((shift, precinct) -> bySlot.computeIfAbsent(shift.substring(shift.indexOf('@') + 1),
                s -> new ArrayList<>()).add(shift));
        String slot = bySlot.keySet().stream().filter(s -> bySlot.get(s).stream().map(sheet::get).distinct().count() > 1)
                .sorted().findFirst().orElseThrow(() -> new AssertionError("no slot with two teams: " + sheet));
        String day = slot.substring(0, 10);
        List<String> shifts = bySlot.get(slot).stream().sorted().toList();
        String first = shifts.get(0);
        String second = shifts.stream().filter(s -> !sheet.get(s).equals(sheet.get(first))).findFirst().orElseThrow();

        try (HeadlessChromium organizer = new HeadlessChromium(1280, 1400);
                HeadlessChromium phone = new HeadlessChromium(390, 844)) {
            organizer.driver().get(base + "/");
            organizer.await("the key field", d -> d.findElement(By.id("api-key"))).sendKeys(ORGANIZER_1, Keys.ENTER);
            organizer.await("the day board", d -> d.findElement(By.id("board")).isDisplayed());
            assertThat(new Select(organizer.driver().findElement(By.id("job"))).getFirstSelectedOption()
                    .getAttribute("value")).as("the live plan is opened").isEqualTo(liveJob);
            new Select(organizer.driver().findElement(By.id("day"))).selectByValue(day);
            awaitRow(organizer, first);
            int version = boardVersion(organizer);

            // Swap the two teams' first members: no rule breaks (the teams keep their sizes).
            choose(organizer, first, "select.swap-with", volunteer(second), "button.swap");
            version = awaitVersionAfter(organizer, version);
            assertThat(cell(organizer, first, ".board-precinct")).isEqualTo(sheet.get(second));
            assertThat(LivePlanTest.sheet(api, region, ORGANIZER_1)).containsEntry(first, sheet.get(second))
                    .containsEntry(second, sheet.get(first));

            // Move one back: it leaves a teammate alone or a team too big, so the page asks to accept the break.
            choose(organizer, first, "select.move-to", sheet.get(first), "button.move");
            int beforeMove = version;
            organizer.await("the question", d -> d.findElement(By.id("board-accept")).isDisplayed()
                    || boardVersion(organizer) > beforeMove);
            if (organizer.driver().findElement(By.id("board-accept")).isDisplayed()) {
                assertThat(organizer.driver().findElement(By.id("board-accept-text")).getText()).contains("rule");
                organizer.driver().findElement(By.id("accept-yes")).click();
            }
            version = awaitVersionAfter(organizer, version);
            assertThat(cell(organizer, first, ".board-precinct")).isEqualTo(sheet.get(first));

            // Lock and note the second shift; undo takes the note off again.
            click(organizer, second, "button.lock");
            version = awaitVersionAfter(organizer, version);
            assertThat(status(organizer, second)).isEqualTo("LOCKED");
            organizer.script("const row = arguments[0]; row.querySelector('input.note-text').value = arguments[1];"
                    + "row.querySelector('button.save-note').click();", row(organizer, second), "meet at the library");
            version = awaitVersionAfter(organizer, version);
            assertThat(cell(organizer, second, ".board-note")).isEqualTo("meet at the library");
            organizer.driver().findElement(By.id("undo")).click();
            version = awaitVersionAfter(organizer, version);
            assertThat(cell(organizer, second, ".board-note")).isEmpty();
            assertThat(status(organizer, second)).as("the lock stays").isEqualTo("LOCKED");

            // The volunteer of the first shift answers on their phone; the board follows without a reload.
            JsonNode link = json(api.postJson("/api/regions/" + region + "/live/volunteer-links", ORGANIZER_1,
                    "{\"volunteerId\":\"" + volunteer(first) + "\"}"));
            phone.driver().get(link.get("url").asText());
            WebElement card = phone.await("the shift", d -> d.findElement(By.cssSelector("li.shift[data-slot='"
                    + slot + "']")));
            card.findElement(By.cssSelector("button.coming")).click();
            organizer.await("CONFIRMED on the board", d -> "CONFIRMED".equals(status(organizer, first)));
            phone.driver().findElement(By.cssSelector("li.shift[data-slot='" + slot + "'] button.cannot")).click();
            phone.driver().findElement(By.cssSelector("li.shift[data-slot='" + slot + "'] button.confirm-decline"))
                    .click();
            organizer.await("DECLINED on the board", d -> "DECLINED".equals(status(organizer, first)));
            assertThat(organizer.driver().findElement(By.id("board-news")).getText()).contains("decline");
            assertThat(boardVersion(organizer)).isGreaterThan(version);
        }
    }

    private static String volunteer(String shift) {
        return shift.substring(0, shift.indexOf('@'));
    }

    private static WebElement row(HeadlessChromium browser, String shift) {
        return browser.driver().findElement(By.cssSelector("#board-shifts tr[data-volunteer='" + volunteer(shift)
                + "'][data-slot='" + shift.substring(shift.indexOf('@') + 1) + "']"));
    }

    private static String selector(String shift) {
        return "#board-shifts tr[data-volunteer='" + volunteer(shift) + "'][data-slot='"
                + shift.substring(shift.indexOf('@') + 1) + "']";
    }

    /** Read in one script: the board is redrawn whenever an event comes, which makes held elements stale. */
    private static String status(HeadlessChromium browser, String shift) {
        Object status = browser.script("const row = document.querySelector(arguments[0]);"
                + "return row ? row.dataset.status : null;", selector(shift));
        return status == null ? null : status.toString();
    }

    private static String cell(HeadlessChromium browser, String shift, String cell) {
        Object text = browser.script("const row = document.querySelector(arguments[0]);"
                + "return row ? row.querySelector(arguments[1]).textContent : null;", selector(shift), cell);
        return text == null ? null : text.toString();
    }

    /** Picks a value in the row's select and presses the row's button, in one script. */
    private static void choose(HeadlessChromium browser, String shift, String select, String value, String button) {
        Object chosen = browser.script("const row = document.querySelector(arguments[0]);"
                + "const select = row.querySelector(arguments[1]); select.value = arguments[2];"
                + "const ok = select.value === arguments[2]; if (ok) row.querySelector(arguments[3]).click();"
                + "return ok;", selector(shift), select, value, button);
        assertThat(chosen).as("%s offers %s", select, value).isEqualTo(Boolean.TRUE);
    }

    private static void click(HeadlessChromium browser, String shift, String button) {
        browser.script("document.querySelector(arguments[0]).querySelector(arguments[1]).click();", selector(shift),
                button);
    }

    private static List<WebElement> awaitRow(HeadlessChromium browser, String shift) {
        return browser.await("the board row of " + shift, d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#board-shifts tr[data-volunteer='"
                    + volunteer(shift) + "'][data-slot='" + shift.substring(shift.indexOf('@') + 1) + "']"));
            return rows.isEmpty() ? null : rows;
        });
    }

    private static int boardVersion(HeadlessChromium browser) {
        Object version = browser.script("return document.body.dataset.boardVersion");
        return version == null ? 0 : Integer.parseInt(version.toString());
    }

    private static int awaitVersionAfter(HeadlessChromium browser, int version) {
        return browser.await("a version after " + version, d -> boardVersion(browser) > version
                ? boardVersion(browser) : null);
    }
}
