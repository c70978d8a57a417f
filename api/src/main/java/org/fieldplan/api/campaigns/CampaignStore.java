package org.fieldplan.api.campaigns;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where campaigns are kept: in memory (one instance), or in PostGIS beside the job queue so that every instance
 * reports and publishes any campaign.
 */
public interface CampaignStore {

    void insert(Campaign campaign);

    Optional<Campaign> find(String id);

    /** Every campaign, newest first. */
    List<Campaign> all();

    /**
     * Regions whose live plan is still to be published: {@code PENDING}, or {@code PUBLISHING} by an instance whose
     * claim has run out (it stopped mid-publication).
     */
    List<PendingPublication> pendingPublications();

    /**
     * Claims a pending publication for {@code lease}; two instances never both win it.
     *
     * @return whether this caller won it
     */
    boolean claimPublication(String campaignId, String regionId, Duration lease);

    /** Extends a publication this caller holds by {@code lease} from now, while it is still being published. */
    void renewPublication(String campaignId, String regionId, Duration lease);

    /** Records the outcome of a claimed publication: the version published, or the error. */
    void publicationEnded(String campaignId, String regionId, Integer liveVersion, String error);

    /** Gives a claimed publication back as pending, to be tried again (by any instance) in a later round. */
    void publicationPostponed(String campaignId, String regionId);

    /** A region whose plan is to be published once its job is solved. */
    record PendingPublication(String campaignId, String regionId, String jobId, String submittedBy) {
    }
}
