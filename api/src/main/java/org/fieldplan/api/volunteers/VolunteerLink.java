package org.fieldplan.api.volunteers;

import java.time.Instant;

/**
 * A volunteer's personal link to their own shifts in one job: no account, no password. The token in the link is
 * this row's id with a signature over the id, job, volunteer and expiry ({@link LinkTokens}).
 *
 * @param revokedAt null while the link works
 * @param createdBy the actor who made it
 */
public record VolunteerLink(String id, String jobId, String volunteerId, String organizerId, Instant expiresAt,
        Instant revokedAt, Instant createdAt, String createdBy) {

    public boolean worksAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
