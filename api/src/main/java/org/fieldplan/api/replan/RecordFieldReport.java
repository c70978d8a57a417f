package org.fieldplan.api.replan;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.vote.MarginalVoteModel;
import org.optaplanner.core.api.solver.change.ProblemChange;
import org.optaplanner.core.api.solver.change.ProblemChangeDirector;

/**
 * A shift was worked: pin it (it happened), and take the doors knocked off its precinct's remaining doors, so the
 * precinct's capacity and full-coverage votes — and with them every later shift's marginal value — reflect the
 * work done. Full-coverage votes are linear in the remaining doors (docs/model.md), so they scale with them.
 *
 * @param additionalDoors the doors this report adds to what was known: the report's doors less those of an earlier
 *     report for the same shift, which it replaces (negative when the volunteer corrected the count downwards)
 */
record RecordFieldReport(String shiftId, String precinctId, int additionalDoors)
        implements ProblemChange<FieldPlan> {

    @Override
    public void doChange(FieldPlan workingPlan, ProblemChangeDirector director) {
        workingPlan.getShifts().stream().filter(shift -> shift.getId().equals(shiftId)).findFirst()
                .ifPresent(shift -> director.changeProblemProperty(shift, working -> working.setPinned(true)));
        Precinct precinct = workingPlan.getPrecincts().stream().filter(p -> p.getId().equals(precinctId))
                .findFirst().orElse(null);
        if (precinct == null) {
            return;
        }
        // Precincts have no @PlanningId, so the director cannot look them up. Facts are shared, not cloned, so the
        // precinct is changed in place and every shift there is touched: Bavet retracts each shift's old
        // contribution (kept from when it was inserted) and re-inserts it with the precinct's new values.
        reduce(precinct, new MarginalVoteModel(workingPlan.getVoteModel()));
        workingPlan.getShifts().stream().filter(shift -> shift.getPrecinct() == precinct).toList()
                .forEach(shift -> director.changeVariable(shift, "precinct", working -> { }));
    }

    /** The precinct's remaining doors once the report's additional doors count: within 0 and its target. */
    static double remainingAfter(Precinct precinct, int additionalDoors) {
        return Math.min(precinct.getTargetDoors(), Math.max(0, precinct.getRemainingDoors() - additionalDoors));
    }

    private void reduce(Precinct precinct, MarginalVoteModel model) {
        double before = precinct.getRemainingDoors();
        double after = remainingAfter(precinct, additionalDoors);
        int capacity = precinct.getStatedCapacityPerSlot() != null ? precinct.getStatedCapacityPerSlot()
                : model.capacityPerSlot(after, precinct.getDoorsPerHour());
        double fullCoverageVotes = before <= 0 ? 0 : precinct.getFullCoverageVotes() * after / before;
        precinct.setDerived(precinct.getIndex(), precinct.getAreaKm2(), precinct.getPivotality(),
                precinct.getTargetDoors(), capacity, precinct.getDoorsPerHour(), after,
                precinct.getNetVotesPerContact(), fullCoverageVotes);
    }
}
