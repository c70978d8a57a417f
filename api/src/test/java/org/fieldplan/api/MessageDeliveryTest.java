package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.ORGANIZER_1;
import static org.fieldplan.api.ApiClient.ORGANIZER_2;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;
import static org.fieldplan.api.MessageWords.SURNAMES;
import static org.fieldplan.api.MessageWords.assertNoOneElse;
import static org.fieldplan.api.MessageWords.assertOwnWords;
import static org.fieldplan.api.MessageWords.firstName;
import static org.fieldplan.api.MessageWords.idOf;
import static org.fieldplan.api.MessageWords.part;
import static org.fieldplan.api.MessageWords.problemWithSurnames;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import jakarta.mail.internet.MimeMessage;

/**
 * Every kind of message, delivered through the outbox to a real SMTP server in process (GreenMail) and to a local
 * stand-in for the SMS provider's HTTP API, with its words checked: the volunteer's first name, shifts in the
 * region's local time, precinct, meeting point, teammates' first names only, the organizer's contact, the link and
 * its expiry in words; and no other volunteer's surname, phone or home.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MessageDeliveryTest {

    private static final int SMTP_PORT = LocalChannels.freePort();
    private static final SmsStub SMS = new SmsStub();

    @RegisterExtension
    static final GreenMailExtension SMTP = LocalChannels.smtp(SMTP_PORT);

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry properties) {
        LocalChannels.register(properties, SMTP_PORT, SMS);
        properties.add("fieldplan.links.mail-from", () -> "field@campaign.test");
        properties.add("fieldplan.messages.sms.from", () -> "+14015550000");
        properties.add("fieldplan.messages.sms.inbound-secret", () -> "inbound-secret");
        properties.add("fieldplan.messages.organizer-contacts.org-1", () -> "Maria at +1 401 555 0100");
        properties.add("fieldplan.messages.backoff-millis", () -> 50);
        properties.add("fieldplan.messages.max-attempts", () -> 3);
    }

    @LocalServerPort
    int port;

    private ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        SMS.clear();
    }

    @AfterAll
    static void stopStub() {
        SMS.close();
    }

    @Test
    void linksInBulkArriveByEmailAndSmsWithTheVolunteersOwnShiftsInLocalTime() throws Exception {
        String jobId = api.solve(problemWithSurnames());
        setContact(jobId, "V01", "ana@example.org", null);
        setContact(jobId, "V02", null, "+1 (401) 555-0102");
        Map<String, JsonNode> shifts = shiftsByVolunteer(jobId);

        HttpResponse<String> sent = api.postJson("/api/jobs/" + jobId + "/messages/links", ORGANIZER_1, "{}");

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        JsonNode result = json(sent);
        assertThat(result.get("volunteers").asInt()).as("org-1's turf: V01-V03").isEqualTo(3);
        assertThat(result.get("queued").asInt()).isEqualTo(2);
        assertThat(result.get("withoutContact").toString()).isEqualTo("[\"V03\"]");
        assertThat(SMTP.waitForIncomingEmail(15_000, 1)).isTrue();
        awaitSms(1);

        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ana@example.org");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("field@campaign.test");
        assertThat(mail.getHeader("X-FieldPlan-Message-Key")[0]).startsWith("links:" + jobId + ":");
        assertThat(mail.getMessageID()).as("derived from the message key, the same on every attempt")
                .matches("<fieldplan\\.[0-9a-f]{32}@[^>]+>");
        assertThat(mail.getHeader("List-Unsubscribe")[0]).contains("/api/messages/unsubscribe?address=");
        String text = part(mail, "text/plain");
        String html = part(mail, "text/html");
        assertThat(html).contains("<a href=\"").contains("Hi Ana").contains("/api/messages/unsubscribe?address=");
        assertThat(text).contains("No more messages from the campaign: http")
                .contains(mail.getHeader("List-Unsubscribe")[0].replaceAll("[<>]", ""));
        assertOwnWords(text, "Ana", shifts.get("V01"), jobId);
        assertThat(text).contains("Your organizer: Maria at +1 401 555 0100")
                .doesNotContain("+14015550102").as("another volunteer's phone");

        SmsStub.Received sms = SMS.received().get(0);
        assertThat(sms.path()).isEqualTo("/Accounts/AC-test/Messages.json");
        assertThat(sms.authorization()).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString("AC-test:sms-token".getBytes(StandardCharsets.UTF_8)));
        assertThat(sms.form()).containsEntry("To", "+14015550102").containsEntry("From", "+14015550000");
        String smsBody = sms.form().get("Body");
        assertThat(smsBody).startsWith("Hi Ben, your canvassing shifts: ").contains("Reply STOP")
                .contains("/volunteer.html#job=" + jobId + "&token=");
        assertNoOneElse(smsBody, "Ben");
        for (JsonNode shift : shifts.get("V02")) {
            LocalDateTime start = LocalDateTime.parse(shift.get("start").asText());
            assertThat(smsBody).contains(DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH)
                    .format(start)).contains(shift.at("/precinct/name").asText());
        }

        // Delivery status for the organizer: their own volunteers only.
        List<JsonNode> messages = awaitMessages(jobId, ORGANIZER_1, all -> all.stream()
                .filter(m -> m.get("status").asText().equals("SENT")).count() == 2);
        assertThat(messages).extracting(m -> m.get("kind").asText()).containsOnly("LINK");
        assertThat(messages).extracting(m -> m.get("attempts").asInt()).containsOnly(1);
        assertThat(json(api.get("/api/jobs/" + jobId + "/messages", ORGANIZER_2))).isEmpty();

        // The same send-out again (a retried request with its id) queues nothing new.
        String sendOut = result.get("sendOutId").asText();
        JsonNode again = json(api.postJson("/api/jobs/" + jobId + "/messages/links", ORGANIZER_1,
                "{\"sendOutId\":\"" + sendOut + "\"}"));
        assertThat(again.get("queued").asInt()).isZero();
        assertThat(again.get("alreadyQueued").asInt()).isEqualTo(2);
    }

    @Test
    void aLinkEmailedToOneAddressCarriesTheShiftsAndItsExpiryInWords() throws Exception {
        String jobId = api.solve(problemWithSurnames());
        Map<String, JsonNode> shifts = shiftsByVolunteer(jobId);
        HttpResponse<String> sent = api.postJson("/api/jobs/" + jobId + "/volunteer-links/emails", ORGANIZER_1,
                "{\"volunteerId\":\"V03\",\"email\":\"Carla@Example.org\"}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(json(sent).get("status").asText()).isEqualTo("QUEUED");
        assertThat(SMTP.waitForIncomingEmail(15_000, 1)).isTrue();
        assertOwnWords(part(SMTP.getReceivedMessages()[0], "text/plain"), "Carla", shifts.get("V03"), jobId);
    }

    @Test
    void aRepairTellsEveryoneWhoseShiftMovedButNotTheVolunteerWhoCancelled() throws Exception {
        String jobId = api.solve(problemWithSurnames());
        for (String id : SURNAMES.keySet().stream().map(MessageWords::idOf).toList()) {
            setContact(jobId, id, id.toLowerCase(Locale.ROOT) + "@example.org", null);
        }
        JsonNode cancelled = teamedShift(jobId);
        String who = cancelled.get("volunteerId").asText();

        HttpResponse<String> repair = api.postJson("/api/jobs/" + jobId + "/cancellations", STRATEGIST,
                "{\"volunteerId\":\"" + who + "\",\"slotId\":\"" + cancelled.get("slotId").asText() + "\"}");

        assertThat(repair.statusCode()).as(repair.body()).isEqualTo(200);
        JsonNode result = json(repair);
        assertThat(result.get("mode").asText()).isEqualTo("REPAIRED");
        List<String> told = new ArrayList<>();
        result.get("changes").forEach(c -> {
            if (!c.get("volunteerId").asText().equals(who) && !told.contains(c.get("volunteerId").asText())) {
                told.add(c.get("volunteerId").asText());
            }
        });
        assertThat(told).as("a lone teammate is re-paired or moved: someone else's shift changes; " + repair.body()
                + " plan before: " + cancelled).isNotEmpty();
        assertThat(SMTP.waitForIncomingEmail(15_000, told.size())).isTrue();
        ApiClient.sleep(500);
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).as("one notice per person in the batch, none to " + who).hasSize(told.size());
        Map<String, JsonNode> shifts = shiftsByVolunteer(jobId);
        for (MimeMessage mail : received) {
            String id = mail.getAllRecipients()[0].toString().replace("@example.org", "").toUpperCase(Locale.ROOT);
            assertThat(told).contains(id);
            String text = part(mail, "text/plain");
            assertThat(mail.getSubject()).isEqualTo("Your canvassing shifts have changed");
            assertThat(text).contains("your canvassing shifts have changed:");
            assertThat(text).containsPattern("(new shift in|cancelled \\(was|now in) [A-Z]");
            assertOwnWords(text, firstName(id), shifts.getOrDefault(id, parse("[]")), jobId);
        }
    }

    @Test
    void anUnsubscribeLinkAndAnSmsStopSuppressLaterMessages() throws Exception {
        String jobId = api.solve(problemWithSurnames());
        setContact(jobId, "V01", "ana.unsub@example.org", null);
        setContact(jobId, "V02", null, "+14015550199");
        api.postJson("/api/jobs/" + jobId + "/messages/links", ORGANIZER_1, "{}");
        assertThat(SMTP.waitForIncomingEmail(15_000, 1)).isTrue();
        awaitSms(1);
        String unsubscribe = SMTP.getReceivedMessages()[0].getHeader("List-Unsubscribe")[0].replaceAll("[<>]", "");
        URI link = URI.create(unsubscribe);
        String path = link.getRawPath() + "?" + link.getRawQuery();

        HttpResponse<String> forged = api.send("POST", path.replaceAll("sig=[^&]+", "sig=forged"), null, null, null,
                null);
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(json(forged).at("/errors/0/path").asText()).isEqualTo("sig");
        assertThat(api.send("GET", path, null, null, null, null).body()).contains("<form method=\"post\">");
        assertThat(api.send("POST", path, null, null, null, null).statusCode()).isEqualTo(200);
        HttpResponse<String> wrongSecret = api.send("POST", "/api/messages/sms/inbound/guess", null,
                "application/x-www-form-urlencoded", "From=%2B14015550199&Body=STOP", null);
        assertThat(wrongSecret.statusCode()).isEqualTo(404);
        HttpResponse<String> stop = api.send("POST", "/api/messages/sms/inbound/inbound-secret", null,
                "application/x-www-form-urlencoded", "From=%2B1+401+555+0199&Body=+stop+", null);
        assertThat(stop.statusCode()).as(stop.body()).isEqualTo(200);

        api.postJson("/api/jobs/" + jobId + "/messages/links", ORGANIZER_1, "{}");

        List<JsonNode> messages = awaitMessages(jobId, ORGANIZER_1, all -> all.stream()
                .filter(m -> m.get("status").asText().equals("SUPPRESSED")).count() == 2);
        assertThat(messages).filteredOn(m -> m.get("status").asText().equals("SENT")).hasSize(2);
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(SMS.received()).hasSize(1);
    }

    @Test
    void aRefusedSmsIsRetriedWithBackOffAndFailsForGoodAfterTheLastTry() throws Exception {
        String jobId = api.solve(problemWithSurnames());
        setContact(jobId, "V01", null, "+14015550301");
        SMS.answerNext(503, 500);
        api.postJson("/api/jobs/" + jobId + "/messages/links", ORGANIZER_1, "{}");
        JsonNode sent = awaitMessages(jobId, ORGANIZER_1, all -> all.get(0).get("status").asText().equals("SENT"))
                .get(0);
        assertThat(sent.get("attempts").asInt()).as("two refusals, then delivered").isEqualTo(3);
        assertThat(sent.get("lastError").asText()).contains("answered 500");
        assertThat(SMS.received()).hasSize(3);

        SMS.answerNext(503, 503, 503);
        api.postJson("/api/jobs/" + jobId + "/messages/links", ORGANIZER_1, "{}");
        JsonNode failed = awaitMessages(jobId, ORGANIZER_1, all -> all.get(0).get("status").asText()
                .equals("FAILED")).get(0);
        assertThat(failed.get("attempts").asInt()).as("max-attempts").isEqualTo(3);
        assertThat(failed.get("lastError").asText()).contains("answered 503");

        SMS.answerNext(400);
        api.postJson("/api/jobs/" + jobId + "/messages/links", ORGANIZER_1, "{}");
        JsonNode refused = awaitMessages(jobId, ORGANIZER_1, all -> all.get(0).get("status").asText()
                .equals("FAILED")).get(0);
        assertThat(refused.get("attempts").asInt()).as("a 4xx is not tried again").isEqualTo(1);
    }

    @Test
    void badMessagingRequestsAreProblemsNamingTheField() {
        String jobId = api.solveSmallProblem();
        assertProblem(api.send("PUT", "/api/jobs/" + jobId + "/volunteers/V01/contact", ORGANIZER_1,
                "application/json", "{\"email\":\"not an address\"}", null), 400, "email");
        assertProblem(api.send("PUT", "/api/jobs/" + jobId + "/volunteers/V01/contact", ORGANIZER_1,
                "application/json", "{\"phone\":\"555\"}", null), 400, "phone");
        assertProblem(api.send("PUT", "/api/jobs/" + jobId + "/volunteers/V01/contact", ORGANIZER_1,
                "application/json", "{}", null), 400, "email");
        assertThat(api.send("PUT", "/api/jobs/" + jobId + "/volunteers/V04/contact", ORGANIZER_1,
                "application/json", "{\"email\":\"dev@example.org\"}", null).statusCode()).isEqualTo(403);
        assertProblem(api.postJson("/api/jobs/" + jobId + "/messages/links", ORGANIZER_1,
                "{\"slotId\":\"2030-01-01-am\"}"), 400, "slotId");
        assertProblem(api.postJson("/api/jobs/" + jobId + "/messages/links", ORGANIZER_1,
                "{\"sendOutId\":\"a b\"}"), 400, "sendOutId");
        assertThat(api.postJson("/api/jobs/" + jobId + "/messages/links", ORGANIZER_1,
                "{\"channel\":\"PIGEON\"}").statusCode()).isEqualTo(400);
        assertThat(api.postJson("/api/jobs/" + jobId + "/messages/links", ORGANIZER_1,
                "{\"organizerId\":\"org-2\"}").statusCode()).isEqualTo(403);
        assertProblem(api.get("/api/jobs/" + jobId + "/messages?limit=0", ORGANIZER_1), 400, "limit");
        assertProblem(api.postJson("/api/messages/opt-outs", ORGANIZER_1, "{\"address\":\"12\"}"), 400, "address");
    }

    // --- helpers

    private void setContact(String jobId, String volunteerId, String email, String phone) {
        HttpResponse<String> set = api.send("PUT", "/api/jobs/" + jobId + "/volunteers/" + volunteerId + "/contact",
                STRATEGIST, "application/json", "{\"email\":" + quoted(email) + ",\"phone\":" + quoted(phone) + "}",
                null);
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    }

    /** Each volunteer's shifts as they see them (teammates' first names). */
    private Map<String, JsonNode> shiftsByVolunteer(String jobId) {
        Map<String, List<JsonNode>> byVolunteer = new HashMap<>();
        JsonNode sheet = json(api.get("/api/jobs/" + jobId + "/assignments", STRATEGIST));
        sheet.get("assignments").forEach(a -> byVolunteer.computeIfAbsent(a.get("volunteerId").asText(),
                k -> new ArrayList<>()).add(a));
        Map<String, JsonNode> shifts = new HashMap<>();
        byVolunteer.forEach((id, list) -> shifts.put(id, ApiClient.JSON.valueToTree(list)));
        return shifts;
    }

    private JsonNode teamedShift(String jobId) {
        JsonNode plan = json(api.get("/api/jobs/" + jobId + "/assignments", STRATEGIST));
        for (JsonNode a : plan.get("assignments")) {
            // A pair without V01 (whose first shift is pinned in the example): the teammate left alone must move.
            if (a.get("buddies").size() == 1 && !a.get("volunteerId").asText().equals("V01")
                    && !a.at("/buddies/0/volunteerId").asText().equals("V01")) {
                return a;
            }
        }
        throw new AssertionError("the small example's plan has a team");
    }

    private List<JsonNode> awaitMessages(String jobId, String key, Predicate<List<JsonNode>> done) {
        long deadline = System.currentTimeMillis() + 20_000;
        List<JsonNode> all = List.of();
        while (System.currentTimeMillis() < deadline) {
            all = new ArrayList<>();
            json(api.get("/api/jobs/" + jobId + "/messages", key)).forEach(all::add);
            if (!all.isEmpty() && done.test(all)) {
                return all;
            }
            ApiClient.sleep(100);
        }
        throw new AssertionError("messages did not get there: " + all);
    }

    private static void awaitSms(int count) {
        long deadline = System.currentTimeMillis() + 15_000;
        while (SMS.received().size() < count && System.currentTimeMillis() < deadline) {
            ApiClient.sleep(50);
        }
        assertThat(SMS.received()).hasSize(count);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String path) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response).at("/errors/0/path").asText()).as(response.body()).isEqualTo(path);
    }

    private static String quoted(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    private static JsonNode parse(String text) {
        try {
            return ApiClient.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
