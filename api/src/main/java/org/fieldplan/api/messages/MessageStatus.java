package org.fieldplan.api.messages;

/**
 * Where a message is on its way: {@code QUEUED} (due at its next attempt), {@code SENDING} (claimed by a sender under
 * a lease), {@code SENT}, {@code FAILED} (after the last try), {@code SUPPRESSED} (the address opted out).
 */
public enum MessageStatus {
    QUEUED, SENDING, SENT, FAILED, SUPPRESSED;

    public boolean isFinal() {
        return this == SENT || this == FAILED || this == SUPPRESSED;
    }
}
