package org.fieldplan.data.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.io.ProblemJson;
import org.fieldplan.plan.PlanDocument;
import org.fieldplan.plan.PlanJson;
import org.fieldplan.plan.PlanSummary;
import org.fieldplan.solver.ProblemPreparer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fieldplan check}: reads a problem file with every rule of the solver's validation, and a plan file when
 * given, and prints what they hold; nothing is solved or stored.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Checks a problem file (and a plan of it) without solving: what they hold, or why they are refused.",
        footer = {"", "Examples:", "  fieldplan check --problem docs/examples/problem-small.json",
                "  fieldplan check --problem out/s.json --plan out/s-plan.json"})
final class CheckCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--problem", required = true, paramLabel = "PROBLEM.json", description = "docs/problem-format.md")
    Path problemFile;

    @Option(names = "--plan", paramLabel = "PLAN.json", description = "a plan written by fieldplan solve")
    Path planFile;

    CheckCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        FieldPlanProblem problem = ProblemJson.read(CliContext.existingFile(spec, "--problem", problemFile));
        FieldPlan prepared = ProblemPreparer.prepare(problem);
        context.out().printf(Locale.ROOT, "%s: valid problem %s: %d precincts, %d volunteers, %d time slots, "
                + "%d shifts offered%n", problemFile, problem.name(), problem.precincts().size(),
                problem.volunteers().size(), problem.timeSlots().size(), prepared.getShifts().size());
        if (planFile != null) {
            PlanDocument plan = PlanJson.read(CliContext.existingFile(spec, "--plan", planFile));
            if (!plan.problemName().equals(problem.name())) {
                throw new DataRefusedException(planFile + " is a plan of '" + plan.problemName() + "', not of '"
                        + problem.name() + "'");
            }
            PlanSummary summary = plan.summary();
            context.out().printf(Locale.ROOT, "%s: plan of %s: score %s, %d hard violations, %d shifts assigned, "
                    + "expected net votes %.2f%n", planFile, plan.problemName(), summary.score(),
                    -summary.hardScore(), summary.assignedShifts(), summary.expectedNetVotes());
        }
        return 0;
    }
}
