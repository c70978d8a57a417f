package org.fieldplan.solver;

import java.time.Duration;
import java.util.function.Consumer;

import org.fieldplan.domain.FieldPlan;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;

/** Solves and scores {@link FieldPlan}s with one solver configuration. Thread-safe; build once, reuse. */
public final class FieldPlanSolver {

    private final SolverFactory<FieldPlan> solverFactory;
    private final SolutionManager<FieldPlan, HardMediumSoftLongScore> solutionManager;

    public FieldPlanSolver(SolverConfig config) {
        this.solverFactory = SolverFactory.create(config);
        this.solutionManager = SolutionManager.create(solverFactory);
    }

    public static FieldPlanSolver withTimeLimit(Duration limit) {
        return new FieldPlanSolver(FieldPlanSolverConfig.create(limit));
    }

    /**
     * Solves the prepared problem and returns the best plan found; {@code onNewBest} sees each improvement (on the
     * solver thread: copy what you keep).
     */
    public FieldPlan solve(FieldPlan problem, Consumer<FieldPlan> onNewBest) {
        Solver<FieldPlan> solver = solverFactory.buildSolver();
        solver.addEventListener(event -> onNewBest.accept(event.getNewBestSolution()));
        return solver.solve(problem);
    }

    /** Recomputes and sets the plan's score; returns it. */
    public HardMediumSoftLongScore score(FieldPlan plan) {
        return solutionManager.update(plan);
    }

    public SolutionManager<FieldPlan, HardMediumSoftLongScore> getSolutionManager() {
        return solutionManager;
    }

    public SolverFactory<FieldPlan> getSolverFactory() {
        return solverFactory;
    }
}
