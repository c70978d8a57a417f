package org.fieldplan.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.AbstractMove;

/**
 * Sets the precinct of several shifts at once, e.g. sends two volunteers of the same slot to a precinct together.
 * Single-shift change moves cannot cross the buddy rule's valley (0 → 1 → 2 canvassers passes through an
 * infeasible lone canvasser); this move goes 0 → 2 and 2 → 0 in one step.
 */
public final class ShiftsChangeMove extends AbstractMove<FieldPlan> {

    private static final String VARIABLE = "precinct";

    private final Shift[] shifts;
    private final Precinct[] targets;

    public ShiftsChangeMove(Shift[] shifts, Precinct[] targets) {
        if (shifts.length != targets.length) {
            throw new IllegalArgumentException("shifts and targets differ in length");
        }
        this.shifts = shifts;
        this.targets = targets;
    }

    /** Both shifts to the same precinct (or both unassigned when {@code target} is null). */
    public static ShiftsChangeMove pair(Shift first, Shift second, Precinct target) {
        return new ShiftsChangeMove(new Shift[] {first, second}, new Precinct[] {target, target});
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<FieldPlan> scoreDirector) {
        boolean changes = false;
        for (int i = 0; i < shifts.length; i++) {
            Shift shift = shifts[i];
            if (shift.isPinned()) {
                return false;
            }
            if (shift.getPrecinct() != targets[i]) {
                changes = true;
                if (targets[i] != null && !shift.getCandidatePrecincts().contains(targets[i])) {
                    return false;
                }
            }
        }
        return changes;
    }

    @Override
    protected ShiftsChangeMove createUndoMove(ScoreDirector<FieldPlan> scoreDirector) {
        Precinct[] current = new Precinct[shifts.length];
        for (int i = 0; i < shifts.length; i++) {
            current[i] = shifts[i].getPrecinct();
        }
        return new ShiftsChangeMove(shifts, current);
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<FieldPlan> scoreDirector) {
        for (int i = 0; i < shifts.length; i++) {
            scoreDirector.beforeVariableChanged(shifts[i], VARIABLE);
            shifts[i].setPrecinct(targets[i]);
            scoreDirector.afterVariableChanged(shifts[i], VARIABLE);
        }
    }

    @Override
    public ShiftsChangeMove rebase(ScoreDirector<FieldPlan> destinationScoreDirector) {
        Shift[] rebasedShifts = new Shift[shifts.length];
        Precinct[] rebasedTargets = new Precinct[targets.length];
        for (int i = 0; i < shifts.length; i++) {
            rebasedShifts[i] = destinationScoreDirector.lookUpWorkingObject(shifts[i]);
            rebasedTargets[i] = targets[i] == null ? null : destinationScoreDirector.lookUpWorkingObject(targets[i]);
        }
        return new ShiftsChangeMove(rebasedShifts, rebasedTargets);
    }

    @Override
    public Collection<? extends Object> getPlanningEntities() {
        return Arrays.asList(shifts);
    }

    @Override
    public Collection<? extends Object> getPlanningValues() {
        List<Precinct> values = new ArrayList<>(new LinkedHashSet<>(Arrays.asList(targets)));
        values.removeIf(Objects::isNull);
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ShiftsChangeMove move
                && Arrays.equals(shifts, move.shifts) && Arrays.equals(targets, move.targets);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shifts) + Arrays.hashCode(targets);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < shifts.length; i++) {
            text.append(i == 0 ? "" : ", ").append(shifts[i].getId()).append(" {").append(shifts[i].getPrecinct())
                    .append(" -> ").append(targets[i]).append('}');
        }
        return text.toString();
    }
}
