package org.fieldplan.baseline;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;

/**
 * Which lone canvassers of a slot could pair: the later one must reach the earlier one's precinct or the other way
 * round. Trying every later lone canvasser in turn was quadratic (at a large state's weekend, thousands a slot:
 * half the greedy's time); only those that reach or can be reached can pair, and trying just them, in the same
 * order, pairs exactly the same shifts. An unpaired lone canvasser stays at its precinct until its own turn, so
 * the index of where each stands holds while it is used.
 */
final class LonePartners {
    private final List<Shift> lone;
    private final Map<Shift, Precinct> assignment;
    /** Precinct → indexes of the lone canvassers who have it among their candidates. */
    private final Map<Precinct, List<Integer>> reaching = new IdentityHashMap<>();
    /** Precinct → indexes of the lone canvassers standing there. */
    private final Map<Precinct, List<Integer>> standing = new IdentityHashMap<>();

    LonePartners(List<Shift> lone, Map<Shift, Precinct> assignment) {
        this.lone = lone;
        this.assignment = assignment;
        for (int i = 0; i < lone.size(); i++) {
            Shift shift = lone.get(i);
            standing.computeIfAbsent(assignment.get(shift), p -> new ArrayList<>()).add(i);
            for (Precinct candidate : shift.getCandidatePrecincts()) {
                reaching.computeIfAbsent(candidate, p -> new ArrayList<>()).add(i);
            }
        }
    }

    /** The lone canvassers after {@code i} who reach its precinct or stand where it can go, in order. */
    int[] after(int i) {
        Shift shift = lone.get(i);
        TreeSet<Integer> found = new TreeSet<>();
        for (int j : reaching.getOrDefault(assignment.get(shift), List.of())) {
            if (j > i) {
                found.add(j);
            }
        }
        for (Precinct candidate : shift.getCandidatePrecincts()) {
            for (int j : standing.getOrDefault(candidate, List.of())) {
                if (j > i) {
                    found.add(j);
                }
            }
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }
}
