package org.fieldplan.benchmarks.optimum;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.fieldplan.benchmarks.optimum.ComparisonResult.InstanceResult;

/** The Markdown summary of a {@link ComparisonResult}: one table row per instance. */
final class ComparisonTable {

    private ComparisonTable() {
    }

    static String markdown(ComparisonResult result) {
        StringBuilder text = new StringBuilder();
        text.append("# FieldPlan against the CP-SAT optimum\n\n");
        text.append(String.format(Locale.ROOT, "Commit %s, %s; %d cores, Java %s; load average %.1f at start, %.1f at "
                        + "end (machine shared with other builds). CP-SAT %d s with %d workers; FieldPlan %d s.%n%n",
                result.commit(), result.date(), result.machine().cores(), result.machine().javaVersion(),
                result.loadAverageAtStart(), result.loadAverageAtEnd(), result.cpSatSeconds(), result.cpSatWorkers(),
                result.fieldPlanSeconds()));
        text.append("`").append(result.command()).append("`\n\n");
        List<Integer> checkpoints = result.instances().isEmpty() ? List.of()
                : result.instances().get(0).checkpointSeconds();
        text.append("| instance | precincts / volunteers / shifts | CP-SAT | CP-SAT objective (bound) | ");
        text.append(checkpoints.stream().map(s -> "FieldPlan " + s + " s").collect(Collectors.joining(" | ")));
        text.append(" | FieldPlan / bound | greedy | plans agree |\n|---|---|---|---|");
        text.append("---|".repeat(checkpoints.size())).append("---|---|---|\n");
        for (InstanceResult instance : result.instances()) {
            text.append(String.format(Locale.ROOT, "| %s seed %d | %d / %d / %d | %s %.0f s | %s (%s) | ",
                    instance.size(), instance.seed(), instance.precincts(), instance.volunteers(), instance.shifts(),
                    instance.cpSatStatus(), instance.cpSatSeconds(), instance.cpSatObjective(), instance.cpSatBound()));
            text.append(instance.fieldPlanPercent().stream().map(ComparisonTable::percent)
                    .collect(Collectors.joining(" | ")));
            text.append(String.format(Locale.ROOT, " | %s | %s | %s |%n", percent(instance.fieldPlanPercentOfBound()),
                    percent(instance.greedyPercent()),
                    instance.cpSatPlanAgrees() && instance.fieldPlanPlanAgrees() ? "yes" : "NO"));
        }
        text.append("\nPercentages are of CP-SAT's objective (the optimum where CP-SAT says OPTIMAL): soft score in "
                + "micro-votes, votes minus tie-breakers. \"plans agree\": FieldPlan scores CP-SAT's plan as CP-SAT "
                + "does, and the CP-SAT model fixed to FieldPlan's plan gives FieldPlan's score.\n");
        return text.toString();
    }

    private static String percent(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.2f %%", value);
    }
}
