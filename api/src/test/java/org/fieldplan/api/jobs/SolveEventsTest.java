package org.fieldplan.api.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;

import org.fieldplan.data.plan.PlanStatus;
import org.fieldplan.data.plan.StoredPlan;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.solver.ProblemPreparer;
import org.fieldplan.solver.SolverPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** A solve's events and their saves: throttled bests, the final save, failures, hand-backs, and a lost job. */
class SolveEventsTest {

    private final JobFixture fixture = new JobFixture();
    private final JobLeases leases = fixture.leases(JobFixture.LONG_LEASE, record -> { }, id -> { });
    private final SolverPool<FieldPlan> solverPool = new SolverPool<>(fixture.solver.getSolverFactory(), 1, "test");
    private final Timer solveTimer = Timer.builder("test.solve").register(new SimpleMeterRegistry());
    private final SolveEvents events = new SolveEvents(solverPool, fixture.solver, fixture.plans, fixture.stores,
            Clock.systemUTC(), leases, fixture.jobs, solveTimer);

    @AfterEach
    void stop() {
        leases.stop();
        solverPool.close();
    }

    private StoredPlan stored(Job job) {
        return fixture.stores.plans().load(job.getPlanId()).orElseThrow();
    }

    private JobRecord record(Job job) {
        return fixture.repository.find(job.getId()).orElseThrow();
    }

    @Test
    void aFinishedSolveIsSavedAsSolvedAndLetGoOf() {
        Job job = fixture.claimedHere(JobFixture.LONG_LEASE);
        FieldPlan best = fixture.plan();

        events.finish(job, best);

        assertThat(job.getStatus()).isEqualTo(JobStatus.SOLVED);
        assertThat(job.isSolvingHere()).isFalse();
        assertThat(record(job).status()).isEqualTo(JobStatus.SOLVED);
        assertThat(record(job).planVersion()).isEqualTo(1);
        assertThat(stored(job).status()).isEqualTo(PlanStatus.SOLVED);
        assertThat(stored(job).solverAssignments()).hasSameSizeAs(ProblemPreparer.assignmentsOf(best)).isNotEmpty();
    }

    @Test
    void aSolveFromNothingTakesItsGreedyBaselineFromItsFirstBestPlan() {
        Job job = fixture.claimedHere(JobFixture.LONG_LEASE, fixture.problem.withAssignments(List.of()));

        FieldPlan prepared = events.start(job);
        assertThat(prepared.getShifts()).allMatch(shift -> shift.getPrecinct() == null);
        assertThat(job.getGreedyBaseline()).as("not computed apart from the solve").isNull();

        FieldPlan greedyPhase = fixture.plan();
        events.improved(job, greedyPhase);
        FieldPlan better = fixture.plan();
        better.getShifts().stream().filter(shift -> shift.getPrecinct() != null).findFirst().orElseThrow()
                .setPrecinct(null);
        fixture.solver.score(better);
        events.improved(job, better);

        assertThat(job.getGreedyBaseline().expectedNetVotes())
                .isEqualTo(org.fieldplan.plan.PlanSummary.of(greedyPhase).expectedNetVotes())
                .isNotEqualTo(job.getBestSummary().expectedNetVotes());
        events.saveNow(job);
        assertThat(record(job).greedyBaseline().expectedNetVotes())
                .isEqualTo(job.getGreedyBaseline().expectedNetVotes());
    }

    @Test
    void aSolveFromAProblemWithAssignmentsComputesItsGreedyBaselineApart() {
        Job job = fixture.claimedHere(JobFixture.LONG_LEASE);

        events.start(job);

        assertThat(job.getGreedyBaseline()).isNotNull();
    }

    @Test
    void bestPlansInQuickSuccessionAreSavedOnceUntilASaveIsAskedFor() {
        Job job = fixture.claimedHere(JobFixture.LONG_LEASE);
        FieldPlan first = fixture.plan();
        FieldPlan second = fixture.plan();

        events.improved(job, first);
        events.improved(job, second);
        assertThat(record(job).planVersion()).isEqualTo(1);
        assertThat(job.unsavedPlan()).isSameAs(second);

        events.saveNow(job);
        assertThat(record(job).planVersion()).isEqualTo(2);
        assertThat(job.unsavedPlan()).isNull();
        assertThat(stored(job).status()).isEqualTo(PlanStatus.DRAFT);
    }

    @Test
    void anInstanceThatLostTheJobWritesNothingMore() {
        Job job = fixture.claimedHere(java.time.Duration.ZERO);
        fixture.repository.claimNext("instance-other", JobFixture.LONG_LEASE).orElseThrow();

        events.improved(job, fixture.plan());

        assertThat(job.isSolvingHere()).isFalse();
        assertThat(fixture.jobs).doesNotContainKey(job.getId());
        assertThat(stored(job).assignments()).isEmpty();
        assertThat(record(job).planVersion()).isZero();
        assertThat(record(job).owner()).isEqualTo("instance-other");
    }

    @Test
    void aFailedSolveIsRecordedAsFailedWithWhatFailed() {
        Job job = fixture.claimedHere(JobFixture.LONG_LEASE);

        events.fail(job, new IllegalStateException("boom"));

        assertThat(record(job).status()).isEqualTo(JobStatus.FAILED);
        assertThat(record(job).error()).isEqualTo("solving failed: IllegalStateException");
        assertThat(job.isSolvingHere()).isFalse();
    }

    @Test
    void aJobHandedBackAtShutdownKeepsItsUnsavedBestPlanAndIsQueuedAgain() {
        Job job = fixture.claimedHere(JobFixture.LONG_LEASE);
        events.improved(job, fixture.plan());
        FieldPlan unsaved = fixture.plan();
        job.improved(unsaved);

        events.handBack(job);

        assertThat(record(job).status()).isEqualTo(JobStatus.QUEUED);
        assertThat(record(job).planVersion()).isEqualTo(2);
        assertThat(stored(job).solverAssignments()).hasSameSizeAs(ProblemPreparer.assignmentsOf(unsaved));
        assertThat(job.isSolvingHere()).isFalse();
    }
}
