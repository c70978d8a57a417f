package org.fieldplan.data.live;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Regions' live plans: the numbered versions of each (the newest is the live one) and the organizers' locks and
 * notes on its shifts. {@link InMemoryLivePlanStore} and {@link PostgisLivePlanStore} pass the same contract tests.
 */
public interface LivePlanStore {

    /**
     * Appends a version to the region's live plan, numbered one after the newest, if the newest is still
     * {@code expectedLatest} (0 = none yet): two changes made from the same version cannot both land.
     *
     * @return the stored version with its number; empty when another version was appended since
     */
    Optional<LiveVersion> append(LiveVersion version, int expectedLatest);

    /** The region's newest version: the live plan. */
    Optional<LiveVersion> latest(String regionId);

    Optional<LiveVersion> version(String regionId, int number);

    /**
     * The region's newest version read without its assignments (an empty list): which change it was and which job
     * serves it, cheap enough to ask for every request and every event tick.
     */
    Optional<LiveVersion> head(String regionId);

    /** The job of the region's newest version (for routing every request). */
    default Optional<String> liveJobId(String regionId) {
        return head(regionId).map(LiveVersion::jobId);
    }

    /** Every version of the region, oldest first. */
    List<LiveVersion> versions(String regionId);

    /** Every region's live job: the job of its newest version, by region id. */
    Map<String, String> liveJobIds();

    /** The region whose live plan the job served (at any version), if any. */
    Optional<String> regionOfJob(String jobId);

    /** Locks the shift (again: the latest lock's actor and time win). */
    void lock(ShiftFact lock);

    /** @return false when the shift was not locked */
    boolean unlock(String regionId, String volunteerId, String slotId);

    List<ShiftFact> locks(String regionId);

    /** Sets the shift's note (replacing an earlier one); a blank text removes it. */
    void note(ShiftFact note);

    List<ShiftFact> notes(String regionId);
}
