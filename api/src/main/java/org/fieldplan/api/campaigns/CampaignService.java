package org.fieldplan.api.campaigns;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.fieldplan.api.campaigns.CampaignRequestReader.CampaignRequest;
import org.fieldplan.api.errors.ApiException;
import org.fieldplan.api.jobs.Job;
import org.fieldplan.api.jobs.JobService;
import org.fieldplan.api.security.Caller;
import org.springframework.stereotype.Service;

/**
 * Fans a campaign out into one ordinary job per region in the shared queue, so that any instance claims them with
 * the same leases and takeover as any job, and reports the campaign from its jobs' shared records (any instance
 * answers for any campaign). Publishing the regions' live plans is {@link CampaignPublisher}'s.
 */
@Service
public class CampaignService {

    private final CampaignRequestReader reader;
    private final JobService jobs;
    private final CampaignStore store;
    private final Clock clock;

    public CampaignService(CampaignRequestReader reader, JobService jobs, CampaignStore store, Clock clock) {
        this.reader = reader;
        this.jobs = jobs;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Checks the request, then (if the cluster has a solver or queue place for every region, else 429) builds each
     * region's problem and queues its job, one region at a time; the campaign is stored once all are queued (a
     * region refused on the way terminates those queued before it).
     *
     * @throws ApiException 400 naming the wrong field, 429 when the places are too few
     */
    public CampaignView submit(String body, Caller caller) {
        CampaignRequest request = reader.read(body);
        List<String> regionIds = request.regionIds();
        List<Job> queued = jobs.submitAll(reader.submissions(request));
        Campaign.Publication publication = request.publish() ? Campaign.Publication.PENDING
                : Campaign.Publication.NONE;
        List<Campaign.Region> regions = new ArrayList<>();
        for (int i = 0; i < regionIds.size(); i++) {
            regions.add(new Campaign.Region(regionIds.get(i), queued.get(i).getId(), publication, null, null));
        }
        Campaign campaign = new Campaign(UUID.randomUUID().toString(), request.name(), clock.instant(),
                queued.get(0).getSolveTime().toSeconds(), request.publish(), caller.actor(), regions);
        store.insert(campaign);
        return view(campaign);
    }

    /** @throws ApiException 404 when there is no such campaign */
    public CampaignView get(String campaignId) {
        return view(store.find(campaignId).orElseThrow(() -> ApiException.notFound("campaign", campaignId)));
    }

    /** Every campaign, newest first. */
    public List<CampaignView> all() {
        return store.all().stream().map(this::view).toList();
    }

    private CampaignView view(Campaign campaign) {
        List<Job> regionJobs = campaign.regions().stream().map(region -> jobs.get(region.jobId())).toList();
        return CampaignView.of(campaign, regionJobs, clock.instant());
    }
}
