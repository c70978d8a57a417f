package org.fieldplan.api.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.fieldplan.data.DataStores;
import org.fieldplan.data.plan.NewPlan;
import org.fieldplan.data.plan.PlanStatus;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.data.io.ProblemJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules every {@link JobRepository} keeps, run on both: claims hand each queued job to exactly one claimant, a
 * lease that runs out makes the job claimable again (as a takeover), only the owner renews and writes, repairs claim
 * only ended jobs, and the capacity counts every active job.
 */
abstract class JobRepositoryContractTest {

    private static final Duration LONG_LEASE = Duration.ofMinutes(5);

    private JobRepository repository;
    private DataStores stores;

    /** A repository on empty storage, with the stores its plans live in. */
    protected abstract JobRepository createRepository(DataStores stores);

    protected abstract DataStores createStores();

    @BeforeEach
    void setUp() {
        stores = createStores();
        repository = createRepository(stores);
    }

    private JobRecord queued() {
        FieldPlanProblem problem = ProblemJson.read(Path.of("../docs/examples/problem-small.json"));
        long planId = stores.plans().save(NewPlan.ofSnapshot(problem, List.of(), null, PlanStatus.DRAFT));
        return new JobRecord(UUID.randomUUID().toString(), JobStatus.QUEUED, Instant.now(), null, null, 5,
                problem.name(), null, planId, 0, null, null, null, null, 0, false);
    }

    private JobRecord insert() {
        JobRecord job = queued();
        assertThat(repository.insertIfRoom(job, 1_000)).isTrue();
        return job;
    }

    @Test
    void concurrentClaimantsGetEachJobExactlyOnce() throws Exception {
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            submitted.add(insert().id());
        }
        List<String> claimed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService claimants = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            String owner = "claimant-" + c;
            done.add(claimants.submit(() -> {
                Optional<JobRecord> job;
                while ((job = repository.claimNext(owner, LONG_LEASE)).isPresent()) {
                    assertThat(job.get().owner()).isEqualTo(owner);
                    assertThat(job.get().status()).isEqualTo(JobStatus.SOLVING);
                    claimed.add(job.get().id());
                }
            }));
        }
        for (Future<?> claimant : done) {
            claimant.get();
        }
        claimants.shutdown();

        assertThat(claimed).containsExactlyInAnyOrderElementsOf(submitted);
        assertThat(repository.claimNext("late", LONG_LEASE)).isEmpty();
    }

    @Test
    void anExpiredLeaseMakesTheJobATakeoverForAnotherInstance() throws Exception {
        JobRecord job = insert();
        JobRecord dead = repository.claimNext("dead", Duration.ofMillis(1)).orElseThrow();
        Thread.sleep(50);

        JobRecord taken = repository.claimNext("alive", LONG_LEASE).orElseThrow();

        assertThat(taken.id()).isEqualTo(job.id());
        assertThat(taken.owner()).isEqualTo("alive");
        assertThat(taken.takeovers()).isEqualTo(1);
        assertThat(taken.claim()).isEqualTo(dead.claim() + 1);
        assertThat(repository.renew(job.id(), "dead", dead.claim(), LONG_LEASE)).isEmpty();
        assertThat(repository.update(taken, "dead", LONG_LEASE)).isFalse();
        assertThat(repository.renew(job.id(), "alive", taken.claim(), LONG_LEASE)).contains(false);
        assertThat(repository.claimNext("third", LONG_LEASE)).isEmpty();
    }

    /**
     * An instance stalls past its lease, another takes the job over and stalls too, and the first claims the job
     * back: its earlier claim, under the same instance name, may neither renew, write nor give the job back.
     */
    @Test
    void aJobClaimedBackByTheSameInstanceRefusesItsEarlierClaimsWrites() throws Exception {
        JobRecord job = insert();
        JobRecord first = repository.claimNext("a", Duration.ofMillis(1)).orElseThrow();
        Thread.sleep(50);
        repository.claimNext("b", Duration.ofMillis(1)).orElseThrow();
        Thread.sleep(50);
        JobRecord again = repository.claimNext("a", LONG_LEASE).orElseThrow();
        assertThat(again.takeovers()).isEqualTo(2);
        assertThat(again.claim()).isEqualTo(first.claim() + 2);

        assertThat(repository.renew(job.id(), "a", first.claim(), LONG_LEASE)).isEmpty();
        JobRecord staleEnd = new JobRecord(job.id(), JobStatus.SOLVED, job.createdAt(), Instant.now(), Instant.now(),
                job.solveSeconds(), job.problemName(), null, job.planId(), 9, null, null, null, "a", 0, false,
                first.claim());
        assertThat(repository.update(staleEnd, "a", LONG_LEASE)).isFalse();
        repository.release(job.id(), "a", first.claim());

        JobRecord now = repository.find(job.id()).orElseThrow();
        assertThat(now.status()).isEqualTo(JobStatus.SOLVING);
        assertThat(now.planVersion()).isZero();
        assertThat(now.claim()).isEqualTo(again.claim());
        assertThat(repository.renew(job.id(), "a", again.claim(), LONG_LEASE)).contains(false);
    }

    @Test
    void theOwnerEndsTheJobAndARepairClaimsItAgain() {
        JobRecord job = insert();
        JobRecord claimed = repository.claimNext("a", LONG_LEASE).orElseThrow();
        assertThat(repository.claimEnded(job.id(), "b", LONG_LEASE)).isEmpty();

        JobRecord solved = new JobRecord(job.id(), JobStatus.SOLVED, job.createdAt(), Instant.now(), Instant.now(),
                job.solveSeconds(), job.problemName(), null, job.planId(), 3, null, null, null, "a", 0, false,
                claimed.claim());
        assertThat(repository.update(solved, "a", LONG_LEASE)).isTrue();
        JobRecord ended = repository.find(job.id()).orElseThrow();
        assertThat(ended.status()).isEqualTo(JobStatus.SOLVED);
        assertThat(ended.owner()).isEqualTo("a");
        assertThat(ended.planVersion()).isEqualTo(3);
        assertThat(claimed.planVersion()).isZero();
        assertThat(repository.claimNext("b", LONG_LEASE)).isEmpty();

        JobRecord repair = repository.claimEnded(job.id(), "b", LONG_LEASE).orElseThrow();
        assertThat(repair.status()).isEqualTo(JobStatus.SOLVING);
        assertThat(repair.owner()).isEqualTo("b");
        assertThat(repair.claim()).isEqualTo(claimed.claim() + 1);
        assertThat(repository.claimEnded(job.id(), "c", LONG_LEASE)).isEmpty();
    }

    @Test
    void terminationEndsAQueuedJobAndIsSignalledToTheOwnerOfASolvingOne() {
        JobRecord waiting = insert();
        repository.requestTermination(waiting.id());
        assertThat(repository.find(waiting.id()).orElseThrow().status()).isEqualTo(JobStatus.TERMINATED);

        JobRecord solving = insert();
        JobRecord claimed = repository.claimNext("a", LONG_LEASE).orElseThrow();
        repository.requestTermination(solving.id());
        assertThat(repository.find(solving.id()).orElseThrow().status()).isEqualTo(JobStatus.SOLVING);
        assertThat(repository.renew(solving.id(), "a", claimed.claim(), LONG_LEASE)).contains(true);
    }

    @Test
    void capacityCountsEveryActiveJobAndReleaseRequeues() {
        JobRecord first = queued();
        assertThat(repository.insertIfRoom(first, 2)).isTrue();
        assertThat(repository.insertIfRoom(queued(), 2)).isTrue();
        JobRecord claimed = repository.claimNext("a", LONG_LEASE).orElseThrow();
        assertThat(repository.insertIfRoom(queued(), 2)).isFalse();
        assertThat(repository.findActive()).hasSize(2);

        repository.release(first.id(), "a", claimed.claim());
        JobRecord released = repository.find(first.id()).orElseThrow();
        assertThat(released.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(released.owner()).isNull();
        assertThat(released.takeovers()).isEqualTo(1);
    }
}
