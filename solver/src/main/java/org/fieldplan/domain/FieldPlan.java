package org.fieldplan.domain;

import java.util.ArrayList;
import java.util.List;

import org.optaplanner.core.api.domain.constraintweight.ConstraintConfigurationProvider;
import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * A planning problem and, once solved, its plan: which precinct each volunteer canvasses in each slot.
 *
 * <p>Hard: rules no plan may break (availability, limits, capacity, buddies, languages). Medium: reserved for
 * making "every volunteer gets a shift" lexicographic (off by default). Soft, in micro-votes: expected net votes
 * minus travel and other costs.
 */
@PlanningSolution(solutionCloner = FieldPlanCloner.class)
public class FieldPlan {

    private String name;
    private String timeZone;
    private VoteModelParameters voteModel;
    private TravelParameters travel;
    private List<District> districts;

    @ProblemFactCollectionProperty
    private List<TimeSlot> timeSlots;
    @ProblemFactCollectionProperty
    private List<Precinct> precincts;
    @ProblemFactCollectionProperty
    private List<Volunteer> volunteers;
    @ProblemFactCollectionProperty
    private List<StagingLocation> stagingLocations = List.of();
    @PlanningEntityCollectionProperty
    private List<Shift> shifts;

    @ConstraintConfigurationProvider
    private FieldPlanWeights weights;

    @PlanningScore
    private HardMediumSoftLongScore score;

    /** For OptaPlanner's cloning. */
    public FieldPlan() {
    }

    public FieldPlan(String name, String timeZone, VoteModelParameters voteModel, TravelParameters travel,
            List<District> districts, List<TimeSlot> timeSlots, List<Precinct> precincts, List<Volunteer> volunteers,
            List<Shift> shifts, FieldPlanWeights weights) {
        this.name = name;
        this.timeZone = timeZone;
        this.voteModel = voteModel;
        this.travel = travel;
        this.districts = districts;
        this.timeSlots = timeSlots;
        this.precincts = precincts;
        this.volunteers = volunteers;
        this.shifts = new ArrayList<>(shifts);
        this.weights = weights;
    }

    /** A plan whose teams meet at {@code stagingLocations} (none: volunteers travel straight to their turf). */
    public FieldPlan(String name, String timeZone, VoteModelParameters voteModel, TravelParameters travel,
            List<District> districts, List<TimeSlot> timeSlots, List<Precinct> precincts, List<Volunteer> volunteers,
            List<Shift> shifts, FieldPlanWeights weights, List<StagingLocation> stagingLocations) {
        this(name, timeZone, voteModel, travel, districts, timeSlots, precincts, volunteers, shifts, weights);
        this.stagingLocations = List.copyOf(stagingLocations);
    }

    /** The same problem with fresh shifts: pinned assignments kept, the rest unassigned (e.g. for a baseline). */
    public FieldPlan copyUnassigned() {
        List<Shift> copies = new ArrayList<>(shifts.size());
        for (Shift shift : shifts) {
            copies.add(shift.isPinned() ? shift.withPin(true) : new Shift(shift.getVolunteer(), shift.getSlot()));
        }
        return withShifts(copies);
    }

    /** The same problem, weights and score with another list of shifts. */
    public FieldPlan withShifts(List<Shift> newShifts) {
        FieldPlan copy = new FieldPlan(name, timeZone, voteModel, travel, districts, timeSlots, precincts, volunteers,
                newShifts, weights, stagingLocations);
        copy.setScore(score);
        return copy;
    }

    public String getName() {
        return name;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public VoteModelParameters getVoteModel() {
        return voteModel;
    }

    public TravelParameters getTravel() {
        return travel;
    }

    public List<District> getDistricts() {
        return districts;
    }

    public List<TimeSlot> getTimeSlots() {
        return timeSlots;
    }

    public List<Precinct> getPrecincts() {
        return precincts;
    }

    public List<Volunteer> getVolunteers() {
        return volunteers;
    }

    /** Replaces the volunteer list (a new list: the old one may be shared with other plans of the same job). */
    public void setVolunteers(List<Volunteer> volunteers) {
        this.volunteers = volunteers;
    }

    public List<StagingLocation> getStagingLocations() {
        return stagingLocations;
    }

    public List<Shift> getShifts() {
        return shifts;
    }

    public FieldPlanWeights getWeights() {
        return weights;
    }

    public void setWeights(FieldPlanWeights weights) {
        this.weights = weights;
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }
}
