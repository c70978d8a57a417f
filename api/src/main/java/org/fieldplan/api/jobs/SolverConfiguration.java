package org.fieldplan.api.jobs;

import java.time.Duration;

import org.fieldplan.api.config.FieldPlanProperties;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.SolverPool;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One solver configuration ({@code FieldPlanSolverConfig}, Bavet, greedy start, pair moves) for every job. Its time
 * limit is the longest a job may ask for; {@link SolveEvents} ends each job at its own time with
 * {@code terminateEarly} of its {@link SolverPool}, which takes no per-job termination. Repairs have a lane
 * of their own ({@link RepairLane}).
 */
@Configuration
class SolverConfiguration {

    @Bean
    FieldPlanSolver fieldPlanSolver(FieldPlanProperties properties) {
        return FieldPlanSolver.withTimeLimit(Duration.ofSeconds(properties.solve().maxSeconds()));
    }

    @Bean(destroyMethod = "close")
    SolverPool<FieldPlan> solverPool(FieldPlanSolver solver, FieldPlanProperties properties) {
        return new SolverPool<>(solver.getSolverFactory(), properties.jobs().concurrency(), "jobs");
    }

    /** Repairs on their own solver threads (reserved capacity), ending when they stop improving. */
    @Bean(destroyMethod = "close")
    RepairLane repairLane(FieldPlanProperties properties) {
        return new RepairLane(properties.solve().repair());
    }
}
