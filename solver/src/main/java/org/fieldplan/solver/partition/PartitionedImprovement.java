package org.fieldplan.solver.partition;

import java.time.Duration;

import org.fieldplan.baseline.GreedyPlanner;
import org.fieldplan.domain.FieldPlan;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;

/**
 * The solver's second phase, after the greedy start has been handed out as the first best plan: on a large region
 * (more than {@link #setSplitAboveShifts} shifts) the plan is improved part by part for {@link #setPartitionMillis}
 * on all cores, and the stitched plan becomes the working plan of the local search that follows. Without a budget
 * (repairs, runs ended by a score-calculation count) or on a small region it changes nothing. How the parts advance
 * goes to the {@link PartitionListener} of the solving thread ({@link #listenOnThisThread}); where the parts are
 * solved, to its {@link PartRunner} ({@link #runPartsOnThisThread}).
 */
public class PartitionedImprovement implements CustomPhaseCommand<FieldPlan> {

    /**
     * OptaPlanner builds this phase from the solver configuration (string properties only), so a solve's listener
     * cannot be handed to it there; the solve runs on the thread that set it.
     */
    private static final ThreadLocal<PartitionListener> LISTENER =
            ThreadLocal.withInitial(() -> PartitionListener.NONE);

    /** Where this thread's solves have their parts solved; null: on threads of this process. */
    private static final ThreadLocal<PartRunner> RUNNER = new ThreadLocal<>();

    private long partitionMillis;
    private int splitAboveShifts = PartitionedSearch.SPLIT_ABOVE_SHIFTS;
    private int partShifts = PartitionedSearch.PART_SHIFTS;

    /**
     * Tells {@code listener} how the parts advance in the solves run on the calling thread from now on (until set
     * again); call it on the solver thread before the solve.
     */
    public static void listenOnThisThread(PartitionListener listener) {
        LISTENER.set(listener);
    }

    /**
     * Has the parts of the solves run on the calling thread from now on solved by {@code runner} (null: on threads of
     * this process, the default); call it on the solver thread before the solve.
     */
    public static void runPartsOnThisThread(PartRunner runner) {
        RUNNER.set(runner);
    }

    /** Wall time of the partitioned rounds; 0 (the default) never partitions. Set as a custom phase property. */
    public void setPartitionMillis(long partitionMillis) {
        this.partitionMillis = partitionMillis;
    }

    /** Regions with more shifts than this are solved in parts ({@link PartitionedSearch#SPLIT_ABOVE_SHIFTS}). */
    public void setSplitAboveShifts(int splitAboveShifts) {
        this.splitAboveShifts = splitAboveShifts;
    }

    /** Shifts per part aimed at ({@link PartitionedSearch#PART_SHIFTS}). */
    public void setPartShifts(int partShifts) {
        this.partShifts = partShifts;
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<FieldPlan> scoreDirector) {
        FieldPlan plan = scoreDirector.getWorkingSolution();
        if (partitionMillis <= 0 || plan.getShifts().size() <= splitAboveShifts) {
            return;
        }
        int threads = Runtime.getRuntime().availableProcessors();
        PartRunner runner = RUNNER.get() == null ? new PartThreads(threads) : RUNNER.get();
        for (GreedyPlanner.Decision decision : PartitionedSearch.solve(plan, Duration.ofMillis(partitionMillis),
                threads, partShifts, LISTENER.get(), runner)) {
            scoreDirector.beforeVariableChanged(decision.shift(), "precinct");
            decision.shift().setPrecinct(decision.precinct());
            scoreDirector.afterVariableChanged(decision.shift(), "precinct");
        }
        scoreDirector.triggerVariableListeners();
    }
}
