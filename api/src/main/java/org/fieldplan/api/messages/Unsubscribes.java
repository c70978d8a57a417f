package org.fieldplan.api.messages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.fieldplan.api.volunteers.LinkTokens;
import org.springframework.stereotype.Component;

/**
 * Signed one-click unsubscribe links: {@code /api/messages/unsubscribe?address=…&sig=…}, the signature an HMAC of the
 * address with the links' secret, so nobody can unsubscribe an address they were not sent.
 */
@Component
public class Unsubscribes {

    private static final String PURPOSE = "unsubscribe\n";

    private final LinkTokens tokens;
    private final PublicAddress publicAddress;

    public Unsubscribes(LinkTokens tokens, PublicAddress publicAddress) {
        this.tokens = tokens;
        this.publicAddress = publicAddress;
    }

    public String url(String address) {
        String normal = Addresses.normal(address);
        return publicAddress.base() + "/api/messages/unsubscribe?address=" + URLEncoder.encode(normal, StandardCharsets.UTF_8)
                + "&sig=" + tokens.sign(PURPOSE + normal);
    }

    public boolean matches(String address, String signature) {
        if (address == null || signature == null) {
            return false;
        }
        return MessageDigest.isEqual(tokens.sign(PURPOSE + Addresses.normal(address))
                .getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
    }
}
