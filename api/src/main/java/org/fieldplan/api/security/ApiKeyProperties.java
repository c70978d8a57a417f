package org.fieldplan.api.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bootstrap API keys from configuration ({@code fieldplan.security.keys[i].key/role/organizer-id}), normally filled
 * from the environment; accounts created over the API are the usual way. A key left blank grants nothing, so an
 * unset environment variable cannot open the service.
 *
 * @param maxFailedAttempts credentials (API keys, volunteer links) that may fail from one client address within
 *     {@code failureWindowSeconds}; beyond that its wrong credentials get 429 until the window ends (valid ones
 *     are still accepted)
 */
@ConfigurationProperties("fieldplan.security")
public record ApiKeyProperties(@DefaultValue List<Key> keys, @DefaultValue("20") int maxFailedAttempts,
        @DefaultValue("60") int failureWindowSeconds) {

    /**
     * @param organizerId required for {@link Role#ORGANIZER} keys: whose volunteers the key may see
     */
    public record Key(String key, Role role, String organizerId) {
    }
}
