package org.fieldplan.api.accounts;

import java.time.Instant;

import org.fieldplan.api.security.Role;

/**
 * A person's access to the service, with one API key (kept only as a hash).
 *
 * @param organizerId for an {@link Role#ORGANIZER}: whose volunteers they may see; null otherwise
 * @param createdBy the actor who created it (see {@link org.fieldplan.api.security.Caller#actor()})
 * @param keyRotatedAt when the key was last replaced; null if never
 */
public record Account(String id, String name, Role role, String organizerId, boolean enabled, Instant createdAt,
        String createdBy, Instant keyRotatedAt) {
}
