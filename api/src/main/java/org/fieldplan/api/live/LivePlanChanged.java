package org.fieldplan.api.live;

import org.fieldplan.api.jobs.Job;
import org.fieldplan.data.live.LiveDiff;
import org.fieldplan.data.live.LiveVersion;

/**
 * A new version of a region's live plan was stored (published in this instance, after the store took it).
 *
 * @param previous the version before; null for the region's first publish
 * @param job the live job serving {@code version}, its best plan being the version's assignments
 */
public record LivePlanChanged(LiveVersion version, LiveVersion previous, Job job) {

    /** What this version changed, shift by shift (from nothing for the first). */
    public LiveDiff diff() {
        return LiveDiff.between(previous == null ? java.util.List.of() : previous.assignments(), version.assignments());
    }
}
