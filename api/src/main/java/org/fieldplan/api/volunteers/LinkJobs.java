package org.fieldplan.api.volunteers;

import java.util.Optional;

/**
 * Which plan a volunteer's link opens. A link made on a region's live plan belongs to the volunteer of the region,
 * not to the job that served the live plan then: after a new publish it opens the new live plan.
 */
public interface LinkJobs {

    /** The job a link made on {@code jobId} opens now. */
    String currentJob(String jobId);

    /** The region whose live plan {@code jobId} served, if it ever did (the link's address names the region). */
    Optional<String> regionOf(String jobId);
}
