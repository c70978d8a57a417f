package org.fieldplan.api.replan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.optaplanner.core.api.solver.change.ProblemChange;
import org.optaplanner.core.api.solver.change.ProblemChangeDirector;

/**
 * A volunteer joins the plan (signed up late) or offers more time: the volunteer fact with their id, if any, is
 * replaced by {@code volunteer} (facts are immutable and shared with the job's earlier plans), their shifts are
 * re-created on it unchanged (same precinct, same pin), and an unassigned shift is added for each slot in
 * {@code newSlotIds}, for the solver to fill. The volunteer list is replaced, never changed in place, because the
 * job's current plan shares it.
 */
record AddVolunteerShifts(Volunteer volunteer, Set<String> newSlotIds) implements ProblemChange<FieldPlan> {

    @Override
    public void doChange(FieldPlan workingPlan, ProblemChangeDirector director) {
        String id = volunteer.getId();
        List<Shift> existing = workingPlan.getShifts().stream().filter(s -> s.getVolunteer().getId().equals(id))
                .toList();
        for (Shift shift : existing) {
            director.removeEntity(shift, working -> workingPlan.getShifts().remove(working));
        }
        workingPlan.getVolunteers().stream().filter(v -> v.getId().equals(id)).findFirst()
                .ifPresent(old -> director.removeProblemFact(old, working -> {
                    List<Volunteer> others = new ArrayList<>(workingPlan.getVolunteers());
                    others.remove(working);
                    workingPlan.setVolunteers(others);
                }));
        director.addProblemFact(volunteer, added -> {
            List<Volunteer> all = new ArrayList<>(workingPlan.getVolunteers());
            all.add(added);
            workingPlan.setVolunteers(all);
        });
        for (Shift shift : existing) {
            director.addEntity(new Shift(volunteer, shift.getSlot(), shift.getPrecinct(), shift.isPinned()),
                    workingPlan.getShifts()::add);
        }
        for (TimeSlot slot : workingPlan.getTimeSlots()) {
            if (newSlotIds.contains(slot.getId())) {
                director.addEntity(new Shift(volunteer, slot), workingPlan.getShifts()::add);
            }
        }
    }
}
