package org.fieldplan.api.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.fieldplan.api.errors.ApiException;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.solver.SolverPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The repair hand-off: an ended job is claimed here for its repair; a job another instance has is refused (409). */
class RepairHandOffTest {

    private final JobFixture fixture = new JobFixture();
    private final JobLeases leases = fixture.leases(JobFixture.LONG_LEASE, record -> { }, id -> { });
    private final SolverPool<FieldPlan> solverPool = new SolverPool<>(fixture.solver.getSolverFactory(), 1, "test");
    private final RepairHandOff handOff = new RepairHandOff(fixture.repository, leases, fixture.plans, solverPool,
            fixture.jobs);

    @AfterEach
    void stop() {
        leases.stop();
        solverPool.close();
    }

    /** A job ended on some instance, as another instance knows it from the shared record. */
    private Job ended(long planVersion) {
        Job queued = fixture.queued();
        JobRecord record = queued.toRecord();
        JobRecord solved = new JobRecord(record.id(), JobStatus.SOLVED, record.createdAt(), Instant.now(),
                Instant.now(), record.solveSeconds(), record.problemName(), null, record.planId(), planVersion, null,
                null, null, "instance-other", 0, false);
        fixture.repository.insertEnded(solved);
        Job known = new Job(solved, fixture.plans::load);
        fixture.jobs.put(known.getId(), known);
        return known;
    }

    @Test
    void anEndedJobIsClaimedHereForItsRepair() {
        Job job = ended(0);

        Job repaired = handOff.claimForRepair(job);

        assertThat(repaired).isSameAs(job);
        assertThat(repaired.isSolvingHere()).isTrue();
        JobRecord record = fixture.repository.find(job.getId()).orElseThrow();
        assertThat(record.status()).isEqualTo(JobStatus.SOLVING);
        assertThat(record.owner()).isEqualTo(JobFixture.HERE);
    }

    @Test
    void aPlanChangedElsewhereSinceItWasReadIsRepairedFromAFreshCopy() {
        Job stale = ended(0);
        JobRecord record = fixture.repository.find(stale.getId()).orElseThrow();
        fixture.repository.insertEnded(new JobRecord(record.id(), record.status(), record.createdAt(),
                record.startedAt(), record.finishedAt(), record.solveSeconds(), record.problemName(), null,
                record.planId(), 3, null, null, null, record.owner(), 0, false));

        Job repaired = handOff.claimForRepair(stale);

        assertThat(repaired).isNotSameAs(stale);
        assertThat(repaired.getPlanVersion()).isEqualTo(3);
        assertThat(fixture.jobs.get(stale.getId())).isSameAs(repaired);
    }

    @Test
    void aJobSolvingOnAnotherInstanceIsRefusedWith409NamingIt() {
        Job job = fixture.queued();
        fixture.repository.claimNext("instance-other", JobFixture.LONG_LEASE);

        assertThatThrownBy(() -> handOff.claimForRepair(job)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.getStatus()).isEqualTo(HttpStatus.CONFLICT))
                .hasMessage("job " + job.getId() + " is SOLVING on instance instance-other; send the change again "
                        + "when it has ended");
        assertThat(job.isSolvingHere()).isFalse();
    }

    @Test
    void aChangeGoesIntoARunningSolveOnlyWhenThisInstanceSolvesTheJobOnTheMainLane() {
        Job elsewhere = fixture.queued();
        Job repairing = fixture.claimedHere(JobFixture.LONG_LEASE);
        repairing.repairing(Instant.now());

        assertThat(handOff.changeRunningSolve(elsewhere, (plan, director) -> { })).isEmpty();
        assertThat(handOff.changeRunningSolve(repairing, (plan, director) -> { })).isEmpty();
    }
}
