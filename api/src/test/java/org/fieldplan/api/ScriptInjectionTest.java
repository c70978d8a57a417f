package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.JSON;
import static org.fieldplan.api.ApiClient.ORGANIZER_1;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.net.http.HttpResponse;
import java.util.List;

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
 * Markup in the data never runs: names full of markup are shown as text on the map page in headless Chromium (the
 * sheet, a precinct's details, the map's tooltips), the page and every answer carry a strict Content-Security-Policy
 * and the usual security headers, and ids that would carry markup or break a URL are refused on input.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScriptInjectionTest {

    private static final String MARKUP = "<img src=x onerror=\"window.__pwned=1\">";

    @LocalServerPort
    int port;

    private ApiClient api;
    private String job;

    @BeforeAll
    void solveAProblemWhoseNamesAreMarkup() throws Exception {
        api = new ApiClient(port);
        ObjectNode problem = (ObjectNode) JSON.readTree(ApiClient.smallProblem());
        problem.put("name", MARKUP);
        problem.withArray("precincts").forEach(p -> ((ObjectNode) p).put("name", MARKUP + " " + p.get("id").asText()));
        problem.withArray("volunteers").forEach(v -> ((ObjectNode) v).put("name", MARKUP + " " + v.get("id").asText()));
        job = api.solve(problem.toString());
    }

    @Test
    void namesWithMarkupAreShownAsTextAndNoScriptRuns() {
        try (HeadlessChromium browser = new HeadlessChromium(1280, 900)) {
            browser.driver().get("http://localhost:" + port + "/");
            browser.await("the key field", d -> d.findElement(By.id("api-key"))).sendKeys(STRATEGIST, Keys.ENTER);
            // Live plans of other tests' regions come first in the list: open this test's job by hand.
            browser.await("the job in the list", d -> d.findElement(By.cssSelector("#job option[value='" + job + "']")));
            browser.await("the first plan drawn", d -> browser.script("return document.body.dataset.loaded") != null);
            new Select(browser.driver().findElement(By.id("job"))).selectByValue(job);
            browser.await("the plan drawn", d -> String.valueOf(browser.script("return document.body.dataset.loaded"))
                    .startsWith(job + "|"));

            List<WebElement> rows = browser.driver().findElements(By.cssSelector("#assignments tbody tr"));
            assertThat(rows).isNotEmpty();
            assertThat(rows.get(0).getText()).contains(MARKUP);
            assertThat(browser.driver().findElement(By.id("job")).getText()).contains(MARKUP);

            String precinct = rows.get(0).findElement(By.cssSelector(".show-precinct")).getAttribute("data-precinct");
            rows.get(0).findElement(By.cssSelector(".show-precinct")).click();
            browser.await("the precinct's details", d -> d.findElement(By.cssSelector("#details h2")).getText()
                    .contains(precinct));
            assertThat(browser.driver().findElement(By.cssSelector("#details h2")).getText())
                    .isEqualTo(MARKUP + " " + precinct + " (" + precinct + ")");

            // Leaflet opens a tooltip on the SVG path's mouseover.
            browser.script("document.querySelector('#map path.trip')"
                    + ".dispatchEvent(new MouseEvent('mouseover', {bubbles: true}))");
            String tooltip = browser.await("a trip's tooltip", d -> d.findElements(By.cssSelector(".leaflet-tooltip"))
                    .stream().map(WebElement::getText).filter(text -> text.contains("→")).findFirst().orElse(null));
            assertThat(tooltip).contains(MARKUP);

            assertThat(browser.driver().findElements(By.cssSelector("main img"))).as("markup parsed as elements")
                    .isEmpty();
            assertThat(browser.script("return typeof window.__pwned")).isEqualTo("undefined");
            assertThat(browser.consoleMessages()).as("the page itself keeps to its policy")
                    .noneSatisfy(message -> assertThat(message).containsIgnoringCase("Content Security Policy"));
        }
    }

    @Test
    void theContentSecurityPolicyStopsInlineHandlersEvenIfMarkupGetsIn() {
        try (HeadlessChromium browser = new HeadlessChromium(800, 600)) {
            browser.driver().get("http://localhost:" + port + "/");
            browser.await("the key field", d -> d.findElement(By.id("api-key")));
            // As if a value had slipped into the page unescaped: the policy forbids its inline handler.
            browser.script("document.body.insertAdjacentHTML('beforeend', '<img id=\"probe\" src=\"/nothing.png\" "
                    + "onerror=\"window.__pwned=1\">')");
            browser.await("the probe image to fail", d -> (Boolean) browser.script(
                    "const i = document.getElementById('probe'); return i.complete && i.naturalWidth === 0"));
            assertThat(browser.script("return typeof window.__pwned")).isEqualTo("undefined");
            assertThat(browser.consoleMessages()).as("the refusal, in the console")
                    .anySatisfy(message -> assertThat(message).containsIgnoringCase("Content Security Policy"));
        }
    }

    @Test
    void swaggerUiWorksUnderThePolicy() {
        try (HeadlessChromium browser = new HeadlessChromium(1280, 900)) {
            browser.driver().get("http://localhost:" + port + "/swagger-ui/index.html");
            browser.await("the API's operations listed", d -> !d.findElements(By.cssSelector(".opblock")).isEmpty());
            assertThat(browser.consoleMessages())
                    .noneSatisfy(message -> assertThat(message).containsIgnoringCase("Content Security Policy"));
        }
        assertThat(api.get("/swagger-ui/index.html", null).headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self';", "object-src 'none'"));
    }

    @Test
    void pagesAndAnswersCarryTheSecurityHeaders() {
        for (HttpResponse<String> response : List.of(api.get("/", null), api.get("/volunteer.html", null),
                api.get("/map/app.js", null), api.get("/api/jobs", STRATEGIST), api.get("/api/jobs", null),
                api.get("/api/jobs/" + job + "/nothing", STRATEGIST))) {
            String what = response.uri() + " (" + response.statusCode() + ")";
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(what).hasValueSatisfying(csp ->
                    assertThat(csp).contains("script-src 'self'", "object-src 'none'", "base-uri 'none'",
                            "frame-ancestors 'none'", "form-action 'self'", "img-src 'self' data:",
                            "connect-src 'self'").doesNotContain("unsafe-inline", "unsafe-eval"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(what).hasValue("no-referrer");
            assertThat(response.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
            assertThat(response.headers().firstValue("Permissions-Policy")).as(what).isPresent();
            assertThat(response.headers().firstValue("Cross-Origin-Opener-Policy")).as(what).hasValue("same-origin");
        }
    }

    @Test
    void theMapPageHasNoInlineScriptOrHandler() {
        String page = api.get("/", null).body() + api.get("/volunteer.html", null).body();
        assertThat(page).doesNotContainPattern("(?i)<script(?![^>]*\\ssrc=)[^>]*>")
                .doesNotContainPattern("(?i)\\son[a-z]+=");
    }

    @Test
    void aLateVolunteerWhoseIdIsMarkupIsRefusedNamingTheField() {
        String volunteer = """
                {"id": "%s", "name": "Late Lee", "home": {"type": "Point", "coordinates": [-71.41, 41.82]},
                 "skills": ["CANVASS"], "languages": ["en"], "travelMode": "CAR", "maxTravelMinutes": 20,
                 "availability": [{"start": "2026-10-31T09:00", "end": "2026-10-31T16:00"}], "maxShifts": 2,
                 "maxShiftsPerDay": 2, "organizerId": "org-1", "attendanceProbability": 0.8}""";
        for (String id : List.of("<img src=x onerror=alert(1)>", "V/1", "..", "a;b", "V\\t1")) {
            HttpResponse<String> refused = api.postJson("/api/jobs/" + job + "/volunteers", ORGANIZER_1,
                    volunteer.formatted(id));
            assertThat(refused.statusCode()).as(id + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                    .startsWith("application/problem+json"));
            assertThat(json(refused).get("errors")).anySatisfy(error -> {
                assertThat(error.get("path").asText()).isEqualTo("id");
                assertThat(error.get("message").asText()).contains("ids are 1-128 letters");
            });
        }
    }

    @Test
    void anOrganizerAccountForAnIdOutsideTheAlphabetIsRefusedNamingTheField() {
        HttpResponse<String> refused = api.postJson("/api/accounts", ApiClient.ADMIN,
                "{\"name\": \"Ana\", \"role\": \"ORGANIZER\", \"organizerId\": \"org;1\"}");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(json(refused).at("/errors/0/path").asText()).isEqualTo("organizerId");
        assertThat(json(refused).at("/errors/0/message").asText()).startsWith("contains ';'");
    }

    @Test
    void aProblemWithAPrecinctIdThatBreaksUrlsIsRefusedNamingTheField() throws Exception {
        ObjectNode problem = (ObjectNode) JSON.readTree(ApiClient.smallProblem());
        ((ObjectNode) problem.withArray("precincts").get(0)).put("id", "P/../0001");
        problem.remove("assignments");

        HttpResponse<String> refused = api.postJson("/api/jobs?seconds=1", STRATEGIST, problem.toString());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode errors = json(refused).get("errors");
        assertThat(errors).anySatisfy(error -> {
            assertThat(error.get("path").asText()).isEqualTo("precincts[0] (id \"P/../0001\").id");
            assertThat(error.get("message").asText()).startsWith("contains '/'");
        });
    }
}
