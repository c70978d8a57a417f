package org.fieldplan.solver;

import java.time.Duration;

import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/** FieldPlan's solver configuration: greedy start, then tabu search with pair moves, on Bavet. */
public final class FieldPlanSolverConfig {

    public static final String RESOURCE = "org/fieldplan/solver/fieldPlanSolverConfig.xml";

    private FieldPlanSolverConfig() {
    }

    /** The configuration, ending after {@code limit} (or earlier if terminated). */
    public static SolverConfig create(Duration limit) {
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
