package org.fieldplan.api.messages;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Messages to volunteers ({@code fieldplan.messages.*}); e-mails come from {@code fieldplan.links.mail-from}.
 *
 * @param senderEnabled whether this instance delivers from the outbox (every instance may; they share the rows)
 * @param threads delivery threads per instance, each claiming its own batches
 * @param pollMillis how often an idle sender looks for due messages
 * @param batchSize messages claimed at once
 * @param leaseMillis a claimed message is due again this long after its claim if not delivered (a dead instance)
 * @param maxAttempts a message is {@code FAILED} after this many failed attempts
 * @param backoffMillis the wait after the first failed attempt, doubled after each further one
 * @param quietStart no message leaves between this local time (in the region's zone) …
 * @param quietEnd … and this one; equal times: no quiet hours
 * @param publicUrl the service's outside address, for unsubscribe links; blank: {@code fieldplan.links.base-url}
 * @param organizerContacts what a volunteer is told to reach their organizer by, per organizer id
 * @param reminders when volunteers are reminded of their shifts on the live plan
 */
@ConfigurationProperties("fieldplan.messages")
public record MessageProperties(@DefaultValue("true") boolean senderEnabled, @DefaultValue("4") int threads,
        @DefaultValue("500") long pollMillis,
        @DefaultValue("50") int batchSize, @DefaultValue("30000") long leaseMillis,
        @DefaultValue("6") int maxAttempts, @DefaultValue("2000") long backoffMillis,
        @DefaultValue("21:00") LocalTime quietStart, @DefaultValue("08:00") LocalTime quietEnd,
        String publicUrl,
        @DefaultValue Map<String, String> organizerContacts, @DefaultValue Sms sms,
        @DefaultValue Reminders reminders) {

    /**
     * Reminders of each shift on a live plan, in the region's local time.
     *
     * @param dayBeforeAt the day before a shift, from this local time on (null: no day-before reminder)
     * @param before this long before a shift starts (zero: no such reminder)
     * @param scanEvery how often the live plans are looked through for reminders that are due (on one instance)
     */
    public record Reminders(@DefaultValue("true") boolean enabled, @DefaultValue("18:00") LocalTime dayBeforeAt,
            @DefaultValue("PT2H") Duration before, @DefaultValue("PT1M") Duration scanEvery) {
    }

    /**
     * The SMS provider ("form POST with account id and token", Basic auth).
     *
     * @param inboundSecret the provider calls {@code POST /api/messages/sms/inbound/<secret>} with each reply (STOP)
     */
    public record Sms(String baseUrl, String accountId, String token, @DefaultValue("FieldPlan") String from,
            String inboundSecret) {
    }

    /** The organizer's contact line, or a general one. */
    public String organizerContact(String organizerId) {
        String contact = organizerId == null ? null : organizerContacts.get(organizerId);
        return contact == null || contact.isBlank() ? "reply to this message" : contact;
    }
}
