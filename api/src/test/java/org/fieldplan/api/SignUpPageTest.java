package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.ORGANIZER_1;
import static org.fieldplan.api.ApiClient.json;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.internet.MimeMessage;

/**
 * The public sign-up page in headless Chromium at phone width (390 px): a new volunteer fills in the form from an
 * organizer's link, confirms with the link of the e-mail (read from GreenMail), lands on their personal page with
 * their shift, and the organizer's day board shows them. A teammate signed up first over the API, so that the
 * newcomer does not canvass alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "fieldplan.signups.batch-millis=300")
@ActiveProfiles("test")
class SignUpPageTest {

    private static final int SMTP_PORT = LocalChannels.freePort();
    private static final Path SCREENSHOTS = Path.of(System.getProperty("fieldplan.screenshots", "target/screenshots"));
    private static final Pattern LINK = Pattern.compile("(http://\\S+/sign-up\\.html#\\S+code=[0-9]{6})");
    private static final String SLOT = "2026-11-01-pm";

    @RegisterExtension
    static final GreenMailExtension SMTP = LocalChannels.smtp(SMTP_PORT);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry properties) {
        LocalChannels.register(properties, SMTP_PORT, null);
    }

    @LocalServerPort
    int port;

    @Test
    void aNewVolunteerSignsUpOnThePhoneConfirmsByEmailAndAppearsOnTheOrganizersBoard() throws Exception {
        ApiClient api = new ApiClient(port);
        String base = "http://localhost:" + port;
        String region = LivePlanTest.newRegion();
        LivePlanTest.publish(api, region, api.solveSmallProblem());
        String teammate = json(api.postJson("/api/sign-up/" + region, null, SignUpTest.form("Tomas", "email",
                "tomas@signup.test", SLOT))).get("signUpId").asText();
        String code = confirmationLink("tomas@signup.test").replaceAll(".*code=", "");
        assertThat(api.postJson("/api/sign-up/" + region + "/" + teammate + "/confirm", null,
                "{\"code\":\"" + code + "\"}").statusCode()).isEqualTo(200);

        String signUpId;
        try (HeadlessChromium phone = new HeadlessChromium(390, 844)) {
            phone.driver().get(base + "/sign-up.html#region=" + region + "&organizer=org-1");
            phone.await("the form", d -> d.findElement(By.id("sign-up")).isDisplayed()
                    && !d.findElements(By.cssSelector("#slotIds input")).isEmpty());
            phone.driver().findElement(By.id("name")).sendKeys("Rosa Díaz");
            phone.driver().findElement(By.id("email")).sendKeys("rosa@signup.test");
            WebElement map = phone.driver().findElement(By.id("home-map"));
            assertThat(map.findElements(By.cssSelector("circle.precinct"))).as("the precincts as landmarks")
                    .hasSize(3);
            new Actions(phone.driver()).moveToElement(map).click().perform();
            assertThat(phone.driver().findElement(By.id("lat")).getAttribute("value")).as("the tap placed the home")
                    .isNotEmpty();
            new Select(phone.driver().findElement(By.id("travelMode"))).selectByValue("CAR");
            phone.driver().findElement(By.id("skills-CANVASS")).click();
            phone.driver().findElement(By.id("languages")).sendKeys("en, es");
            // Keyboard: the slot's box is reached and ticked like any other field.
            phone.driver().findElement(By.id("slotIds-" + SLOT)).sendKeys(Keys.SPACE);
            assertThat(phone.driver().findElement(By.id("slotIds-" + SLOT)).isSelected()).isTrue();
            // A longer trip on that day: the day is offered from the calendar, the limit and length typed in.
            new Select(phone.driver().findElement(By.id("deployDate"))).selectByValue(SLOT.substring(0, 10));
            WebElement deployMinutes = phone.driver().findElement(By.id("deployMinutes"));
            deployMinutes.clear();
            deployMinutes.sendKeys("75");
            WebElement deploySlots = phone.driver().findElement(By.id("deploySlots"));
            deploySlots.clear();
            deploySlots.sendKeys("1");
            // Two free seats in the car, picking riders up at most 10 minutes out of the way.
            WebElement seats = phone.driver().findElement(By.id("seats"));
            seats.clear();
            seats.sendKeys("2");
            VolunteerPageTest.assertFitsThePhoneAndIsLabelled(phone);
            phone.screenshot(SCREENSHOTS.resolve("sign-up-phone.png"));

            phone.driver().findElement(By.cssSelector("#sign-up button[type=submit]")).click();
            phone.await("the code form", d -> d.findElement(By.id("confirm")).isDisplayed());
            assertThat(phone.driver().findElement(By.id("code")).getAttribute("autocomplete"))
                    .isEqualTo("one-time-code");

            String link = confirmationLink("rosa@signup.test");
            signUpId = link.replaceAll(".*signUp=([^&]+).*", "$1");
            phone.driver().get(link);
            phone.await("the personal page with the shift", d -> !d.findElements(By.cssSelector(
                    "#shifts li.shift[data-slot='" + SLOT + "']")).isEmpty());
            assertThat(phone.driver().getCurrentUrl()).contains("/volunteer.html#region=" + region + "&token=");
            assertThat(phone.driver().findElement(By.id("hello")).getText()).contains("Rosa");
            assertThat(phone.driver().findElement(By.cssSelector("#shifts li.shift .precinct")).getText())
                    .containsPattern("\\(P000[0-9]\\)");
            VolunteerPageTest.assertFitsThePhoneAndIsLabelled(phone);
            phone.screenshot(SCREENSHOTS.resolve("sign-up-joined-phone.png"));
            List<String> urls = phone.requestedUrls().stream().filter(url -> url.matches("(?i)(https?|wss?)://.*"))
                    .toList();
            assertThat(urls).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(base + "/"));
            assertThat(phone.consoleMessages()).noneMatch(m -> m.contains("Content Security Policy"));
        }

        assertThat(json(api.get("/api/regions/" + region + "/sign-ups", ORGANIZER_1)))
                .filteredOn(listed -> listed.get("id").asText().equals(signUpId)).singleElement()
                .satisfies(listed -> {
                    assertThat(listed.at("/deployment/date").asText()).isEqualTo(SLOT.substring(0, 10));
                    assertThat(listed.at("/deployment/maxTravelMinutes").asInt()).isEqualTo(75);
                    assertThat(listed.at("/carpool/seats").asInt()).isEqualTo(2);
                    assertThat(listed.at("/carpool/detourMinutes").asInt()).isEqualTo(10);
                    assertThat(listed.at("/carpool/canRide").asBoolean()).isFalse();
                });

        try (HeadlessChromium organizer = new HeadlessChromium(1280, 1400)) {
            organizer.driver().get(base + "/");
            organizer.await("the key field", d -> d.findElement(By.id("api-key"))).sendKeys(ORGANIZER_1, Keys.ENTER);
            organizer.await("the day board", d -> d.findElement(By.id("board")).isDisplayed());
            new Select(organizer.driver().findElement(By.id("day"))).selectByValue(SLOT.substring(0, 10));
            String row = "#board-shifts tr[data-volunteer='" + signUpId + "'][data-slot='" + SLOT + "']";
            organizer.await("the new volunteer on the board", d -> !d.findElements(By.cssSelector(row)).isEmpty());
            assertThat(organizer.script("return document.querySelector(arguments[0]).textContent", row).toString())
                    .contains("Rosa");
        }
    }

    /** The confirmation link in the newest e-mail to the address. */
    private static String confirmationLink(String address) throws Exception {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            for (MimeMessage mail : SMTP.getReceivedMessages()) {
                Matcher link = LINK.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "="));
                if (mail.getAllRecipients()[0].toString().equals(address) && link.find()) {
                    return link.group(1);
                }
            }
            ApiClient.sleep(50);
        }
        throw new AssertionError("no e-mail with a link to " + address);
    }

}
