package org.fieldplan.data.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.data.io.ProblemJson;
import org.fieldplan.plan.PlanDocument;
import org.fieldplan.data.io.PlanJson;
import org.fieldplan.plan.PlanSummary;
import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.ProblemPreparer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fieldplan solve}: a problem file solved for a time, the best plan written with the greedy baseline's. */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = "Solves a problem file; prints the best score as it improves, then a summary against the "
                + "greedy baseline.",
        footer = {"", "Examples:", "  fieldplan solve --problem out/s.json --seconds 10 --out out/s-plan.json",
                "  fieldplan solve --problem docs/examples/problem-small.json --out out/small-plan.json"})
final class SolveCommand implements Callable<Integer> {

    /** Progress lines at most this often: large problems improve thousands of times a second. */
    private static final long PROGRESS_INTERVAL_MILLIS = 1000;

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--problem", required = true, paramLabel = "PROBLEM.json",
            description = "from fieldplan generate, fieldplan import real --out or docs/problem-format.md")
    Path problemFile;

    @Option(names = "--seconds", defaultValue = "30", description = "how long to solve (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--out", required = true, paramLabel = "PLAN.json", description = "the plan file to write")
    Path out;

    SolveCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        FieldPlanProblem problem = ProblemJson.read(CliContext.existingFile(spec, "--problem", problemFile));
        CliContext.positive(spec, "--seconds", seconds);
        PrintStream print = context.out();
        FieldPlan prepared = ProblemPreparer.prepare(problem);
        print.printf(Locale.ROOT, "solving %s: %d precincts, %d volunteers, %d shifts offered, %d s%n", problem.name(),
                problem.precincts().size(), problem.volunteers().size(), prepared.getShifts().size(), seconds);
        FieldPlanSolver solver = FieldPlanSolver.withTimeLimit(Duration.ofSeconds(seconds));
        long start = System.currentTimeMillis();
        long[] lastPrinted = {-PROGRESS_INTERVAL_MILLIS};
        PlanDocument plan = PlanDocument.solve(solver, prepared, best -> {
            long now = System.currentTimeMillis() - start;
            if (now - lastPrinted[0] >= PROGRESS_INTERVAL_MILLIS) {
                lastPrinted[0] = now;
                print.printf(Locale.ROOT, "%7.1fs  best %s  expected net votes %.2f%n", now / 1000.0,
                        best.getScore(), PlanSummary.of(best).expectedNetVotes());
            }
        });
        PlanJson.write(plan, out);
        printSummary(plan);
        return 0;
    }

    private void printSummary(PlanDocument plan) {
        PrintStream print = context.out();
        PlanSummary best = plan.summary();
        PlanSummary greedy = plan.greedyBaseline();
        double gain = greedy.expectedNetVotes() == 0 ? 0
                : 100 * (best.expectedNetVotes() / greedy.expectedNetVotes() - 1);
        print.printf(Locale.ROOT, "%nplan %s -> %s%n", plan.problemName(), out);
        print.printf(Locale.ROOT, "  score                 %s (greedy %s)%n", best.score(), greedy.score());
        print.printf(Locale.ROOT, "  hard violations       %d (greedy %d)%n", -best.hardScore(), -greedy.hardScore());
        print.printf(Locale.ROOT, "  expected net votes    %.2f (greedy %.2f, %+.1f%%)%n", best.expectedNetVotes(),
                greedy.expectedNetVotes(), gain);
        print.printf(Locale.ROOT, "  assigned shifts       %d of %d offered (greedy %d)%n", best.assignedShifts(),
                best.offeredShifts(), greedy.assignedShifts());
        print.printf(Locale.ROOT, "  volunteers used       %d of %d offering time (greedy %d)%n",
                best.volunteersAssigned(), best.volunteersOfferingTime(), greedy.volunteersAssigned());
        print.printf(Locale.ROOT, "  precincts covered     %d (greedy %d)%n", best.precinctsCovered(),
                greedy.precinctsCovered());
        print.printf(Locale.ROOT, "  travel                %d min total, %.1f min per shift (greedy %.1f)%n",
                best.totalTravelMinutes(), best.meanTravelMinutes(), greedy.meanTravelMinutes());
        print.printf(Locale.ROOT, "  first feasible plan   %d ms; score calculations %d/s%n",
                plan.solver().millisToFirstFeasible(), plan.solver().scoreCalculationSpeed());
    }
}
