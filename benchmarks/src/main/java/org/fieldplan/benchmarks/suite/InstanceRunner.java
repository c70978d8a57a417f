package org.fieldplan.benchmarks.suite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.fieldplan.baseline.GreedyPlanner;
import org.fieldplan.baseline.GreedyPlanner.LoneCanvassers;
import org.fieldplan.benchmarks.bound.FlowUpperBound;
import org.fieldplan.benchmarks.suite.SuiteResult.InstanceResult;
import org.fieldplan.benchmarks.suite.SuiteResult.Sample;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.plan.DeploymentFigures;
import org.fieldplan.plan.PlanSummary;
import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.FieldPlanSolverConfig;
import org.fieldplan.solver.ProblemPreparer;
import org.fieldplan.solver.SolveResult;
import org.fieldplan.solver.partition.PartitionedSearch;
import org.fieldplan.domain.TravelParameters;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * Measures one instance: load, prepare, greedy baseline, then a time-limited solve with its progress and heap, and
 * finally the flow upper bound that every plan is read against.
 */
final class InstanceRunner {

    private static final long LIMIT_OVERRUN_MILLIS = 200;

    private InstanceRunner() {
    }

    /**
     * @param candidates overrides the problem's {@code travel.maxCandidatesPerVolunteer} when not null
     * @param bound whether to compute the flow upper bound
     * @param solverConfig an OptaPlanner solver XML to use instead of the product's, or null
     * @param splitAbove the product's configuration splitting regions of more shifts than this, or null for its own
     *     threshold
     */
    static InstanceResult run(String name, Supplier<FieldPlanProblem> loader, int solveSeconds, Integer candidates,
            boolean bound, Path solverConfig, Integer splitAbove) {
        try (HeapPeakSampler heap = HeapPeakSampler.start()) {
            long start = System.nanoTime();
            FieldPlanProblem problem = withCandidates(loader.get(), candidates);
            long loaded = System.nanoTime();
            FieldPlan prepared = ProblemPreparer.prepare(problem);
            long prepareMillis = millisSince(loaded);

            Duration limit = Duration.ofSeconds(solveSeconds);
            FieldPlanSolver solver = solverConfig != null ? new FieldPlanSolver(SolverConfig.<FieldPlan>createFromXmlFile(solverConfig.toFile())
                            .withTerminationConfig(new TerminationConfig().withSpentLimit(
                                    limit)))
                    : splitAbove != null ? new FieldPlanSolver(FieldPlanSolverConfig.create(limit, splitAbove,
                            PartitionedSearch.PART_SHIFTS))
                    : FieldPlanSolver.withTimeLimit(limit);
            PlanSummary greedy = PlanSummary.of(solver.greedyBaseline(prepared));
            FieldPlan sendHome = prepared.copyUnassigned();
            GreedyPlanner.planInPlace(sendHome, LoneCanvassers.SEND_HOME);
            double sendHomeVotes = PlanSummary.of(sendHome).expectedNetVotes();
            ProgressRecorder progress = new ProgressRecorder(solveSeconds);
            progress.start();
            SolveResult solved = solver.solve(prepared, progress);
            PlanSummary best = PlanSummary.of(solved.plan());
            printDeployment(best.deployment(), prepared.getStagingLocations().size());
            List<Sample> timeline = progress.finish(solved.plan(), solved.millisSpent());
            long peakHeap = heap.peakBytes();

            FlowUpperBound.Result upper = bound ? FlowUpperBound.of(solved.plan()) : null;
            if (upper != null) {
                System.out.printf(Locale.ROOT, "   the bound's optimal flow sends %.1f%% of its shifts to close districts%n",
                        100 * upper.closeShiftShare());
            }
            double boundVotes = upper == null ? Double.NaN : upper.expectedVotes();
            return new InstanceResult(name, prepared.getPrecincts().size(), prepared.getVolunteers().size(),
                    prepared.getShifts().size(), solveSeconds, (loaded - start) / 1_000_000, prepareMillis,
                    greedy.expectedNetVotes(), greedy.score(), solved.millisToFirstFeasible(), best.score(),
                    -best.hardScore(), best.expectedNetVotes(),
                    gainPercent(best.expectedNetVotes(), greedy.expectedNetVotes()), solved.scoreCalculationSpeed(),
                    peakHeap, timeline, sendHomeVotes, boundVotes, upper == null ? 0 : upper.millis(),
                    percentOf(best.expectedNetVotes(), boundVotes),
                    percentOf(votesAt(timeline, 10_000), boundVotes), percentOf(votesAt(timeline, 30_000), boundVotes),
                    percentOf(greedy.expectedNetVotes(), boundVotes));
        }
    }

    private static void printDeployment(DeploymentFigures figures, int stagingLocations) {
        System.out.printf(Locale.ROOT, "   close districts (pivotality ≥ %.1f): %.1f%% of the value, %.1f%% of the shifts, "
                        + "%.1f%% of the expected votes; %d volunteers deployed (%d shifts); %d staging locations; "
                        + "%d seats used; %,d car-minutes%n",
                DeploymentFigures.CLOSE_PIVOTALITY, 100 * figures.closeValueShare(), 100 * figures.closeShiftShare(),
                100 * figures.closeVoteShare(), figures.volunteersDeployed(), figures.deployedShifts(),
                stagingLocations, figures.seatsUsed(), figures.carMinutes());
    }

    private static FieldPlanProblem withCandidates(FieldPlanProblem problem, Integer candidates) {
        if (candidates == null) {
            return problem;
        }
        TravelParameters t = problem.travel();
        TravelParameters travel = new TravelParameters(t.roadDetourFactor(), t.walkKmh(), t.bikeKmh(),
                t.transitKmh(), t.carKmh(), candidates);
        return new FieldPlanProblem(problem.name(), problem.timeZone(), problem.voteModel(), travel,
                problem.districts(), problem.timeSlots(), problem.precincts(), problem.volunteers(), problem.weights(),
                problem.assignments());
    }

    /**
     * Expected votes of the best plan at {@code millis} into the solve: the last sample by then (NaN if none), allowing
     * the solver's own overrun of its limit (the final sample of a 10 s solve is taken at 10.0x s).
     */
    static double votesAt(List<Sample> timeline, long millis) {
        double votes = Double.NaN;
        for (Sample sample : timeline) {
            if (sample.millis() <= millis + LIMIT_OVERRUN_MILLIS) {
                votes = sample.expectedVotes();
            }
        }
        return votes;
    }

    private static double percentOf(double votes, double bound) {
        return 100 * votes / bound;
    }

    private static double gainPercent(double votes, double greedyVotes) {
        return greedyVotes == 0 ? 0 : 100 * (votes - greedyVotes) / greedyVotes;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
