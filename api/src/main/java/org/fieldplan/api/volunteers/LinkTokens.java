package org.fieldplan.api.volunteers;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.fieldplan.api.accounts.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Link tokens: {@code <link id>.<HMAC-SHA256 over id, job, volunteer and expiry>}, base64url. The id (128 random
 * bits) finds the stored link, which says whether it is revoked; the signature makes a token that was altered, or
 * forged from a stolen copy of the link table, worthless without the secret.
 */
@Component
public class LinkTokens {

    private static final Logger LOG = LoggerFactory.getLogger(LinkTokens.class);
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public LinkTokens(LinkProperties properties) {
        String secret = properties.secret();
        if (secret == null || secret.isBlank()) {
            LOG.warn("fieldplan.links.secret (FIELDPLAN_LINK_SECRET) is not set: volunteers' links are signed with a "
                    + "random key and stop working when this instance restarts");
            secret = Secrets.random(32);
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String tokenFor(VolunteerLink link) {
        return link.id() + "." + signature(link);
    }

    /** The link id the token names, if its shape is right (the signature is checked by {@link #matches}). */
    public Optional<String> linkId(String token) {
        int dot = token.indexOf('.');
        return dot > 0 && dot == token.lastIndexOf('.') ? Optional.of(token.substring(0, dot)) : Optional.empty();
    }

    /** Whether the token is exactly the one made for this stored link, compared in constant time. */
    public boolean matches(String token, VolunteerLink link) {
        return MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                tokenFor(link).getBytes(StandardCharsets.UTF_8));
    }

    private String signature(VolunteerLink link) {
        return sign(String.join("\n", link.id(), link.jobId(), link.volunteerId(),
                Long.toString(link.expiresAt().getEpochSecond())));
    }

    /**
     * HMAC-SHA256 of {@code signed} with the links' secret, base64url: also signs other one-click links sent to
     * volunteers (unsubscribe), whose text must start with a purpose of its own so no signature serves two uses.
     */
    public String sign(String signed) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has " + ALGORITHM, e);
        }
    }
}
