package org.fieldplan.benchmarks.suite;

import java.time.Duration;
import java.util.function.Supplier;

import org.fieldplan.benchmarks.suite.SuiteResult.InstanceResult;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.plan.PlanSummary;
import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.ProblemPreparer;
import org.fieldplan.solver.SolveResult;

/** Measures one instance: load, prepare, greedy baseline, then a time-limited solve with its progress and heap. */
final class InstanceRunner {

    private InstanceRunner() {
    }

    static InstanceResult run(String name, Supplier<FieldPlanProblem> loader, int solveSeconds) {
        try (HeapPeakSampler heap = HeapPeakSampler.start()) {
            long start = System.nanoTime();
            FieldPlanProblem problem = loader.get();
            long loaded = System.nanoTime();
            FieldPlan prepared = ProblemPreparer.prepare(problem);
            long prepareMillis = millisSince(loaded);

            FieldPlanSolver solver = FieldPlanSolver.withTimeLimit(Duration.ofSeconds(solveSeconds));
            PlanSummary greedy = PlanSummary.of(solver.greedyBaseline(prepared));
            ProgressRecorder progress = new ProgressRecorder(solveSeconds);
            progress.start();
            SolveResult solved = solver.solve(prepared, progress);
            PlanSummary best = PlanSummary.of(solved.plan());

            return new InstanceResult(name, prepared.getPrecincts().size(), prepared.getVolunteers().size(),
                    prepared.getShifts().size(), solveSeconds, (loaded - start) / 1_000_000, prepareMillis,
                    greedy.expectedNetVotes(), greedy.score(), solved.millisToFirstFeasible(), best.score(),
                    -best.hardScore(), best.expectedNetVotes(),
                    gainPercent(best.expectedNetVotes(), greedy.expectedNetVotes()), solved.scoreCalculationSpeed(),
                    heap.peakBytes(), progress.finish(solved.plan(), solved.millisSpent()));
        }
    }

    private static double gainPercent(double votes, double greedyVotes) {
        return greedyVotes == 0 ? 0 : 100 * (votes - greedyVotes) / greedyVotes;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
