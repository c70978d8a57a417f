package org.fieldplan.api.map;

import java.time.Instant;
import java.util.List;

import org.fieldplan.api.jobs.JobStatus;
import org.fieldplan.api.security.Role;

/**
 * What the map page needs before it can show anything: who the key belongs to, the base map (if any) and the jobs
 * the caller may open.
 *
 * @param organizerId the organizer whose volunteers an {@link Role#ORGANIZER} key sees; null for other roles
 * @param tiles the configured base map, or null for none
 * @param jobs regions' live plans first, then newest first; for an organizer only live plans with their volunteers
 */
public record MapContext(Role role, String organizerId, Tiles tiles, List<JobEntry> jobs) {

    /** A base-map tile layer. */
    public record Tiles(String url, String attribution) {
    }

    /**
     * A job as the page's job picker lists it.
     *
     * @param liveRegion the region whose live plan the job is, or null
     * @param regionId the stored region the job plans (its roads are the map's streets layer), or null for an inline
     *     problem
     */
    public record JobEntry(String id, String problemName, JobStatus status, Instant createdAt, boolean hasPlan,
            String liveRegion, String regionId) {
    }
}
