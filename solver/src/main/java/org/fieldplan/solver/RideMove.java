package org.fieldplan.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.Volunteer;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.AbstractMove;

/**
 * Sets the precinct and the ride of several shifts at once: a rider joins a driver at the driver's precinct, leaves a
 * car, or a driver moves with their riders. A carpool changed one variable at a time passes through a rider whose
 * driver went elsewhere (a broken hard rule); this move keeps it whole.
 */
final class RideMove extends AbstractMove<FieldPlan> {

    private final Shift[] shifts;
    private final Precinct[] precincts;
    private final Volunteer[] rides;

    RideMove(Shift[] shifts, Precinct[] precincts, Volunteer[] rides) {
        this.shifts = shifts;
        this.precincts = precincts;
        this.rides = rides;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<FieldPlan> scoreDirector) {
        boolean changes = false;
        for (int i = 0; i < shifts.length; i++) {
            if (shifts[i].isPinned()) {
                return false;
            }
            changes |= shifts[i].getPrecinct() != precincts[i] || shifts[i].getRide() != rides[i];
        }
        return changes;
    }

    @Override
    protected RideMove createUndoMove(ScoreDirector<FieldPlan> scoreDirector) {
        Precinct[] currentPrecincts = new Precinct[shifts.length];
        Volunteer[] currentRides = new Volunteer[shifts.length];
        for (int i = 0; i < shifts.length; i++) {
            currentPrecincts[i] = shifts[i].getPrecinct();
            currentRides[i] = shifts[i].getRide();
        }
        return new RideMove(shifts, currentPrecincts, currentRides);
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<FieldPlan> scoreDirector) {
        for (int i = 0; i < shifts.length; i++) {
            Shift shift = shifts[i];
            if (shift.getPrecinct() != precincts[i]) {
                scoreDirector.beforeVariableChanged(shift, "precinct");
                shift.setPrecinct(precincts[i]);
                scoreDirector.afterVariableChanged(shift, "precinct");
            }
            if (shift.getRide() != rides[i]) {
                scoreDirector.beforeVariableChanged(shift, "ride");
                shift.setRide(rides[i]);
                scoreDirector.afterVariableChanged(shift, "ride");
            }
        }
    }

    @Override
    public RideMove rebase(ScoreDirector<FieldPlan> destination) {
        Shift[] rebasedShifts = new Shift[shifts.length];
        Precinct[] rebasedPrecincts = new Precinct[shifts.length];
        Volunteer[] rebasedRides = new Volunteer[shifts.length];
        for (int i = 0; i < shifts.length; i++) {
            rebasedShifts[i] = destination.lookUpWorkingObject(shifts[i]);
            rebasedPrecincts[i] = precincts[i] == null ? null : destination.lookUpWorkingObject(precincts[i]);
            rebasedRides[i] = rides[i] == null ? null : destination.lookUpWorkingObject(rides[i]);
        }
        return new RideMove(rebasedShifts, rebasedPrecincts, rebasedRides);
    }

    @Override
    public Collection<? extends Object> getPlanningEntities() {
        return Arrays.asList(shifts);
    }

    @Override
    public Collection<? extends Object> getPlanningValues() {
        List<Object> values = new ArrayList<>();
        values.addAll(Arrays.asList(precincts));
        values.addAll(Arrays.asList(rides));
        values.removeIf(Objects::isNull);
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RideMove move && Arrays.equals(shifts, move.shifts)
                && Arrays.equals(precincts, move.precincts) && Arrays.equals(rides, move.rides);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(shifts), Arrays.hashCode(precincts), Arrays.hashCode(rides));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < shifts.length; i++) {
            text.append(i == 0 ? "" : ", ").append(shifts[i].getId()).append(" {").append(shifts[i].getPrecinct())
                    .append(" with ").append(shifts[i].getRide()).append(" -> ").append(precincts[i])
                    .append(" with ").append(rides[i]).append('}');
        }
        return text.toString();
    }
}
