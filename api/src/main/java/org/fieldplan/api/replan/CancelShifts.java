package org.fieldplan.api.replan;

import java.util.List;
import java.util.Set;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Shift;
import org.optaplanner.core.api.solver.change.ProblemChange;
import org.optaplanner.core.api.solver.change.ProblemChangeDirector;

/**
 * A volunteer cancelled (or did not show up for) some slots: their shifts there leave the plan. A volunteer left with
 * no slot no longer offers time, so the idle-volunteer rule stops counting them, exactly as when the plan is loaded
 * again from the stored problem, whose availability no longer has those slots.
 */
record CancelShifts(String volunteerId, Set<String> slotIds) implements ProblemChange<FieldPlan> {

    @Override
    public void doChange(FieldPlan workingPlan, ProblemChangeDirector director) {
        List<Shift> own = workingPlan.getShifts().stream()
                .filter(shift -> shift.getVolunteer().getId().equals(volunteerId)).toList();
        List<Shift> cancelled = own.stream().filter(shift -> slotIds.contains(shift.getSlot().getId())).toList();
        for (Shift shift : cancelled) {
            director.removeEntity(shift, working -> workingPlan.getShifts().remove(working));
        }
        if (!own.isEmpty() && own.size() == cancelled.size() && own.get(0).getVolunteer().isOffersUsefulTime()) {
            director.changeProblemProperty(own.get(0).getVolunteer(), working -> working.setOffersUsefulTime(false));
        }
    }
}
