package org.fieldplan.api.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.fieldplan.api.config.FieldPlanProperties;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.FieldPlanSolverConfig;
import org.fieldplan.solver.SolverPool;

/**
 * Reserved repair capacity: repairs of finished plans (after a cancellation, a field report, a late volunteer) run on
 * this lane's own solver threads, so they never wait behind another job's long solve on the main
 * {@link SolverPool}. A repair ends once its best plan stops improving, and at the configured maximum at the
 * latest, so the lane's queue moves fast and the time a queued repair will be applied by can be stated.
 */
public final class RepairLane implements AutoCloseable {

    private final SolverPool<FieldPlan> solverPool;
    private final Duration maxRepair;
    private final int threads;
    /** Repairs submitted and not yet ended (running or waiting for a thread of the lane). */
    private final AtomicInteger inLane = new AtomicInteger();

    RepairLane(FieldPlanProperties.Repair repair) {
        this.maxRepair = Duration.ofMillis(repair.maxMillis());
        this.threads = Math.max(1, repair.threads());
        this.solverPool = new SolverPool<>(
                new FieldPlanSolver(FieldPlanSolverConfig.createRepair(Duration.ofMillis(repair.unimprovedMillis()),
                        maxRepair)).getSolverFactory(), threads, "repairs");
    }

    SolverPool<FieldPlan> solverPool() {
        return solverPool;
    }

    /**
     * By when a repair submitted now will have ended at the latest: each repair ahead of it on the same thread takes
     * at most the maximum repair time.
     */
    Instant expectedEnd(Instant now) {
        return now.plus(maxRepair.multipliedBy(inLane.get() / threads + 1L));
    }

    /** A repair was submitted to the lane. */
    void enter() {
        inLane.incrementAndGet();
    }

    /** A repair of the lane has ended (solved or failed). */
    void leave() {
        inLane.decrementAndGet();
    }

    /** The longest one repair runs. */
    public Duration maxRepair() {
        return maxRepair;
    }

    @Override
    public void close() {
        solverPool.close();
    }
}
