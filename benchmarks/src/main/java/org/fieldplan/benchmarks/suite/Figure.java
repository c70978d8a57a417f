package org.fieldplan.benchmarks.suite;

import java.util.function.ToDoubleFunction;

import org.fieldplan.benchmarks.suite.SuiteResult.InstanceResult;

/** The per-instance figures the compare command checks, each with the rule that decides what is a regression. */
enum Figure {
    LOAD_MILLIS("load ms", Rule.TIME, InstanceResult::loadMillis),
    PREPARE_MILLIS("prepare ms", Rule.TIME, InstanceResult::prepareMillis),
    GREEDY_VOTES("greedy expected votes", Rule.VOTES, InstanceResult::greedyExpectedVotes),
    /** "Never feasible" counts as infinitely slow, so losing feasibility is a regression. */
    FIRST_FEASIBLE_MILLIS("first feasible ms", Rule.TIME,
            i -> i.millisToFirstFeasible() < 0 ? Double.POSITIVE_INFINITY : i.millisToFirstFeasible()),
    EXPECTED_VOTES("expected votes", Rule.VOTES, InstanceResult::expectedVotes),
    /** Shown for reading; regressions of the plan itself are caught by expected votes. */
    GAIN_OVER_GREEDY_PERCENT("gain over greedy %", Rule.NONE, InstanceResult::gainOverGreedyPercent),
    /** The final plan's expected votes as a percentage of the flow upper bound; a drop in points is flagged. */
    PERCENT_OF_BOUND("% of bound", Rule.BOUND_SHARE, InstanceResult::percentOfBound),
    PERCENT_OF_BOUND_AT_10S("% of bound at 10 s", Rule.BOUND_SHARE, InstanceResult::percentOfBoundAt10s),
    HARD_VIOLATIONS("hard violations", Rule.HARD, InstanceResult::hardViolations),
    SCORE_CALCULATION_SPEED("score calculations/s", Rule.THROUGHPUT, InstanceResult::scoreCalculationSpeed),
    PEAK_HEAP_MIB("peak heap MiB", Rule.MEMORY, i -> i.peakHeapBytes() / (1024.0 * 1024.0));

    /** How a figure regresses; the limits are in {@link RegressionThresholds}. */
    enum Rule {
        /** Lower is better: a relative and an absolute increase must both be exceeded. */
        TIME,
        /** Higher is better, relative drop. */
        VOTES,
        /** Higher is better, relative drop. */
        THROUGHPUT,
        /** A percentage where higher is better: a drop in percentage points; not checked when either is NaN. */
        BOUND_SHARE,
        /** Lower is better: a relative and an absolute increase must both be exceeded. */
        MEMORY,
        /** Any violation in the current result regresses, whatever the baseline had. */
        HARD,
        NONE
    }

    private final String label;
    private final Rule rule;
    private final ToDoubleFunction<InstanceResult> value;

    Figure(String label, Rule rule, ToDoubleFunction<InstanceResult> value) {
        this.label = label;
        this.rule = rule;
        this.value = value;
    }

    String label() {
        return label;
    }

    Rule rule() {
        return rule;
    }

    double of(InstanceResult instance) {
        return value.applyAsDouble(instance);
    }
}
