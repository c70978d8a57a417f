package org.fieldplan.data.plan;

import java.util.HashSet;
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
        Set<String> shifts = new HashSet<>();
        for (Assignment a : plan.assignments()) {
            if (!keys.volunteerIds().contains(a.volunteerId()) || !keys.slotIds().contains(a.slotId())
                    || !keys.precinctIds().contains(a.precinctId())) {
                throw new StoreException("assignment " + a + " refers to something " + problemName
                        + " does not have");
            }
            if (!shifts.add(a.volunteerId() + '\u0000' + a.slotId())) {
                throw new StoreException("volunteer " + a.volunteerId() + " has two assignments in slot " + a.slotId());
            }
        }
    }
}
