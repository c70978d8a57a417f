package org.fieldplan.data.cli;

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
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fieldplan check}: reads a problem file with every rule of the solver's validation and, when given, scores
 * a plan file's assignments again on it (every assignment placed, no hard rule broken); nothing is solved or stored.
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
        PlanDocument plan = planFile == null ? null : PlanJson.read(CliContext.existingFile(spec, "--plan", planFile));
        if (plan != null && !plan.problemName().equals(problem.name())) {
            throw new DataRefusedException(planFile + " is a plan of '" + plan.problemName() + "', not of '"
                    + problem.name() + "'");
        }
        FieldPlan prepared = ProblemPreparer.prepare(plan == null ? problem : problem.withAssignments(plan.assignments()));
        context.out().printf(Locale.ROOT, "%s: valid problem %s: %d precincts, %d volunteers, %d time slots, "
                + "%d shifts offered%n", problemFile, problem.name(), problem.precincts().size(),
                problem.volunteers().size(), problem.timeSlots().size(), prepared.getShifts().size());
        if (plan != null) {
            checkPlan(plan, prepared);
        }
        return 0;
    }

    /** The plan's assignments scored again on the problem: each must place a shift, and no hard rule may break. */
    private void checkPlan(PlanDocument plan, FieldPlan prepared) {
        long placed = prepared.getShifts().stream().filter(shift -> shift.getPrecinct() != null).count();
        if (placed != plan.assignments().size()) {
            throw new DataRefusedException(planFile + ": " + (plan.assignments().size() - placed) + " of "
                    + plan.assignments().size() + " assignments name a volunteer, slot or precinct the problem "
                    + "does not have");
        }
        HardMediumSoftLongScore score = FieldPlanSolver.withTimeLimit(Duration.ofSeconds(1)).score(prepared);
        PlanSummary summary = PlanSummary.of(prepared);
        if (score.hardScore() < 0) {
            throw new DataRefusedException(planFile + ": breaks hard rules, score " + score + " (fieldplan solve "
                    + "with the plan's assignments in the problem repairs it)");
        }
        context.out().printf(Locale.ROOT, "%s: plan of %s: score %s%s, %d shifts assigned, expected net votes %.2f%n",
                planFile, plan.problemName(), score, score.toString().equals(plan.summary().score()) ? ""
                        : " (the file states " + plan.summary().score() + ")", summary.assignedShifts(),
                summary.expectedNetVotes());
    }
}
