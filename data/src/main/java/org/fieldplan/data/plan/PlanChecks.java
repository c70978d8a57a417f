package org.fieldplan.data.plan;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.fieldplan.data.StoreException;
import org.fieldplan.data.region.RegionKeys;
import org.fieldplan.domain.Assignment;

/**
 * The checks the PostGIS schema's keys make on a plan's assignments, for where no foreign key can make them: the
 * in-memory store, and plans whose problem is only a snapshot.
 */
final class PlanChecks {

    private PlanChecks() {
    }

    /**
     * @param problemName how the plan's problem is named in the error (e.g. {@code region ri-2026})
     * @throws StoreException when an assignment refers to an id {@code keys} lacks or repeats a volunteer's slot
     */
    static void check(NewPlan plan, RegionKeys keys, String problemName) {
        check(plan.assignments(), keys, problemName);
    }

    /** As {@link #check(NewPlan, RegionKeys, String)}, for a plan's new assignments. */
    static void check(List<Assignment> assignments, RegionKeys keys, String problemName) {
        for (Assignment a : assignments) {
            if (!keys.volunteerIds().contains(a.volunteerId()) || !keys.slotIds().contains(a.slotId())
                    || !keys.precinctIds().contains(a.precinctId())) {
                throw new StoreException("assignment " + a + " refers to something " + problemName
                        + " does not have");
            }
        }
        checkNoRepeatedSlot(assignments);
    }

    /** @throws StoreException when a volunteer has two assignments in one slot */
    static void checkNoRepeatedSlot(List<Assignment> assignments) {
        Set<String> shifts = new HashSet<>();
        for (Assignment a : assignments) {
            if (!shifts.add(a.volunteerId() + '\u0000' + a.slotId())) {
                throw new StoreException("volunteer " + a.volunteerId() + " has two assignments in slot " + a.slotId());
            }
        }
    }
}
