package org.fieldplan.solver.partition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.fieldplan.baseline.GreedyPlanner;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.FieldPlanSolverConfig;
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
 * Part solves cannot be stopped from outside: a request to end the solve is seen once they are done.
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
            for (GreedyPlanner.Decision decision : solveParts(plan, partition, assigned, roundBudget, threads,
                    done -> listener.progressed(new PartitionProgress(round1, ROUND_ANGLES.length, partsOfRound,
                            done)))) {
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
        return solveParts(plan, partition, assigned, budget, threads, done -> { });
    }

    /** The same, calling {@code partsDone} with the count of parts done each time a part's solve ends. */
    private static List<GreedyPlanner.Decision> solveParts(FieldPlan plan, RegionPartition partition,
            Map<Shift, Precinct> assigned, Duration budget, int threads, IntConsumer partsDone) {
        AtomicInteger done = new AtomicInteger();
        List<PartPlan> partPlans = partition.parts().stream()
                .map(part -> PartPlan.of(plan, part, assigned)).toList();
        long totalShifts = Math.max(1, partPlans.stream().mapToLong(p -> p.plan().getShifts().size()).sum());
        List<PartPlan> largestFirst = new ArrayList<>(partPlans);
        largestFirst.sort(Comparator.comparingInt((PartPlan p) -> p.plan().getShifts().size()).reversed());
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "fieldplan-part");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<List<GreedyPlanner.Decision>>> results = new ArrayList<>();
            for (PartPlan part : largestFirst) {
                long millis = Math.min(budget.toMillis(),
                        budget.toMillis() * threads * part.plan().getShifts().size() / totalShifts);
                results.add(pool.submit(() -> {
                    List<GreedyPlanner.Decision> decisions = part.solve(Duration.ofMillis(
                            Math.max(MIN_PART_TIME.toMillis(), millis)));
                    partsDone.accept(done.incrementAndGet());
                    return decisions;
                }));
            }
            List<GreedyPlanner.Decision> decisions = new ArrayList<>();
            for (Future<List<GreedyPlanner.Decision>> result : results) {
                decisions.addAll(result.get());
            }
            return decisions;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while solving the parts of " + plan.getName(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A part of " + plan.getName() + " failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One part as a plan of its own: its precincts, copies of its volunteers whose candidates are the part's
     * precincts only, and a fresh shift per shift of theirs (at its precinct in {@code assigned} when that is in the
     * part); then the part's fixed shifts, pinned. {@code originals} are the whole plan's shifts of the part's
     * volunteers, in the order of the part plan's first shifts.
     */
    record PartPlan(FieldPlan plan, List<Shift> originals) {

        static PartPlan of(FieldPlan whole, RegionPartition.Part part, Map<Shift, Precinct> assigned) {
            Set<Precinct> precincts = Collections.newSetFromMap(new IdentityHashMap<>());
            precincts.addAll(part.precincts());
            Map<Volunteer, Volunteer> copies = new IdentityHashMap<>();
            List<Volunteer> volunteers = new ArrayList<>();
            for (Volunteer volunteer : part.volunteers()) {
                Volunteer copy = volunteer.restrictedTo(precincts);
                copies.put(volunteer, copy);
                volunteers.add(copy);
            }
            List<Shift> shifts = new ArrayList<>();
            List<Shift> originals = new ArrayList<>();
            for (Shift shift : whole.getShifts()) {
                Volunteer copy = copies.get(shift.getVolunteer());
                if (copy != null) {
                    Precinct precinct = assigned.get(shift);
                    shifts.add(new Shift(copy, shift.getSlot(), precincts.contains(precinct) ? precinct : null,
                            shift.isPinned()));
                    originals.add(shift);
                }
            }
            for (Shift fixed : part.fixed()) {
                shifts.add(new Shift(fixed.getVolunteer(), fixed.getSlot(), assigned.get(fixed), true));
            }
            FieldPlan plan = new FieldPlan(whole.getName(), whole.getTimeZone(), whole.getVoteModel(),
                    whole.getTravel(), whole.getDistricts(), whole.getTimeSlots(), part.precincts(),
                    volunteers, shifts, whole.getWeights());
            return new PartPlan(plan, originals);
        }

        /** The part's best plan within {@code limit}: every original shift's precinct in it, as decisions. */
        List<GreedyPlanner.Decision> solve(Duration limit) {
            FieldPlan best = new FieldPlanSolver(FieldPlanSolverConfig.createWhole(limit))
                    .solve(plan, newBest -> { }).plan();
            LOG.info("Part of {}: {} precincts, {} shifts, {} ms: {}", plan.getName(), plan.getPrecincts().size(),
                    plan.getShifts().size(), limit.toMillis(), best.getScore());
            List<GreedyPlanner.Decision> decisions = new ArrayList<>();
            for (int i = 0; i < originals.size(); i++) {
                decisions.add(new GreedyPlanner.Decision(originals.get(i), best.getShifts().get(i).getPrecinct()));
            }
            return decisions;
        }
    }
}
