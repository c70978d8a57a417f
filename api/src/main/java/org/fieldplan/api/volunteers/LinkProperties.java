package org.fieldplan.api.volunteers;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Volunteers' personal links ({@code fieldplan.links.*}).
 *
 * @param secret the HMAC key that signs link tokens; blank: a random one per start (links then stop working at a
 *     restart, and several instances cannot check each other's links: set it with PostGIS)
 * @param validDays a new link works this long unless the organizer names an earlier end
 * @param maxValidDays the longest an organizer may make a link work
 * @param baseUrl where the service is reached from outside, for links sent by e-mail; blank: the address of the
 *     request that made the link
 * @param mailFrom the sender of link e-mails
 */
@ConfigurationProperties("fieldplan.links")
public record LinkProperties(String secret, @DefaultValue("14") int validDays, @DefaultValue("90") int maxValidDays,
        String baseUrl, @DefaultValue("fieldplan@localhost") String mailFrom) {
}
