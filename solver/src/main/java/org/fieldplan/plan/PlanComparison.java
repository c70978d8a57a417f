package org.fieldplan.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;

/**
 * Two plans of the same problem side by side, for a strategist choosing between them (e.g. solved with different
 * weights, or before and after a repair): expected net votes, travel, fairness, coverage, which assignments differ
 * and how each precinct's shifts and expected votes change. "Same problem" means the same precincts (ids, registered
 * voters, place) and time slot ids; volunteers may differ (added or cancelled ones show up as changed assignments),
 * and so may reported field work.
 *
 * @param first the figures of the first plan ("a")
 * @param second the figures of the second plan ("b")
 * @param changedAssignments how many volunteer-slots have a different precinct (or none) in b than in a
 * @param changes those volunteer-slots, by slot then volunteer
 * @param precincts precincts whose shift count or expected votes differ, largest vote difference first
 */
public record PlanComparison(
        PlanFigures first,
        PlanFigures second,
        int changedAssignments,
        List<AssignmentChange> changes,
        List<PrecinctDifference> precincts) {

    /** Differences in expected votes below this (votes) are rounding, not a change. */
    private static final double VOTE_TOLERANCE = 1e-9;

    /**
     * The figures of one plan.
     *
     * @param summary score, expected net votes, shifts used, travel (total and mean minutes per assigned shift)
     * @param fairness shifts per volunteer over the volunteers who offered time
     * @param expectedDoorsKnocked Σ over precincts of remaining doors × (1 − Π(1 − aᵢdᵢ/D)): the doors the plan's
     *     shifts are expected to reach
     * @param doorCoverage {@code expectedDoorsKnocked} as a share of the remaining doors of all precincts worth
     *     canvassing
     */
    public record PlanFigures(PlanSummary summary, Fairness fairness, double expectedDoorsKnocked,
            double doorCoverage) {
    }

    /**
     * How evenly the work is spread: shifts per volunteer, counted over every volunteer who offered time (those
     * given none count as 0).
     *
     * @param gini Gini coefficient of the shift counts: 0 when everyone has as many shifts, towards 1 when a few
     *     volunteers carry all of them
     * @param stdevShifts population standard deviation
     */
    public record Fairness(int volunteers, int minShifts, int maxShifts, double meanShifts, double stdevShifts,
            double gini) {
    }

    /** One volunteer-slot whose precinct differs; null stands for "not sent out" (or no such shift in that plan). */
    public record AssignmentChange(String volunteerId, String slotId, String fromPrecinctId, String toPrecinctId) {
    }

    /** One precinct's shifts and expected net votes in each plan; the difference is second minus first. */
    public record PrecinctDifference(String precinctId, String name, int firstShifts, int secondShifts,
            double firstExpectedVotes, double secondExpectedVotes, double expectedVotesDifference) {
    }

    /**
     * Compares plan {@code first} with plan {@code second}.
     *
     * @throws PlansNotComparableException when the plans are of different problems (precinct or slot ids differ)
     */
    public static PlanComparison of(FieldPlan first, FieldPlan second) {
        requireSameProblem(first, second);
        Map<String, String> firstAssignments = assignmentsByShift(first);
        Map<String, String> secondAssignments = assignmentsByShift(second);
        Set<String> shiftIds = new TreeSet<>(firstAssignments.keySet());
        shiftIds.addAll(secondAssignments.keySet());
        List<AssignmentChange> changes = new ArrayList<>();
        for (String shiftId : shiftIds) {
            String from = firstAssignments.get(shiftId);
            String to = secondAssignments.get(shiftId);
            if (!Objects.equals(from, to)) {
                String[] volunteerAndSlot = shiftId.split("@", 2);
                changes.add(new AssignmentChange(volunteerAndSlot[0], volunteerAndSlot[1], from, to));
            }
        }
        changes.sort(Comparator.comparing(AssignmentChange::slotId).thenComparing(AssignmentChange::volunteerId));
        return new PlanComparison(figures(first), figures(second), changes.size(), List.copyOf(changes),
                precinctDifferences(first, second));
    }

    private static void requireSameProblem(FieldPlan first, FieldPlan second) {
        Set<String> firstPrecincts = ids(first.getPrecincts(), Precinct::getId);
        Set<String> secondPrecincts = ids(second.getPrecincts(), Precinct::getId);
        if (!firstPrecincts.equals(secondPrecincts)) {
            throw new PlansNotComparableException("the plans are of different problems: " + firstPrecincts.size()
                    + " and " + secondPrecincts.size() + " precincts, " + difference(firstPrecincts, secondPrecincts)
                    + " not in both");
        }
        Map<String, Precinct> secondById = new HashMap<>();
        second.getPrecincts().forEach(p -> secondById.put(p.getId(), p));
        long different = first.getPrecincts().stream().filter(p -> !samePlace(p, secondById.get(p.getId()))).count();
        if (different > 0) {
            throw new PlansNotComparableException("the plans are of different problems: " + different
                    + " precincts with the same id have other voters or another place");
        }
        Set<String> firstSlots = ids(first.getTimeSlots(), TimeSlot::getId);
        Set<String> secondSlots = ids(second.getTimeSlots(), TimeSlot::getId);
        if (!firstSlots.equals(secondSlots)) {
            throw new PlansNotComparableException("the plans are of different problems: time slots "
                    + firstSlots + " and " + secondSlots);
        }
    }

    /** Same registered voters and the same interior point: the same precinct, whatever work was reported since. */
    private static boolean samePlace(Precinct a, Precinct b) {
        if (a.getRegisteredVoters() != b.getRegisteredVoters()) {
            return false;
        }
        return a.getCentroid() == null ? b.getCentroid() == null
                : b.getCentroid() != null && a.getCentroid().equalsExact(b.getCentroid(), 1e-9);
    }

    private static <T> Set<String> ids(List<T> items, Function<T, String> id) {
        return items.stream().map(id).collect(Collectors.toCollection(TreeSet::new));
    }

    private static int difference(Set<String> a, Set<String> b) {
        Set<String> onlyOne = new TreeSet<>(a);
        onlyOne.addAll(b);
        Set<String> both = new TreeSet<>(a);
        both.retainAll(b);
        onlyOne.removeAll(both);
        return onlyOne.size();
    }

    private static Map<String, String> assignmentsByShift(FieldPlan plan) {
        Map<String, String> byShift = new HashMap<>();
        plan.getShifts().forEach(s -> byShift.put(s.getId(), s.getPrecinct() == null ? null : s.getPrecinct().getId()));
        return byShift;
    }

    static PlanFigures figures(FieldPlan plan) {
        Map<Precinct, Double> sumLog = PlanSummary.logUncoveredByPrecinct(plan);
        double knocked = 0;
        for (Map.Entry<Precinct, Double> entry : sumLog.entrySet()) {
            knocked += entry.getKey().getRemainingDoors() * -Math.expm1(entry.getValue());
        }
        double doors = plan.getPrecincts().stream().filter(Precinct::isWorthCanvassing)
                .mapToDouble(Precinct::getRemainingDoors).sum();
        return new PlanFigures(PlanSummary.of(plan), fairness(plan), knocked, doors == 0 ? 0 : knocked / doors);
    }

    static Fairness fairness(FieldPlan plan) {
        Map<Volunteer, Integer> shifts = new HashMap<>();
        for (Shift shift : plan.getShifts()) {
            if (shift.isVolunteerAvailable()) {
                shifts.merge(shift.getVolunteer(), shift.getPrecinct() == null ? 0 : 1, Integer::sum);
            }
        }
        int[] counts = shifts.values().stream().mapToInt(Integer::intValue).sorted().toArray();
        int n = counts.length;
        if (n == 0) {
            return new Fairness(0, 0, 0, 0, 0, 0);
        }
        long total = Arrays.stream(counts).asLongStream().sum();
        double mean = (double) total / n;
        double squares = Arrays.stream(counts).mapToDouble(c -> (c - mean) * (c - mean)).sum();
        // Gini on ascending counts: (2·Σ i·xᵢ) / (n·Σ xᵢ) − (n + 1) / n, i from 1.
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            weighted += (i + 1) * (double) counts[i];
        }
        double gini = total == 0 ? 0 : 2 * weighted / (n * (double) total) - (n + 1.0) / n;
        return new Fairness(n, counts[0], counts[n - 1], mean, Math.sqrt(squares / n), gini);
    }

    private static List<PrecinctDifference> precinctDifferences(FieldPlan first, FieldPlan second) {
        Map<String, double[]> votes = new TreeMap<>();
        Map<String, int[]> shifts = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        collect(first, 0, votes, shifts, names);
        collect(second, 1, votes, shifts, names);
        List<PrecinctDifference> differences = new ArrayList<>();
        for (Map.Entry<String, double[]> entry : votes.entrySet()) {
            int[] count = shifts.get(entry.getKey());
            double[] value = entry.getValue();
            if (count[0] != count[1] || Math.abs(value[1] - value[0]) > VOTE_TOLERANCE) {
                differences.add(new PrecinctDifference(entry.getKey(), names.get(entry.getKey()), count[0], count[1],
                        value[0], value[1], value[1] - value[0]));
            }
        }
        differences.sort(Comparator.comparingDouble((PrecinctDifference d) -> -Math.abs(d.expectedVotesDifference()))
                .thenComparing(PrecinctDifference::precinctId));
        return List.copyOf(differences);
    }

    /** Adds the plan's shifts and expected votes per precinct in column {@code column} (0: first, 1: second). */
    private static void collect(FieldPlan plan, int column, Map<String, double[]> votes, Map<String, int[]> shifts,
            Map<String, String> names) {
        for (Map.Entry<Precinct, Double> entry : PlanSummary.logUncoveredByPrecinct(plan).entrySet()) {
            Precinct precinct = entry.getKey();
            votes.computeIfAbsent(precinct.getId(), id -> new double[2])[column] =
                    precinct.expectedVotes(entry.getValue());
            names.put(precinct.getId(), precinct.getName());
            shifts.computeIfAbsent(precinct.getId(), id -> new int[2]);
        }
        for (Shift shift : plan.getShifts()) {
            if (shift.getPrecinct() != null) {
                shifts.get(shift.getPrecinct().getId())[column]++;
            }
        }
    }
}
