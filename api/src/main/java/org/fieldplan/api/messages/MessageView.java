package org.fieldplan.api.messages;

import java.time.Instant;

/**
 * A message's delivery status as the organizer sees it (without its text, which holds the volunteer's link).
 *
 * @param status QUEUED, SENDING, SENT, FAILED (after {@code attempts} tries) or SUPPRESSED (opted out)
 * @param nextAttemptAt when a queued message is tried (after a failure: the back-off; in quiet hours: their end)
 */
public record MessageView(String key, String kind, Channel channel, String recipient, String volunteerId,
        MessageStatus status, int attempts, String lastError, Instant createdAt, Instant nextAttemptAt, Instant sentAt) {

    public static MessageView of(MessageRecord r) {
        OutboundMessage m = r.message();
        return new MessageView(m.key(), m.kind(), m.channel(), m.recipient(), m.volunteerId(), r.status(),
                r.attempts(), r.lastError(), r.createdAt(), r.status() == MessageStatus.QUEUED ? r.nextAttemptAt()
                        : null, r.sentAt());
    }
}
