package org.fieldplan.solver;

import java.time.Duration;
import java.util.Map;

import org.fieldplan.solver.partition.PartitionedSearch;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/** FieldPlan's solver configuration: greedy start, then tabu search with pair moves, on Bavet. */
public final class FieldPlanSolverConfig {

    public static final String RESOURCE = "org/fieldplan/solver/fieldPlanSolverConfig.xml";

    private FieldPlanSolverConfig() {
    }

    /**
     * Share of a solve's time a large region spends improving its plan part by part, after the greedy start (whose time
     * comes on top) and before the search over the whole plan
     * ({@link org.fieldplan.solver.partition.PartitionedSearch}); docs/benchmarks.md, "Partitioned solving".
     */
    public static final double PARTITION_SHARE = 0.6;

    /**
     * The configuration, ending after {@code limit} (or earlier if terminated). After the greedy start a large
     * region spends {@link #PARTITION_SHARE} of it improving its plan part by part, then searches the whole plan.
     */
    public static SolverConfig create(Duration limit) {
        return create(limit, PartitionedSearch.SPLIT_ABOVE_SHIFTS, PartitionedSearch.PART_SHIFTS);
    }

    /**
     * The same, solving regions of more than {@code splitAboveShifts} shifts in parts of about {@code partShifts}
     * (the defaults: {@link PartitionedSearch}).
     */
    public static SolverConfig create(Duration limit, int splitAboveShifts, int partShifts) {
        SolverConfig config = createWhole(limit);
        CustomPhaseConfig partitioned = (CustomPhaseConfig) config.getPhaseConfigList().get(1);
        partitioned.setCustomProperties(Map.of("partitionMillis",
                String.valueOf(Math.round(limit.toMillis() * PARTITION_SHARE)),
                "splitAboveShifts", String.valueOf(splitAboveShifts), "partShifts", String.valueOf(partShifts)));
        return config;
    }

    /** The configuration ending after {@code limit}, never partitioned: for regions solved whole (and their parts). */
    public static SolverConfig createWhole(Duration limit) {
        return SolverConfig.createFromXmlResource(RESOURCE)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(limit));
    }

    /**
     * The configuration for a repair of a finished plan (most shifts pinned): it ends once the best plan has not
     * improved for {@code unimproved}, and at {@code limit} at the latest, so a small change is answered as soon as
     * its few open shifts have settled rather than after a fixed time.
     */
    public static SolverConfig createRepair(Duration unimproved, Duration limit) {
        // Several terminations in one config end the solve when the first is reached.
        return SolverConfig.createFromXmlResource(RESOURCE).withTerminationConfig(new TerminationConfig()
                .withUnimprovedSpentLimit(unimproved).withSpentLimit(limit));
    }

    /**
     * The configuration ended after a number of score calculations instead of a time: the same search on every run
     * whatever the machine's load, for tests of other modules as well as this one's.
     */
    public static SolverConfig createEvaluationLimited(long scoreCalculations) {
        return SolverConfig.createFromXmlResource(RESOURCE)
                .withTerminationConfig(new TerminationConfig().withScoreCalculationCountLimit(scoreCalculations));
    }
}
