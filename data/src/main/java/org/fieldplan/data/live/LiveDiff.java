package org.fieldplan.data.live;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import org.fieldplan.domain.Assignment;

/**
 * What changed between two versions of a live plan, shift by shift (a shift is a volunteer in a slot).
 *
 * @param added shifts sent out that were not before
 * @param removed shifts no longer sent out
 * @param moved shifts sent to another precinct
 * @param volunteers every volunteer with a shift added, removed or moved, sorted
 */
public record LiveDiff(List<Change> added, List<Change> removed, List<Change> moved, List<String> volunteers) {

    /** One shift's precinct before and after; null = not sent out. */
    public record Change(String volunteerId, String slotId, String fromPrecinctId, String toPrecinctId) {
    }

    public static LiveDiff between(Collection<Assignment> before, Collection<Assignment> after) {
        Map<String, Assignment> from = byShift(before);
        Map<String, Assignment> to = byShift(after);
        TreeSet<String> shifts = new TreeSet<>(from.keySet());
        shifts.addAll(to.keySet());
        List<Change> added = new ArrayList<>();
        List<Change> removed = new ArrayList<>();
        List<Change> moved = new ArrayList<>();
        TreeSet<String> volunteers = new TreeSet<>();
        for (String shift : shifts) {
            Assignment a = from.get(shift);
            Assignment b = to.get(shift);
            String fromPrecinct = a == null ? null : a.precinctId();
            String toPrecinct = b == null ? null : b.precinctId();
            if (Objects.equals(fromPrecinct, toPrecinct)) {
                continue;
            }
            Assignment any = a != null ? a : b;
            Change change = new Change(any.volunteerId(), any.slotId(), fromPrecinct, toPrecinct);
            (a == null ? added : b == null ? removed : moved).add(change);
            volunteers.add(any.volunteerId());
        }
        return new LiveDiff(added, removed, moved, List.copyOf(volunteers));
    }

    public boolean isEmpty() {
        return volunteers.isEmpty();
    }

    /** "2 added, 1 removed, 3 moved" (for a version's summary). */
    public String inWords() {
        return added.size() + " added, " + removed.size() + " removed, " + moved.size() + " moved";
    }

    private static Map<String, Assignment> byShift(Collection<Assignment> assignments) {
        Map<String, Assignment> map = new TreeMap<>();
        assignments.forEach(a -> map.put(a.volunteerId() + "@" + a.slotId(), a));
        return map;
    }
}
