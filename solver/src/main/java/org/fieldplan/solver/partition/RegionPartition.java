package org.fieldplan.solver.partition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.Volunteer;

/**
 * A region cut into parts by geography, for a partitioned solve ({@link PartitionedSearch}).
 *
 * <p><b>Precincts</b> are cut by a k-d split of their centroids: the region's precincts are sorted along the longer
 * side of their bounding box, in axes turned by the cut's angle (longitude scaled by the cosine of the mean latitude),
 * and cut where the load reaches the left side's share of the parts, recursively, into {@code count} cells. A
 * precinct's load is one plus the shifts of the volunteers it is the nearest candidate of, so parts are balanced by
 * the work they hold, not by area. Cuts at another angle have other boundaries: a second round of the solve cut at
 * 45° frees what the first cut held apart. Every precinct lies in exactly one part.
 *
 * <p><b>Volunteers</b>, by a documented rule:
 * <ul>
 *   <li>one with assigned shifts (in the plan the cut is made from) belongs to the part holding all of them; if they
 *       lie in several parts, to none: their shifts stay where they are, fixed, for this round;</li>
 *   <li>one with none goes to the part holding most of their reachable value, the sum of
 *       {@link Precinct#oneShiftValue one-shift values} (3 h) of their candidates there; on a tie the part listed
 *       first;</li>
 *   <li>one without a candidate belongs to no part (they cannot be sent anywhere).</li>
 * </ul>
 * A volunteer's shifts may then go only to precincts of their part. So no volunteer is in two parts.
 */
public final class RegionPartition {

    /**
     * One part: its precincts and the volunteers assigned to it (the plan's own objects). {@code fixed} are the
     * shifts of volunteers in no part that work its precincts: they count there and do not move.
     */
    public record Part(List<Precinct> precincts, List<Volunteer> volunteers, List<Shift> fixed) {
    }

    private static final double RANKING_SHIFT_HOURS = 3.0;

    private final List<Part> parts;

    private RegionPartition(List<Part> parts) {
        this.parts = parts;
    }

    public List<Part> parts() {
        return parts;
    }

    /**
     * Cuts the plan's region into {@code count} parts (at least one; no more than it has precincts) along axes turned
     * by {@code angleDegrees}, with volunteers placed by the rule above for the assignment {@code assigned} (each
     * shift's precinct; a shift missing from it is unassigned).
     */
    public static RegionPartition of(FieldPlan plan, int count, double angleDegrees, Map<Shift, Precinct> assigned) {
        Map<Precinct, Integer> load = new IdentityHashMap<>();
        plan.getPrecincts().forEach(precinct -> load.put(precinct, 1));
        Map<Volunteer, Integer> shiftsPerVolunteer = new IdentityHashMap<>();
        for (Shift shift : plan.getShifts()) {
            shiftsPerVolunteer.merge(shift.getVolunteer(), 1, Integer::sum);
        }
        for (Volunteer volunteer : plan.getVolunteers()) {
            if (!volunteer.getCandidatePrecincts().isEmpty()) {
                load.merge(volunteer.getCandidatePrecincts().get(0),
                        shiftsPerVolunteer.getOrDefault(volunteer, 0), Integer::sum);
            }
        }
        List<List<Precinct>> cells = new ArrayList<>();
        double angle = Math.toRadians(angleDegrees);
        split(new ArrayList<>(plan.getPrecincts()), Math.max(1, Math.min(count, plan.getPrecincts().size())), load,
                Math.cos(angle), Math.sin(angle), cells);
        Map<Precinct, Integer> partOf = new IdentityHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            for (Precinct precinct : cells.get(i)) {
                partOf.put(precinct, i);
            }
        }
        // The part of each volunteer's assigned shifts: -1 none yet, -2 several parts.
        Map<Volunteer, Integer> assignedPart = new IdentityHashMap<>();
        for (Shift shift : plan.getShifts()) {
            Precinct precinct = assigned.get(shift);
            if (precinct != null) {
                assignedPart.merge(shift.getVolunteer(), partOf.get(precinct), (a, b) -> a.equals(b) ? a : -2);
            }
        }
        List<List<Volunteer>> volunteers = new ArrayList<>();
        List<List<Shift>> fixed = new ArrayList<>();
        cells.forEach(cell -> {
            volunteers.add(new ArrayList<>());
            fixed.add(new ArrayList<>());
        });
        for (Volunteer volunteer : plan.getVolunteers()) {
            int part = assignedPart.getOrDefault(volunteer, -1);
            if (part == -1) {
                part = partOf(volunteer, partOf, cells.size());
            }
            if (part >= 0) {
                volunteers.get(part).add(volunteer);
            }
        }
        for (Shift shift : plan.getShifts()) {
            Precinct precinct = assigned.get(shift);
            if (precinct != null && assignedPart.get(shift.getVolunteer()) == -2) {
                fixed.get(partOf.get(precinct)).add(shift);
            }
        }
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            parts.add(new Part(List.copyOf(cells.get(i)), List.copyOf(volunteers.get(i)), List.copyOf(fixed.get(i))));
        }
        return new RegionPartition(Collections.unmodifiableList(parts));
    }

    /** The rule for a volunteer with no shift yet: the part with most of their reachable value; -1 without candidates. */
    static int partOf(Volunteer volunteer, Map<Precinct, Integer> partOf, int partCount) {
        if (volunteer.getCandidatePrecincts().isEmpty()) {
            return -1;
        }
        double[] value = new double[partCount];
        for (Precinct precinct : volunteer.getCandidatePrecincts()) {
            value[partOf.get(precinct)] += precinct.oneShiftValue(RANKING_SHIFT_HOURS);
        }
        int best = partOf.get(volunteer.getCandidatePrecincts().get(0));
        for (int i = 0; i < partCount; i++) {
            if (value[i] > value[best] || value[i] == value[best] && i < best) {
                best = i;
            }
        }
        return best;
    }

    private static void split(List<Precinct> precincts, int count, Map<Precinct, Integer> load, double cos, double sin,
            List<List<Precinct>> cells) {
        if (count == 1) {
            cells.add(precincts);
            return;
        }
        double scale = Math.cos(Math.toRadians(precincts.get(0).getCentroid().getY()));
        ToDoubleFunction<Precinct> u = p -> p.getCentroid().getX() * scale * cos + p.getCentroid().getY() * sin;
        ToDoubleFunction<Precinct> v = p -> -p.getCentroid().getX() * scale * sin + p.getCentroid().getY() * cos;
        ToDoubleFunction<Precinct> axis = extent(precincts, u) >= extent(precincts, v) ? u : v;
        precincts.sort(Comparator.comparingDouble(axis).thenComparing(Precinct::getId));
        int leftCount = count / 2;
        long total = 0;
        for (Precinct precinct : precincts) {
            total += load.get(precinct);
        }
        double leftShare = total * (double) leftCount / count;
        long sum = 0;
        int cut = 0;
        // At least leftCount precincts on the left and count - leftCount on the right, so every cell has one.
        while (cut < precincts.size() - (count - leftCount) && (cut < leftCount || sum < leftShare)) {
            sum += load.get(precincts.get(cut++));
        }
        split(new ArrayList<>(precincts.subList(0, cut)), leftCount, load, cos, sin, cells);
        split(new ArrayList<>(precincts.subList(cut, precincts.size())), count - leftCount, load, cos, sin, cells);
    }

    private static double extent(List<Precinct> precincts, ToDoubleFunction<Precinct> axis) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (Precinct precinct : precincts) {
            min = Math.min(min, axis.applyAsDouble(precinct));
            max = Math.max(max, axis.applyAsDouble(precinct));
        }
        return max - min;
    }
}
