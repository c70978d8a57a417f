package org.fieldplan.data.live;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.fieldplan.domain.Assignment;

/**
 * One numbered version of a region's live plan: the plan's assignments as they stood after the change, which job
 * serves them, and who made the change and why.
 *
 * @param number 1 for the first publish, then one more for every change
 * @param jobId the job whose plan is the live plan from this version on
 * @param kind what kind of change: {@code publish}, {@code repair}, {@code organizer}, {@code volunteer},
 *     {@code restore}, {@code undo}
 * @param actor who: an account id, {@code bootstrap-<role>} or {@code volunteer:<id>}
 * @param organizerId the organizer who made the change, or null (undo looks for an organizer's own last action)
 * @param reason the change in words
 */
public record LiveVersion(String regionId, int number, String jobId, String kind, String actor, String organizerId,
        String reason, Instant at, List<Assignment> assignments) {

    public LiveVersion {
        Objects.requireNonNull(regionId, "regionId");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        assignments = List.copyOf(assignments);
    }

    /** The same version with an empty list of assignments (a store's {@code head}). */
    public LiveVersion withoutAssignments() {
        return new LiveVersion(regionId, number, jobId, kind, actor, organizerId, reason, at, List.of());
    }

    /** The same version under another number (the store numbers versions as it appends them). */
    public LiveVersion numbered(int newNumber) {
        return new LiveVersion(regionId, newNumber, jobId, kind, actor, organizerId, reason, at, assignments);
    }
}
