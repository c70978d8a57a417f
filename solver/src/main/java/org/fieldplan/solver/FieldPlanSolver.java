package org.fieldplan.solver;

import java.time.Duration;
import java.util.function.Consumer;

import org.fieldplan.baseline.GreedyPlanner;
import org.fieldplan.domain.FieldPlan;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.impl.solver.DefaultSolver;

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
    public SolveResult solve(FieldPlan problem, Consumer<FieldPlan> onNewBest) {
        DefaultSolver<FieldPlan> solver = (DefaultSolver<FieldPlan>) solverFactory.buildSolver();
        long[] firstFeasible = {-1};
        solver.addEventListener(event -> {
            if (firstFeasible[0] < 0 && event.getNewBestScore().isSolutionInitialized()
                    && ((HardMediumSoftLongScore) event.getNewBestScore()).hardScore() == 0) {
                firstFeasible[0] = event.getTimeMillisSpent();
            }
            onNewBest.accept(event.getNewBestSolution());
        });
        FieldPlan best = solver.solve(problem);
        return new SolveResult(best, solver.getTimeMillisSpent(), firstFeasible[0],
                solver.getSolverScope().getScoreCalculationSpeed());
    }

    /** The greedy organizer's plan for the same problem (pinned shifts kept), scored: the baseline. */
    public FieldPlan greedyBaseline(FieldPlan problem) {
        FieldPlan baseline = problem.copyUnassigned();
        GreedyPlanner.planInPlace(baseline);
        score(baseline);
        return baseline;
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
