package org.fieldplan.data.region;

import java.util.Set;
import java.util.stream.Collectors;

import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;

/** The ids a region (or a problem snapshot) holds; what a plan's assignments may refer to. */
public record RegionKeys(Set<String> volunteerIds, Set<String> slotIds, Set<String> precinctIds) {

    public RegionKeys {
        volunteerIds = Set.copyOf(volunteerIds);
        slotIds = Set.copyOf(slotIds);
        precinctIds = Set.copyOf(precinctIds);
    }

    public static RegionKeys of(FieldPlanProblem problem) {
        return new RegionKeys(
                problem.volunteers().stream().map(Volunteer::getId).collect(Collectors.toSet()),
                problem.timeSlots().stream().map(TimeSlot::getId).collect(Collectors.toSet()),
                problem.precincts().stream().map(Precinct::getId).collect(Collectors.toSet()));
    }
}
