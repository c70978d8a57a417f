package org.fieldplan.api.replan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.fieldplan.domain.FieldPlan;

/** Where each shift of a plan goes and with whom, and what a repair changed of it: a repair's {@code changes}. */
final class Placements {

    /** A shift's precinct (null: not sent out) and the driver it rides with (null: on its own). */
    record Placement(String precinctId, String rideWith) {
    }

    private static final Placement NOWHERE = new Placement(null, null);

    private Placements() {
    }

    /** Each shift's placement, by shift id ("volunteer@slot"). */
    static Map<String, Placement> of(FieldPlan plan) {
        Map<String, Placement> byShift = new HashMap<>();
        plan.getShifts().forEach(s -> byShift.put(s.getId(), new Placement(
                s.getPrecinct() == null ? null : s.getPrecinct().getId(),
                s.getPrecinct() == null || s.getRide() == null ? null : s.getRide().getId())));
        return byShift;
    }

    /** Every volunteer-slot whose precinct or ride differs, in shift id order; a shift gone counts as not sent out. */
    static List<ReplanResult.Change> diff(Map<String, Placement> before, Map<String, Placement> after) {
        Set<String> shiftIds = new TreeSet<>(before.keySet());
        shiftIds.addAll(after.keySet());
        List<ReplanResult.Change> changes = new ArrayList<>();
        for (String shiftId : shiftIds) {
            Placement from = before.getOrDefault(shiftId, NOWHERE);
            Placement to = after.getOrDefault(shiftId, NOWHERE);
            if (!Objects.equals(from, to)) {
                String[] parts = shiftId.split("@", 2);
                changes.add(new ReplanResult.Change(parts[0], parts[1], from.precinctId(), to.precinctId(),
                        from.rideWith(), to.rideWith()));
            }
        }
        return changes;
    }
}
