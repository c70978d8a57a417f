package org.fieldplan.api.messages;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;

import org.fieldplan.api.errors.ApiException;
import org.springframework.stereotype.Service;

/**
 * Volunteers saying "no more": an e-mail's signed unsubscribe link, an SMS reply such as STOP (the provider calls
 * the inbound endpoint with it), or an organizer recording what a volunteer told them. Every later message to that
 * address is {@code SUPPRESSED} by the sender, whichever producer queued it.
 */
@Service
public class OptOuts {

    /** The opt-out keywords SMS carriers and providers treat as such. */
    private static final Set<String> STOP_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");

    private final OptOutStore store;
    private final Unsubscribes unsubscribes;
    private final MessageProperties properties;

    public OptOuts(OptOutStore store, Unsubscribes unsubscribes, MessageProperties properties) {
        this.store = store;
        this.unsubscribes = unsubscribes;
        this.properties = properties;
    }

    /** @throws ApiException 400 naming {@code sig} when the link was not made for this address */
    public void unsubscribe(String address, String signature) {
        if (!unsubscribes.matches(address, signature)) {
            throw ApiException.invalid("sig", "does not match the address: use the link from the message as it is");
        }
        store.optOut(address, "unsubscribe-link");
    }

    /**
     * A reply the SMS provider passes on. @return whether it was an opt-out
     *
     * @throws ApiException 404 unless {@code secret} is the configured inbound secret
     */
    public boolean inboundSms(String secret, String from, String body) {
        String expected = properties.sms().inboundSecret();
        if (expected == null || expected.isBlank() || secret == null || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8))) {
            throw ApiException.notFound("inbound SMS endpoint", "(secret withheld)");
        }
        if (from == null || from.isBlank()) {
            throw ApiException.invalid("From", "is required");
        }
        boolean stop = body != null && STOP_WORDS.contains(body.strip().toUpperCase(Locale.ROOT));
        if (stop) {
            store.optOut(Addresses.phone("From", from), "sms-stop");
        }
        return stop;
    }

    /** What a volunteer told their organizer (an e-mail address or a phone number). */
    public String record(String address) {
        if (address == null || address.isBlank()) {
            throw ApiException.invalid("address", "is required");
        }
        String checked = address.contains("@") ? Addresses.email("address", address)
                : Addresses.phone("address", address);
        store.optOut(checked, "organizer");
        return checked;
    }
}
