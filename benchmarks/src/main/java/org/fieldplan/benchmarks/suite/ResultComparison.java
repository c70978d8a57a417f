package org.fieldplan.benchmarks.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.fieldplan.benchmarks.suite.SuiteResult.InstanceResult;

/**
 * Compares every figure of every instance of a current suite result with a baseline. Instances present in only one
 * of the two are reported as not compared rather than flagged, since a quick run may leave out XL or L on purpose.
 */
final class ResultComparison {

    /** One figure of one instance, before and after. */
    record Change(String instance, Figure figure, double baseline, double current, boolean regressed) {

        /** Relative change in percent; NaN when it is undefined (zero or never-reached baseline). */
        double percent() {
            if (baseline == 0 || Double.isInfinite(baseline) || Double.isInfinite(current)) {
                return Double.NaN;
            }
            return 100 * (current - baseline) / Math.abs(baseline);
        }
    }

    /**
     * @param notCompared names of instances in only one of the two results
     * @param warnings differences that make the figures less comparable (solve limits, machine)
     */
    record Report(List<Change> changes, List<String> notCompared, List<String> warnings) {

        boolean regressed() {
            return changes.stream().anyMatch(Change::regressed);
        }
    }

    private ResultComparison() {
    }

    static Report compare(SuiteResult baseline, SuiteResult current, RegressionThresholds thresholds) {
        Map<String, InstanceResult> before = byName(baseline);
        Map<String, InstanceResult> after = byName(current);
        List<Change> changes = new ArrayList<>();
        List<String> notCompared = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (!baseline.machine().equals(current.machine())) {
            warnings.add("different machine or JVM: " + baseline.machine() + " vs. " + current.machine());
        }
        for (InstanceResult now : current.instances()) {
            InstanceResult then = before.get(now.name());
            if (then == null) {
                notCompared.add(now.name() + " (not in baseline)");
                continue;
            }
            if (then.solveSeconds() != now.solveSeconds()) {
                warnings.add(now.name() + ": solve limit " + then.solveSeconds() + " s in the baseline, "
                        + now.solveSeconds() + " s now");
            }
            for (Figure figure : Figure.values()) {
                double b = figure.of(then);
                double c = figure.of(now);
                changes.add(new Change(now.name(), figure, b, c, thresholds.regressed(figure, b, c)));
            }
        }
        before.keySet().stream().filter(name -> !after.containsKey(name))
                .forEach(name -> notCompared.add(name + " (not in current result)"));
        return new Report(List.copyOf(changes), List.copyOf(notCompared), List.copyOf(warnings));
    }

    private static Map<String, InstanceResult> byName(SuiteResult result) {
        return result.instances().stream().collect(Collectors.toMap(InstanceResult::name, Function.identity()));
    }
}
