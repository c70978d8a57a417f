package org.fieldplan.solver;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;

/**
 * Which movable shifts can serve which precinct in which slot, and which shifts belong to which volunteer: the
 * lookups the compound move factories draw from. Built once per phase (problem facts do not change within a phase)
 * and shared by the phase's move factories ({@link #acquire}); the current assignment is read from the shifts
 * themselves, so the index stays valid while moves are done.
 */
final class ShiftIndex {

    private static final Shift[] NONE = new Shift[0];
    /** The index of each working plan whose phase is under way, and how many move factories use it. */
    private static final Map<FieldPlan, Shared> SHARED = new IdentityHashMap<>();

    /** One working plan's index, built by the first factory that asks for it. */
    private static final class Shared {
        private ShiftIndex index;
        private int users;
    }

    private final Shift[] movableShifts;
    private final Map<TimeSlot, Integer> slotIndexes = new IdentityHashMap<>();
    private final int precinctCount;
    /** [slot × precinct] → the movable shifts of that slot that have the precinct among their candidates. */
    private final Shift[][] servers;
    private final Map<Volunteer, Shift[]> shiftsByVolunteer = new IdentityHashMap<>();
    /** Every shift of each volunteer, pinned ones included: what counts against their shift limits. */
    private final Map<Volunteer, Shift[]> allShiftsByVolunteer = new IdentityHashMap<>();
    /** [precinct] → the pinned shifts working it. */
    private final List<List<Shift>> pinnedAt = new ArrayList<>();
    private final long candidateCount;

    /**
     * The index of {@code plan} for a phase that starts: built by the first move factory of the phase to ask, shared
     * with the others (at XL one index costs seconds). Each call is matched by a {@link #release} when the phase ends.
     */
    static ShiftIndex acquire(FieldPlan plan) {
        Shared shared;
        synchronized (SHARED) {
            shared = SHARED.computeIfAbsent(plan, p -> new Shared());
            shared.users++;
        }
        synchronized (shared) {
            if (shared.index == null) {
                shared.index = new ShiftIndex(plan);
            }
            return shared.index;
        }
    }

    /** Ends one use of {@code plan}'s index; the last one drops it, so the next phase indexes its facts anew. */
    static void release(FieldPlan plan) {
        synchronized (SHARED) {
            Shared shared = SHARED.get(plan);
            if (shared != null && --shared.users == 0) {
                SHARED.remove(plan);
            }
        }
    }

    ShiftIndex(FieldPlan plan) {
        for (TimeSlot slot : plan.getTimeSlots()) {
            slotIndexes.put(slot, slotIndexes.size());
        }
        // Precinct indexes are the whole region's: a part of it holds some of them only.
        precinctCount = plan.getPrecincts().stream().mapToInt(Precinct::getIndex).max().orElse(-1) + 1;
        List<List<Shift>> buckets = new ArrayList<>(slotIndexes.size() * precinctCount);
        for (int i = 0; i < slotIndexes.size() * precinctCount; i++) {
            buckets.add(null);
        }
        List<Shift> movable = new ArrayList<>();
        Map<Volunteer, List<Shift>> byVolunteer = new IdentityHashMap<>();
        long candidates = 0;
        Map<Volunteer, List<Shift>> allByVolunteer = new IdentityHashMap<>();
        for (int i = 0; i < precinctCount; i++) {
            pinnedAt.add(new ArrayList<>());
        }
        for (Shift shift : plan.getShifts()) {
            allByVolunteer.computeIfAbsent(shift.getVolunteer(), volunteer -> new ArrayList<>()).add(shift);
            if (shift.isPinned() && shift.getPrecinct() != null) {
                pinnedAt.get(shift.getPrecinct().getIndex()).add(shift);
            }
            if (shift.isPinned() || shift.getCandidatePrecincts().isEmpty()) {
                continue;
            }
            movable.add(shift);
            byVolunteer.computeIfAbsent(shift.getVolunteer(), volunteer -> new ArrayList<>()).add(shift);
            candidates += shift.getCandidatePrecincts().size();
            for (Precinct precinct : shift.getCandidatePrecincts()) {
                int key = bucket(shift.getSlot(), precinct);
                if (buckets.get(key) == null) {
                    buckets.set(key, new ArrayList<>());
                }
                buckets.get(key).add(shift);
            }
        }
        movableShifts = movable.toArray(Shift[]::new);
        servers = new Shift[buckets.size()][];
        for (int i = 0; i < buckets.size(); i++) {
            servers[i] = buckets.get(i) == null ? NONE : buckets.get(i).toArray(Shift[]::new);
        }
        byVolunteer.forEach((volunteer, shifts) -> shiftsByVolunteer.put(volunteer, shifts.toArray(Shift[]::new)));
        allByVolunteer.forEach((volunteer, shifts) ->
                allShiftsByVolunteer.put(volunteer, shifts.toArray(Shift[]::new)));
        candidateCount = candidates;
    }

    /** Shifts that are neither pinned nor without candidates, in the plan's order. */
    Shift[] movableShifts() {
        return movableShifts;
    }

    /** The sum of the movable shifts' candidate counts: the size of the plain change neighbourhood. */
    long candidateCount() {
        return candidateCount;
    }

    /** The movable shifts of {@code slot} that can serve {@code precinct} (empty if none). */
    Shift[] servers(TimeSlot slot, Precinct precinct) {
        return servers[bucket(slot, precinct)];
    }

    /** The movable shifts of {@code volunteer} (empty if none). */
    Shift[] shiftsOf(Volunteer volunteer) {
        return shiftsByVolunteer.getOrDefault(volunteer, NONE);
    }

    /** Every shift of {@code volunteer}, pinned ones included (empty if none). */
    Shift[] allShiftsOf(Volunteer volunteer) {
        return allShiftsByVolunteer.getOrDefault(volunteer, NONE);
    }

    /** The pinned shifts working {@code precinct} (they never move within a phase). */
    List<Shift> pinnedAt(Precinct precinct) {
        return pinnedAt.get(precinct.getIndex());
    }

    /** The movable shifts now working {@code precinct} in {@code slot}: the team a team move takes along. */
    List<Shift> team(TimeSlot slot, Precinct precinct) {
        List<Shift> team = new ArrayList<>();
        for (Shift shift : servers(slot, precinct)) {
            if (shift.getPrecinct() == precinct) {
                team.add(shift);
            }
        }
        return team;
    }

    private int bucket(TimeSlot slot, Precinct precinct) {
        return slotIndexes.get(slot) * precinctCount + precinct.getIndex();
    }
}
