package org.fieldplan.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import org.fieldplan.benchmarks.suite.ResultComparison.Change;
import org.fieldplan.benchmarks.suite.ResultComparison.Report;
import org.fieldplan.benchmarks.suite.SuiteResult.InstanceResult;
import org.fieldplan.benchmarks.suite.SuiteResult.Machine;
import org.fieldplan.benchmarks.suite.SuiteResult.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compare command on synthetic result pairs: a slowed constraint is flagged, run-to-run noise is not. */
class CompareResultsTest {

    private static final Machine MACHINE = new Machine(2, 8L << 30, "17.0.15", "Linux 6 amd64");

    @TempDir
    Path folder;

    @Test
    void flagsADeliberatelySlowedConstraint() {
        // A constraint made slower: 40% fewer score calculations per second, first feasible plan twice as late.
        SuiteResult current = suite(instance("M", i -> withSpeedAndFeasible(i, 72_000, 3_000)));

        Report report = ResultComparison.compare(baseline(), current, RegressionThresholds.DEFAULTS);

        assertThat(report.changes()).filteredOn(Change::regressed).extracting(Change::figure)
                .containsExactlyInAnyOrder(Figure.SCORE_CALCULATION_SPEED, Figure.FIRST_FEASIBLE_MILLIS);
        assertThat(report.regressed()).isTrue();
    }

    @Test
    void toleratesRunToRunNoise() {
        // 5% slower calculation, +150 ms to first feasible (+10%), 0.2% fewer votes, +20 MiB heap.
        SuiteResult current = suite(instance("M", CompareResultsTest::noisy));

        Report report = ResultComparison.compare(baseline(), current, RegressionThresholds.DEFAULTS);

        assertThat(report.changes()).hasSize(Figure.values().length).noneMatch(Change::regressed);
        assertThat(report.notCompared()).isEmpty();
    }

    @Test
    void flagsHardViolationsAndLostFeasibility() {
        SuiteResult current = suite(instance("M", i -> new InstanceResult(i.name(), i.precincts(), i.volunteers(),
                i.shifts(), i.solveSeconds(), i.loadMillis(), i.prepareMillis(), i.greedyExpectedVotes(),
                i.greedyScore(), -1, "-2hard/0medium/80000000soft", 2, i.expectedVotes(), i.gainOverGreedyPercent(),
                i.scoreCalculationSpeed(), i.peakHeapBytes(), i.timeline(), i.sendHomeGreedyExpectedVotes(), i.boundExpectedVotes(), i.boundMillis(), i.percentOfBound(),
                i.percentOfBoundAt10s(), i.percentOfBoundAt30s(), i.greedyPercentOfBound())));

        Report report = ResultComparison.compare(baseline(), current, RegressionThresholds.DEFAULTS);

        assertThat(report.changes()).filteredOn(Change::regressed).extracting(Change::figure)
                .containsExactlyInAnyOrder(Figure.HARD_VIOLATIONS, Figure.FIRST_FEASIBLE_MILLIS);
    }

    @Test
    void flagsADropInPercentOfBoundButNotAMissingBound() {
        SuiteResult dropped = suite(instance("M", i -> withPercentOfBound(i, i.percentOfBound() - 1.0)));
        SuiteResult unbounded = suite(instance("M", i -> withPercentOfBound(i, Double.NaN)));

        Report report = ResultComparison.compare(baseline(), dropped, RegressionThresholds.DEFAULTS);
        Report withoutBound = ResultComparison.compare(baseline(), unbounded, RegressionThresholds.DEFAULTS);

        assertThat(report.changes()).filteredOn(Change::regressed).extracting(Change::figure)
                .containsExactly(Figure.PERCENT_OF_BOUND);
        assertThat(withoutBound.regressed()).isFalse();
    }

    @Test
    void instancesMissingOnOneSideAreListedNotFlagged() {
        SuiteResult current = suite(instance("M", UnaryOperator.identity()), instance("XL", UnaryOperator.identity()));
        SuiteResult baseline = suite(instance("M", UnaryOperator.identity()), instance("L", UnaryOperator.identity()));

        Report report = ResultComparison.compare(baseline, current, RegressionThresholds.DEFAULTS);

        assertThat(report.regressed()).isFalse();
        assertThat(report.notCompared()).containsExactlyInAnyOrder("XL (not in baseline)", "L (not in current result)");
    }

    @Test
    void commandExitsWithOneOnRegressionAndZeroOtherwise() {
        Path baseline = folder.resolve("baseline.json");
        Path slowed = folder.resolve("slowed.json");
        ResultFiles.write(baseline(), baseline);
        ResultFiles.write(suite(instance("M", i -> withSpeedAndFeasible(i, 72_000, 3_000))), slowed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int regressed = CompareResults.run(new String[] {baseline.toString(), slowed.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        int unchanged = CompareResults.run(new String[] {baseline.toString(), baseline.toString()},
                new PrintStream(OutputStream.nullOutputStream()), System.err);
        int looser = CompareResults.run(new String[] {baseline.toString(), slowed.toString(), "--throughput-drop",
                "50", "--time-rise", "150"}, new PrintStream(OutputStream.nullOutputStream()), System.err);

        assertThat(regressed).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("score calculations/s").contains("-40.0%")
                .contains("REGRESSED").contains("2 regression(s)");
        assertThat(unchanged).isZero();
        assertThat(looser).isZero();
    }

    @Test
    void commandRejectsUnknownOptionsWithExitCodeTwo() {
        Path baseline = folder.resolve("baseline.json");
        ResultFiles.write(baseline(), baseline);

        int code = CompareResults.run(new String[] {baseline.toString(), baseline.toString(), "--speed", "5"},
                new PrintStream(OutputStream.nullOutputStream()), new PrintStream(OutputStream.nullOutputStream()));

        assertThat(code).isEqualTo(2);
    }

    private static SuiteResult baseline() {
        return suite(instance("M", UnaryOperator.identity()));
    }

    private static SuiteResult suite(InstanceResult... instances) {
        return new SuiteResult(SuiteResult.SCHEMA_VERSION, "abc123", "2026-11-25T00:00:00Z", MACHINE, "test",
                List.of(instances));
    }

    /** A plausible M result (first feasible 1.5 s, 120,000 calculations/s), changed by {@code change}. */
    private static InstanceResult instance(String name, UnaryOperator<InstanceResult> change) {
        return change.apply(new InstanceResult(name, 400, 2000, 6500, 30, 900, 700, 80.0,
                "0hard/0medium/79000000soft", 1500, "0hard/0medium/82000000soft", 0, 82.0, 2.5, 120_000,
                300L << 20, List.of(new Sample(100, "0hard/0medium/80000000soft", 80.0),
                        new Sample(30_000, "0hard/0medium/82000000soft", 82.0)),
                79.0, 84.0, 1_000, 97.62, 97.0, 97.62, 95.24));
    }

    private static InstanceResult withSpeedAndFeasible(InstanceResult i, long speed, long firstFeasibleMillis) {
        return new InstanceResult(i.name(), i.precincts(), i.volunteers(), i.shifts(), i.solveSeconds(), i.loadMillis(),
                i.prepareMillis(), i.greedyExpectedVotes(), i.greedyScore(), firstFeasibleMillis, i.finalScore(),
                i.hardViolations(), i.expectedVotes(), i.gainOverGreedyPercent(), speed, i.peakHeapBytes(),
                i.timeline(), i.sendHomeGreedyExpectedVotes(), i.boundExpectedVotes(), i.boundMillis(), i.percentOfBound(),
                i.percentOfBoundAt10s(), i.percentOfBoundAt30s(), i.greedyPercentOfBound());
    }

    private static InstanceResult withPercentOfBound(InstanceResult i, double percent) {
        return new InstanceResult(i.name(), i.precincts(), i.volunteers(), i.shifts(), i.solveSeconds(), i.loadMillis(),
                i.prepareMillis(), i.greedyExpectedVotes(), i.greedyScore(), i.millisToFirstFeasible(),
                i.finalScore(), i.hardViolations(), i.expectedVotes(), i.gainOverGreedyPercent(),
                i.scoreCalculationSpeed(), i.peakHeapBytes(), i.timeline(), i.sendHomeGreedyExpectedVotes(),
                i.boundExpectedVotes(), i.boundMillis(), percent, i.percentOfBoundAt10s(), i.percentOfBoundAt30s(),
                i.greedyPercentOfBound());
    }

    private static InstanceResult noisy(InstanceResult i) {
        return new InstanceResult(i.name(), i.precincts(), i.volunteers(), i.shifts(), i.solveSeconds(),
                i.loadMillis() + 50, i.prepareMillis() + 100, i.greedyExpectedVotes(), i.greedyScore(),
                i.millisToFirstFeasible() + 150, i.finalScore(), 0, i.expectedVotes() * 0.998,
                i.gainOverGreedyPercent() - 0.2, (long) (i.scoreCalculationSpeed() * 0.95),
                i.peakHeapBytes() + (20L << 20), i.timeline(), i.sendHomeGreedyExpectedVotes(), i.boundExpectedVotes(),
                i.boundMillis(), i.percentOfBound() - 0.2, i.percentOfBoundAt10s() - 0.3, i.percentOfBoundAt30s(),
                i.greedyPercentOfBound());
    }
}
