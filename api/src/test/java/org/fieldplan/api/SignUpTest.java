package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.ORGANIZER_1;
import static org.fieldplan.api.ApiClient.ORGANIZER_2;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.fieldplan.api.signups.SignUpJoiner;
import org.fieldplan.api.live.LivePlans;
import org.fieldplan.domain.Carpool;
import org.fieldplan.domain.Volunteer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.internet.MimeMessage;

/**
 * The public sign-up over real HTTP, without a key: the code by e-mail (GreenMail) and SMS (a local provider stub),
 * confirmation, joining the live plan in a batch through the late-volunteer repair, the personal page; bad forms
 * naming each field, a duplicate contact merged, rate limits (429), an organizer's reject. Each test signs up to a
 * region of its own; the per-address flood runs last, as it uses up the address's budget.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "fieldplan.signups.batch-millis=300", "fieldplan.signups.per-address=60", "fieldplan.signups.per-contact=3",
    "fieldplan.signups.window-seconds=600"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignUpTest {

    private static final int SMTP_PORT = LocalChannels.freePort();
    private static final SmsStub SMS = new SmsStub();
    private static final Pattern CODE = Pattern.compile("code=([0-9]{6})");

    @RegisterExtension
    static final GreenMailExtension SMTP = LocalChannels.smtp(SMTP_PORT);

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry properties) {
        LocalChannels.register(properties, SMTP_PORT, SMS);
    }

    @LocalServerPort
    int port;

    @Autowired
    SignUpJoiner joiner;
    @Autowired
    LivePlans livePlans;

    private ApiClient api;
    private String jobId;

    @BeforeAll
    void solve() {
        api = new ApiClient(port);
        jobId = api.solveSmallProblem();
    }

    @AfterAll
    static void stopStub() {
        SMS.close();
    }

    private String publishedRegion() {
        String region = "signup-" + UUID.randomUUID().toString().substring(0, 8);
        LivePlanTest.publish(api, region, jobId);
        return region;
    }

    static String form(String name, String contactField, String contact, String slotId) {
        return "{\"name\":\"" + name + "\",\"" + contactField + "\":\"" + contact + "\",\"home\":{\"lon\":-71.41,"
                + "\"lat\":41.82},\"travelMode\":\"CAR\",\"maxTravelMinutes\":30,\"skills\":[\"CANVASS\"],"
                + "\"languages\":[\"es\"],\"slotIds\":[\"" + slotId + "\"],\"organizerId\":\"org-1\"}";
    }

    private HttpResponse<String> signUp(String region, String body) {
        return api.postJson("/api/sign-up/" + region, null, body);
    }

    private HttpResponse<String> confirm(String region, String signUpId, String code) {
        return api.postJson("/api/sign-up/" + region + "/" + signUpId + "/confirm", null,
                "{\"code\":\"" + code + "\"}");
    }

    /** The code in the newest e-mail to the address. */
    private static String mailedCode(String address) throws Exception {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            for (MimeMessage mail : SMTP.getReceivedMessages()) {
                if (mail.getAllRecipients()[0].toString().equals(address)) {
                    Matcher code = CODE.matcher(GreenMailUtil.getBody(mail));
                    assertThat(code.find()).as("a confirmation link in the e-mail").isTrue();
                    return code.group(1);
                }
            }
            ApiClient.sleep(50);
        }
        throw new AssertionError("no e-mail to " + address);
    }

    private JsonNode awaitJoined(String region, String signUpId, String code) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> answer = confirm(region, signUpId, code);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            if ("JOINED".equals(json(answer).get("status").asText())) {
                return json(answer);
            }
            ApiClient.sleep(100);
        }
        throw new AssertionError(signUpId + " never joined the live plan of " + region);
    }

    @Test
    @Order(1)
    void twoSignUpsConfirmedByEmailJoinTheLivePlanInOneRepairAndOpenTheirPersonalPage() throws Exception {
        String region = publishedRegion();
        List<String> ids = new ArrayList<>();
        for (String name : List.of("Rosa", "Tomas")) {
            HttpResponse<String> submitted = signUp(region, form(name, "email", name.toLowerCase() + "@" + region
                    + ".test", "2026-11-01-pm"));
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
            assertThat(json(submitted).get("status").asText()).isEqualTo("PENDING");
            assertThat(json(submitted).get("codeSentBy").asText()).isEqualTo("EMAIL");
            ids.add(json(submitted).get("signUpId").asText());
        }
        assertThat(ids).allMatch(id -> id.matches("[A-Za-z0-9][A-Za-z0-9_-]*"));
        List<String> codes = List.of(mailedCode("rosa@" + region + ".test"), mailedCode("tomas@" + region + ".test"));
        assertThat(confirm(region, ids.get(0), "000000".equals(codes.get(0)) ? "111111" : "000000").statusCode())
                .as("a wrong code").isEqualTo(400);
        // Both confirmations land within one round: a round must not fall between them, however loaded the machine.
        joiner.stop();
        try {
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> confirmed = confirm(region, ids.get(i), codes.get(i));
                assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
                assertThat(json(confirmed).get("status").asText()).isEqualTo("CONFIRMED");
            }
        } finally {
            joiner.start();
        }
        JsonNode joined = awaitJoined(region, ids.get(0), codes.get(0));
        String url = joined.get("volunteerLink").asText();
        assertThat(url).contains("/volunteer.html#region=" + region + "&token=");
        String token = url.substring(url.indexOf("token=") + "token=".length());

        HttpResponse<String> mine = api.asVolunteer("GET", "/api/regions/" + region + "/live/me", token, null);
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        assertThat(json(mine).get("volunteerId").asText()).isEqualTo(ids.get(0));
        assertThat(json(mine).get("name").asText()).isEqualTo("Rosa");

        List<JsonNode> signUpVersions = new ArrayList<>();
        json(api.get("/api/regions/" + region + "/live/versions", STRATEGIST))
                .forEach(v -> {
                    if (v.get("kind").asText().equals("sign-ups")) {
                        signUpVersions.add(v);
                    }
                });
        assertThat(signUpVersions).as("both joined in one batch, one repair").hasSize(1);
        assertThat(signUpVersions.get(0).get("reason").asText()).contains(ids.get(0)).contains(ids.get(1));
        JsonNode listed = json(api.get("/api/regions/" + region + "/sign-ups", ORGANIZER_1));
        assertThat(listed).hasSize(2).allMatch(s -> s.get("status").asText().equals("JOINED"));
        assertThat(json(api.get("/api/regions/" + region + "/sign-ups", ORGANIZER_2))).as("another turf").isEmpty();
    }

    @Test
    @Order(2)
    void aBadFormIsA400NamingEveryField() {
        String region = publishedRegion();
        HttpResponse<String> refused = signUp(region, "{\"name\":\" \",\"email\":\"not-an-address\",\"home\":"
                + "{\"lon\":2.35,\"lat\":48.85},\"travelMode\":\"JETPACK\",\"maxTravelMinutes\":0,\"skills\":"
                + "[\"JUGGLING\"],\"languages\":[\"Spanish!\"],\"slotIds\":[\"2030-01-01-am\"],\"organizerId\":"
                + "\"org-99\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        List<String> paths = new ArrayList<>();
        json(refused).get("errors").forEach(e -> paths.add(e.get("path").asText()));
        assertThat(paths).contains("name", "email", "home", "travelMode", "maxTravelMinutes", "skills[0]",
                "languages[0]", "slotIds[0]", "organizerId");
        HttpResponse<String> unknownField = signUp(region, "{\"name\":\"Ana\",\"postcode\":\"02903\"}");
        assertThat(unknownField.statusCode()).as(unknownField.body()).isEqualTo(400);
        assertThat(unknownField.body()).contains("postcode");
        assertThat(signUp("no-such-region-" + UUID.randomUUID().toString().substring(0, 6),
                form("Ana", "email", "ana@x.test", "2026-11-01-pm")).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void theSameContactSigningUpAgainIsMergedNotDoubled() {
        String region = publishedRegion();
        SMS.clear();
        HttpResponse<String> first = signUp(region, form("Lee", "phone", "+1 (401) 555-0177", "2026-11-01-pm"));
        HttpResponse<String> again = signUp(region, form("Lee Park", "phone", "+14015550177", "2026-10-31-pm"));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
        assertThat(json(first).get("codeSentBy").asText()).isEqualTo("SMS");
        assertThat(json(again).get("signUpId").asText()).isEqualTo(json(first).get("signUpId").asText());
        JsonNode listed = json(api.get("/api/regions/" + region + "/sign-ups", ORGANIZER_1));
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("name").asText()).isEqualTo("Lee Park");
        assertThat(listed.get(0).get("phone").asText()).isEqualTo("+14015550177");
        assertThat(listed.get(0).get("slotIds").toString()).isEqualTo("[\"2026-10-31-pm\"]");
        Instant deadline = Instant.now().plusSeconds(15);
        while (SMS.received().size() < 2 && Instant.now().isBefore(deadline)) {
            ApiClient.sleep(50);
        }
        assertThat(SMS.received()).as("a code for each sign-up").hasSize(2);
        assertThat(SMS.received().get(1).form().get("To")).isEqualTo("+14015550177");
        assertThat(SMS.received().get(1).form().get("Body"))
                .containsPattern("code to confirm your sign-up is [0-9]{6}");
    }

    @Test
    @Order(4)
    void aContactGetsAtMostThreeCodesPerWindow() {
        String region = publishedRegion();
        for (int i = 0; i < 3; i++) {
            assertThat(signUp(region, form("Mo", "email", "mo@limit.test", "2026-11-01-pm")).statusCode())
                    .isEqualTo(202);
        }
        HttpResponse<String> fourth = signUp(region, form("Mo", "email", "mo@limit.test", "2026-11-01-pm"));
        assertThat(fourth.statusCode()).as(fourth.body()).isEqualTo(429);
        assertThat(fourth.headers().firstValue("Retry-After")).isPresent();
        assertThat(fourth.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    @Order(5)
    void anOrganizerRejectsASignUpOfTheirTurfAndItNeverJoins() throws Exception {
        String region = publishedRegion();
        HttpResponse<String> submitted = signUp(region, form("Zed", "email", "zed@" + region + ".test",
                "2026-11-01-pm"));
        String id = json(submitted).get("signUpId").asText();
        String code = mailedCode("zed@" + region + ".test");
        assertThat(api.postJson("/api/regions/" + region + "/sign-ups/" + id + "/reject", ORGANIZER_2, "{}")
                .statusCode()).as("another organizer's turf").isEqualTo(403);
        HttpResponse<String> rejected = api.postJson("/api/regions/" + region + "/sign-ups/" + id + "/reject",
                ORGANIZER_1, "{\"reason\":\"already on another campaign's list\"}");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        assertThat(json(rejected).get("status").asText()).isEqualTo("REJECTED");
        assertThat(confirm(region, id, code).statusCode()).isEqualTo(409);
        assertThat(signUp(region, form("Zed", "email", "zed@" + region + ".test", "2026-11-01-pm")).statusCode())
                .as("the same contact again").isEqualTo(409);
        ApiClient.sleep(700);
        assertThat(json(api.get("/api/regions/" + region + "/live/plan", STRATEGIST)).get("assignments").toString())
                .doesNotContain(id);
    }

    @Test
    @Order(99)
    void oneAddressGetsA429PastItsBudgetForSignUpsAndWrongCodesButARightCodeStillWorks() throws Exception {
        String region = publishedRegion();
        HttpResponse<String> first = signUp(region, form("Flood", "email", "flood@limit.test", "2026-11-01-pm"));
        int status = first.statusCode();
        for (int i = 0; i < 70 && status != 429; i++) {
            status = signUp(region, form("Flood", "email", "flood" + i + "@limit.test", "2026-11-01-pm"))
                    .statusCode();
            assertThat(status).isIn(202, 429);
        }
        assertThat(status).isEqualTo(429);
        String id = json(first).get("signUpId").asText();
        String code = mailedCode("flood@limit.test");
        assertThat(confirm(region, id, "000000".equals(code) ? "111111" : "000000").statusCode())
                .as("a wrong code from the same address").isEqualTo(429);
        HttpResponse<String> right = confirm(region, id, code);
        assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
    }

    @Test
    @Order(6)
    void aDeploymentDayIsCheckedFieldByFieldAndKeptWithTheSignUp() throws Exception {
        String region = publishedRegion();
        String base = form("Ines", "email", "ines@" + region + ".test", "2026-11-01-pm");
        HttpResponse<String> refused = signUp(region, base.substring(0, base.length() - 1)
                + ",\"deployment\":{\"date\":\"2026-10-31\",\"maxTravelMinutes\":30,\"minSlots\":0}}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        List<String> paths = new ArrayList<>();
        json(refused).get("errors").forEach(e -> paths.add(e.get("path").asText()));
        assertThat(paths).containsExactlyInAnyOrder("deployment.date", "deployment.maxTravelMinutes",
                "deployment.minSlots");

        HttpResponse<String> submitted = signUp(region, base.substring(0, base.length() - 1)
                + ",\"deployment\":{\"date\":\"2026-11-01\",\"maxTravelMinutes\":90,\"minSlots\":1}}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = json(submitted).get("signUpId").asText();
        awaitJoined(region, id, mailedCode("ines@" + region + ".test"));

        JsonNode listed = json(api.get("/api/regions/" + region + "/sign-ups", ORGANIZER_1));
        assertThat(listed).filteredOn(s -> s.get("id").asText().equals(id)).singleElement().satisfies(s -> {
            assertThat(s.at("/deployment/date").asText()).isEqualTo("2026-11-01");
            assertThat(s.at("/deployment/maxTravelMinutes").asInt()).isEqualTo(90);
            assertThat(s.at("/deployment/minSlots").asInt()).isEqualTo(1);
        });
    }

    @Test
    @Order(7)
    void aCarpoolOfferIsCheckedFieldByFieldKeptAndCarriedOntoTheVolunteer() throws Exception {
        String region = publishedRegion();
        String base = form("Omar", "email", "omar@" + region + ".test", "2026-11-01-pm");
        String open = base.substring(0, base.length() - 1);
        HttpResponse<String> refused = signUp(region, open + ",\"carpool\":{\"seats\":9}}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        List<String> paths = new ArrayList<>();
        json(refused).get("errors").forEach(e -> paths.add(e.get("path").asText()));
        assertThat(paths).containsExactlyInAnyOrder("carpool.seats", "carpool.detourMinutes");
        HttpResponse<String> walking = signUp(region, open.replace("\"CAR\"", "\"WALK\"")
                + ",\"carpool\":{\"seats\":2,\"detourMinutes\":10}}");
        assertThat(walking.statusCode()).as(walking.body()).isEqualTo(400);
        assertThat(walking.body()).contains("carpool.seats").contains("only a volunteer who travels by CAR");

        HttpResponse<String> submitted = signUp(region, open
                + ",\"carpool\":{\"seats\":3,\"detourMinutes\":12,\"canRide\":false}}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = json(submitted).get("signUpId").asText();
        awaitJoined(region, id, mailedCode("omar@" + region + ".test"));

        JsonNode listed = json(api.get("/api/regions/" + region + "/sign-ups", ORGANIZER_1));
        assertThat(listed).filteredOn(s -> s.get("id").asText().equals(id)).singleElement().satisfies(s -> {
            assertThat(s.at("/carpool/seats").asInt()).isEqualTo(3);
            assertThat(s.at("/carpool/detourMinutes").asInt()).isEqualTo(12);
            assertThat(s.at("/carpool/canRide").asBoolean()).isFalse();
        });
        Volunteer joined = livePlans.current(region).job().requireBestPlan().getVolunteers().stream()
                .filter(v -> v.getId().equals(id)).findFirst().orElseThrow();
        assertThat(joined.getCarpool()).isEqualTo(new Carpool(3, 12, false));
        assertThat(joined.offersSeats()).as("a driver the solver can seat riders with").isTrue();
    }
}
