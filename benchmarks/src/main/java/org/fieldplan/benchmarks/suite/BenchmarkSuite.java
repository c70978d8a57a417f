package org.fieldplan.benchmarks.suite;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.fieldplan.benchmarks.BenchmarkProblems;
import org.fieldplan.benchmarks.figures.FiguresDoc;
import org.fieldplan.benchmarks.suite.SuiteResult.InstanceResult;
import org.fieldplan.benchmarks.suite.SuiteResult.Machine;

/**
 * The tracked benchmark suite: runs the standard instances (generated S, M, M_HEAVY, L, optionally XL, and the real
 * regions Rhode Island, New Hampshire and Connecticut, each also votes-only) one after the other in this JVM, reads
 * every plan against the flow upper bound, and writes {@code result.json} and {@code summary.md} with SVG charts to
 * the output folder (default {@code out/bench-suite}). Compare two result files with {@link CompareResults}. Options: see
 * {@link SuiteOptions}.
 */
public final class BenchmarkSuite {

    private BenchmarkSuite() {
    }

    public static void main(String[] args) {
        SuiteOptions options;
        try {
            options = SuiteOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.instances().stream().anyMatch(SuiteInstance::real)) {
            BenchmarkProblems.requireData(options.data());
        }
        String date = Instant.now().toString();
        double loadAtStart = loadAverage();
        List<InstanceResult> results = new ArrayList<>();
        for (SuiteInstance instance : options.instances()) {
            int seconds = options.seconds().get(instance);
            System.out.printf("== %s: solving %d s%n", instance, seconds);
            InstanceResult result = InstanceRunner.run(instance.name(), instance.loader(options.data()), seconds,
                    options.candidates(), options.bound(), options.solverConfig(), options.splitAbove());
            System.out.printf(Locale.ROOT, "   %,d shifts, greedy %.2f → %.2f votes (%+.2f%%), bound %.2f: %.2f%% of "
                            + "bound (10 s %.2f%%, 30 s %.2f%%, greedy %.2f%%), first feasible %d ms, %,d calc/s, "
                            + "peak heap %d MiB%n", result.shifts(), result.greedyExpectedVotes(), result.expectedVotes(),
                    result.gainOverGreedyPercent(), result.boundExpectedVotes(), result.percentOfBound(),
                    result.percentOfBoundAt10s(), result.percentOfBoundAt30s(), result.greedyPercentOfBound(),
                    result.millisToFirstFeasible(), result.scoreCalculationSpeed(), result.peakHeapBytes() >> 20);
            results.add(result);
        }
        String command = "BenchmarkSuite " + String.join(" ", args) + " (JVM " + String.join(" ",
                ManagementFactory.getRuntimeMXBean().getInputArguments()) + ")";
        SuiteResult suite = new SuiteResult(SuiteResult.SCHEMA_VERSION, gitCommit(), date, machine(),
                command.replaceAll(" +", " ").trim(), results);
        ResultFiles.write(suite, options.out().resolve("result.json"));
        SummaryWriter.write(suite, options.out());
        System.out.println("wrote " + options.out().resolve("result.json") + " and summary.md");
        if (options.figures() != null) {
            String load = String.format(Locale.ROOT, "1-min load average %.1f → %.1f on %d cores", loadAtStart,
                    loadAverage(), Runtime.getRuntime().availableProcessors());
            FiguresDoc.write(FiguresDoc.refreshed(FiguresDoc.read(options.figures()), suite, load),
                    options.figures());
            FiguresDoc.render(options.figures(), options.doc());
            System.out.println("refreshed " + options.figures() + " and the figures table of " + options.doc());
        }
    }

    /** The figures depend on what else runs: the load is recorded beside them. */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** The machine this JVM runs on (cores, heap limit, Java, OS). */
    public static Machine machine() {
        return new Machine(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory(),
                System.getProperty("java.version"), System.getProperty("os.name") + " " + System.getProperty("os.version")
                + " " + System.getProperty("os.arch"));
    }

    /** The checked-out commit, {@code +dirty} when tracked files differ from it, or {@code unknown}. */
    public static String gitCommit() {
        String head = git("rev-parse", "HEAD");
        if (head.isEmpty()) {
            return "unknown";
        }
        return git("status", "--porcelain", "--untracked-files=no").isEmpty() ? head : head + "+dirty";
    }

    private static String git(String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.waitFor() == 0 ? output : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
