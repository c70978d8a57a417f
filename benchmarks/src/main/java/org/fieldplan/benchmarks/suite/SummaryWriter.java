package org.fieldplan.benchmarks.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.fieldplan.benchmarks.suite.SuiteResult.InstanceResult;
import org.fieldplan.benchmarks.suite.SvgLineChart.Point;

/**
 * Writes {@code summary.md} for a suite result: a table of every instance's figures, one expected-votes-over-time
 * chart per instance (greedy level dashed), the scaling charts (first feasible plan and peak heap against the number
 * of shifts, log-log) and the growth between consecutive generated sizes in words. Charts are SVG files beside it.
 */
final class SummaryWriter {

    private static final double MIB = 1024 * 1024;

    private SummaryWriter() {
    }

    static void write(SuiteResult result, Path folder) {
        StringBuilder md = new StringBuilder("# FieldPlan benchmark suite\n\n");
        md.append(String.format(Locale.ROOT, "Commit `%s`, %s; %d cores, max heap %.0f MiB, Java %s, %s.%n%n",
                result.gitCommit(), result.date(), result.machine().cores(), result.machine().maxHeapBytes() / MIB,
                result.machine().javaVersion(), result.machine().os()));
        md.append("Command: `").append(result.command()).append("`\n\n");
        table(md, result.instances());
        boundTable(md, result.instances());
        md.append("\n## Expected net votes over solve time\n\n");
        for (InstanceResult instance : result.instances()) {
            String file = "votes-" + instance.name() + ".svg";
            writeFile(folder.resolve(file), votesChart(instance).render());
            md.append("![").append(instance.name()).append("](").append(file).append(")\n");
        }
        md.append("\n## Scaling\n\n");
        List<InstanceResult> bySize = result.instances().stream()
                .sorted(Comparator.comparingInt(InstanceResult::shifts)).toList();
        List<InstanceResult> feasible = bySize.stream().filter(i -> i.millisToFirstFeasible() > 0).toList();
        if (!feasible.isEmpty()) {
            writeFile(folder.resolve("scaling-first-feasible.svg"), scalingChart("Time to first feasible plan",
                    "seconds", feasible, i -> i.millisToFirstFeasible() / 1000.0).render());
            md.append("![first feasible](scaling-first-feasible.svg)\n");
        }
        writeFile(folder.resolve("scaling-peak-heap.svg"),
                scalingChart("Peak heap", "MiB", bySize, i -> i.peakHeapBytes() / MIB).render());
        md.append("![peak heap](scaling-peak-heap.svg)\n\n");
        growth(md, bySize.stream().filter(i -> isGenerated(i.name())).toList());
        writeFile(folder.resolve("summary.md"), md.toString());
    }

    private static void table(StringBuilder md, List<InstanceResult> instances) {
        md.append("| instance | precincts | volunteers | shifts | solve limit | load | prepare | greedy votes "
                + "| FieldPlan votes | gain | first feasible | final score | score calc/s | peak heap |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|\n");
        for (InstanceResult i : instances) {
            md.append(String.format(Locale.ROOT,
                    "| %s | %,d | %,d | %,d | %d s | %.1f s | %.1f s | %,.1f | %,.1f | %+.2f%% | %s | %s | %,d | %,.0f MiB |%n",
                    i.name(), i.precincts(), i.volunteers(), i.shifts(), i.solveSeconds(), i.loadMillis() / 1000.0,
                    i.prepareMillis() / 1000.0, i.greedyExpectedVotes(), i.expectedVotes(), i.gainOverGreedyPercent(),
                    i.millisToFirstFeasible() < 0 ? "never" : String.format(Locale.ROOT, "%.2f s",
                            i.millisToFirstFeasible() / 1000.0),
                    i.finalScore(), i.scoreCalculationSpeed(), i.peakHeapBytes() / MIB));
        }
    }

    private static void boundTable(StringBuilder md, List<InstanceResult> instances) {
        md.append("\n## Against the flow upper bound\n\n| instance | bound (expected votes) | bound time "
                + "| greedy, lone canvassers sent home | greedy | FieldPlan 10 s | FieldPlan 30 s | FieldPlan final |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (InstanceResult i : instances) {
            md.append(String.format(Locale.ROOT, "| %s | %,.2f | %.1f s | %.2f%% | %.2f%% | %.2f%% | %.2f%% | %.2f%% |%n",
                    i.name(), i.boundExpectedVotes(), i.boundMillis() / 1000.0,
                    100 * i.sendHomeGreedyExpectedVotes() / i.boundExpectedVotes(), i.greedyPercentOfBound(),
                    i.percentOfBoundAt10s(), i.percentOfBoundAt30s(), i.percentOfBound()));
        }
    }

    private static SvgLineChart votesChart(InstanceResult instance) {
        List<Point> solver = instance.timeline().stream()
                .map(s -> new Point(s.millis() / 1000.0, s.expectedVotes())).toList();
        List<Point> greedy = List.of(new Point(0, instance.greedyExpectedVotes()),
                new Point(instance.solveSeconds(), instance.greedyExpectedVotes()));
        return new SvgLineChart(instance.name() + ": expected net votes of the best plan", "solve time (s)", false,
                "expected net votes", false)
                .line("FieldPlan best plan", solver)
                .dashed("greedy baseline", greedy);
    }

    private static SvgLineChart scalingChart(String title, String unit, List<InstanceResult> instances,
            ToDoubleFunction<InstanceResult> figure) {
        List<Point> generated = new ArrayList<>();
        List<Point> real = new ArrayList<>();
        for (InstanceResult i : instances) {
            Point p = new Point(i.shifts(), figure.applyAsDouble(i), i.name());
            (isGenerated(i.name()) ? generated : real).add(p);
        }
        SvgLineChart chart = new SvgLineChart(title + " vs. size", "shifts (log)", true, unit + " (log)", true)
                .line("generated regions", generated);
        return real.isEmpty() ? chart : chart.line("real regions", real);
    }

    private static void growth(StringBuilder md, List<InstanceResult> generated) {
        for (int k = 1; k < generated.size(); k++) {
            InstanceResult a = generated.get(k - 1);
            InstanceResult b = generated.get(k);
            md.append(String.format(Locale.ROOT, "- %s→%s: %.1f× shifts, first feasible %s, peak heap %.1f× larger, "
                            + "score calculation speed %.2f×.%n", a.name(), b.name(), (double) b.shifts() / a.shifts(),
                    feasibleGrowth(a, b), (double) b.peakHeapBytes() / a.peakHeapBytes(),
                    (double) b.scoreCalculationSpeed() / Math.max(1, a.scoreCalculationSpeed())));
        }
    }

    private static String feasibleGrowth(InstanceResult a, InstanceResult b) {
        if (a.millisToFirstFeasible() <= 0 || b.millisToFirstFeasible() <= 0) {
            return String.format(Locale.ROOT, "%d ms → %d ms", a.millisToFirstFeasible(), b.millisToFirstFeasible());
        }
        return String.format(Locale.ROOT, "%.1f× slower", (double) b.millisToFirstFeasible() / a.millisToFirstFeasible());
    }

    private static boolean isGenerated(String name) {
        return SuiteInstance.valueOf(name).generated();
    }

    private static void writeFile(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
