package org.fieldplan.api.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.fieldplan.api.TestDatabases;
import org.fieldplan.data.DataStores;
import org.fieldplan.data.io.ProblemJson;
import org.fieldplan.data.plan.NewPlan;
import org.fieldplan.data.plan.PlanStatus;
import org.fieldplan.data.plan.StoredPlan;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.ProblemPreparer;
import org.fieldplan.solver.SolverPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A job that changes hands while its instances stall, on one PostGIS with two instances' job services in one JVM
 * (each its own repository, plan store, leases and solve events): alpha saves its greedy plan and stalls past its
 * lease, beta takes the job over and stalls too, alpha claims it back; then the stale claims wake up and try to save
 * an empty plan and end the job. Their writes are refused (alpha's earlier claim too, under the same instance name),
 * and the last claim, whose own solve ends worse than the plan it resumed, ends SOLVED with the resumed plan: never
 * an empty one. The solver events are called as the solver would call them, so every step is deterministic.
 */
class TakeoverFencingTest {

    private static final Duration SHORT_LEASE = Duration.ofMillis(300);
    private static final Duration STALL = Duration.ofMillis(450);
    private static PGSimpleDataSource dataSource;

    private final FieldPlanProblem problem = ProblemJson.read(Path.of("../docs/examples/problem-small.json"));
    private final FieldPlanSolver solver = FieldPlanSolver.withTimeLimit(Duration.ofSeconds(1));
    private final Instance alpha = new Instance("alpha");
    private final Instance beta = new Instance("beta");

    @BeforeAll
    static void createDatabase() {
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(TestDatabases.fresh("takeover_fencing"));
        dataSource.setUser(TestDatabases.user());
        dataSource.setPassword(TestDatabases.password());
    }

    /** One instance's part of the job service, as {@link JobService} wires it. */
    private final class Instance {
        final DataStores stores = DataStores.postgis(dataSource);
        final JobRepository repository = new PostgisJobRepository(dataSource);
        final Map<String, Job> jobs = new ConcurrentHashMap<>();
        final SolverPool<FieldPlan> pool = new SolverPool<>(solver.getSolverFactory(), 1, "fencing");
        final JobLeases leases;
        final SolveEvents events;

        Instance(String id) {
            leases = new JobLeases(repository, new JobLeases.Settings(id, SHORT_LEASE, Duration.ofMinutes(1),
                    Duration.ofMinutes(1), 1), jobs, record -> { }, pool::terminateEarly);
            events = new SolveEvents(pool, solver, new JobPlans(stores, solver), stores, Clock.systemUTC(), leases,
                    jobs, Timer.builder("test.solve").register(new SimpleMeterRegistry()));
        }

        /** Claims the next job from the shared queue and starts its solve as the solver thread would. */
        Job claimAndStart() {
            JobRecord record = repository.claimNext(leases.instanceId(), SHORT_LEASE).orElseThrow();
            Job job = events.claimed(record);
            events.start(job);
            return job;
        }

        void stop() {
            leases.stop();
            pool.close();
        }
    }

    @AfterEach
    void stop() {
        alpha.stop();
        beta.stop();
    }

    private String submit() {
        long planId = alpha.stores.plans().save(NewPlan.ofSnapshot(problem, List.of(), null, PlanStatus.DRAFT));
        String id = UUID.randomUUID().toString();
        assertThat(alpha.repository.insertIfRoom(new JobRecord(id, JobStatus.QUEUED, Instant.now(), null, null, 5,
                problem.name(), null, planId, 0, null, null, null, null, 0, false), 1_000)).isTrue();
        return id;
    }

    private FieldPlan greedy() {
        return solver.greedyBaseline(ProblemPreparer.prepare(problem));
    }

    /** What an instance that stalled mid-solve may hold: a plan with no shift assigned. */
    private FieldPlan empty() {
        FieldPlan plan = ProblemPreparer.prepare(problem);
        solver.score(plan);
        return plan;
    }

    private StoredPlan stored(String jobId) {
        return alpha.stores.plans().load(record(jobId).planId()).orElseThrow();
    }

    private JobRecord record(String jobId) {
        return alpha.repository.find(jobId).orElseThrow();
    }

    @Test
    void staleOwnersWritesAreRefusedAndTheLastClaimNeverEndsBelowThePlanItResumed() throws Exception {
        String id = submit();
        FieldPlan greedy = greedy();
        List<?> greedyAssignments = ProblemPreparer.assignmentsOf(greedy);
        assertThat(greedyAssignments).isNotEmpty();

        Job alphaFirst = alpha.claimAndStart();
        alpha.events.improved(alphaFirst, greedy);
        alpha.events.saveNow(alphaFirst);
        assertThat(record(id).planVersion()).isEqualTo(1);

        Thread.sleep(STALL.toMillis()); // alpha stalls past its lease
        Job betaJob = beta.claimAndStart();
        assertThat(betaJob.getBestPlan()).as("beta resumes alpha's saved plan").isNotNull();
        assertThat(ProblemPreparer.assignmentsOf(betaJob.getBestPlan())).hasSameSizeAs(greedyAssignments);

        Thread.sleep(STALL.toMillis()); // beta stalls past its lease too
        Job alphaAgain = alpha.claimAndStart();
        assertThat(alphaAgain).isNotSameAs(alphaFirst);
        assertThat(alphaFirst.isSolvingHere()).isFalse();
        JobRecord claimedBack = record(id);
        assertThat(claimedBack.owner()).isEqualTo("alpha");
        assertThat(claimedBack.takeovers()).isEqualTo(2);

        // The stale claims wake up: alpha's first (same instance name as the owner) and beta's.
        alpha.events.improved(alphaFirst, empty());
        alpha.events.saveNow(alphaFirst);
        alpha.events.finish(alphaFirst, empty());
        beta.events.finish(betaJob, empty());
        // A write that passed its ownership check just before the stall meets the plan's fence.
        assertThat(beta.stores.plans().replaceAssignmentsFenced(claimedBack.planId(), betaJob.getClaim(), List.of(),
                PlanStatus.SOLVED, "0hard/0medium/0soft")).isFalse();

        JobRecord afterStale = record(id);
        assertThat(afterStale.status()).isEqualTo(JobStatus.SOLVING);
        assertThat(afterStale.owner()).isEqualTo("alpha");
        assertThat(afterStale.claim()).isEqualTo(claimedBack.claim());
        assertThat(afterStale.planVersion()).isEqualTo(1);
        assertThat(stored(id).solverAssignments()).hasSameSizeAs(greedyAssignments);
        assertThat(stored(id).status()).isEqualTo(PlanStatus.DRAFT);

        // The last claim's solve ends below the plan it resumed (here: nothing assigned); the resumed plan is kept.
        alpha.events.finish(alphaAgain, empty());

        JobRecord solved = record(id);
        assertThat(solved.status()).isEqualTo(JobStatus.SOLVED);
        assertThat(solved.owner()).isEqualTo("alpha");
        assertThat(solved.best().assignedShifts()).isEqualTo(greedyAssignments.size());
        assertThat(solved.best().expectedNetVotes()).isPositive()
                .isEqualTo(record(id).greedyBaseline().expectedNetVotes());
        StoredPlan plan = stored(id);
        assertThat(plan.status()).isEqualTo(PlanStatus.SOLVED);
        assertThat(plan.solverAssignments()).hasSameSizeAs(greedyAssignments);
        assertThat(plan.score()).isEqualTo(greedy.getScore().toString());
    }

    /**
     * The job is claimed back under the same instance name by another job service (as after a restart of an instance
     * with a configured name), so nothing here tells the stale claim it lost: only the database's check of the claim
     * number refuses its renewal, its save and its end.
     */
    @Test
    void theDatabaseRefusesAStaleClaimUnderTheSameInstanceName() throws Exception {
        String id = submit();
        FieldPlan greedy = greedy();
        Job stale = alpha.claimAndStart();
        alpha.events.improved(stale, greedy);
        alpha.events.saveNow(stale);
        Thread.sleep(STALL.toMillis());

        Instance alphaRestarted = new Instance("alpha");
        try {
            Job current = alphaRestarted.claimAndStart();
            assertThat(stale.isSolvingHere()).as("nothing told the stale claim").isTrue();

            assertThat(alpha.leases.stillOwned(stale)).isFalse();
            assertThat(stale.isSolvingHere()).isFalse();
            assertThat(alpha.stores.plans().replaceAssignmentsFenced(record(id).planId(), stale.getClaim(), List.of(),
                    PlanStatus.SOLVED, "0hard/0medium/0soft")).isFalse();
            stale.finished(JobStatus.SOLVED, Instant.now());
            assertThat(alpha.repository.update(stale.toRecord(), "alpha", SHORT_LEASE)).isFalse();

            JobRecord now = record(id);
            assertThat(now.status()).isEqualTo(JobStatus.SOLVING);
            assertThat(now.claim()).isEqualTo(current.getClaim()).isGreaterThan(stale.getClaim());
            alphaRestarted.events.finish(current, empty());
            assertThat(record(id).status()).isEqualTo(JobStatus.SOLVED);
            assertThat(stored(id).solverAssignments()).hasSameSizeAs(ProblemPreparer.assignmentsOf(greedy));
        } finally {
            alphaRestarted.stop();
        }
    }

    @Test
    void aResumedSolveThatImprovesEndsWithItsOwnPlan() throws Exception {
        String id = submit();
        Job first = alpha.claimAndStart();
        alpha.events.improved(first, empty());
        alpha.events.saveNow(first);
        Thread.sleep(STALL.toMillis());

        Job resumed = beta.claimAndStart();
        FieldPlan better = greedy();
        beta.events.finish(resumed, better);

        assertThat(record(id).status()).isEqualTo(JobStatus.SOLVED);
        assertThat(record(id).owner()).isEqualTo("beta");
        assertThat(stored(id).solverAssignments()).hasSameSizeAs(ProblemPreparer.assignmentsOf(better));
        assertThat(stored(id).score()).isEqualTo(better.getScore().toString());
    }
}
