package org.fieldplan.api.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fieldplan.api.errors.ApiException;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.Volunteer;

/**
 * A change to some shifts of a plan, made as a new plan (plans handed to a job are never changed in place): each
 * changed shift's precinct (null: not sent out), ride and pin. A shift sent elsewhere travels on its own unless its
 * ride is set too; shifts {@linkplain #leaveToRepair left to a repair} are not the edit's to judge.
 */
final class ShiftEdit {

    private final FieldPlan plan;
    private final Map<String, Shift> shifts = new HashMap<>();
    private final Map<String, Precinct> precincts = new HashMap<>();
    private final Map<String, Precinct> newPrecinct = new HashMap<>();
    private final Map<String, Boolean> newPin = new HashMap<>();
    private final Map<String, Volunteer> newRide = new HashMap<>();
    private final Set<String> leftToRepair = new LinkedHashSet<>();

    ShiftEdit(FieldPlan plan) {
        this.plan = plan;
        plan.getShifts().forEach(s -> shifts.put(s.getId(), s));
        plan.getPrecincts().forEach(p -> precincts.put(p.getId(), p));
    }

    /** The plan as it was before the edit. */
    FieldPlan plan() {
        return plan;
    }

    /** The volunteer's shift in the slot; 400 naming {@code field} when there is none. */
    Shift shift(String volunteerId, String slotId, String field) {
        if (volunteerId == null || volunteerId.isBlank()) {
            throw ApiException.invalid(prefixed(field, "volunteerId"), "is required");
        }
        if (slotId == null || slotId.isBlank()) {
            throw ApiException.invalid(prefixed(field, "slotId"), "is required");
        }
        Shift shift = shifts.get(volunteerId + "@" + slotId);
        if (shift == null) {
            throw ApiException.invalid(prefixed(field, "slotId"), "volunteer \"" + volunteerId + "\" has no shift in "
                    + "slot \"" + slotId + "\" of the live plan (not in the plan, or not available then)");
        }
        return shift;
    }

    Precinct precinct(String precinctId, String field) {
        if (precinctId == null || precinctId.isBlank()) {
            throw ApiException.invalid(field, "is required");
        }
        Precinct precinct = precincts.get(precinctId);
        if (precinct == null) {
            throw ApiException.invalid(field, "no precinct \"" + precinctId + "\" in the live plan");
        }
        return precinct;
    }

    Precinct precinctOf(Shift shift) {
        return newPrecinct.containsKey(shift.getId()) ? newPrecinct.get(shift.getId()) : shift.getPrecinct();
    }

    ShiftEdit send(Shift shift, Precinct precinct) {
        newPrecinct.put(shift.getId(), precinct);
        return this;
    }

    /** The shift rides with {@code driver} (null: on its own). */
    ShiftEdit ride(Shift shift, Volunteer driver) {
        newRide.put(shift.getId(), driver);
        return this;
    }

    /** The shift stays as it is here and a repair decides it afterwards (e.g. the rider of a driver who moved). */
    ShiftEdit leaveToRepair(Shift shift) {
        leftToRepair.add(shift.getId());
        return this;
    }

    Set<String> leftToRepair() {
        return leftToRepair;
    }

    ShiftEdit pin(Shift shift, boolean pinned) {
        newPin.put(shift.getId(), pinned);
        return this;
    }

    FieldPlan result() {
        List<Shift> result = new ArrayList<>(plan.getShifts().size());
        for (Shift shift : plan.getShifts()) {
            String id = shift.getId();
            boolean changed = newPrecinct.containsKey(id) || newPin.containsKey(id) || newRide.containsKey(id);
            if (!changed) {
                result.add(copy(shift));
                continue;
            }
            Shift edited = new Shift(shift.getVolunteer(), shift.getSlot(),
                    newPrecinct.containsKey(id) ? newPrecinct.get(id) : shift.getPrecinct(),
                    newPin.getOrDefault(id, shift.isPinned()));
            // A lock keeps the ride; a shift sent elsewhere goes on its own unless told whom it rides with.
            edited.setRide(newRide.containsKey(id) ? newRide.get(id)
                    : newPrecinct.containsKey(id) ? null : shift.getRide());
            result.add(edited);
        }
        return plan.withShifts(result);
    }

    /** The plan without the shifts left to a repair: what the edit itself is to be judged on. */
    static FieldPlan without(FieldPlan plan, Set<String> shiftIds) {
        return plan.withShifts(plan.getShifts().stream().filter(s -> !shiftIds.contains(s.getId()))
                .map(ShiftEdit::copy).toList());
    }

    private static Shift copy(Shift shift) {
        return shift.withPin(shift.isPinned());
    }

    private static String prefixed(String field, String name) {
        return field == null ? name : field + "." + name;
    }
}
