package org.fieldplan.solver.partition;

import java.time.Duration;

import org.fieldplan.baseline.GreedyPlanner;
import org.fieldplan.domain.FieldPlan;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;

/**
 * The solver's second phase, after the greedy start has been handed out as the first best plan: on a large region
 * ({@link PartitionedSearch#splits}) the plan is improved part by part for {@link #setPartitionMillis} on all cores,
 * and the stitched plan becomes the working plan of the local search that follows. Without a budget (repairs, runs
 * ended by a score-calculation count) or on a small region it changes nothing.
 */
public class PartitionedImprovement implements CustomPhaseCommand<FieldPlan> {

    private long partitionMillis;

    /** Wall time of the partitioned rounds; 0 (the default) never partitions. Set as a custom phase property. */
    public void setPartitionMillis(long partitionMillis) {
        this.partitionMillis = partitionMillis;
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<FieldPlan> scoreDirector) {
        FieldPlan plan = scoreDirector.getWorkingSolution();
        if (partitionMillis <= 0 || !PartitionedSearch.splits(plan)) {
            return;
        }
        for (GreedyPlanner.Decision decision : PartitionedSearch.solve(plan, Duration.ofMillis(partitionMillis),
                Runtime.getRuntime().availableProcessors())) {
            scoreDirector.beforeVariableChanged(decision.shift(), "precinct");
            decision.shift().setPrecinct(decision.precinct());
            scoreDirector.afterVariableChanged(decision.shift(), "precinct");
        }
        scoreDirector.triggerVariableListeners();
    }
}
