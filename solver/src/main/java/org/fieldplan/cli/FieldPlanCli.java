package org.fieldplan.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.generator.RegionGenerator;
import org.fieldplan.generator.RegionSize;
import org.fieldplan.io.ProblemJson;
import org.fieldplan.io.RealRegionProblem;
import org.fieldplan.mapping.ImportReport;
import org.fieldplan.mapping.LocationChecks;
import org.fieldplan.mapping.MappedPrecinctReader;
import org.fieldplan.mapping.MappingException;
import org.fieldplan.mapping.PrecinctMapping;
import org.fieldplan.plan.PlanDocument;
import org.fieldplan.plan.PlanJson;
import org.fieldplan.plan.PlanSummary;
import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.ProblemPreparer;
import org.fieldplan.validation.ProblemValidationException;
import org.locationtech.jts.geom.Point;

/**
 * The FieldPlan command line: generate demo problems, import real data, solve. User errors print one line
 * ({@code fieldplan: ...}) and exit 2; nothing is half-written.
 */
public final class FieldPlanCli {

    private static final CliUsage USAGE = new CliUsage("""
            usage: fieldplan <command> [options]
              generate --size S|M|L|XL --seed N --out problem.json
              import   --precincts ri-precincts.geojson --mapping rhode-island|new-hampshire|MAPPING.json
                       --census cenpop2020_bg_RI.csv --volunteers N --seed N --out problem.json
              solve    --problem problem.json --seconds N --out plan.json
            """);
    /** Progress lines at most this often: large problems improve thousands of times a second. */
    private static final long PROGRESS_INTERVAL_MILLIS = 1000;

    private final PrintStream out;

    FieldPlanCli(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new FieldPlanCli(System.out).run(args));
    }

    /** Runs one command; returns the process exit code. */
    int run(String[] args) {
        try {
            if (args.length == 0) {
                out.print(USAGE.text());
                return 2;
            }
            if (CliUsage.asksForHelp(args)) {
                out.print(USAGE.helpFor(args));
                return 0;
            }
            switch (args[0]) {
                case "generate" -> generate(new CliArguments("generate", args, 1, Set.of("size", "seed", "out")));
                case "import" -> importRealData(new CliArguments("import", args, 1,
                        Set.of("precincts", "mapping", "census", "volunteers", "seed", "out", "name")));
                case "solve" -> solve(new CliArguments("solve", args, 1, Set.of("problem", "seconds", "out")));
                default -> throw new CliException("unknown command '" + args[0] + "' (try: fieldplan help)");
            }
            return 0;
        } catch (CliException | UncheckedIOException | MappingException e) {
            System.err.println("fieldplan: " + e.getMessage());
            return 2;
        } catch (ProblemValidationException e) {
            System.err.println("fieldplan: invalid problem: " + String.join("; ", e.getMessage().lines().toList()));
            return 2;
        }
    }

    private void generate(CliArguments arguments) {
        RegionSize size = arguments.choice("size", RegionSize.class);
        long seed = arguments.anyLong("seed", "7");
        Path target = arguments.path("out");
        FieldPlanProblem problem = new RegionGenerator().generate(size, seed);
        ProblemJson.write(problem, target);
        out.printf(Locale.ROOT, "generated %s: %d precincts, %d volunteers, %d time slots -> %s%n", problem.name(),
                problem.precincts().size(), problem.volunteers().size(), problem.timeSlots().size(), target);
    }

    private void importRealData(CliArguments arguments) {
        Path precincts = arguments.existingFile("precincts");
        Path census = arguments.existingFile("census");
        PrecinctMapping mapping = PrecinctMapping.resolve(arguments.required("mapping"));
        int volunteers = (int) arguments.positiveLong("volunteers", "2000");
        long seed = arguments.anyLong("seed", "7");
        Path target = arguments.path("out");
        String name = arguments.optional("name", precincts.getFileName() + " with " + volunteers + " volunteers");
        ImportReport report = new MappedPrecinctReader(mapping, false).read(precincts, precincts.toString()).report();
        if (!report.accepted()) {
            report.lines().forEach(System.err::println);
            throw new CliException(precincts + " rejected (errors above, one per line)");
        }
        report.lines().stream().skip(1).forEach(out::println);
        FieldPlanProblem problem = RealRegionProblem.build(name, report.precincts(), census, volunteers, seed);
        List<Point> homes = problem.volunteers().stream().map(Volunteer::getHome).toList();
        LocationChecks.mostlyFarFrom(report.precincts(), homes).ifPresent(error -> {
            throw new CliException(precincts + " rejected: " + error);
        });
        LocationChecks.farFromVolunteers(report.precincts(), homes)
                .forEach(warning -> out.println("warning: " + warning));
        ProblemJson.write(problem, target);
        out.printf(Locale.ROOT, "imported %s: %d precincts, %d volunteers -> %s%n", name, problem.precincts().size(),
                problem.volunteers().size(), target);
    }

    private void solve(CliArguments arguments) {
        FieldPlanProblem problem = ProblemJson.read(arguments.existingFile("problem"));
        long seconds = arguments.positiveLong("seconds", "30");
        Path target = arguments.path("out");
        FieldPlan prepared = ProblemPreparer.prepare(problem);
        out.printf(Locale.ROOT, "solving %s: %d precincts, %d volunteers, %d shifts offered, %d s%n", problem.name(),
                problem.precincts().size(), problem.volunteers().size(), prepared.getShifts().size(), seconds);
        FieldPlanSolver solver = FieldPlanSolver.withTimeLimit(Duration.ofSeconds(seconds));
        long start = System.currentTimeMillis();
        long[] lastPrinted = {-PROGRESS_INTERVAL_MILLIS};
        PlanDocument plan = PlanDocument.solve(solver, prepared, best -> {
            long now = System.currentTimeMillis() - start;
            if (now - lastPrinted[0] >= PROGRESS_INTERVAL_MILLIS) {
                lastPrinted[0] = now;
                out.printf(Locale.ROOT, "%7.1fs  best %s  expected net votes %.2f%n", now / 1000.0, best.getScore(),
                        PlanSummary.of(best).expectedNetVotes());
            }
        });
        PlanJson.write(plan, target);
        printSummary(plan, target);
    }

    private void printSummary(PlanDocument plan, Path target) {
        PlanSummary best = plan.summary();
        PlanSummary greedy = plan.greedyBaseline();
        double gain = greedy.expectedNetVotes() == 0 ? 0
                : 100 * (best.expectedNetVotes() / greedy.expectedNetVotes() - 1);
        out.printf(Locale.ROOT, "%nplan %s -> %s%n", plan.problemName(), target);
        out.printf(Locale.ROOT, "  score                 %s (greedy %s)%n", best.score(), greedy.score());
        out.printf(Locale.ROOT, "  hard violations       %d (greedy %d)%n", -best.hardScore(), -greedy.hardScore());
        out.printf(Locale.ROOT, "  expected net votes    %.2f (greedy %.2f, %+.1f%%)%n", best.expectedNetVotes(),
                greedy.expectedNetVotes(), gain);
        out.printf(Locale.ROOT, "  assigned shifts       %d of %d offered (greedy %d)%n", best.assignedShifts(),
                best.offeredShifts(), greedy.assignedShifts());
        out.printf(Locale.ROOT, "  volunteers used       %d of %d offering time (greedy %d)%n",
                best.volunteersAssigned(), best.volunteersOfferingTime(), greedy.volunteersAssigned());
        out.printf(Locale.ROOT, "  precincts covered     %d (greedy %d)%n", best.precinctsCovered(),
                greedy.precinctsCovered());
        out.printf(Locale.ROOT, "  travel                %d min total, %.1f min per shift (greedy %.1f)%n",
                best.totalTravelMinutes(), best.meanTravelMinutes(), greedy.meanTravelMinutes());
        out.printf(Locale.ROOT, "  first feasible plan   %d ms; score calculations %d/s%n",
                plan.solver().millisToFirstFeasible(), plan.solver().scoreCalculationSpeed());
    }
}
