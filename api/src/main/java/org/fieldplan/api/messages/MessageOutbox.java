package org.fieldplan.api.messages;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The durable outbox every producer enqueues into (a link, a change notice, …); {@link MessageSender}s on any instance
 * claim due rows under a lease, deliver them and record the outcome. Writes of a sender are conditional on its lease,
 * so an instance that lost a row to another (its lease ran out) cannot overwrite the other's outcome.
 */
public interface MessageOutbox {

    /** Stores the message unless one with its key exists. @return whether it was new */
    boolean enqueue(OutboundMessage message);

    /** Stores each message unless one with its key exists (a send-out's thousands at once). @return how many were new */
    default int enqueueAll(List<OutboundMessage> messages) {
        int fresh = 0;
        for (OutboundMessage message : messages) {
            fresh += enqueue(message) ? 1 : 0;
        }
        return fresh;
    }

    /** Up to {@code max} due messages, now {@code SENDING} under the owner's lease; a dead owner's rows included. */
    List<MessageRecord> claim(String owner, int max, Duration lease);

    /**
     * Extends the owner's lease on one claimed message, just before it is handed to its channel, so that a slow batch
     * never lets a message's lease run out while it waits its turn. @return false if the owner no longer holds it
     */
    boolean renew(long id, String owner, Duration lease);

    void markSent(long id, String owner);

    /**
     * Back to the queue until {@code at}.
     *
     * @param failedAttempt whether an attempt failed ({@code error} recorded, attempts + 1) or it was only deferred
     */
    void reschedule(long id, String owner, Instant at, boolean failedAttempt, String error);

    /** Ends without delivery: {@code FAILED} (attempts + 1) or {@code SUPPRESSED}. */
    void markFinal(long id, String owner, MessageStatus status, String error);

    /** The job's messages, newest first; only the organizer's volunteers' when {@code organizerId} is set. */
    List<MessageRecord> forJob(String jobId, String organizerId, int limit);

    Optional<MessageRecord> find(String key);

    /**
     * Each volunteer's newest message of the job, without its text (for the organizer's day board); only the
     * organizer's volunteers' when {@code organizerId} is set.
     */
    Map<String, MessageRecord> latestPerVolunteer(String jobId, String organizerId);
}
