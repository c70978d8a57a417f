package org.fieldplan.benchmarks.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.fieldplan.benchmarks.suite.SuiteResult.Sample;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.plan.PlanSummary;

/**
 * Records the best plan over time from the solver's new-best callback. The callback runs on the solver thread and
 * summarizing a large plan costs milliseconds, so improvements closer than the minimum interval to the last sample
 * are skipped; {@link #finish} adds the final plan so the series always ends at the result.
 */
final class ProgressRecorder implements Consumer<FieldPlan> {

    private final long minIntervalMillis;
    private final List<Sample> samples = new ArrayList<>();
    private long startNanos;
    private long lastSampleMillis;

    /** About a hundred points per run, but never more often than four a second. */
    ProgressRecorder(int solveSeconds) {
        this.minIntervalMillis = Math.max(250, solveSeconds * 10L);
        // So that the first improvement is always recorded.
        this.lastSampleMillis = -minIntervalMillis;
    }

    /** Marks the start of the solve; sample times count from here. */
    void start() {
        startNanos = System.nanoTime();
    }

    @Override
    public void accept(FieldPlan bestPlan) {
        long millis = elapsedMillis();
        if (millis - lastSampleMillis >= minIntervalMillis) {
            record(millis, bestPlan);
        }
    }

    /** Adds the final best plan at the solver's reported end time and returns the series. */
    List<Sample> finish(FieldPlan finalPlan, long millisSpent) {
        record(Math.max(millisSpent, lastSampleMillis), finalPlan);
        return List.copyOf(samples);
    }

    private void record(long millis, FieldPlan plan) {
        PlanSummary summary = PlanSummary.of(plan);
        samples.add(new Sample(millis, summary.score(), summary.expectedNetVotes()));
        lastSampleMillis = millis;
    }

    private long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
