package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.ORGANIZER_1;
import static org.fieldplan.api.ApiClient.ORGANIZER_2;
import static org.fieldplan.api.ApiClient.json;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.internet.MimeMessage;

/** An organizer e-mails a volunteer their link; it arrives at a real in-process SMTP server (GreenMail) and works. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LinkEmailTest {

    private static final int SMTP_PORT = LocalChannels.freePort();

    @RegisterExtension
    static final GreenMailExtension SMTP = LocalChannels.smtp(SMTP_PORT);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> SMTP_PORT);
        properties.add("fieldplan.links.mail-from", () -> "field@campaign.test");
    }

    @LocalServerPort
    int port;

    @Test
    void theLinkArrivesByEmailAndOpensTheVolunteersShifts() throws Exception {
        ApiClient api = new ApiClient(port);
        String jobId = api.solveSmallProblem();
        JsonNode shift = json(api.get("/api/jobs/" + jobId + "/assignments", ORGANIZER_1)).at("/assignments/0");
        String volunteer = shift.get("volunteerId").asText();

        HttpResponse<String> sent = api.postJson("/api/jobs/" + jobId + "/volunteer-links/emails", ORGANIZER_1,
                "{\"volunteerId\":\"" + volunteer + "\",\"email\":\"ana@example.org\"}");

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(json(sent).get("sentTo").asText()).isEqualTo("ana@example.org");
        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage message = SMTP.getReceivedMessages()[0];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("ana@example.org");
        assertThat(message.getFrom()[0].toString()).isEqualTo("field@campaign.test");
        String body = GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
        String first = shift.get("name").asText().split(" ")[0];
        assertThat(body).contains("Hi " + first).contains("/volunteer.html#job=" + jobId + "&token=");
        String token = body.replaceAll("(?s).*&token=([A-Za-z0-9_.-]+).*", "$1");
        HttpResponse<String> mine = api.asVolunteer("GET", "/api/jobs/" + jobId + "/me", token, null);
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        assertThat(json(mine).get("volunteerId").asText()).isEqualTo(volunteer);

        HttpResponse<String> badAddress = api.postJson("/api/jobs/" + jobId + "/volunteer-links/emails",
                ORGANIZER_1, "{\"volunteerId\":\"" + volunteer + "\",\"email\":\"not an address\"}");
        assertThat(badAddress.statusCode()).isEqualTo(400);
        assertThat(json(badAddress).at("/errors/0/path").asText()).isEqualTo("email");
        assertThat(api.postJson("/api/jobs/" + jobId + "/volunteer-links/emails", ORGANIZER_2,
                "{\"volunteerId\":\"" + volunteer + "\",\"email\":\"x@example.org\"}").statusCode()).isEqualTo(403);
        assertThat(SMTP.getReceivedMessages()).as("nothing sent for refused requests").hasSize(1);
    }

}
