package org.fieldplan.api.campaigns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fieldplan.api.campaigns.Campaign.Publication;

/** Campaigns in the heap: one instance, lost at a restart (as its jobs are). */
public class InMemoryCampaignStore implements CampaignStore {

    private final Map<String, Campaign> campaigns = new HashMap<>();
    /** Claims of publications under way: "campaign/region" → until when. */
    private final Map<String, Instant> claims = new HashMap<>();
    private final Clock clock;

    public InMemoryCampaignStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void insert(Campaign campaign) {
        campaigns.put(campaign.id(), campaign);
    }

    @Override
    public synchronized Optional<Campaign> find(String id) {
        return Optional.ofNullable(campaigns.get(id));
    }

    @Override
    public synchronized List<Campaign> all() {
        return campaigns.values().stream().sorted(Comparator.comparing(Campaign::createdAt).reversed()).toList();
    }

    @Override
    public synchronized List<PendingPublication> pendingPublications() {
        Instant now = clock.instant();
        List<PendingPublication> pending = new ArrayList<>();
        for (Campaign campaign : campaigns.values()) {
            for (Campaign.Region region : campaign.regions()) {
                Instant claimedUntil = claims.get(key(campaign.id(), region.regionId()));
                if (region.publication() == Publication.PENDING || region.publication() == Publication.PUBLISHING
                        && (claimedUntil == null || claimedUntil.isBefore(now))) {
                    pending.add(new PendingPublication(campaign.id(), region.regionId(), region.jobId(),
                            campaign.submittedBy()));
                }
            }
        }
        return pending;
    }

    @Override
    public synchronized boolean claimPublication(String campaignId, String regionId, Duration lease) {
        boolean pending = pendingPublications().stream()
                .anyMatch(p -> p.campaignId().equals(campaignId) && p.regionId().equals(regionId));
        if (pending) {
            claims.put(key(campaignId, regionId), clock.instant().plus(lease));
            replace(campaignId, regionId, Publication.PUBLISHING, null, null);
        }
        return pending;
    }

    @Override
    public synchronized void renewPublication(String campaignId, String regionId, Duration lease) {
        claims.computeIfPresent(key(campaignId, regionId), (k, until) -> clock.instant().plus(lease));
    }

    @Override
    public synchronized void publicationEnded(String campaignId, String regionId, Integer liveVersion,
            String error) {
        claims.remove(key(campaignId, regionId));
        replace(campaignId, regionId, error == null ? Publication.PUBLISHED : Publication.FAILED, liveVersion, error);
    }

    @Override
    public synchronized void publicationPostponed(String campaignId, String regionId) {
        claims.remove(key(campaignId, regionId));
        replace(campaignId, regionId, Publication.PENDING, null, null);
    }

    private void replace(String campaignId, String regionId, Publication publication, Integer version,
            String error) {
        Campaign campaign = campaigns.get(campaignId);
        List<Campaign.Region> regions = campaign.regions().stream().map(r -> r.regionId().equals(regionId)
                ? new Campaign.Region(r.regionId(), r.jobId(), publication, version, error) : r).toList();
        campaigns.put(campaignId, new Campaign(campaign.id(), campaign.name(), campaign.createdAt(),
                campaign.solveSeconds(), campaign.publish(), campaign.submittedBy(), regions));
    }

    private static String key(String campaignId, String regionId) {
        return campaignId + "/" + regionId;
    }
}
