package org.fieldplan.benchmarks.suite;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.fieldplan.benchmarks.suite.ResultComparison.Change;
import org.fieldplan.benchmarks.suite.ResultComparison.Report;

/**
 * Prints the change of every figure of a suite result against a baseline result and flags regressions beyond
 * noise. Exit code 1 when anything regressed, 0 when nothing did, 2 on bad arguments or unreadable files.
 *
 * <pre>
 * CompareResults BASELINE.json CURRENT.json [--throughput-drop PCT] [--time-rise PCT] [--time-slack-ms MS]
 *                [--votes-drop PCT] [--heap-rise PCT] [--heap-slack-mib MIB] [--bound-drop POINTS]
 * </pre>
 *
 * Defaults: {@link RegressionThresholds#DEFAULTS}.
 */
public final class CompareResults {

    static final String USAGE = "usage: CompareResults BASELINE.json CURRENT.json [--throughput-drop PCT] "
            + "[--time-rise PCT] [--time-slack-ms MS] [--votes-drop PCT] [--heap-rise PCT] [--heap-slack-mib MIB] "
            + "[--bound-drop POINTS]";

    private static final Set<String> OPTIONS = Set.of("--throughput-drop", "--time-rise", "--time-slack-ms",
            "--votes-drop", "--heap-rise", "--heap-slack-mib", "--bound-drop");

    private CompareResults() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the comparison and returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length < 2) {
                throw new IllegalArgumentException(USAGE);
            }
            RegressionThresholds thresholds = parseThresholds(args);
            Report report = ResultComparison.compare(ResultFiles.read(Path.of(args[0])),
                    ResultFiles.read(Path.of(args[1])), thresholds);
            print(report, thresholds, out);
            return report.regressed() ? 1 : 0;
        } catch (RuntimeException e) {
            err.println("compare: " + e.getMessage());
            return 2;
        }
    }

    private static RegressionThresholds parseThresholds(String[] args) {
        Map<String, Double> options = new HashMap<>();
        for (int i = 2; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value\n" + USAGE);
            }
            options.put(args[i], Double.parseDouble(args[i + 1]));
        }
        RegressionThresholds d = RegressionThresholds.DEFAULTS;
        return new RegressionThresholds(options.getOrDefault("--throughput-drop", d.throughputDropPercent()),
                options.getOrDefault("--time-rise", d.timeRisePercent()),
                options.getOrDefault("--time-slack-ms", d.timeSlackMillis()),
                options.getOrDefault("--votes-drop", d.votesDropPercent()),
                options.getOrDefault("--heap-rise", d.heapRisePercent()),
                options.getOrDefault("--heap-slack-mib", d.heapSlackMib()),
                options.getOrDefault("--bound-drop", d.boundDropPoints()));
    }

    private static void print(Report report, RegressionThresholds thresholds, PrintStream out) {
        report.warnings().forEach(w -> out.println("warning: " + w));
        report.notCompared().forEach(n -> out.println("not compared: " + n));
        out.printf(Locale.ROOT, "%-9s %-24s %16s %16s %9s%n", "instance", "figure", "baseline", "current", "change");
        for (Change c : report.changes()) {
            out.printf(Locale.ROOT, "%-9s %-24s %16s %16s %9s%s%n", c.instance(), c.figure().label(),
                    number(c.baseline()), number(c.current()),
                    Double.isNaN(c.percent()) ? "n/a" : String.format(Locale.ROOT, "%+.1f%%", c.percent()),
                    c.regressed() ? "  REGRESSED (limit " + thresholds.describe(c.figure()) + ")" : "");
        }
        long regressions = report.changes().stream().filter(Change::regressed).count();
        out.println(regressions == 0 ? "no regressions" : regressions + " regression(s)");
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return Double.isInfinite(value) ? "never" : String.format(Locale.ROOT, "%,.2f", value);
    }
}
