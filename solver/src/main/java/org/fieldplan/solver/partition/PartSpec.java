package org.fieldplan.solver.partition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.Volunteer;

/**
 * One part of a round, by ids only: what another process holding the same whole plan needs to build the very same
 * part plan ({@link PartPlan#of(FieldPlan, PartSpec)}), e.g. to solve it on another instance.
 *
 * @param precinctIds the part's precincts
 * @param volunteerIds the part's volunteers
 * @param start the start precinct (null: unassigned) of each shift of the part's volunteers, in the whole plan's order
 * @param fixed the pinned shifts of volunteers in no part that work the part's precincts
 */
public record PartSpec(List<String> precinctIds, List<String> volunteerIds, List<String> start,
        List<FixedShift> fixed) {

    /** A shift ({@code volunteerId@slotId}) that stays at its precinct in this round. */
    public record FixedShift(String shiftId, String precinctId) {
    }

    /** The spec of {@code part} of {@code whole}, started from {@code assigned}. */
    static PartSpec of(FieldPlan whole, RegionPartition.Part part, Map<Shift, Precinct> assigned) {
        Set<Precinct> precincts = Collections.newSetFromMap(new IdentityHashMap<>());
        precincts.addAll(part.precincts());
        Set<Volunteer> volunteers = Collections.newSetFromMap(new IdentityHashMap<>());
        volunteers.addAll(part.volunteers());
        List<String> start = new ArrayList<>();
        for (Shift shift : whole.getShifts()) {
            if (volunteers.contains(shift.getVolunteer())) {
                Precinct precinct = assigned.get(shift);
                start.add(precincts.contains(precinct) ? precinct.getId() : null);
            }
        }
        List<FixedShift> fixed = part.fixed().stream()
                .map(shift -> new FixedShift(shift.getId(), assigned.get(shift).getId())).toList();
        return new PartSpec(part.precincts().stream().map(Precinct::getId).toList(),
                part.volunteers().stream().map(Volunteer::getId).toList(), Collections.unmodifiableList(start), fixed);
    }
}
