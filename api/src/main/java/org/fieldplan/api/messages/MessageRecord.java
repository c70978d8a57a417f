package org.fieldplan.api.messages;

import java.time.Instant;

/**
 * A message as the outbox keeps it: what to send and how far it got.
 *
 * @param attempts delivery attempts so far (a deferral for quiet hours is not one)
 * @param lastError the channel's last refusal, e.g. the SMTP server's answer
 * @param sentBy the sender that delivered it: {@code <instance id>/<thread>}
 */
public record MessageRecord(long id, OutboundMessage message, MessageStatus status, int attempts, String lastError,
        Instant createdAt, Instant nextAttemptAt, Instant sentAt, String sentBy) {
}
