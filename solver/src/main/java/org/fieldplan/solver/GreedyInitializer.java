package org.fieldplan.solver;

import java.time.Duration;
import java.util.List;

import org.fieldplan.baseline.GreedyPlanner;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.solver.partition.PartitionedStart;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;

/**
 * First phase of the solver: the {@link GreedyPlanner}'s plan, built in one pass over the shifts. It costs
 * O(shifts × candidates) marginal-value look-ups, where a construction heuristic would cost as many full incremental
 * score evaluations, and it is feasible from the start.
 *
 * <p>With a partition budget ({@link #setPartitionMillis}, set by {@link FieldPlanSolverConfig#create}) a large
 * region is instead started from the stitched plans of its parts, solved on all cores for that long
 * ({@link PartitionedStart}); small regions and plans that already have assignments still start greedily.
 */
public class GreedyInitializer implements CustomPhaseCommand<FieldPlan> {

    private long partitionMillis;

    /** Wall time for a partitioned start; 0 (the default) never partitions. Set as a custom phase property. */
    public void setPartitionMillis(long partitionMillis) {
        this.partitionMillis = partitionMillis;
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<FieldPlan> scoreDirector) {
        FieldPlan plan = scoreDirector.getWorkingSolution();
        List<GreedyPlanner.Decision> decisions = partitionMillis > 0 && PartitionedStart.splits(plan)
                ? PartitionedStart.solve(plan, Duration.ofMillis(partitionMillis),
                        Runtime.getRuntime().availableProcessors())
                : GreedyPlanner.decide(plan);
        for (GreedyPlanner.Decision decision : decisions) {
            scoreDirector.beforeVariableChanged(decision.shift(), "precinct");
            decision.shift().setPrecinct(decision.precinct());
            scoreDirector.afterVariableChanged(decision.shift(), "precinct");
        }
        scoreDirector.triggerVariableListeners();
    }
}
