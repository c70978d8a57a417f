package org.fieldplan.api.replan;

import java.util.List;
import java.util.Set;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Shift;
import org.optaplanner.core.api.solver.change.ProblemChange;
import org.optaplanner.core.api.solver.change.ProblemChangeDirector;

/** A volunteer cancelled (or did not show up for) some slots: their shifts there leave the plan. */
record CancelShifts(String volunteerId, Set<String> slotIds) implements ProblemChange<FieldPlan> {

    @Override
    public void doChange(FieldPlan workingPlan, ProblemChangeDirector director) {
        List<Shift> cancelled = workingPlan.getShifts().stream()
                .filter(shift -> shift.getVolunteer().getId().equals(volunteerId)
                        && slotIds.contains(shift.getSlot().getId()))
                .toList();
        for (Shift shift : cancelled) {
            director.removeEntity(shift, working -> workingPlan.getShifts().remove(working));
        }
    }
}
