package org.fieldplan.data.testing;

import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.FieldPlanSolverConfig;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * Solvers for tests: the production configuration, ended by a local-search step count so runs are reproducible.
 * (The solver module's test helper of the same name is not on this module's classpath.)
 */
public final class TestSolvers {

    private TestSolvers() {
    }

    public static FieldPlanSolver stepLimited(int localSearchSteps) {
        SolverConfig config = SolverConfig.createFromXmlResource(FieldPlanSolverConfig.RESOURCE);
        config.getPhaseConfigList().get(1)
                .setTerminationConfig(new TerminationConfig().withStepCountLimit(localSearchSteps));
        return new FieldPlanSolver(config);
    }
}
