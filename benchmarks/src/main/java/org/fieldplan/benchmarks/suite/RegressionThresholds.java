package org.fieldplan.benchmarks.suite;

/**
 * What counts as a regression rather than noise. Times and heap need both a relative and an absolute increase,
 * because small instances take a few milliseconds and vary by more than any sensible percentage.
 *
 * @param throughputDropPercent score calculations per second may fall by this much
 * @param timeRisePercent a time may grow by this much ...
 * @param timeSlackMillis ... or by this many milliseconds, whichever is larger
 * @param votesDropPercent expected votes (FieldPlan's and greedy's) may fall by this much
 * @param heapRisePercent peak heap may grow by this much ...
 * @param heapSlackMib ... or by this many MiB, whichever is larger
 * @param boundDropPoints the percentage of the flow upper bound may fall by this many points
 */
public record RegressionThresholds(double throughputDropPercent, double timeRisePercent, double timeSlackMillis,
        double votesDropPercent, double heapRisePercent, double heapSlackMib, double boundDropPoints) {

    /**
     * Throughput −10%, time +20% and +200 ms, expected votes −0.5%, heap +25% and +64 MiB, % of bound −0.5 points.
     */
    public static final RegressionThresholds DEFAULTS = new RegressionThresholds(10, 20, 200, 0.5, 25, 64, 0.5);

    /** Whether going from {@code baseline} to {@code current} breaks the figure's rule. */
    boolean regressed(Figure figure, double baseline, double current) {
        return switch (figure.rule()) {
            case TIME -> grewBeyond(baseline, current, timeRisePercent, timeSlackMillis);
            case MEMORY -> grewBeyond(baseline, current, heapRisePercent, heapSlackMib);
            case VOTES -> current < baseline * (1 - votesDropPercent / 100);
            case THROUGHPUT -> current < baseline * (1 - throughputDropPercent / 100);
            case BOUND_SHARE -> current < baseline - boundDropPoints;
            case HARD -> current > 0;
            case NONE -> false;
        };
    }

    /** The limit as shown next to a flagged figure. */
    String describe(Figure figure) {
        return switch (figure.rule()) {
            case TIME -> "+" + timeRisePercent + "% and +" + timeSlackMillis + " ms";
            case MEMORY -> "+" + heapRisePercent + "% and +" + heapSlackMib + " MiB";
            case VOTES -> "-" + votesDropPercent + "%";
            case THROUGHPUT -> "-" + throughputDropPercent + "%";
            case BOUND_SHARE -> "-" + boundDropPoints + " points";
            case HARD -> "any violation";
            case NONE -> "not checked";
        };
    }

    private static boolean grewBeyond(double baseline, double current, double percent, double slack) {
        // Infinity stands for "never reached": infinity vs. infinity is no change.
        if (current == baseline) {
            return false;
        }
        return current > baseline * (1 + percent / 100) && current - baseline > slack;
    }
}
