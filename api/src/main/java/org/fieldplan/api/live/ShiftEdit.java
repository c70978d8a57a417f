package org.fieldplan.api.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fieldplan.api.errors.ApiException;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;

/**
 * A change to some shifts of a plan, made as a new plan (plans handed to a job are never changed in place): each
 * changed shift's precinct (null: not sent out) and pin.
 */
final class ShiftEdit {

    private final FieldPlan plan;
    private final Map<String, Shift> shifts = new HashMap<>();
    private final Map<String, Precinct> precincts = new HashMap<>();
    private final Map<String, Precinct> newPrecinct = new HashMap<>();
    private final Map<String, Boolean> newPin = new HashMap<>();

    ShiftEdit(FieldPlan plan) {
        this.plan = plan;
        plan.getShifts().forEach(s -> shifts.put(s.getId(), s));
        plan.getPrecincts().forEach(p -> precincts.put(p.getId(), p));
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

    ShiftEdit pin(Shift shift, boolean pinned) {
        newPin.put(shift.getId(), pinned);
        return this;
    }

    FieldPlan result() {
        List<Shift> result = new ArrayList<>(plan.getShifts().size());
        for (Shift shift : plan.getShifts()) {
            String id = shift.getId();
            boolean changed = newPrecinct.containsKey(id) || newPin.containsKey(id);
            result.add(changed ? new Shift(shift.getVolunteer(), shift.getSlot(),
                    newPrecinct.containsKey(id) ? newPrecinct.get(id) : shift.getPrecinct(),
                    newPin.getOrDefault(id, shift.isPinned())) : copy(shift));
        }
        return plan.withShifts(result);
    }

    private static Shift copy(Shift shift) {
        return shift.withPin(shift.isPinned());
    }

    private static String prefixed(String field, String name) {
        return field == null ? name : field + "." + name;
    }
}
