package org.fieldplan.solver.partition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.Volunteer;

/**
 * A region cut into parts by geography, for a partitioned solve ({@link PartitionedStart}).
 *
 * <p><b>Precincts</b> are cut by a k-d split of their centroids: the region's precincts are sorted along the longer
 * side of their bounding box (longitude scaled by the cosine of the mean latitude) and cut where the load reaches the
 * left side's share of the parts, recursively, into {@code parts} cells. A precinct's load is one plus the shifts of
 * the volunteers it is the nearest candidate of, so parts are balanced by the work they hold, not by area. Every
 * precinct lies in exactly one part.
 *
 * <p><b>Volunteers</b> who can reach precincts of several parts go to the part holding most of their reachable value:
 * the sum of {@link Precinct#oneShiftValue one-shift values} (3 h) of their candidates in that part; on a tie the part
 * listed first. Their shifts may then go only to precincts of that part; the whole-plan search that follows a
 * partitioned start may still move them across. Volunteers without a candidate belong to no part (they cannot be sent
 * anywhere). So no volunteer is in two parts.
 */
public final class RegionPartition {

    /** One part: its precincts and the volunteers assigned to it (the plan's own objects). */
    public record Part(List<Precinct> precincts, List<Volunteer> volunteers) {
    }

    private static final double RANKING_SHIFT_HOURS = 3.0;

    private final List<Part> parts;

    private RegionPartition(List<Part> parts) {
        this.parts = parts;
    }

    public List<Part> parts() {
        return parts;
    }

    /** Cuts the plan's region into {@code count} parts (at least one; no more than it has precincts). */
    public static RegionPartition of(FieldPlan plan, int count) {
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
        split(new ArrayList<>(plan.getPrecincts()), Math.max(1, Math.min(count, plan.getPrecincts().size())), load,
                cells);
        Map<Precinct, Integer> partOf = new IdentityHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            for (Precinct precinct : cells.get(i)) {
                partOf.put(precinct, i);
            }
        }
        List<List<Volunteer>> volunteers = new ArrayList<>();
        cells.forEach(cell -> volunteers.add(new ArrayList<>()));
        for (Volunteer volunteer : plan.getVolunteers()) {
            int part = partOf(volunteer, partOf, cells.size());
            if (part >= 0) {
                volunteers.get(part).add(volunteer);
            }
        }
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            parts.add(new Part(List.copyOf(cells.get(i)), List.copyOf(volunteers.get(i))));
        }
        return new RegionPartition(Collections.unmodifiableList(parts));
    }

    /** The documented rule: the part with most of the volunteer's reachable one-shift value; -1 without candidates. */
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

    private static void split(List<Precinct> precincts, int count, Map<Precinct, Integer> load,
            List<List<Precinct>> cells) {
        if (count == 1) {
            cells.add(precincts);
            return;
        }
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Precinct precinct : precincts) {
            minX = Math.min(minX, precinct.getCentroid().getX());
            maxX = Math.max(maxX, precinct.getCentroid().getX());
            minY = Math.min(minY, precinct.getCentroid().getY());
            maxY = Math.max(maxY, precinct.getCentroid().getY());
        }
        boolean alongX = (maxX - minX) * Math.cos(Math.toRadians((minY + maxY) / 2)) >= maxY - minY;
        precincts.sort(Comparator.comparingDouble((Precinct p) -> alongX ? p.getCentroid().getX()
                : p.getCentroid().getY()).thenComparing(Precinct::getId));
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
        split(new ArrayList<>(precincts.subList(0, cut)), leftCount, load, cells);
        split(new ArrayList<>(precincts.subList(cut, precincts.size())), count - leftCount, load, cells);
    }
}
