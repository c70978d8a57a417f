package org.fieldplan.api.messages;

import java.util.Objects;

/**
 * A message a producer hands to the {@link MessageOutbox}.
 *
 * @param key unique per message: enqueueing the same key again does nothing, so a retried producer sends once
 * @param recipient an e-mail address or a phone number, by channel
 * @param kind what it is, e.g. {@code LINK} or {@code CHANGE}
 * @param html the HTML alternative of an e-mail; null for SMS
 * @param timeZone the region's zone, in which quiet hours are counted
 */
public record OutboundMessage(String key, Channel channel, String recipient, String jobId, String volunteerId,
        String organizerId, String kind, String subject, String text, String html, String timeZone) {

    public OutboundMessage {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(timeZone, "timeZone");
    }
}
