package org.fieldplan.api.jobs;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.fieldplan.api.config.FieldPlanProperties;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.FieldPlanSolverConfig;
import org.fieldplan.solver.partition.PartitionedSearch;
import org.fieldplan.solver.SolverPool;
import org.optaplanner.core.api.solver.SolverFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One solver configuration ({@code FieldPlanSolverConfig}, Bavet, greedy start, pair moves) for every job, built for
 * the job's own time limit; {@link SolveEvents} also ends each job at its own time (or when asked) with
 * {@code terminateEarly} of its {@link SolverPool}. Repairs have a lane
 * of their own ({@link RepairLane}).
 */
@Configuration
class SolverConfiguration {

    /** Regions with more shifts than this are solved in parts (a setting for tests of small regions). */
    private final int splitAboveShifts;
    /** Shifts per part aimed at. */
    private final int partShifts;

    SolverConfiguration(
            @Value("${fieldplan.solve.partition.split-above-shifts:" + PartitionedSearch.SPLIT_ABOVE_SHIFTS + "}")
            int splitAboveShifts,
            @Value("${fieldplan.solve.partition.part-shifts:" + PartitionedSearch.PART_SHIFTS + "}") int partShifts) {
        this.splitAboveShifts = splitAboveShifts;
        this.partShifts = partShifts;
    }

    private FieldPlanSolver solver(Duration limit) {
        return new FieldPlanSolver(FieldPlanSolverConfig.create(limit, splitAboveShifts, partShifts));
    }

    @Bean
    FieldPlanSolver fieldPlanSolver(FieldPlanProperties properties) {
        return solver(Duration.ofSeconds(properties.solve().maxSeconds()));
    }

    /**
     * Each job's solver is built for the job's own time limit (one factory per distinct limit, kept): a large region's
     * partitioned phase takes its share of the job's time, not of the longest a job may ask for.
     */
    @Bean(destroyMethod = "close")
    SolverPool<FieldPlan> solverPool(FieldPlanSolver solver, FieldPlanProperties properties) {
        Map<Duration, SolverFactory<FieldPlan>> byLimit = new ConcurrentHashMap<>();
        return new SolverPool<>(limit -> limit == null ? solver.getSolverFactory()
                : byLimit.computeIfAbsent(limit, l -> solver(l).getSolverFactory()),
                properties.jobs().concurrency(), "jobs");
    }

    /** Repairs on their own solver threads (reserved capacity), ending when they stop improving. */
    @Bean(destroyMethod = "close")
    RepairLane repairLane(FieldPlanProperties properties) {
        return new RepairLane(properties.solve().repair());
    }
}
