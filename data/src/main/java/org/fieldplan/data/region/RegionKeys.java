package org.fieldplan.data.region;

import java.util.Set;

/** The ids a region holds; what a plan's assignments may refer to. */
public record RegionKeys(Set<String> volunteerIds, Set<String> slotIds, Set<String> precinctIds) {

    public RegionKeys {
        volunteerIds = Set.copyOf(volunteerIds);
        slotIds = Set.copyOf(slotIds);
        precinctIds = Set.copyOf(precinctIds);
    }
}
