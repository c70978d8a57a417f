package org.fieldplan.data.live;

import java.time.Instant;
import java.util.Objects;

/**
 * What an organizer said about one shift of a region's live plan (a volunteer in a slot), kept with the region so
 * that it outlives every re-publish: a lock (no solve or repair moves the shift) or a note the team sees.
 *
 * @param text the note's text; null for a lock
 * @param organizerId the organizer who set it, or null for a strategist or admin
 */
public record ShiftFact(String regionId, String volunteerId, String slotId, String text, String actor,
        String organizerId, Instant at) {

    public ShiftFact {
        Objects.requireNonNull(regionId, "regionId");
        Objects.requireNonNull(volunteerId, "volunteerId");
        Objects.requireNonNull(slotId, "slotId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
    }

    /** {@code volunteerId@slotId}, like a shift's id. */
    public String shiftKey() {
        return volunteerId + "@" + slotId;
    }
}
