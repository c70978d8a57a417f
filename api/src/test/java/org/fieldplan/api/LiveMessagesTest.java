package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;
import static org.fieldplan.api.MessageWords.assertNoOneElse;
import static org.fieldplan.api.MessageWords.assertOwnWordsLinked;
import static org.fieldplan.api.MessageWords.firstName;
import static org.fieldplan.api.MessageWords.part;
import static org.fieldplan.api.MessageWords.precinctNames;
import static org.fieldplan.api.MessageWords.problemWithSurnames;
import static org.fieldplan.api.MessageWords.recipient;
import static org.fieldplan.api.MessageWords.subject;
import static org.fieldplan.api.MessageWords.when;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.fieldplan.api.messages.ShiftReminders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import jakarta.mail.internet.MimeMessage;

/**
 * Messages about a region's live plan, delivered to a real SMTP server in process (GreenMail) and a local stand-in
 * for the SMS provider: reminders the day before and two hours before each shift, following the live plan as it
 * changes (an unassigned shift gets none, a moved one names its new precinct), once per volunteer, shift and kind;
 * change notices for an organizer's move, unassign and assign and for a re-publish, never to a volunteer for their own
 * decline. Words checked: first name, local times, precinct, meeting point, teammates' first names, organizer's
 * contact, the region link; no other volunteer's surname or home.
 *
 * <p>"Now" is Saturday 31 October 11:30 in the region (America/New_York): the morning shifts have started (no
 * reminder), the afternoon's start at 13:00 (the two-hour reminder is due), Sunday's are tomorrow (the day-before
 * reminder is due from 11:00). The reminder scan's timer is set to an hour, so the test runs the scan itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "fieldplan.now=2026-10-31T11:30", "fieldplan.messages.reminders.day-before-at=11:00",
    "fieldplan.messages.reminders.before=2h", "fieldplan.messages.reminders.scan-every=1h"})
@ActiveProfiles("test")
class LiveMessagesTest {

    private static final int SMTP_PORT = LocalChannels.freePort();
    /** Open until the JVM ends: the PostGIS subclass's context, cached beside this one, posts to it too. */
    private static final SmsStub SMS = new SmsStub();
    private static final String STARTED = "2026-10-31-am";
    private static final String TODAY_PM = "2026-10-31-pm";

    @RegisterExtension
    static final GreenMailExtension SMTP = LocalChannels.smtp(SMTP_PORT);

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry properties) {
        LocalChannels.register(properties, SMTP_PORT, SMS);
        properties.add("fieldplan.messages.organizer-contacts.org-1", () -> "Maria at +1 401 555 0100");
    }

    @LocalServerPort
    int port;

    @Autowired
    ShiftReminders reminders;

    private ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        SMS.clear();
    }

    @Test
    void remindersFollowTheLivePlanOncePerVolunteerShiftAndKind() throws Exception {
        String region = "remind-" + UUID.randomUUID().toString().substring(0, 8);
        LivePlanTest.publish(api, region, api.solve(problemWithSurnames()));
        List<JsonNode> toCome = shiftsToCome(region);
        assertThat(toCome).as("the small plan has shifts still to come").hasSizeGreaterThanOrEqualTo(3);
        JsonNode moved = toCome.get(0);
        JsonNode unassigned = toCome.stream().filter(s -> !id(s).equals(id(moved))).findFirst().orElseThrow();
        String bySms = toCome.stream().map(LiveMessagesTest::id)
                .filter(v -> !v.equals(id(moved)) && !v.equals(id(unassigned))).findFirst().orElseThrow();
        String tag = region;
        setContacts(region, tag, bySms);

        String newPrecinct = moveElsewhere(region, moved);
        post(region, "unassign", "{\"volunteerId\":\"" + id(unassigned) + "\",\"slotId\":\"" + slot(unassigned)
                + "\"}");
        List<JsonNode> due = shiftsToCome(region);

        // The scan covers every region's live plan (other tests' too): this region's are counted in its outbox.
        assertThat(reminders.remindDue()).as("one reminder per shift still to come").isGreaterThanOrEqualTo(
                due.size());
        assertThat(reminders.remindDue()).as("scanning again queues nothing").isZero();

        List<JsonNode> sent = awaitMessages(region, all -> all.stream().filter(m -> m.get("kind").asText()
                .startsWith("REMINDER")).allMatch(m -> m.get("status").asText().equals("SENT")));
        List<JsonNode> reminderViews = sent.stream().filter(m -> m.get("kind").asText().startsWith("REMINDER"))
                .toList();
        assertThat(reminderViews).as("one reminder per shift still to come").hasSize(due.size());
        assertThat(reminderViews).extracting(m -> m.get("key").asText())
                .as("the unassigned shift gets no reminder")
                .noneMatch(k -> k.contains(":" + id(unassigned) + ":" + slot(unassigned) + ":"))
                .as("nothing for a started shift").noneMatch(k -> k.contains(":" + STARTED + ":"))
                .doesNotHaveDuplicates();
        for (JsonNode shift : due) {
            String kind = slot(shift).equals(TODAY_PM) ? "REMINDER_BEFORE_SHIFT" : "REMINDER_DAY_BEFORE";
            assertThat(reminderViews).as(kind + " of " + id(shift) + " in " + slot(shift)).anySatisfy(m -> {
                assertThat(m.get("key").asText()).endsWith(":" + id(shift) + ":" + slot(shift) + ":" + kind);
                assertThat(m.get("kind").asText()).isEqualTo(kind);
            });
        }

        List<MimeMessage> mails = mailsTo(tag).stream().filter(m -> subject(m).startsWith("Reminder:")).toList();
        int bySmsCount = (int) due.stream().filter(s -> id(s).equals(bySms)).count();
        assertThat(mails).hasSize(due.size() - bySmsCount);
        for (MimeMessage mail : mails) {
            String volunteer = volunteerOf(mail, tag);
            String text = part(mail, "text/plain");
            JsonNode shift = due.stream().filter(s -> id(s).equals(volunteer))
                    .filter(s -> text.contains(when(s) + ": ")).findFirst().orElseThrow(() -> new AssertionError(
                            "a reminder of one of " + volunteer + "'s shifts: " + text));
            assertThat(subject(mail)).isEqualTo(slot(shift).equals(TODAY_PM)
                    ? "Reminder: your canvassing shift starts soon" : "Reminder: your canvassing shift tomorrow");
            assertOwnWordsLinked(text, firstName(volunteer), ApiClient.JSON.valueToTree(List.of(shift)),
                    "/volunteer.html#region=" + region + "&token=");
            assertThat(text).as("one shift per reminder").containsOnlyOnce("; meeting point: ")
                    .contains("Your organizer: ");
            assertThat(part(mail, "text/html")).contains("Hi " + firstName(volunteer));
            if (volunteer.equals(id(moved)) && slot(shift).equals(slot(moved))) {
                assertThat(text).as("the moved shift's reminder names its new precinct")
                        .contains(when(shift) + ": " + newPrecinct + "; meeting point");
            }
        }
        // The organizer's day board shows each volunteer's newest message and how far it got.
        JsonNode board = json(api.get("/api/regions/" + region + "/live/board?date=" + slot(moved).substring(0, 10),
                STRATEGIST));
        JsonNode movedRow = null;
        for (JsonNode row : board.get("shifts")) {
            if (id(row).equals(id(moved)) && slot(row).equals(slot(moved))) {
                movedRow = row;
            }
        }
        assertThat(movedRow).as("the moved shift on the board").isNotNull();
        assertThat(movedRow.at("/lastMessage/kind").asText()).startsWith("REMINDER_");
        assertThat(movedRow.at("/lastMessage/status").asText()).isEqualTo("SENT");

        List<SmsStub.Received> texts = SMS.received().stream()
                .filter(sms -> sms.form().get("Body").contains("#region=" + region + "&")).toList();
        assertThat(texts).hasSize(bySmsCount);
        for (SmsStub.Received sms : texts) {
            String body = sms.form().get("Body");
            assertThat(body).startsWith("Hi " + firstName(bySms) + ", reminder, your shift ")
                    .contains("/volunteer.html#region=" + region + "&token=").contains("Reply STOP");
            assertNoOneElse(body, firstName(bySms));
        }

        // Links in bulk on the live plan's address: everyone with a shift on Sunday gets their link and shifts.
        HttpResponse<String> links = api.postJson("/api/regions/" + region + "/live/messages/links", STRATEGIST,
                "{\"date\":\"2026-11-01\"}");
        assertThat(links.statusCode()).as(links.body()).isEqualTo(202);
        List<String> sunday = due.stream().filter(s -> slot(s).startsWith("2026-11-01")).map(LiveMessagesTest::id)
                .distinct().toList();
        assertThat(json(links).get("queued").asInt()).isEqualTo(sunday.size());
        for (String volunteer : sunday.stream().filter(v -> !v.equals(bySms)).toList()) {
            assertThat(part(awaitMail(tag, volunteer, "here are your canvassing shifts"), "text/plain"))
                    .contains("/volunteer.html#region=" + region + "&token=").contains("Sunday 1 November, 13:00–16:00");
        }
    }

    @Test
    void organizerActionsAndARepublishAreAnnouncedButNobodyIsToldOfTheirOwnDecline() throws Exception {
        String region = "notice-" + UUID.randomUUID().toString().substring(0, 8);
        String jobId = api.solve(problemWithSurnames());
        LivePlanTest.publish(api, region, jobId);
        List<JsonNode> toCome = shiftsToCome(region);
        assertThat(toCome).as("the small plan has shifts still to come").hasSizeGreaterThanOrEqualTo(3);
        JsonNode moved = toCome.get(0);
        String tag = region;
        setContacts(region, tag, id(moved));

        // Moved by an organizer: told by SMS, "now in … (was …)", in local time.
        String newPrecinct = moveElsewhere(region, moved);
        awaitSms(1);
        String sms = SMS.received().get(0).form().get("Body");
        assertThat(sms).startsWith("Hi " + firstName(id(moved)) + ", your shifts changed: " + when(moved)
                + ": now in " + newPrecinct + " (was " + name(moved) + ")").contains("Reply STOP");
        assertNoOneElse(sms, firstName(id(moved)));
        assertThat(mailsTo(tag)).as("an organizer's move changes only the shift it names").isEmpty();

        // Unassigned by an organizer: told by e-mail, "cancelled (was …)".
        JsonNode unassigned = shiftsToCome(region).stream().filter(s -> !id(s).equals(id(moved))).findFirst()
                .orElseThrow();
        post(region, "unassign", "{\"volunteerId\":\"" + id(unassigned) + "\",\"slotId\":\"" + slot(unassigned)
                + "\"}");
        MimeMessage cancelled = awaitMail(tag, id(unassigned), ": cancelled (was ");
        String cancelledText = part(cancelled, "text/plain");
        assertThat(subject(cancelled)).isEqualTo("Your canvassing shifts have changed");
        assertThat(cancelledText).contains("- " + when(unassigned) + ": cancelled (was " + name(unassigned) + ")");
        assertOwnWordsLinked(cancelledText, firstName(id(unassigned)), ownShifts(region, id(unassigned)),
                "/volunteer.html#region=" + region + "&token=");

        // Assigned by an organizer to a slot they were free in: "new shift in …".
        String[] added = assignSomeoneIdle(region);
        MimeMessage addedMail = awaitMail(tag, added[0], ": new shift in ");
        assertThat(part(addedMail, "text/plain")).contains("- " + when(added[1]) + ": new shift in " + added[2]);

        // A volunteer declines on their phone: the repair tells the others it moves, never the volunteer.
        JsonNode declined = shiftsToCome(region).stream().filter(s -> !id(s).equals(id(moved)))
                .filter(s -> !id(s).equals(added[0]))
                .filter(s -> !(slot(s).equals(slot(moved)) && name(s).equals(newPrecinct))).findFirst().orElseThrow();
        long toldBefore = changeNoticesFor(region, id(declined));
        HttpResponse<String> decline = api.asVolunteer("POST", "/api/regions/" + region + "/live/me/shifts/"
                + slot(declined) + "/decline", token(region, id(declined)), null);
        assertThat(decline.statusCode()).as(decline.body()).isEqualTo(200);
        ApiClient.sleep(1_500);
        assertThat(changeNoticesFor(region, id(declined))).as("no notice to " + id(declined) + " of their own "
                + "decline").isEqualTo(toldBefore);

        // A re-publish of the original solve puts the moved shift back: announced, as a batch of its own.
        int smsBefore = SMS.received().size();
        LivePlanTest.publish(api, region, jobId);
        awaitSms(smsBefore + 1);
        String back = SMS.received().get(smsBefore).form().get("Body");
        assertThat(back).startsWith("Hi " + firstName(id(moved)) + ", your shifts changed: ")
                .contains(when(moved) + ": ").contains("(was " + newPrecinct + ")");
    }

    // --- helpers

    /** The change notices sent so far to a volunteer (counted by the outbox). */
    private long changeNoticesFor(String region, String volunteerId) {
        List<JsonNode> all = new ArrayList<>();
        json(api.get("/api/regions/" + region + "/live/messages", STRATEGIST)).forEach(all::add);
        return all.stream().filter(m -> m.get("kind").asText().equals("CHANGE"))
                .filter(m -> m.get("volunteerId").asText().equals(volunteerId)).count();
    }

    private void setContacts(String region, String tag, String smsOnly) {
        for (String id : List.of("V01", "V02", "V03", "V04", "V05", "V06")) {
            String body = id.equals(smsOnly) ? "{\"phone\":\"+1401555" + (1000 + Integer.parseInt(id.substring(1)))
                    + "\"}" : "{\"email\":\"" + id.toLowerCase(Locale.ROOT) + "." + tag + "@example.org\"}";
            HttpResponse<String> set = api.send("PUT", "/api/regions/" + region + "/live/volunteers/" + id
                    + "/contact", STRATEGIST, "application/json", body, null);
            assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        }
    }

    /** Moves the shift to the first other precinct the rules let an organizer accept; @return its name. */
    private String moveElsewhere(String region, JsonNode shift) {
        Map<String, String> precincts = precinctNames();
        for (Map.Entry<String, String> p : precincts.entrySet()) {
            if (p.getKey().equals(shift.at("/precinct/id").asText())) {
                continue;
            }
            HttpResponse<String> move = api.postJson("/api/regions/" + region + "/live/move", STRATEGIST,
                    "{\"volunteerId\":\"" + id(shift) + "\",\"slotId\":\"" + slot(shift) + "\",\"toPrecinctId\":\""
                            + p.getKey() + "\",\"accept\":true}");
            if (move.statusCode() == 200) {
                return p.getValue();
            }
        }
        throw new AssertionError("no precinct to move " + shift + " to");
    }

    /** Assigns a volunteer who is free in a slot still to come; @return volunteer, slot, precinct name. */
    private String[] assignSomeoneIdle(String region) {
        Map<String, String> precincts = precinctNames();
        List<String> busy = shiftsToCome(region).stream().map(s -> id(s) + "@" + slot(s)).toList();
        for (String volunteer : List.of("V01", "V03", "V05", "V06", "V02", "V04")) {
            for (String slot : List.of(TODAY_PM, "2026-11-01-pm")) {
                if (busy.contains(volunteer + "@" + slot)) {
                    continue;
                }
                for (Map.Entry<String, String> p : precincts.entrySet()) {
                    HttpResponse<String> assign = api.postJson("/api/regions/" + region + "/live/assign",
                            STRATEGIST, "{\"volunteerId\":\"" + volunteer + "\",\"slotId\":\"" + slot
                                    + "\",\"precinctId\":\"" + p.getKey() + "\",\"accept\":true}");
                    if (assign.statusCode() == 200) {
                        return new String[] {volunteer, slot, p.getValue()};
                    }
                }
            }
        }
        throw new AssertionError("nobody free to assign in " + busy);
    }

    private String token(String region, String volunteerId) {
        HttpResponse<String> issued = api.postJson("/api/regions/" + region + "/live/volunteer-links", STRATEGIST,
                "{\"volunteerId\":\"" + volunteerId + "\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return json(issued).get("token").asText();
    }

    private void post(String region, String action, String body) {
        HttpResponse<String> response = api.postJson("/api/regions/" + region + "/live/" + action, STRATEGIST,
                body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private List<JsonNode> shiftsToCome(String region) {
        List<JsonNode> shifts = new ArrayList<>();
        json(api.get("/api/regions/" + region + "/live/assignments", STRATEGIST)).get("assignments")
                .forEach(a -> {
                    if (!slot(a).equals(STARTED)) {
                        shifts.add(a);
                    }
                });
        return shifts;
    }

    private JsonNode ownShifts(String region, String volunteerId) {
        List<JsonNode> own = new ArrayList<>();
        json(api.get("/api/regions/" + region + "/live/assignments", STRATEGIST)).get("assignments")
                .forEach(a -> {
                    if (id(a).equals(volunteerId)) {
                        own.add(a);
                    }
                });
        return ApiClient.JSON.valueToTree(own);
    }

    private List<JsonNode> awaitMessages(String region, Predicate<List<JsonNode>> done) {
        long deadline = System.currentTimeMillis() + 20_000;
        List<JsonNode> all = List.of();
        while (System.currentTimeMillis() < deadline) {
            all = new ArrayList<>();
            json(api.get("/api/regions/" + region + "/live/messages", STRATEGIST)).forEach(all::add);
            if (done.test(all)) {
                return all;
            }
            ApiClient.sleep(100);
        }
        throw new AssertionError("messages did not get there: " + all);
    }

    /** The first e-mail to the volunteer whose text has {@code saying}. */
    private static MimeMessage awaitMail(String tag, String volunteerId, String saying) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage mail : mailsTo(tag)) {
                if (volunteerOf(mail, tag).equals(volunteerId) && part(mail, "text/plain").contains(saying)) {
                    return mail;
                }
            }
            ApiClient.sleep(50);
        }
        throw new AssertionError("no e-mail to " + volunteerId + " saying " + saying);
    }

    private static void awaitSms(int count) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (SMS.received().size() < count && System.currentTimeMillis() < deadline) {
            ApiClient.sleep(50);
        }
        assertThat(SMS.received()).hasSizeGreaterThanOrEqualTo(count);
    }

    private static List<MimeMessage> mailsTo(String tag) {
        List<MimeMessage> mine = new ArrayList<>();
        for (MimeMessage mail : SMTP.getReceivedMessages()) {
            if (recipient(mail).endsWith("." + tag + "@example.org")) {
                mine.add(mail);
            }
        }
        return mine;
    }

    private static String volunteerOf(MimeMessage mail, String tag) {
        return recipient(mail).replace("." + tag + "@example.org", "").toUpperCase(Locale.ROOT);
    }

    private static String id(JsonNode shift) {
        return shift.get("volunteerId").asText();
    }

    private static String slot(JsonNode shift) {
        return shift.get("slotId").asText();
    }

    private static String name(JsonNode shift) {
        return shift.at("/precinct/name").asText();
    }

}
