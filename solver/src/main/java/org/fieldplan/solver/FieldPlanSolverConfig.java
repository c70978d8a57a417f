package org.fieldplan.solver;

import java.time.Duration;

import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/** FieldPlan's solver configuration: greedy start, then late-acceptance local search with pair moves, on Bavet. */
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
     * The configuration with its local-search phase ended after a number of steps instead of a time: the same
     * search on every run whatever the machine's load, for tests of other modules as well as this one's.
     */
    public static SolverConfig createStepLimited(int localSearchSteps) {
        SolverConfig config = SolverConfig.createFromXmlResource(RESOURCE);
        config.getPhaseConfigList().get(1)
                .setTerminationConfig(new TerminationConfig().withStepCountLimit(localSearchSteps));
        return config;
    }

    /** The configuration with a fixed random seed, for reproducible tests and benchmarks. */
    public static SolverConfig createReproducible(Duration limit, long seed) {
        return create(limit).withRandomSeed(seed);
    }
}
