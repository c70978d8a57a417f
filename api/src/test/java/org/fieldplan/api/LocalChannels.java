package org.fieldplan.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The local stand-ins the message tests point the service at: a free port, a GreenMail SMTP server on it, and the
 * SMS provider stub ({@link SmsStub}). Each test class keeps instances of its own; this is how they are made and
 * wired in.
 */
final class LocalChannels {

    private LocalChannels() {
    }

    /** A port nobody listens on now. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GreenMail accepting SMTP on 127.0.0.1:{@code port}; register it with {@code @RegisterExtension}. */
    static GreenMailExtension smtp(int port) {
        return new GreenMailExtension(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    /**
     * Mail to the GreenMail server on {@code smtpPort}, texts to {@code sms} (none when null), and the outbox polled
     * every 50 ms, so that tests wait milliseconds, not seconds, for a message.
     */
    static void register(DynamicPropertyRegistry properties, int smtpPort, SmsStub sms) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> smtpPort);
        if (sms != null) {
            properties.add("fieldplan.messages.sms.base-url", sms::baseUrl);
            properties.add("fieldplan.messages.sms.account-id", () -> "AC-test");
            properties.add("fieldplan.messages.sms.token", () -> "sms-token");
        }
        properties.add("fieldplan.messages.poll-millis", () -> 50);
    }
}
