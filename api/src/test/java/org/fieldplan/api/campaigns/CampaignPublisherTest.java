package org.fieldplan.api.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.fieldplan.api.errors.ApiException;
import org.fieldplan.api.jobs.Job;
import org.fieldplan.api.jobs.JobService;
import org.fieldplan.api.jobs.JobSubmission;
import org.fieldplan.api.live.LivePlans;
import org.fieldplan.api.security.Caller;
import org.fieldplan.data.io.ProblemJson;
import org.fieldplan.data.live.LiveVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The campaign publisher tries a publication again when the region's live plan changed meanwhile (the 409 conflict
 * {@link LivePlans#publish} answers when another writer, e.g. another instance, appended a version between its read
 * and its write), at once and then in later rounds, and marks it failed only on another error or a conflict that
 * outlasts its rounds. The service's own publisher is paused; a publisher whose publication meets the stated
 * conflicts first runs the rounds on the real stores and live plans.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignPublisherTest {

    @Autowired
    JobService jobs;

    @Autowired
    CampaignStore store;

    @Autowired
    LivePlans live;

    @Autowired
    CampaignPublisher servicePublisher;

    private String jobId;

    @BeforeAll
    void solveAJob() throws InterruptedException {
        servicePublisher.stop();
        Job job = jobs.submit(new JobSubmission(ProblemJson.read(Path.of("../docs/examples/problem-small.json")),
                null, Duration.ofSeconds(1)));
        jobId = job.getId();
        Instant deadline = Instant.now().plusSeconds(60);
        while (jobs.get(jobId).getStatus().isActive() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(jobs.get(jobId).getStatus().isActive()).as("the job ended").isFalse();
    }

    @AfterAll
    void resumeTheServicesPublisher() {
        servicePublisher.start();
    }

    /** A publication of a new region of its own; its publisher meets {@code conflicts} conflicts, then publishes. */
    private final class Round {
        final String campaignId = UUID.randomUUID().toString();
        final String regionId = "retry-" + campaignId.substring(0, 8);
        final AtomicInteger attempts = new AtomicInteger();
        final CampaignPublisher publisher;

        Round(int conflicts, RuntimeException otherwise) {
            store.insert(new Campaign(campaignId, "retries", Instant.now(), 1, true, "strategist",
                    List.of(new Campaign.Region(regionId, jobId, Campaign.Publication.PENDING, null, null))));
            publisher = new CampaignPublisher(store, jobs, (region, job, caller) -> publish(region, job, caller,
                    conflicts, otherwise));
        }

        private LiveVersion publish(String region, String job, Caller caller, int conflicts,
                RuntimeException otherwise) {
            if (!region.equals(regionId)) {
                return live.publish(region, job, caller);
            }
            if (attempts.incrementAndGet() <= conflicts) {
                throw ApiException.conflict("the live plan of " + region + " changed meanwhile (on another "
                        + "instance); send the change again");
            }
            if (otherwise != null) {
                throw otherwise;
            }
            return live.publish(region, job, caller);
        }

        Campaign.Region region() {
            return store.find(campaignId).orElseThrow().regions().get(0);
        }
    }

    @Test
    void aConflictIsTriedAgainAtOnceAndThePlanPublished() {
        Round round = new Round(CampaignPublisher.ATTEMPTS_PER_ROUND - 1, null);

        round.publisher.publishEnded();

        assertThat(round.attempts).hasValue(CampaignPublisher.ATTEMPTS_PER_ROUND);
        assertThat(round.region().publication()).isEqualTo(Campaign.Publication.PUBLISHED);
        assertThat(round.region().liveVersion()).isEqualTo(1);
        assertThat(round.region().publishError()).isNull();
        assertThat(live.versions(round.regionId)).singleElement()
                .satisfies(version -> assertThat(version.reason()).contains(jobId));
    }

    @Test
    void conflictsThroughARoundLeaveThePublicationPendingForTheNext() {
        Round round = new Round(CampaignPublisher.ATTEMPTS_PER_ROUND, null);

        round.publisher.publishEnded();
        assertThat(round.region().publication()).isEqualTo(Campaign.Publication.PENDING);
        assertThat(round.region().publishError()).isNull();

        round.publisher.publishEnded();
        assertThat(round.attempts).hasValue(CampaignPublisher.ATTEMPTS_PER_ROUND + 1);
        assertThat(round.region().publication()).isEqualTo(Campaign.Publication.PUBLISHED);
        assertThat(round.region().liveVersion()).isEqualTo(1);
    }

    @Test
    void aConflictThatOutlastsItsRoundsFailsThePublication() {
        Round round = new Round(Integer.MAX_VALUE, null);

        for (int i = 1; i < CampaignPublisher.CONFLICTED_ROUNDS_BEFORE_FAILING; i++) {
            round.publisher.publishEnded();
            assertThat(round.region().publication()).isEqualTo(Campaign.Publication.PENDING);
        }
        round.publisher.publishEnded();

        assertThat(round.region().publication()).isEqualTo(Campaign.Publication.FAILED);
        assertThat(round.region().publishError()).contains("changed meanwhile");
        assertThat(round.attempts).hasValue(CampaignPublisher.ATTEMPTS_PER_ROUND
                * CampaignPublisher.CONFLICTED_ROUNDS_BEFORE_FAILING);
    }

    @Test
    void anErrorThatIsNoConflictFailsThePublicationAtOnce() {
        Round round = new Round(0, ApiException.invalid("regionId", "is not a valid region id"));

        round.publisher.publishEnded();

        assertThat(round.attempts).hasValue(1);
        assertThat(round.region().publication()).isEqualTo(Campaign.Publication.FAILED);
        assertThat(round.region().publishError()).contains("error");
    }

    @Test
    void aPublicationThatOutlastsItsClaimIsNotTakenUpByAnotherInstance() throws Exception {
        String campaignId = UUID.randomUUID().toString();
        String regionId = "slow-" + campaignId.substring(0, 8);
        store.insert(new Campaign(campaignId, "slow", Instant.now(), 1, true, "strategist",
                List.of(new Campaign.Region(regionId, jobId, Campaign.Publication.PENDING, null, null))));
        Duration claim = Duration.ofMillis(300);
        CountDownLatch publishing = new CountDownLatch(1);
        AtomicInteger othersAttempts = new AtomicInteger();
        // One instance's publication takes four claims' time (a large plan on a loaded machine) ...
        CampaignPublisher slow = new CampaignPublisher(store, jobs, (region, job, caller) -> {
            if (region.equals(regionId)) {
                publishing.countDown();
                sleep(claim.multipliedBy(4));
            }
            return live.publish(region, job, caller);
        }, claim);
        // ... while another instance looks for pending publications.
        CampaignPublisher other = new CampaignPublisher(store, jobs, (region, job, caller) -> {
            if (region.equals(regionId)) {
                othersAttempts.incrementAndGet();
            }
            return live.publish(region, job, caller);
        }, claim);

        Thread first = new Thread(slow::publishEnded);
        first.start();
        assertThat(publishing.await(10, TimeUnit.SECONDS)).isTrue();
        sleep(claim.multipliedBy(2));
        other.publishEnded();
        first.join();

        assertThat(othersAttempts).hasValue(0);
        assertThat(store.find(campaignId).orElseThrow().regions().get(0).publication())
                .isEqualTo(Campaign.Publication.PUBLISHED);
        assertThat(live.versions(regionId)).hasSize(1);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
