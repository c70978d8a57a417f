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
 * The start of a solve on a large region: the region is cut into parts by geography ({@link RegionPartition}), each
 * part is solved on its own (greedy start and local search, as a small region is) on a few threads, and the parts'
 * plans are stitched into decisions for the whole plan. The solver's local search then goes on over the whole plan,
 * where it can move volunteers across part boundaries and fill idle ones.
 *
 * <p>Why: a local-search step on a big plan is slow (each new best clones every shift; the move index and the score's
 * node network are large), so at L and XL a minute ends near the greedy plan; parts of a few thousand shifts are
 * searched as fast as the small regions that end within 1–2 % of the bound. The score is a sum over precincts and
 * over volunteers, and a part holds every precinct its volunteers may go to and every volunteer who may go to its
 * precincts, so the stitched plan scores the sum of the parts' scores and is feasible when they are.
 *
 * <p>Only plans with no shift assigned are split (a fresh solve): a plan resumed or repaired keeps its assignments,
 * which may cross parts, and is started by the greedy as a whole. Regions with at most {@link #SPLIT_ABOVE_SHIFTS}
 * shifts stay whole (docs/benchmarks.md, "Partitioned solving").
 */
public final class PartitionedStart {

    /**
     * Regions with more shifts than this are solved in parts. Connecticut (22,890 shifts, the largest real region
     * measured) reaches 99.5 % of the bound whole; generated L (67,754) and XL (269,981) do not.
     */
    public static final int SPLIT_ABOVE_SHIFTS = 30_000;
    /** Shifts per part aimed at: the size of generated M and the real regions, which search fast. */
    public static final int PART_SHIFTS = 8_000;

    private static final Logger LOG = LoggerFactory.getLogger(PartitionedStart.class);

    private PartitionedStart() {
    }

    /** Whether a start on this plan splits it: more than {@link #SPLIT_ABOVE_SHIFTS} shifts, none assigned. */
    public static boolean splits(FieldPlan plan) {
        return plan.getShifts().size() > SPLIT_ABOVE_SHIFTS
                && plan.getShifts().stream().allMatch(shift -> shift.getPrecinct() == null);
    }

    /** How many parts a plan is cut into: one per {@link #PART_SHIFTS} shifts, rounded up. */
    public static int partCount(FieldPlan plan) {
        return (plan.getShifts().size() + PART_SHIFTS - 1) / PART_SHIFTS;
    }

    /**
     * Solves every part of {@code partition} within about {@code budget} of wall time on {@code threads} threads and
     * returns the stitched plan as decisions on {@code plan}'s shifts (those assigned; the rest stay unassigned). A
     * part's time limit is its share of the shifts times {@code budget × threads}; the largest parts start first.
     */
    public static List<GreedyPlanner.Decision> solve(FieldPlan plan, RegionPartition partition, Duration budget,
            int threads) {
        List<PartPlan> partPlans = partition.parts().stream().map(part -> PartPlan.of(plan, part)).toList();
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
                results.add(pool.submit(() -> part.solve(Duration.ofMillis(Math.max(1, millis)))));
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
     * precincts only, and a fresh shift per shift of theirs; {@code originals} are the whole plan's shifts in the same
     * order.
     */
    record PartPlan(FieldPlan plan, List<Shift> originals) {

        static PartPlan of(FieldPlan whole, RegionPartition.Part part) {
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
                    shifts.add(new Shift(copy, shift.getSlot()));
                    originals.add(shift);
                }
            }
            FieldPlan plan = new FieldPlan(whole.getName(), whole.getTimeZone(), whole.getVoteModel(),
                    whole.getTravel(), whole.getDistricts(), whole.getTimeSlots(), part.precincts(),
                    volunteers, shifts, whole.getWeights());
            return new PartPlan(plan, originals);
        }

        /** The part's best plan within {@code limit}, as decisions on the whole plan's shifts. */
        List<GreedyPlanner.Decision> solve(Duration limit) {
            FieldPlan best = new FieldPlanSolver(FieldPlanSolverConfig.createWhole(limit))
                    .solve(plan, newBest -> { }).plan();
            LOG.info("Part of {}: {} precincts, {} shifts, {} ms: {}", plan.getName(), plan.getPrecincts().size(),
                    plan.getShifts().size(), limit.toMillis(), best.getScore());
            List<GreedyPlanner.Decision> decisions = new ArrayList<>();
            for (int i = 0; i < originals.size(); i++) {
                Precinct precinct = best.getShifts().get(i).getPrecinct();
                if (precinct != null) {
                    decisions.add(new GreedyPlanner.Decision(originals.get(i), precinct));
                }
            }
            return decisions;
        }
    }
}
