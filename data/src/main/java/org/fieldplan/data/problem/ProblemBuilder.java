package org.fieldplan.data.problem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.fieldplan.data.plan.PlanStore;
import org.fieldplan.data.plan.StoredPlan;
import org.fieldplan.data.region.ProblemQuery;
import org.fieldplan.data.region.RegionStore;
import org.fieldplan.data.travel.TravelMinutesStore;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;

/**
 * Builds a solvable problem for (region, date range, optional organizer) from any pair of stores: loads the region
 * part, leaves out what cannot be planned (precincts without geometry, volunteers without a home or without
 * availability in the range) and reports it instead of failing, and counts the doors field reports say were knocked
 * against each precinct's remaining doors. Travel minutes stored with the region (by road) come along.
 */
public final class ProblemBuilder {

    private final RegionStore regions;
    private final PlanStore plans;

    private final TravelMinutesStore travelMinutes;

    public ProblemBuilder(RegionStore regions, PlanStore plans, TravelMinutesStore travelMinutes) {
        this.regions = regions;
        this.plans = plans;
        this.travelMinutes = travelMinutes;
    }

    public BuiltProblem build(ProblemQuery query) {
        FieldPlanProblem stated = regions.load(query);
        Map<String, Long> reportedDoors = plans.doorsKnockedByPrecinct(query.regionId());
        List<DataIssue> issues = new ArrayList<>();

        List<Precinct> precincts = new ArrayList<>();
        for (Precinct precinct : stated.precincts()) {
            if (precinct.getGeometry() == null || precinct.getGeometry().isEmpty()) {
                issues.add(new DataIssue(DataIssue.Kind.PRECINCT_WITHOUT_GEOMETRY, precinct.getId(),
                        "precinct " + precinct.getId() + " has no geometry"));
                continue;
            }
            long reported = reportedDoors.getOrDefault(precinct.getId(), 0L);
            precincts.add(reported == 0 ? precinct : precinct.withMoreDoorsKnocked(reported));
        }

        List<Volunteer> volunteers = new ArrayList<>();
        for (Volunteer volunteer : stated.volunteers()) {
            if (volunteer.getHome() == null || volunteer.getHome().isEmpty()) {
                issues.add(new DataIssue(DataIssue.Kind.VOLUNTEER_WITHOUT_HOME, volunteer.getId(),
                        "volunteer " + volunteer.getId() + " has no home location"));
            } else if (!availableForSome(volunteer, stated.timeSlots())) {
                issues.add(new DataIssue(DataIssue.Kind.VOLUNTEER_WITHOUT_AVAILABILITY, volunteer.getId(),
                        "volunteer " + volunteer.getId() + " is available for no slot from " + query.from() + " to "
                                + query.to()));
            } else {
                volunteers.add(volunteer);
            }
        }

        FieldPlanProblem problem = new FieldPlanProblem(stated.name(), stated.timeZone(), stated.voteModel(),
                stated.travel(), stated.districts(), stated.timeSlots(), precincts, volunteers, stated.weights(),
                List.of(), storedTravelMinutes(query.regionId(), volunteers, precincts), stated.stagingLocations());
        return new BuiltProblem(problem, issues);
    }

    /** The region's stored travel minutes (by road) of these volunteers, to these precincts only. */
    private Map<String, Map<String, Double>> storedTravelMinutes(String regionId, List<Volunteer> volunteers,
            List<Precinct> precincts) {
        Set<String> precinctIds = precincts.stream().map(Precinct::getId).collect(Collectors.toSet());
        Map<String, Map<String, Double>> minutes = new HashMap<>();
        travelMinutes.load(regionId, volunteers.stream().map(Volunteer::getId).toList()).forEach((volunteerId, row) -> {
            Map<String, Double> kept = new HashMap<>(row);
            kept.keySet().retainAll(precinctIds);
            minutes.put(volunteerId, kept);
        });
        return minutes;
    }

    /**
     * The problem of a stored plan, rebuilt from the region's current data, with the plan's assignments (pinned flags
     * included) to repair or re-solve around. Field reports added since the plan was saved are counted, so its score
     * may differ from the stored one. A snapshot-only plan gets its snapshot back as it was saved, without issues.
     */
    public BuiltProblem forPlan(StoredPlan plan) {
        if (plan.problem() == null) {
            return new BuiltProblem(plan.snapshot().withAssignments(plan.solverAssignments()), List.of());
        }
        BuiltProblem built = build(plan.problem());
        return new BuiltProblem(built.problem().withAssignments(plan.solverAssignments()), built.issues());
    }

    private static boolean availableForSome(Volunteer volunteer, List<TimeSlot> slots) {
        return slots.stream().anyMatch(volunteer::isAvailableFor);
    }
}
