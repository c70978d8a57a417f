package org.fieldplan.benchmarks.bound;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.solver.ProblemPreparer;
import org.fieldplan.travel.PrecinctTravel;
import org.fieldplan.travel.TravelTimeMatrix;

/**
 * A true upper bound on the expected net votes of any feasible plan of a prepared problem: a max-gain flow
 * relaxation solved with OR-Tools' min-cost flow.
 *
 * <p>The flow: source → volunteer (at most {@code maxShifts} shifts) → volunteer-day ({@code maxShiftsPerDay}) →
 * shift (one slot) → precinct-slot (every precinct the volunteer can reach within their travel limit, has the
 * skills for and that is worth canvassing, <em>not only the solver's candidates</em>; at most {@code capacity}
 * canvassers) → precinct → sink, where the precinct's arcs to the sink carry its concave value. Every unit of
 * flow is 1/{@value #UNITS_PER_SHIFT} of a shift that surely shows up; a volunteer's shift carries
 * ⌈attendance × {@value #UNITS_PER_SHIFT}⌉ units. A source → sink arc lets any unit stay home at no gain.
 *
 * <p>Relaxations (each can only raise the optimum, so the flow's value bounds every feasible plan):
 * <ul>
 * <li>the buddy rule and the language rule are dropped;</li>
 * <li>attendance: a shift of attendance a contributes −ln(1 − a·s) to the precinct's log-uncovered sum, which is
 * convex in a and 0 at a = 0, hence ≤ a·(−ln(1 − s)); so a precinct's expected votes c·(1 − Π(1 − aᵢs)) are at most
 * c·(1 − (1 − s)^Σaᵢ), a concave function of the total attendance sent there — exact when every a = 1;</li>
 * <li>s is the share of doors the longest slot's shift covers (all slots of the GOTV calendar are 3 h);</li>
 * <li>flow may split a shift's units between precincts (the LP relaxation of the assignment), and a precinct-slot
 * takes at most capacity × the highest attendance units of the shifts that can reach it;</li>
 * <li>the concave value is cut into arcs; each arc's gain per unit is its first unit's (the steepest) and is rounded
 * up to {@value #SCALE}ths of a vote.</li>
 * </ul>
 * Precincts behind (not worth canvassing) can only lose votes and get no arcs. Pinned shifts are not supported.
 */
public final class FlowUpperBound {

    /** Flow units per surely-attending shift: attendance is stated to 0.01, so ⌈a·100⌉ is exact. */
    static final int UNITS_PER_SHIFT = 100;
    /** Gains are integers in billionths of a vote. */
    static final long SCALE = 1_000_000_000L;
    /** Value arcs hold one unit each up to this many units, then each spans ~1/50 of the units before it. */
    private static final int FINE_UNITS = 50;

    /**
     * The bound and the size of the flow network it was computed on.
     *
     * @param expectedVotes the upper bound on expected net votes
     * @param nodes nodes of the flow network
     * @param arcs arcs of the flow network
     * @param millis time to build and solve the flow
     */
    public record Result(double expectedVotes, int nodes, long arcs, long millis) {
    }

    private final MinCostFlow flow = new MinCostFlow();
    private int nodeCount = 2;
    private long totalUnits;

    private static final int SOURCE = 0;
    private static final int SINK = 1;

    private FlowUpperBound() {
    }

    /** The bound for a prepared plan, with the default great-circle travel times. */
    public static Result of(FieldPlan plan) {
        return of(plan, ProblemPreparer.greatCircleTravelTimes(plan));
    }

    /**
     * The bound for a prepared plan whose travel times come from {@code travelTimes}.
     *
     * @throws IllegalArgumentException when the plan has pinned shifts
     */
    public static Result of(FieldPlan plan, TravelTimeMatrix travelTimes) {
        if (plan.getShifts().stream().anyMatch(Shift::isPinned)) {
            throw new IllegalArgumentException("The flow bound does not support pinned shifts.");
        }
        Loader.loadNativeLibraries();
        long start = System.nanoTime();
        FlowUpperBound bound = new FlowUpperBound();
        try {
            double votes = bound.solve(plan, travelTimes);
            return new Result(votes, bound.nodeCount, bound.flow.getNumArcs(),
                    (System.nanoTime() - start) / 1_000_000);
        } finally {
            bound.flow.delete();
        }
    }

    private double solve(FieldPlan plan, TravelTimeMatrix travelTimes) {
        double longestSlotHours = plan.getTimeSlots().stream().mapToDouble(TimeSlot::getHours).max().orElse(0);
        Map<Volunteer, List<Shift>> shiftsByVolunteer = new HashMap<>();
        for (Shift shift : plan.getShifts()) {
            if (shift.isVolunteerAvailable()) {
                shiftsByVolunteer.computeIfAbsent(shift.getVolunteer(), v -> new ArrayList<>()).add(shift);
            }
        }
        Map<Precinct, Integer> precinctNodes = new HashMap<>();
        Map<Precinct, Map<TimeSlot, int[]>> precinctSlots = new HashMap<>();
        shiftsByVolunteer.forEach((volunteer, shifts) -> {
            List<PrecinctTravel> reachable = ProblemPreparer.candidates(volunteer, travelTimes, Integer.MAX_VALUE);
            if (reachable.isEmpty()) {
                return;
            }
            int units = (int) Math.ceil(volunteer.getAttendanceProbability() * UNITS_PER_SHIFT - 1e-9);
            int volunteerNode = newNode();
            flow.addArcWithCapacityAndUnitCost(SOURCE, volunteerNode, (long) units * volunteer.getMaxShifts(), 0);
            totalUnits += (long) units * Math.min(volunteer.getMaxShifts(), shifts.size());
            Map<LocalDate, Integer> dayNodes = new HashMap<>();
            for (Shift shift : shifts) {
                int dayNode = dayNodes.computeIfAbsent(shift.getSlot().getDay(), day -> {
                    int node = newNode();
                    flow.addArcWithCapacityAndUnitCost(volunteerNode, node,
                            (long) units * volunteer.getMaxShiftsPerDay(), 0);
                    return node;
                });
                int shiftNode = newNode();
                flow.addArcWithCapacityAndUnitCost(dayNode, shiftNode, units, 0);
                for (PrecinctTravel reach : reachable) {
                    int[] slotNode = precinctSlots.computeIfAbsent(reach.precinct(), p -> new HashMap<>())
                            .computeIfAbsent(shift.getSlot(), s -> new int[] {newNode(), 0});
                    slotNode[1] = Math.max(slotNode[1], units);
                    flow.addArcWithCapacityAndUnitCost(shiftNode, slotNode[0], units, 0);
                }
            }
        });
        precinctSlots.forEach((precinct, slots) -> {
            int precinctNode = precinctNodes.computeIfAbsent(precinct, p -> newNode());
            long unitsInReach = 0;
            for (int[] slotNode : slots.values()) {
                long capacityUnits = (long) precinct.getCapacityPerSlot() * slotNode[1];
                flow.addArcWithCapacityAndUnitCost(slotNode[0], precinctNode, capacityUnits, 0);
                unitsInReach += capacityUnits;
            }
            addValueArcs(precinct, precinctNode, unitsInReach, longestSlotHours);
        });
        flow.addArcWithCapacityAndUnitCost(SOURCE, SINK, totalUnits, 0);
        flow.setNodeSupply(SOURCE, totalUnits);
        flow.setNodeSupply(SINK, -totalUnits);
        MinCostFlowBase.Status status = flow.solve();
        if (status != MinCostFlowBase.Status.OPTIMAL) {
            throw new IllegalStateException("min-cost flow ended " + status);
        }
        return -flow.getOptimalCost() / (double) SCALE;
    }

    /**
     * The precinct's value c·(1 − (1 − s)^(u/UNITS)) of u units as arcs to the sink, each with the gain per unit of
     * its first unit (the steepest, as the value is concave), rounded up.
     */
    private void addValueArcs(Precinct precinct, int precinctNode, long maxUnits, double slotHours) {
        double share = Math.min(Precinct.MAX_SHIFT_SHARE,
                precinct.getDoorsPerHour() * slotHours / precinct.getRemainingDoors());
        double logPerUnit = Math.log1p(-share) / UNITS_PER_SHIFT;
        double fullCoverage = precinct.getFullCoverageVotes();
        long from = 0;
        while (from < maxUnits) {
            long size = Math.min(maxUnits - from, Math.max(1, from / FINE_UNITS));
            double firstUnitGain = fullCoverage * (Math.exp(logPerUnit * from) - Math.exp(logPerUnit * (from + 1)));
            long gain = (long) Math.ceil(firstUnitGain * SCALE);
            if (gain <= 0) {
                break;
            }
            flow.addArcWithCapacityAndUnitCost(precinctNode, SINK, size, -gain);
            from += size;
        }
    }

    private int newNode() {
        return nodeCount++;
    }
}
