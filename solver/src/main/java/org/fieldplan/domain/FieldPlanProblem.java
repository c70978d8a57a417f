package org.fieldplan.domain;

import java.util.List;
import java.util.Map;


/**
 * A planning problem as stated by its author (JSON, a store or the generator), before anything is derived:
 * the input of {@link org.fieldplan.solver.ProblemPreparer}, which turns it into a solvable {@link FieldPlan}.
 *
 * @param assignments an existing (partial) plan to start from or to repair; may be empty
 * @param travelMinutes stated one-way minutes per volunteer id, then precinct id (e.g. over a road network): a
 *     volunteer listed reaches exactly the precincts listed (within their limit); one not listed gets the default
 *     estimate. May be empty
 * @param stagingLocations where teams meet; when empty (the default) volunteers travel straight to their turf
 */
public record FieldPlanProblem(
        String name,
        String timeZone,
        VoteModelParameters voteModel,
        TravelParameters travel,
        List<District> districts,
        List<TimeSlot> timeSlots,
        List<Precinct> precincts,
        List<Volunteer> volunteers,
        FieldPlanWeights weights,
        List<Assignment> assignments,
        Map<String, Map<String, Double>> travelMinutes,
        List<StagingLocation> stagingLocations) {

    /** A problem without stated travel minutes (every pair is estimated) and without staging locations. */
    public FieldPlanProblem(String name, String timeZone, VoteModelParameters voteModel, TravelParameters travel,
            List<District> districts, List<TimeSlot> timeSlots, List<Precinct> precincts, List<Volunteer> volunteers,
            FieldPlanWeights weights, List<Assignment> assignments) {
        this(name, timeZone, voteModel, travel, districts, timeSlots, precincts, volunteers, weights, assignments,
                Map.of(), List.of());
    }

    public FieldPlanProblem {
        voteModel = voteModel == null ? VoteModelParameters.DEFAULTS : voteModel;
        travel = travel == null ? TravelParameters.DEFAULTS : travel;
        districts = districts == null ? List.of() : List.copyOf(districts);
        timeSlots = TimeSlots.inZone(timeSlots, timeZone);
        precincts = List.copyOf(precincts);
        volunteers = List.copyOf(volunteers);
        weights = weights == null ? new FieldPlanWeights() : weights;
        assignments = assignments == null ? List.of() : List.copyOf(assignments);
        travelMinutes = travelMinutes == null ? Map.of() : Map.copyOf(travelMinutes);
        stagingLocations = stagingLocations == null ? List.of() : List.copyOf(stagingLocations);
    }

    /**
     * The same problem with the volunteer of that id replaced by {@code volunteer}, or with {@code volunteer} added
     * last when the problem has no volunteer of that id (a late sign-up, or more time offered).
     */
    public FieldPlanProblem withVolunteer(Volunteer volunteer) {
        List<Volunteer> updated = new java.util.ArrayList<>(volunteers.size() + 1);
        boolean replaced = false;
        for (Volunteer existing : volunteers) {
            boolean same = existing.getId().equals(volunteer.getId());
            updated.add(same ? volunteer : existing);
            replaced |= same;
        }
        if (!replaced) {
            updated.add(volunteer);
        }
        return new FieldPlanProblem(name, timeZone, voteModel, travel, districts, timeSlots, precincts, updated,
                weights, assignments, travelMinutes, stagingLocations);
    }

    /** The same problem with another set of assignments. */
    public FieldPlanProblem withAssignments(List<Assignment> newAssignments) {
        return new FieldPlanProblem(name, timeZone, voteModel, travel, districts, timeSlots, precincts, volunteers,
                weights, newAssignments, travelMinutes, stagingLocations);
    }

    /** The same problem with these stated travel minutes (volunteer id, then precinct id). */
    public FieldPlanProblem withTravelMinutes(Map<String, Map<String, Double>> minutes) {
        return new FieldPlanProblem(name, timeZone, voteModel, travel, districts, timeSlots, precincts, volunteers,
                weights, assignments, minutes, stagingLocations);
    }

    /** The same problem with other staging locations. */
    public FieldPlanProblem withStagingLocations(List<StagingLocation> locations) {
        return new FieldPlanProblem(name, timeZone, voteModel, travel, districts, timeSlots, precincts, volunteers,
                weights, assignments, travelMinutes, locations);
    }
}
