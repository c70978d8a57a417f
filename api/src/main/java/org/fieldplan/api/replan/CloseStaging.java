package org.fieldplan.api.replan;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.StagingLocation;
import org.optaplanner.core.api.solver.change.ProblemChange;
import org.optaplanner.core.api.solver.change.ProblemChangeDirector;

/**
 * A staging location's opening hours changed (e.g. it closes for a slot): every precinct whose teams meet there now
 * refers to the location with its new hours, so the staging-hours rule sees teams sent out while it is closed.
 */
record CloseStaging(StagingLocation changed) implements ProblemChange<FieldPlan> {

    @Override
    public void doChange(FieldPlan workingPlan, ProblemChangeDirector director) {
        for (Precinct precinct : workingPlan.getPrecincts()) {
            if (precinct.getStaging() != null && precinct.getStaging().id().equals(changed.id())) {
                director.changeProblemProperty(precinct, working -> working.setStaging(changed));
            }
        }
    }
}
