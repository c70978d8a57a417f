package org.fieldplan.domain;

import java.util.List;

import org.fieldplan.travel.TravelParameters;
import org.fieldplan.vote.VoteModelParameters;

/**
 * A planning problem as stated by its author (JSON, a store or the generator), before anything is derived:
 * the input of {@link org.fieldplan.solver.ProblemPreparer}, which turns it into a solvable {@link FieldPlan}.
 *
 * @param assignments an existing (partial) plan to start from or to repair; may be empty
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
        List<StagingLocation> stagingLocations) {

    /** A problem without staging locations. */
    public FieldPlanProblem(String name, String timeZone, VoteModelParameters voteModel, TravelParameters travel,
            List<District> districts, List<TimeSlot> timeSlots, List<Precinct> precincts, List<Volunteer> volunteers,
            FieldPlanWeights weights, List<Assignment> assignments) {
        this(name, timeZone, voteModel, travel, districts, timeSlots, precincts, volunteers, weights, assignments,
                List.of());
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
                weights, assignments, stagingLocations);
    }

    /** The same problem with another set of assignments. */
    public FieldPlanProblem withAssignments(List<Assignment> newAssignments) {
        return new FieldPlanProblem(name, timeZone, voteModel, travel, districts, timeSlots, precincts, volunteers,
                weights, newAssignments, stagingLocations);
    }

    /** The same problem with other staging locations. */
    public FieldPlanProblem withStagingLocations(List<StagingLocation> locations) {
        return new FieldPlanProblem(name, timeZone, voteModel, travel, districts, timeSlots, precincts, volunteers,
                weights, assignments, locations);
    }
}
