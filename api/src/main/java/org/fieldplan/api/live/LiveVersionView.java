package org.fieldplan.api.live;

import java.time.Instant;

import org.fieldplan.data.live.LiveDiff;
import org.fieldplan.data.live.LiveVersion;

/**
 * A version of a live plan as the API shows it: who, why, when, and what changed from the version before (the
 * assignments themselves are on the sheets).
 *
 * @param assignedShifts how many shifts the version sends out
 */
public record LiveVersionView(String regionId, int number, String jobId, String kind, String actor,
        String organizerId, String reason, Instant at, int assignedShifts, LiveDiff diff) {

    static LiveVersionView of(LiveVersion version, LiveDiff diff) {
        return new LiveVersionView(version.regionId(), version.number(), version.jobId(), version.kind(),
                version.actor(), version.organizerId(), version.reason(), version.at(),
                version.assignments().size(), diff);
    }
}
