package org.fieldplan.api.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The queue and the leases: claims while a solver place is free, takeovers noticed, terminations, hand-backs. */
class JobLeasesTest {

    private final JobFixture fixture = new JobFixture();
    private final List<String> claimed = new ArrayList<>();
    private final CompletableFuture<String> terminated = new CompletableFuture<>();
    private JobLeases leases;

    private JobLeases leases(Duration lease) {
        leases = fixture.leases(lease, record -> {
            claimed.add(record.id());
            fixture.jobs.get(record.id()).claimedHere(record);
        }, terminated::complete);
        return leases;
    }

    @AfterEach
    void stop() {
        leases.stop();
    }

    @Test
    void claimsQueuedJobsOldestFirstOnlyWhileASolverPlaceIsFree() {
        JobLeases leases = leases(JobFixture.LONG_LEASE);
        Job first = fixture.queued();
        Job second = fixture.queued();

        leases.claimWhileFree();
        assertThat(claimed).containsExactly(first.getId());
        assertThat(fixture.repository.find(second.getId()).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);

        first.notSolvingHere();
        leases.claimWhileFree();
        assertThat(claimed).containsExactly(first.getId(), second.getId());
        assertThat(fixture.repository.find(second.getId()).orElseThrow().owner()).isEqualTo(JobFixture.HERE);
    }

    @Test
    void aJobRepairedHereTakesNoSolverPlace() {
        JobLeases leases = leases(JobFixture.LONG_LEASE);
        Job repairing = fixture.claimedHere(JobFixture.LONG_LEASE);
        repairing.repairing(java.time.Instant.now());
        Job queued = fixture.queued();

        leases.claimWhileFree();

        assertThat(claimed).containsExactly(queued.getId());
    }

    @Test
    void aJobTakenOverByAnotherInstanceIsStoppedHereAndForgotten() throws Exception {
        JobLeases leases = leases(Duration.ZERO);
        Job job = fixture.claimedHere(Duration.ZERO);
        // The lease ran out (zero long): another instance takes the job over.
        assertThat(fixture.repository.claimNext("instance-other", JobFixture.LONG_LEASE)).isPresent();

        leases.renewLeases();

        assertThat(terminated.get(10, TimeUnit.SECONDS)).isEqualTo(job.getId());
        assertThat(job.isSolvingHere()).isFalse();
        assertThat(fixture.jobs).doesNotContainKey(job.getId());
        assertThat(fixture.repository.find(job.getId()).orElseThrow().owner()).isEqualTo("instance-other");
    }

    @Test
    void aTerminationAskedOnAnotherInstanceStopsTheSolveHereAtTheNextRenewal() {
        JobLeases leases = leases(JobFixture.LONG_LEASE);
        Job job = fixture.claimedHere(JobFixture.LONG_LEASE);
        fixture.repository.requestTermination(job.getId());

        leases.renewLeases();

        assertThat(terminated).isCompletedWithValue(job.getId());
        assertThat(job.isTerminationRequested()).isTrue();
        assertThat(job.isSolvingHere()).isTrue();
    }

    @Test
    void aJobGivenBackIsQueuedAgainForAnyInstance() {
        JobLeases leases = leases(JobFixture.LONG_LEASE);
        Job job = fixture.claimedHere(JobFixture.LONG_LEASE);

        leases.giveBack(job);

        JobRecord record = fixture.repository.find(job.getId()).orElseThrow();
        assertThat(record.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(record.owner()).isNull();
        assertThat(fixture.repository.claimNext("instance-other", JobFixture.LONG_LEASE)).isPresent();
    }
}
