package org.fieldplan.api.campaigns;

import java.time.Duration;

import org.fieldplan.api.jobs.Job;
import org.fieldplan.api.jobs.JobService;
import org.fieldplan.api.live.LivePlans;
import org.fieldplan.api.security.Caller;
import org.fieldplan.api.security.Role;
import org.fieldplan.data.live.LiveVersion;
import org.fieldplan.api.config.FixedDelayRounds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Publishes the live plan of each region of a campaign asked to ({@code publish: true}) once the region's job has
 * ended with a plan, as {@code POST /api/regions/{region}/live} would, in the name of whoever submitted the campaign.
 * It runs on every instance; a region's publication is claimed first (a conditional update in the shared store), so
 * it is published once, and a claim that runs out (its instance stopped mid-publication) is taken up again.
 */
@Component
public class CampaignPublisher implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignPublisher.class);
    private static final long POLL_MILLIS = 1_000;
    /** Longer than a publication takes (a copy of the plan and its carry-over), short enough to retry soon. */
    private static final Duration CLAIM = Duration.ofMinutes(2);

    private final CampaignStore store;
    private final JobService jobs;
    private final LivePlans live;
    private final FixedDelayRounds rounds = new FixedDelayRounds("campaign-publisher", POLL_MILLIS,
            this::publishQuietly);

    public CampaignPublisher(CampaignStore store, JobService jobs, LivePlans live) {
        this.store = store;
        this.jobs = jobs;
        this.live = live;
    }

    /** One round: publishes every pending region whose job has ended. */
    void publishEnded() {
        for (CampaignStore.PendingPublication pending : store.pendingPublications()) {
            Job job = jobs.get(pending.jobId());
            if (job.getStatus().isActive()
                    || !store.claimPublication(pending.campaignId(), pending.regionId(), CLAIM)) {
                continue;
            }
            try {
                if (job.getBestSummary() == null) {
                    throw new IllegalStateException("job " + job.getId() + " ended " + job.getStatus()
                            + " without a plan" + (job.getError() == null ? "" : ": " + job.getError()));
                }
                LiveVersion version = live.publish(pending.regionId(), job.getId(), new Caller(Role.STRATEGIST, null,
                        pending.submittedBy(), null, null));
                store.publicationEnded(pending.campaignId(), pending.regionId(), version.number(), null);
                LOG.info("Campaign {}: published the live plan of {} from job {} (version {})", pending.campaignId(),
                        pending.regionId(), job.getId(), version.number());
            } catch (RuntimeException e) {
                store.publicationEnded(pending.campaignId(), pending.regionId(), null, e.getMessage());
                LOG.warn("Campaign {}: the live plan of {} was not published: {}", pending.campaignId(),
                        pending.regionId(), e.toString());
            }
        }
    }

    private void publishQuietly() {
        try {
            publishEnded();
        } catch (RuntimeException e) {
            LOG.warn("Campaign plans not published this round: {}", e.toString());
        }
    }

    @Override
    public void start() {
        rounds.start();
    }

    @Override
    public void stop() {
        rounds.stop();
    }

    @Override
    public boolean isRunning() {
        return rounds.isRunning();
    }
}
