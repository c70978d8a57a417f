package org.fieldplan.api.campaigns;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A campaign as stored: who asked for what, and the job of each region.
 *
 * @param submittedBy the actor who submitted it (the author of the live plan versions it publishes)
 * @param publish whether each region's plan becomes the region's live plan once its job is solved
 * @param regions one per region, in the order they were asked for
 */
public record Campaign(String id, String name, Instant createdAt, long solveSeconds, boolean publish,
        String submittedBy, List<Region> regions) {

    public Campaign {
        Objects.requireNonNull(id, "id");
        regions = List.copyOf(regions);
    }

    /** How far a region's live plan is: not asked for, waiting for the job, being published, done or failed. */
    public enum Publication {
        NONE, PENDING, PUBLISHING, PUBLISHED, FAILED
    }

    /**
     * One region of a campaign.
     *
     * @param liveVersion the live plan version published from the job, or null
     * @param publishError why publishing failed, or null
     */
    public record Region(String regionId, String jobId, Publication publication, Integer liveVersion,
            String publishError) {
    }
}
