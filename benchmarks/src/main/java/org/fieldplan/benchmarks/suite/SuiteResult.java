package org.fieldplan.benchmarks.suite;

import java.util.List;

/**
 * One run of the tracked suite as written to {@code result.json}: where and on what it ran, and the figures of every
 * instance. Field names are the JSON schema; bump {@link #SCHEMA_VERSION} when one changes meaning or disappears.
 *
 * @param schemaVersion the {@link #SCHEMA_VERSION} the file was written with
 * @param gitCommit {@code git rev-parse HEAD}, suffixed {@code +dirty} when tracked files were modified;
 *     {@code unknown} outside a git checkout
 * @param date ISO-8601 instant the suite started
 */
public record SuiteResult(int schemaVersion, String gitCommit, String date, Machine machine, String command,
        List<InstanceResult> instances) {

    public static final int SCHEMA_VERSION = 2;

    /**
     * The machine and JVM the figures were measured on; they only compare with figures from a similar one.
     *
     * @param maxHeapBytes the JVM's {@code -Xmx} ({@code Runtime.maxMemory()})
     */
    public record Machine(int cores, long maxHeapBytes, String javaVersion, String os) {
    }

    /**
     * The figures of one problem instance.
     *
     * @param shifts volunteer × time-slot shifts, the planning entities: the size measure of the scaling chart
     * @param solveSeconds the solver's time limit
     * @param loadMillis generating the region or reading the real data
     * @param prepareMillis {@code ProblemPreparer.prepare}: vote model, candidate precincts by travel time, shifts
     * @param greedyExpectedVotes the greedy organizer's plan, the baseline FieldPlan has to beat
     * @param millisToFirstFeasible solver time to the first best plan without hard violations; -1 if none
     * @param hardViolations broken hard rules in the final plan (the negated hard score); 0 when feasible
     * @param gainOverGreedyPercent expected votes of the final plan over the greedy plan's, in percent
     * @param scoreCalculationSpeed incremental score calculations per second over the whole solve
     * @param peakHeapBytes largest used heap seen while loading, preparing and solving this instance
     * @param timeline best plan over solve time, sampled from the new-best callback (throttled) plus the end
     * @param sendHomeGreedyExpectedVotes the greedy that sends lone canvassers home instead of into a team (the
     *     simpler baseline), to show what the repair adds
     * @param boundExpectedVotes the max-gain flow upper bound on expected votes ({@code FlowUpperBound}); NaN when
     *     not computed ({@code --no-bound})
     * @param boundMillis time to build and solve the bound's flow
     * @param percentOfBound expected votes of the final plan as a percentage of the bound
     * @param percentOfBoundAt10s the best plan's after 10 s of solving (the last timeline sample by then)
     * @param percentOfBoundAt30s the same after 30 s; the final figure when the limit is shorter
     * @param greedyPercentOfBound the greedy plan's
     */
    public record InstanceResult(String name, int precincts, int volunteers, int shifts, int solveSeconds,
            long loadMillis, long prepareMillis, double greedyExpectedVotes, String greedyScore,
            long millisToFirstFeasible, String finalScore, long hardViolations, double expectedVotes,
            double gainOverGreedyPercent, long scoreCalculationSpeed, long peakHeapBytes, List<Sample> timeline,
            double sendHomeGreedyExpectedVotes, double boundExpectedVotes, long boundMillis, double percentOfBound,
            double percentOfBoundAt10s, double percentOfBoundAt30s, double greedyPercentOfBound) {
    }

    /** The best plan at one moment of a solve. */
    public record Sample(long millis, String score, double expectedVotes) {
    }
}
