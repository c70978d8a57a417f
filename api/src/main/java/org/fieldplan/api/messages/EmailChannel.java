package org.fieldplan.api.messages;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.fieldplan.api.volunteers.LinkProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * E-mail through the campaign's SMTP server (Spring Boot's {@code spring.mail.*}): plain text with an HTML
 * alternative, the message key in a header, and the signed unsubscribe link: at the foot of both parts, and as a
 * one-click {@code List-Unsubscribe} (RFC 8058) for mail clients that offer it. The {@code Message-ID} is derived
 * from the message key: a message sent again after a crash between the SMTP server's acceptance and the outbox's
 * record of it (the one case a second copy can arrive) carries the same id, which mail systems use to drop the copy.
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

    /** {@code <fieldplan.HASH@DOMAIN>}: the same for every attempt at one message key, the sender's domain. */
    String messageId(String key) {
        String from = properties.mailFrom();
        String domain = from.contains("@") ? from.substring(from.lastIndexOf('@') + 1).replace(">", "").strip()
                : "fieldplan.invalid";
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "<fieldplan." + HexFormat.of().formatHex(hash, 0, 16) + "@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
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
            String unsubscribe = unsubscribes.url(m.recipient());
            String text = m.text() + "\n--\nNo more messages from the campaign: " + unsubscribe + "\n";
            if (m.html() == null) {
                helper.setText(text);
            } else {
                helper.setText(text, m.html() + "<p><small><a href=\"" + HtmlUtils.htmlEscape(unsubscribe)
                        + "\">No more messages from the campaign</a></small></p>");
            }
            mime.setHeader(KEY_HEADER, m.key());
            // Spring's sender keeps a Message-ID set here instead of generating one.
            mime.setHeader("Message-ID", messageId(m.key()));
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
