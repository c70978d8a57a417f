package org.fieldplan.api.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The API keys, from configuration ({@code fieldplan.security.keys[i].key/role/organizer-id}), normally filled from
 * the environment. A key left blank grants nothing, so an unset environment variable cannot open the service.
 */
@ConfigurationProperties("fieldplan.security")
public record ApiKeyProperties(@DefaultValue List<Key> keys) {

    /**
     * @param organizerId required for {@link Role#ORGANIZER} keys: whose volunteers the key may see
     */
    public record Key(String key, Role role, String organizerId) {
    }
}
