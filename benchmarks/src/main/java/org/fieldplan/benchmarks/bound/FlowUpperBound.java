package org.fieldplan.benchmarks.bound;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.plan.DeploymentFigures;
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
 * flow is 1/{@value #PERCENT} of a shift that surely shows up; a volunteer's shift carries
 * ⌈attendance × {@value #PERCENT}⌉ units, all divided by their greatest common divisor with {@value #PERCENT} (so
 * with attendance 1 a unit is a whole shift and the flow, being integral, never splits a shift). A source → sink
 * arc lets any unit stay home at no gain.
 *
 * <p>Relaxations (each can only raise the optimum, so the flow's value bounds every feasible plan):
 * <ul>
 * <li>the buddy rule and the language rule cannot be stated in a flow; what the bound keeps of them (when the plan's
 * weights make them hard, {@link TeamRules}): a precinct-slot only one volunteer can reach, or that no speaker of one
 * of its required languages can reach, gets no arc, and a precinct's value is replaced by its concave envelope over
 * the totals a feasible plan can send there (none, or at least a team of two), so a lone unit of flow earns the
 * team's average, not the first canvasser's value;</li>
 * <li>attendance: a shift of attendance a contributes −ln(1 − a·s) to the precinct's log-uncovered sum, which is
 * convex in a and 0 at a = 0, hence ≤ a·(−ln(1 − s)); so a precinct's expected votes c·(1 − Π(1 − aᵢs)) are at most
 * c·(1 − (1 − s)^Σaᵢ), a concave function of the total attendance sent there — exact when every a = 1;</li>
 * <li>deployment days only widen reach: on a date a volunteer offered a deployment, their shifts reach every
 * precinct within the offer's limit, and the minimum deployment length is dropped (it only forbids plans);</li>
 * <li>carpools only widen reach: a volunteer who accepts rides reaches, besides their own reach, every precinct a
 * driver reaches within their limit and whose meeting point the driver reaches with them within the detour limit
 * ({@link RideReach}); seats and the driver being out in the same slot are dropped (they only forbid plans);</li>
 * <li>staging: travel goes through the staging locations as in the solver, a precinct-slot whose staging location is
 * closed gets no arc (exact), and a staging location's teams per slot is dropped (it only forbids plans);</li>
 * <li>s is the share of doors the longest slot's shift covers (all slots of the GOTV calendar are 3 h);</li>
 * <li>when attendances differ, flow may split a shift's units between precincts (the LP relaxation of the
 * assignment; with one attendance a shift is one unit and min-cost flow is integral), and a precinct-slot
 * takes at most capacity × the highest attendance units of the shifts that can reach it;</li>
 * <li>the concave value is cut into arcs; each arc's gain per unit is its first unit's (the steepest) and is rounded
 * up to {@value #SCALE}ths of a vote.</li>
 * </ul>
 * Precincts behind (not worth canvassing) can only lose votes and get no arcs. Pinned shifts are not supported.
 */
public final class FlowUpperBound {

    /** Hundredths of a surely-attending shift: attendance is stated to 0.01, so ⌈a·100⌉ is exact. */
    static final int PERCENT = 100;
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
     * @param lessThanTeamSlots precinct-slots the optimal flow sends less than a team of two (with attendance 1: a
     *     lone canvasser), where the bound still profits from the buddy rule it cannot state
     * @param closeShiftShare the optimal flow's share of shifts sent to close-district precincts
     *     ({@link DeploymentFigures#isClose}): where the relaxation's best plan puts volunteers, to set a plan's
     *     {@link DeploymentFigures#closeShiftShare} against (one optimum of several, when the flow has ties)
     */
    public record Result(double expectedVotes, int nodes, long arcs, long millis, int lessThanTeamSlots,
            double closeShiftShare) {
    }

    private final MinCostFlow flow = new MinCostFlow();
    private final TeamRules teamRules;
    private int nodeCount = 2;
    private long totalUnits;
    /**
     * Each precinct-slot's arc to its precinct with the least units a team of two there has and 1 when the precinct
     * is in a close district (else 0).
     */
    private final List<long[]> teamArcs = new ArrayList<>();
    /** Flow units per surely-attending shift: {@link #PERCENT} ÷ the common divisor of every shift's hundredths. */
    private int unitsPerShift = PERCENT;

    private static final int SOURCE = 0;
    private static final int SINK = 1;

    private FlowUpperBound(TeamRules teamRules) {
        this.teamRules = teamRules;
    }

    /** The bound for a prepared plan, with the default great-circle travel times and the plan's team rules. */
    public static Result of(FieldPlan plan) {
        return of(plan, ProblemPreparer.defaultTravelTimes(plan), TeamRules.of(plan));
    }

    /**
     * The bound for a prepared plan keeping only {@code teamRules} of its team rules (to measure what the others
     * are worth; {@link TeamRules#DROPPED} is the plain relaxation), with great-circle travel times.
     *
     * @throws IllegalArgumentException when a kept rule is off in the plan's weights, or the plan has pinned shifts
     */
    public static Result of(FieldPlan plan, TeamRules teamRules) {
        TeamRules hard = TeamRules.of(plan);
        if (teamRules.buddyRule() && !hard.buddyRule() || teamRules.languages() && !hard.languages()) {
            throw new IllegalArgumentException("The bound cannot keep a team rule the plan's weights switch off.");
        }
        return of(plan, ProblemPreparer.defaultTravelTimes(plan), teamRules);
    }

    /**
     * The bound for a prepared plan whose travel times come from {@code travelTimes}.
     *
     * @throws IllegalArgumentException when the plan has pinned shifts
     */
    public static Result of(FieldPlan plan, TravelTimeMatrix travelTimes) {
        return of(plan, travelTimes, TeamRules.of(plan));
    }

    private static Result of(FieldPlan plan, TravelTimeMatrix travelTimes, TeamRules teamRules) {
        if (plan.getShifts().stream().anyMatch(Shift::isPinned)) {
            throw new IllegalArgumentException("The flow bound does not support pinned shifts.");
        }
        Loader.loadNativeLibraries();
        long start = System.nanoTime();
        FlowUpperBound bound = new FlowUpperBound(teamRules);
        try {
            double votes = bound.solve(plan, travelTimes);
            return new Result(votes, bound.nodeCount, bound.flow.getNumArcs(),
                    (System.nanoTime() - start) / 1_000_000, bound.lessThanTeamSlots(), bound.closeShiftShare());
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
        int commonDivisor = shiftsByVolunteer.keySet().stream().mapToInt(FlowUpperBound::hundredths)
                .reduce(PERCENT, FlowUpperBound::greatestCommonDivisor);
        unitsPerShift = PERCENT / commonDivisor;
        Map<Precinct, Map<TimeSlot, SlotReach>> precinctSlots = new HashMap<>();
        RideReach rides = new RideReach(plan, travelTimes);
        shiftsByVolunteer.forEach((volunteer, shifts) -> {
            Map<LocalDate, List<PrecinctTravel>> reachByDay = new HashMap<>();
            for (Shift shift : shifts) {
                reachByDay.computeIfAbsent(shift.getSlot().getDay(), day -> rides.widen(volunteer, day,
                        ProblemPreparer.candidates(volunteer, travelTimes, volunteer.travelLimitOn(day),
                                Integer.MAX_VALUE)));
            }
            if (reachByDay.values().stream().allMatch(List::isEmpty)) {
                return;
            }
            int units = hundredths(volunteer) / commonDivisor;
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
                for (PrecinctTravel reach : reachByDay.get(shift.getSlot().getDay())) {
                    if (reach.precinct().getStaging() != null
                            && !reach.precinct().getStaging().isOpenDuring(shift.getSlot())) {
                        continue;
                    }
                    precinctSlots.computeIfAbsent(reach.precinct(), p -> new HashMap<>())
                            .computeIfAbsent(shift.getSlot(), s -> new SlotReach(reach.precinct()))
                            .add(shiftNode, units, volunteer);
                }
            }
        });
        precinctSlots.forEach((precinct, slots) -> {
            int precinctNode = newNode();
            long unitsInReach = 0;
            long smallestTeamUnits = Long.MAX_VALUE;
            for (SlotReach slot : slots.values()) {
                if (!slot.canBeStaffed(teamRules)) {
                    continue;
                }
                int slotNode = newNode();
                slot.addArcsTo(slotNode);
                long capacityUnits = (long) precinct.getCapacityPerSlot() * slot.maxUnits;
                int arc = flow.addArcWithCapacityAndUnitCost(slotNode, precinctNode, capacityUnits, 0);
                teamArcs.add(new long[] {arc, slot.smallestPairUnits(), DeploymentFigures.isClose(precinct) ? 1 : 0});
                unitsInReach += capacityUnits;
                smallestTeamUnits = Math.min(smallestTeamUnits, slot.smallestPairUnits());
            }
            long firstTeamUnits = teamRules.buddyRule() ? Math.min(smallestTeamUnits, unitsInReach) : 1;
            addValueArcs(precinct, precinctNode, unitsInReach, firstTeamUnits, longestSlotHours);
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
     * The precinct's value c·(1 − (1 − s)^(u/unitsPerShift)) of u units as arcs to the sink, each with the gain per unit of
     * its first unit (the steepest, as the value is concave), rounded up. With the buddy rule a precinct that is used
     * at all has a team of two in some slot, so it gets at least {@code firstTeamUnits} units or none: the first arc
     * spans them with the chord's gain f(m)/m, the concave envelope of the value over {0} ∪ [m, ∞), which equals the
     * value at every total a feasible plan can send and is still concave (f(m)/m ≥ f's slope beyond m).
     */
    private void addValueArcs(Precinct precinct, int precinctNode, long maxUnits, long firstTeamUnits,
            double slotHours) {
        double share = Math.min(Precinct.MAX_SHIFT_SHARE,
                precinct.getDoorsPerHour() * slotHours / precinct.getRemainingDoors());
        double logPerUnit = Math.log1p(-share) / unitsPerShift;
        double fullCoverage = precinct.getFullCoverageVotes();
        long from = 0;
        if (firstTeamUnits > 1) {
            double chordGain = fullCoverage * -Math.expm1(logPerUnit * firstTeamUnits) / firstTeamUnits;
            long gain = (long) Math.ceil(chordGain * SCALE);
            if (gain <= 0) {
                return;
            }
            flow.addArcWithCapacityAndUnitCost(precinctNode, SINK, firstTeamUnits, -gain);
            from = firstTeamUnits;
        }
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

    /**
     * Which team rules of a plan the bound keeps as necessary conditions: they cannot be stated in a flow, but each
     * implies something that can.
     *
     * @param buddyRule no precinct-slot has exactly one canvasser: a precinct-slot that only one volunteer can reach
     *     gets no arc, and a precinct gets a whole team's attendance or nothing (see {@code addValueArcs})
     * @param languages every required language has a speaker in the team: a precinct-slot that no speaker of one of
     *     its languages can reach gets no arc
     */
    public record TeamRules(boolean buddyRule, boolean languages) {

        /** Both rules dropped: the plain flow relaxation. */
        public static final TeamRules DROPPED = new TeamRules(false, false);

        /** The rules the plan's weights make hard (a weight of 0 switches a rule off). */
        public static TeamRules of(FieldPlan plan) {
            return new TeamRules(plan.getWeights().isBuddyRuleEnabled(),
                    !plan.getWeights().getRequiredLanguages().isZero());
        }
    }

    /** The shifts (one per volunteer) that can reach one precinct in one slot, before their arcs are added. */
    private final class SlotReach {
        private final Precinct precinct;
        private final Set<String> languagesSpoken = new HashSet<>();
        private int[] shiftNodes = new int[4];
        private int[] shiftUnits = new int[4];
        private int size;
        private int maxUnits;
        private int smallestUnits = Integer.MAX_VALUE;
        private int secondSmallestUnits = Integer.MAX_VALUE;

        SlotReach(Precinct precinct) {
            this.precinct = precinct;
        }

        void add(int shiftNode, int units, Volunteer volunteer) {
            if (size == shiftNodes.length) {
                shiftNodes = Arrays.copyOf(shiftNodes, 2 * size);
                shiftUnits = Arrays.copyOf(shiftUnits, 2 * size);
            }
            shiftNodes[size] = shiftNode;
            shiftUnits[size++] = units;
            maxUnits = Math.max(maxUnits, units);
            if (units < smallestUnits) {
                secondSmallestUnits = smallestUnits;
                smallestUnits = units;
            } else if (units < secondSmallestUnits) {
                secondSmallestUnits = units;
            }
            for (String language : precinct.getRequiredLanguages()) {
                if (volunteer.speaks(language)) {
                    languagesSpoken.add(language);
                }
            }
        }

        /** False when the kept rules make every team here infeasible. */
        boolean canBeStaffed(TeamRules rules) {
            return !(rules.buddyRule() && size < 2)
                    && !(rules.languages() && !languagesSpoken.containsAll(precinct.getRequiredLanguages()));
        }

        /** The least attendance units a team of two here can have; only meaningful with two or more shifts. */
        long smallestPairUnits() {
            return (long) smallestUnits + secondSmallestUnits;
        }

        void addArcsTo(int slotNode) {
            for (int i = 0; i < size; i++) {
                flow.addArcWithCapacityAndUnitCost(shiftNodes[i], slotNode, shiftUnits[i], 0);
            }
        }
    }

    private int lessThanTeamSlots() {
        return (int) teamArcs.stream()
                .filter(arc -> flow.getFlow((int) arc[0]) > 0 && flow.getFlow((int) arc[0]) < arc[1]).count();
    }

    private double closeShiftShare() {
        long all = 0;
        long close = 0;
        for (long[] arc : teamArcs) {
            long units = flow.getFlow((int) arc[0]);
            all += units;
            close += arc[2] * units;
        }
        return all == 0 ? 0 : close / (double) all;
    }

    /** A volunteer's attendance in hundredths of a shift, rounded up. */
    private static int hundredths(Volunteer volunteer) {
        return (int) Math.ceil(volunteer.getAttendanceProbability() * PERCENT - 1e-9);
    }

    private static int greatestCommonDivisor(int a, int b) {
        return b == 0 ? a : greatestCommonDivisor(b, a % b);
    }

    private int newNode() {
        return nodeCount++;
    }
}
