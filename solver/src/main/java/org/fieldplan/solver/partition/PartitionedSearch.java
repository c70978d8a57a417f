package org.fieldplan.solver.partition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import org.fieldplan.baseline.GreedyPlanner;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A large region's plan improved part by part ({@link PartitionedImprovement}, after the greedy start): the region is
 * cut into parts by geography ({@link RegionPartition}), each part's share of the plan is searched on its own (greedy
 * repair and local search, as on a small region) on a few threads, and the parts' plans are stitched. This is done in
 * {@link #ROUND_ANGLES rounds}: the second cuts at 45° to the first, so volunteers the first cut held apart from
 * precincts they could reach are free to go there. The solver's local search then goes on over the whole plan.
 *
 * <p>Why: a local-search step on a big plan is slow (each new best clones every shift; the move index and the score's
 * node network are large), so at L and XL a minute ended near the greedy plan; parts of a few thousand shifts are
 * searched as fast as the small regions. The score is a sum over precincts and over volunteers, and a part holds
 * every precinct its volunteers may go to and every volunteer who may go to its precincts (volunteers whose shifts
 * lie in several parts stay fixed, counted where they work), so the stitched plan scores the sum of the parts' scores,
 * is feasible when they are, and is never worse than the plan it started from: each part's best is at least its
 * start. Why it starts from the whole greedy plan rather than from nothing: parts started from nothing lose what their
 * volunteers could reach across the cut (at L the stitched greedies of 2 and 4 parts were 0.9 % and 1.1 % below the
 * whole greedy).
 *
 * <p>Regions with at most {@link #SPLIT_ABOVE_SHIFTS} shifts stay whole (docs/benchmarks.md, "Partitioned solving").
 * Part solves cannot be stopped from outside: a request to end the solve is seen once they are done. Where the parts
 * are solved is a {@link PartRunner}'s business: threads of this process by default.
 */
public final class PartitionedSearch {

    /**
     * Regions with more shifts than this are solved in parts. Connecticut (22,890 shifts, the largest real region
     * measured) reaches 99.5 % of the bound whole; generated L (67,754) and XL (269,981) do not.
     */
    public static final int SPLIT_ABOVE_SHIFTS = 30_000;
    /** Shifts per part aimed at: the size of generated M and the real regions, which search fast. */
    public static final int PART_SHIFTS = 8_000;
    /** The angle of each round's cut; the budget is shared equally between the rounds. */
    static final double[] ROUND_ANGLES = {0, 45};
    /** The least time a part gets: enough for its greedy start, which a shorter limit would skip. */
    static final Duration MIN_PART_TIME = Duration.ofMillis(500);

    private static final Logger LOG = LoggerFactory.getLogger(PartitionedSearch.class);

    private PartitionedSearch() {
    }

    /** Whether a solve of this plan is improved in parts: it has more than {@link #SPLIT_ABOVE_SHIFTS} shifts. */
    public static boolean splits(FieldPlan plan) {
        return plan.getShifts().size() > SPLIT_ABOVE_SHIFTS;
    }

    /** How many parts a plan is cut into: one per {@link #PART_SHIFTS} shifts, rounded up. */
    public static int partCount(FieldPlan plan) {
        return partCount(plan, PART_SHIFTS);
    }

    /** How many parts a plan is cut into: one per {@code partShifts} shifts, rounded up. */
    static int partCount(FieldPlan plan, int partShifts) {
        return (plan.getShifts().size() + partShifts - 1) / partShifts;
    }

    /**
     * Solves {@code plan} in {@link #partCount} parts, one round per angle of {@link #ROUND_ANGLES}, within about
     * {@code budget} of wall time (a round that cannot give every part its least time is not run) on {@code threads}
     * threads, starting from the plan's current assignment (the greedy plan, in a solve), and returns the stitched
     * plan as decisions on the plan's shifts (each shift whose precinct it changes). The plan itself is not changed.
     */
    public static List<GreedyPlanner.Decision> solve(FieldPlan plan, Duration budget, int threads) {
        return solve(plan, budget, threads, PART_SHIFTS, PartitionListener.NONE);
    }

    /** The same in parts of about {@code partShifts} shifts, telling {@code listener} how the parts advance. */
    public static List<GreedyPlanner.Decision> solve(FieldPlan plan, Duration budget, int threads, int partShifts,
            PartitionListener listener) {
        return solve(plan, budget, threads, partShifts, listener, new PartThreads(threads));
    }

    /** The same, the parts of each round solved by {@code runner}. */
    public static List<GreedyPlanner.Decision> solve(FieldPlan plan, Duration budget, int threads, int partShifts,
            PartitionListener listener, PartRunner runner) {
        long deadline = System.nanoTime() + budget.toNanos();
        int parts = partCount(plan, partShifts);
        Map<Shift, Precinct> assigned = new IdentityHashMap<>();
        plan.getShifts().stream().filter(shift -> shift.getPrecinct() != null)
                .forEach(shift -> assigned.put(shift, shift.getPrecinct()));
        for (int round = 0; round < ROUND_ANGLES.length; round++) {
            double angle = ROUND_ANGLES[round];
            // What is left of the budget, shared by the rounds still to come.
            Duration roundBudget = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))
                    .dividedBy(ROUND_ANGLES.length - round);
            if (roundBudget.toMillis() * threads < MIN_PART_TIME.toMillis() * parts) {
                // Too little left for every part's least time: a round now would overrun the solve's limit.
                break;
            }
            RegionPartition partition = RegionPartition.of(plan, parts, angle, assigned);
            int round1 = round + 1;
            int partsOfRound = partition.parts().size();
            listener.progressed(new PartitionProgress(round1, ROUND_ANGLES.length, partsOfRound, 0));
            for (GreedyPlanner.Decision decision : solveParts(plan, round1, partition, assigned, roundBudget,
                    threads, runner, done -> listener.progressed(new PartitionProgress(round1, ROUND_ANGLES.length,
                            partsOfRound, done)))) {
                if (decision.precinct() == null) {
                    assigned.remove(decision.shift());
                } else {
                    assigned.put(decision.shift(), decision.precinct());
                }
            }
        }
        List<GreedyPlanner.Decision> changes = new ArrayList<>();
        for (Shift shift : plan.getShifts()) {
            if (assigned.get(shift) != shift.getPrecinct()) {
                changes.add(new GreedyPlanner.Decision(shift, assigned.get(shift)));
            }
        }
        return changes;
    }

    /**
     * Solves every part of {@code partition}, started from {@code assigned}, within about {@code budget} of wall time
     * on {@code threads} threads; returns each part shift's final precinct (null: unassigned) as decisions. A part's
     * time limit is its share of the shifts times {@code budget × threads}, at least {@link #MIN_PART_TIME}; the
     * largest parts start first.
     */
    static List<GreedyPlanner.Decision> solveParts(FieldPlan plan, RegionPartition partition,
            Map<Shift, Precinct> assigned, Duration budget, int threads) {
        return solveParts(plan, 1, partition, assigned, budget, threads, new PartThreads(threads), done -> { });
    }

    /**
     * The same on {@code runner}, calling {@code partsDone} with the count of parts done each time a part's solve
     * ends. A part the runner leaves without a result keeps its start plan.
     */
    private static List<GreedyPlanner.Decision> solveParts(FieldPlan plan, int round, RegionPartition partition,
            Map<Shift, Precinct> assigned, Duration budget, int threads, PartRunner runner, IntConsumer partsDone) {
        List<PartPlan> partPlans = partition.parts().stream()
                .map(part -> PartPlan.of(plan, part, assigned)).toList();
        long totalShifts = Math.max(1, partPlans.stream().mapToLong(p -> p.plan().getShifts().size()).sum());
        List<Duration> limits = partPlans.stream().map(part -> Duration.ofMillis(Math.max(MIN_PART_TIME.toMillis(),
                Math.min(budget.toMillis(), budget.toMillis() * threads * part.plan().getShifts().size()
                        / totalShifts)))).toList();
        List<List<String>> results = runner.solve(new PartRunner.Round(plan, round, partPlans, limits, budget),
                partsDone);
        List<GreedyPlanner.Decision> decisions = new ArrayList<>();
        for (int i = 0; i < partPlans.size(); i++) {
            if (results.get(i) == null) {
                LOG.warn("Part {} of round {} of {} has no result; it keeps its start plan", i + 1, round,
                        plan.getName());
            } else {
                decisions.addAll(partPlans.get(i).decisions(results.get(i)));
            }
        }
        return decisions;
    }
}
