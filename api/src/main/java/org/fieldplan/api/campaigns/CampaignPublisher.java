package org.fieldplan.api.campaigns;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.fieldplan.api.jobs.Job;
import org.fieldplan.api.jobs.JobService;
import org.fieldplan.api.live.LivePlans;
import org.fieldplan.api.security.Caller;
import org.fieldplan.api.security.Role;
import org.fieldplan.data.live.LiveVersion;
import org.fieldplan.api.config.FixedDelayRounds;
import org.fieldplan.api.errors.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Publishes the live plan of each region of a campaign asked to ({@code publish: true}) once the region's job has
 * ended with a plan, as {@code POST /api/regions/{region}/live} would, in the name of whoever submitted the campaign.
 * It runs on every instance; a region's publication is claimed first (a conditional update in the shared store), so
 * it is published once: the claim is renewed while the publication runs (a large plan's copy can outlast the claim on
 * a loaded machine), and a claim that runs out (its instance stopped mid-publication) is taken up again. A
 * conflict (409: the region's live plan changed meanwhile, e.g. on another instance) is no failure: the publication
 * reads the live plan again and tries again, up to {@value #ATTEMPTS_PER_ROUND} times at once, then in the next rounds;
 * only a conflict that lasts {@value #CONFLICTED_ROUNDS_BEFORE_FAILING} rounds, or another error, marks it failed.
 */
@Component
public class CampaignPublisher implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignPublisher.class);
    private static final long POLL_MILLIS = 1_000;
    /** How long a publication is held without renewal: after its instance stopped, it is taken up again this soon. */
    private static final Duration CLAIM = Duration.ofMinutes(2);
    static final int ATTEMPTS_PER_ROUND = 3;
    static final int CONFLICTED_ROUNDS_BEFORE_FAILING = 10;

    /** How a region's plan goes live ({@link LivePlans#publish}). */
    @FunctionalInterface
    interface Publishing {
        LiveVersion publish(String regionId, String jobId, Caller caller);
    }

    private final CampaignStore store;
    private final JobService jobs;
    private final Publishing live;
    private final Duration claim;
    /** Renews the claims of publications under way (one daemon thread). */
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "campaign-claim-renewal");
        thread.setDaemon(true);
        return thread;
    });
    /** Rounds in which a region's publication met only conflicts, here: "campaign/region" → rounds. */
    private final Map<String, Integer> conflictedRounds = new ConcurrentHashMap<>();
    private final FixedDelayRounds rounds = new FixedDelayRounds("campaign-publisher", POLL_MILLIS,
            this::publishQuietly);

    @Autowired
    public CampaignPublisher(CampaignStore store, JobService jobs, LivePlans live) {
        this(store, jobs, live::publish);
    }

    CampaignPublisher(CampaignStore store, JobService jobs, Publishing live) {
        this(store, jobs, live, CLAIM);
    }

    CampaignPublisher(CampaignStore store, JobService jobs, Publishing live, Duration claim) {
        this.store = store;
        this.jobs = jobs;
        this.live = live;
        this.claim = claim;
    }

    /** One round: publishes every pending region whose job has ended. */
    void publishEnded() {
        for (CampaignStore.PendingPublication pending : store.pendingPublications()) {
            Job job = jobs.get(pending.jobId());
            if (job.getStatus().isActive()
                    || !store.claimPublication(pending.campaignId(), pending.regionId(), claim)) {
                continue;
            }
            long every = Math.max(1, claim.toMillis() / 3);
            ScheduledFuture<?> renewal = renewals.scheduleWithFixedDelay(
                    () -> renewQuietly(pending), every, every, TimeUnit.MILLISECONDS);
            try {
                if (job.getBestSummary() == null) {
                    throw new IllegalStateException("job " + job.getId() + " ended " + job.getStatus()
                            + " without a plan" + (job.getError() == null ? "" : ": " + job.getError()));
                }
                publish(pending, job);
            } catch (RuntimeException e) {
                conflictedRounds.remove(key(pending));
                store.publicationEnded(pending.campaignId(), pending.regionId(), null, e.getMessage());
                LOG.warn("Campaign {}: the live plan of {} was not published: {}", pending.campaignId(),
                        pending.regionId(), e.toString());
            } finally {
                renewal.cancel(false);
            }
        }
    }

    private void renewQuietly(CampaignStore.PendingPublication pending) {
        try {
            store.renewPublication(pending.campaignId(), pending.regionId(), claim);
        } catch (RuntimeException e) {
            LOG.warn("Campaign {}: the claim on publishing {} was not renewed: {}", pending.campaignId(),
                    pending.regionId(), e.toString());
        }
    }

    /**
     * Publishes the region's plan, each attempt reading the live plan afresh; after {@link #ATTEMPTS_PER_ROUND}
     * conflicts the publication waits for the next round (given back as pending, for any instance).
     *
     * @throws RuntimeException an error that is no conflict, or a conflict that outlasted its rounds
     */
    private void publish(CampaignStore.PendingPublication pending, Job job) {
        Caller submitter = new Caller(Role.STRATEGIST, null, pending.submittedBy(), null, null);
        for (int attempt = 1; ; attempt++) {
            try {
                LiveVersion version = live.publish(pending.regionId(), job.getId(), submitter);
                store.publicationEnded(pending.campaignId(), pending.regionId(), version.number(), null);
                conflictedRounds.remove(key(pending));
                LOG.info("Campaign {}: published the live plan of {} from job {} (version {})",
                        pending.campaignId(), pending.regionId(), job.getId(), version.number());
                return;
            } catch (ApiException e) {
                if (e.getStatus() != HttpStatus.CONFLICT) {
                    throw e;
                }
                if (attempt < ATTEMPTS_PER_ROUND) {
                    LOG.info("Campaign {}: publishing {} met a conflict ({}); trying again", pending.campaignId(),
                            pending.regionId(), e.getMessage());
                    continue;
                }
                if (conflictedRounds.merge(key(pending), 1, Integer::sum) >= CONFLICTED_ROUNDS_BEFORE_FAILING) {
                    throw e;
                }
                store.publicationPostponed(pending.campaignId(), pending.regionId());
                LOG.info("Campaign {}: publishing {} met {} conflicts; trying again next round", pending.campaignId(),
                        pending.regionId(), attempt);
                return;
            }
        }
    }

    private static String key(CampaignStore.PendingPublication pending) {
        return pending.campaignId() + "/" + pending.regionId();
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
