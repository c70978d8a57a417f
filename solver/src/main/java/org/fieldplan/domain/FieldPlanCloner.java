package org.fieldplan.domain;

import java.util.ArrayList;
import java.util.List;

import org.optaplanner.core.api.domain.solution.cloner.SolutionCloner;

/**
 * Clones a plan for the solver's best-solution bookkeeping: new {@link Shift}s, shared problem facts. OptaPlanner
 * clones the working solution on every new best score; its generic reflective cloner made that the largest cost of
 * local search on big regions (tens of thousands of shifts), where improvements come many times a second.
 */
public final class FieldPlanCloner implements SolutionCloner<FieldPlan> {

    @Override
    public FieldPlan cloneSolution(FieldPlan original) {
        List<Shift> shifts = new ArrayList<>(original.getShifts().size());
        for (Shift shift : original.getShifts()) {
            shifts.add(shift.copy());
        }
        return original.withShifts(shifts);
    }
}
