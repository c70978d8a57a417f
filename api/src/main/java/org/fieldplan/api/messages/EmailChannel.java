package org.fieldplan.api.messages;

import java.nio.charset.StandardCharsets;

import org.fieldplan.api.volunteers.LinkProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * E-mail through the campaign's SMTP server (Spring Boot's {@code spring.mail.*}): plain text with an HTML
 * alternative, the message key in a header, and a one-click unsubscribe (RFC 8058) for mail clients that offer it.
 */
@Component
public class EmailChannel implements MessageChannel {

    private final ObjectProvider<JavaMailSender> mail;
    private final LinkProperties properties;
    private final Unsubscribes unsubscribes;

    public EmailChannel(ObjectProvider<JavaMailSender> mail, LinkProperties properties,
            Unsubscribes unsubscribes) {
        this.mail = mail;
        this.properties = properties;
        this.unsubscribes = unsubscribes;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public boolean isConfigured() {
        return mail.getIfAvailable() != null;
    }

    @Override
    public void deliver(MessageRecord record) throws DeliveryException {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new DeliveryException("no SMTP server is configured (spring.mail.host)", true, null);
        }
        OutboundMessage m = record.message();
        try {
            MimeMessage mime = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.mailFrom());
            helper.setTo(m.recipient());
            helper.setSubject(m.subject());
            if (m.html() == null) {
                helper.setText(m.text());
            } else {
                helper.setText(m.text(), m.html());
            }
            mime.setHeader(KEY_HEADER, m.key());
            String unsubscribe = unsubscribes.url(m.recipient());
            mime.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
            mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            sender.send(mime);
        } catch (MailParseException | MailPreparationException | MessagingException e) {
            throw new DeliveryException("the message could not be made: " + e.getMessage(), true, e);
        } catch (MailException e) {
            throw new DeliveryException("the SMTP server did not take the message: " + e.getMessage(), false, e);
        }
    }
}
