package org.fieldplan.api.volunteers;

import org.fieldplan.api.errors.ApiException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Sends a volunteer their personal link through the campaign's SMTP server, configured with Spring Boot's
 * {@code spring.mail.*} settings (e.g. {@code SPRING_MAIL_HOST}, {@code SPRING_MAIL_PORT}, {@code SPRING_MAIL_USERNAME},
 * {@code SPRING_MAIL_PASSWORD}); without them sending is refused with 409 and nothing else changes.
 */
@Service
public class LinkMailer {

    /** What was sent, and to whom (the token is in the e-mail, not in this answer). */
    public record Sent(String linkId, String volunteerId, String sentTo, java.time.Instant expiresAt) {
    }

    private final ObjectProvider<JavaMailSender> mail;
    private final LinkProperties properties;

    public LinkMailer(ObjectProvider<JavaMailSender> mail, LinkProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    /** Checks the address before a link is made for it. @throws ApiException 400 naming {@code email} */
    public static String checkedAddress(String email) {
        if (email == null || email.isBlank()) {
            throw ApiException.invalid("email", "is required");
        }
        try {
            InternetAddress address = new InternetAddress(email, true);
            address.validate();
            return address.getAddress();
        } catch (AddressException e) {
            throw ApiException.invalid("email", "is not an e-mail address: \"" + email + "\"");
        }
    }

    /** @throws ApiException 409 without an SMTP server, 502 when the server refuses the message */
    public Sent send(VolunteerLinkService.IssuedLink link, String volunteerName, String email) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw ApiException.conflict("no SMTP server is configured (spring.mail.host): copy the link instead");
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.mailFrom());
        message.setTo(email);
        message.setSubject("Your canvassing shifts");
        message.setText("Hi " + volunteerName.strip().split("\\s+")[0] + ",\n\n"
                + "here are your canvassing shifts: where, when and with whom. Tell us there if you are coming or "
                + "cannot make it, and report your doors afterwards:\n\n" + link.url() + "\n\n"
                + "The link is personal (no password): please do not forward it. It works until "
                + link.expiresAt() + ".\n");
        try {
            sender.send(message);
        } catch (MailException e) {
            throw ApiException.badGateway("the SMTP server did not take the message: " + e.getMessage());
        }
        return new Sent(link.linkId(), link.volunteerId(), email, link.expiresAt());
    }
}
