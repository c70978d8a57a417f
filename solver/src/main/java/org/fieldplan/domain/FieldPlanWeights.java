package org.fieldplan.domain;

import org.optaplanner.core.api.domain.constraintweight.ConstraintConfiguration;
import org.optaplanner.core.api.domain.constraintweight.ConstraintWeight;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * Per-problem constraint weights, changeable at run time (strategists tune them per plan). A weight of zero
 * switches its constraint off.
 *
 * <p>Soft scores are in micro-votes (1 soft point = 10⁻⁶ expected net votes), so each soft weight reads as
 * "how many micro-votes one unit of this cost is worth". See {@code docs/model.md}.
 */
@ConstraintConfiguration(constraintPackage = FieldPlanWeights.CONSTRAINT_PACKAGE)
public class FieldPlanWeights {

    public static final String CONSTRAINT_PACKAGE = "org.fieldplan";

    public static final String AVAILABILITY = "Volunteer available for the slot";
    public static final String MAX_SHIFTS = "Max shifts over the horizon";
    public static final String MAX_SHIFTS_PER_DAY = "Max shifts per day";
    public static final String TRAVEL_LIMIT = "Travel within the volunteer's limit";
    public static final String REQUIRED_SKILLS = "Volunteer has the precinct's required skills";
    public static final String REQUIRED_LANGUAGES = "Team speaks the precinct's languages";
    public static final String CAPACITY = "Precinct-slot capacity";
    public static final String BUDDY_RULE = "Nobody canvasses alone";
    public static final String DEPLOYMENT_LENGTH = "Deployment lasts its minimum length";
    public static final String STAGING_CAPACITY = "Staging location's teams per slot";
    public static final String STAGING_HOURS = "Staging location open for the slot";
    public static final String SEATS = "Riders within the driver's free seats";
    public static final String PICK_UP_DETOUR = "Pick-up within the driver's detour limit";
    public static final String RIDE_WITH_DRIVER = "Rider goes where the driver goes";
    public static final String RIDERS_REACH = "Rider's trip within the driver's reach";
    public static final String IDLE_VOLUNTEER = "Every volunteer who offered time gets a shift";
    public static final String VOTE_VALUE = "Expected net votes";
    public static final String VOTES_LOST = "Votes lost where we are behind";
    public static final String TRAVEL_TIME = "Travel time";
    public static final String FAIR_LOAD = "Fair load (squared shifts per volunteer)";
    public static final String TURF_CONTINUITY = "Turf continuity (precincts per volunteer)";
    public static final String PREFERENCE = "Preferred precinct";
    public static final String SHARED_CAR_MINUTES = "Car-minutes saved by riding";

    @ConstraintWeight(AVAILABILITY)
    private HardMediumSoftLongScore availability = HardMediumSoftLongScore.ofHard(1);
    @ConstraintWeight(MAX_SHIFTS)
    private HardMediumSoftLongScore maxShifts = HardMediumSoftLongScore.ofHard(1);
    @ConstraintWeight(MAX_SHIFTS_PER_DAY)
    private HardMediumSoftLongScore maxShiftsPerDay = HardMediumSoftLongScore.ofHard(1);
    @ConstraintWeight(TRAVEL_LIMIT)
    private HardMediumSoftLongScore travelLimit = HardMediumSoftLongScore.ofHard(1);
    @ConstraintWeight(REQUIRED_SKILLS)
    private HardMediumSoftLongScore requiredSkills = HardMediumSoftLongScore.ofHard(1);
    @ConstraintWeight(REQUIRED_LANGUAGES)
    private HardMediumSoftLongScore requiredLanguages = HardMediumSoftLongScore.ofHard(1);
    @ConstraintWeight(CAPACITY)
    private HardMediumSoftLongScore capacity = HardMediumSoftLongScore.ofHard(1);
    @ConstraintWeight(BUDDY_RULE)
    private HardMediumSoftLongScore buddyRule = HardMediumSoftLongScore.ofHard(1);
    /** Per slot a deployment falls short of its offer's minimum consecutive slots at one precinct. */
    @ConstraintWeight(DEPLOYMENT_LENGTH)
    private HardMediumSoftLongScore deploymentLength = HardMediumSoftLongScore.ofHard(1);
    /** Per team beyond what its staging location can send out in a slot. */
    @ConstraintWeight(STAGING_CAPACITY)
    private HardMediumSoftLongScore stagingCapacity = HardMediumSoftLongScore.ofHard(1);
    /** Per team whose staging location is closed during its slot. */
    @ConstraintWeight(STAGING_HOURS)
    private HardMediumSoftLongScore stagingHours = HardMediumSoftLongScore.ofHard(1);
    /** Per rider beyond a driver's free seats in a slot. */
    @ConstraintWeight(SEATS)
    private HardMediumSoftLongScore seats = HardMediumSoftLongScore.ofHard(1);
    /** Per rider whose pick-up lengthens the driver's trip beyond the driver's detour limit. */
    @ConstraintWeight(PICK_UP_DETOUR)
    private HardMediumSoftLongScore pickUpDetour = HardMediumSoftLongScore.ofHard(1);
    /** Per rider whose driver does not travel, on their own, to the same meeting place in the same slot. */
    @ConstraintWeight(RIDE_WITH_DRIVER)
    private HardMediumSoftLongScore rideWithDriver = HardMediumSoftLongScore.ofHard(1);
    /** Per rider sent beyond both their own and their driver's travel limit. */
    @ConstraintWeight(RIDERS_REACH)
    private HardMediumSoftLongScore ridersReach = HardMediumSoftLongScore.ofHard(1);
    /**
     * Per volunteer who offered time and got nothing: 2,000 micro-votes, a tie-breaker that never outbids votes by
     * much. "1medium" makes it lexicographic instead (see docs/model.md).
     */
    @ConstraintWeight(IDLE_VOLUNTEER)
    private HardMediumSoftLongScore idleVolunteer = HardMediumSoftLongScore.ofSoft(2_000);
    /** Per micro-vote. */
    @ConstraintWeight(VOTE_VALUE)
    private HardMediumSoftLongScore voteValue = HardMediumSoftLongScore.ofSoft(1);
    /** Per micro-vote lost by turnout work in a precinct where we are behind. */
    @ConstraintWeight(VOTES_LOST)
    private HardMediumSoftLongScore votesLost = HardMediumSoftLongScore.ofSoft(1);
    /** Per minute of one-way travel: 20 micro-votes, so 30 minutes cost 0.0006 votes (a tie-breaker). */
    @ConstraintWeight(TRAVEL_TIME)
    private HardMediumSoftLongScore travelTime = HardMediumSoftLongScore.ofSoft(20);
    /** Per unit of squared load: a 3-shift volunteer costs 9 units, three 1-shift volunteers 3. */
    @ConstraintWeight(FAIR_LOAD)
    private HardMediumSoftLongScore fairLoad = HardMediumSoftLongScore.ofSoft(50);
    /** Per extra precinct a volunteer is sent to beyond their first. */
    @ConstraintWeight(TURF_CONTINUITY)
    private HardMediumSoftLongScore turfContinuity = HardMediumSoftLongScore.ofSoft(200);
    /** Per shift in a precinct the volunteer asked for. */
    @ConstraintWeight(PREFERENCE)
    private HardMediumSoftLongScore preference = HardMediumSoftLongScore.ofSoft(200);
    /**
     * Per car-minute saved by a rider who would have driven: 5 micro-votes, a quarter of a travel minute, so sharing a
     * car breaks ties between equally valuable plans without outbidding votes.
     */
    @ConstraintWeight(SHARED_CAR_MINUTES)
    private HardMediumSoftLongScore sharedCarMinutes = HardMediumSoftLongScore.ofSoft(5);

    public HardMediumSoftLongScore getAvailability() {
        return availability;
    }

    public void setAvailability(HardMediumSoftLongScore availability) {
        this.availability = availability;
    }

    public HardMediumSoftLongScore getMaxShifts() {
        return maxShifts;
    }

    public void setMaxShifts(HardMediumSoftLongScore maxShifts) {
        this.maxShifts = maxShifts;
    }

    public HardMediumSoftLongScore getMaxShiftsPerDay() {
        return maxShiftsPerDay;
    }

    public void setMaxShiftsPerDay(HardMediumSoftLongScore maxShiftsPerDay) {
        this.maxShiftsPerDay = maxShiftsPerDay;
    }

    public HardMediumSoftLongScore getTravelLimit() {
        return travelLimit;
    }

    public void setTravelLimit(HardMediumSoftLongScore travelLimit) {
        this.travelLimit = travelLimit;
    }

    public HardMediumSoftLongScore getRequiredSkills() {
        return requiredSkills;
    }

    public void setRequiredSkills(HardMediumSoftLongScore requiredSkills) {
        this.requiredSkills = requiredSkills;
    }

    public HardMediumSoftLongScore getRequiredLanguages() {
        return requiredLanguages;
    }

    public void setRequiredLanguages(HardMediumSoftLongScore requiredLanguages) {
        this.requiredLanguages = requiredLanguages;
    }

    public HardMediumSoftLongScore getCapacity() {
        return capacity;
    }

    public void setCapacity(HardMediumSoftLongScore capacity) {
        this.capacity = capacity;
    }

    public HardMediumSoftLongScore getBuddyRule() {
        return buddyRule;
    }

    public void setBuddyRule(HardMediumSoftLongScore buddyRule) {
        this.buddyRule = buddyRule;
    }

    public HardMediumSoftLongScore getIdleVolunteer() {
        return idleVolunteer;
    }

    public void setIdleVolunteer(HardMediumSoftLongScore idleVolunteer) {
        this.idleVolunteer = idleVolunteer;
    }

    public HardMediumSoftLongScore getVoteValue() {
        return voteValue;
    }

    public void setVoteValue(HardMediumSoftLongScore voteValue) {
        this.voteValue = voteValue;
    }

    public HardMediumSoftLongScore getVotesLost() {
        return votesLost;
    }

    public void setVotesLost(HardMediumSoftLongScore votesLost) {
        this.votesLost = votesLost;
    }

    public HardMediumSoftLongScore getTravelTime() {
        return travelTime;
    }

    public void setTravelTime(HardMediumSoftLongScore travelTime) {
        this.travelTime = travelTime;
    }

    public HardMediumSoftLongScore getFairLoad() {
        return fairLoad;
    }

    public void setFairLoad(HardMediumSoftLongScore fairLoad) {
        this.fairLoad = fairLoad;
    }

    public HardMediumSoftLongScore getTurfContinuity() {
        return turfContinuity;
    }

    public void setTurfContinuity(HardMediumSoftLongScore turfContinuity) {
        this.turfContinuity = turfContinuity;
    }

    public HardMediumSoftLongScore getPreference() {
        return preference;
    }

    public void setPreference(HardMediumSoftLongScore preference) {
        this.preference = preference;
    }

    /** True when the buddy rule is on; the greedy baseline pairs canvassers only then. */
    public boolean isBuddyRuleEnabled() {
        return !buddyRule.isZero();
    }

    public HardMediumSoftLongScore getDeploymentLength() {
        return deploymentLength;
    }

    public void setDeploymentLength(HardMediumSoftLongScore deploymentLength) {
        this.deploymentLength = deploymentLength;
    }

    public HardMediumSoftLongScore getStagingCapacity() {
        return stagingCapacity;
    }

    public void setStagingCapacity(HardMediumSoftLongScore stagingCapacity) {
        this.stagingCapacity = stagingCapacity;
    }

    public HardMediumSoftLongScore getStagingHours() {
        return stagingHours;
    }

    public void setStagingHours(HardMediumSoftLongScore stagingHours) {
        this.stagingHours = stagingHours;
    }

    public HardMediumSoftLongScore getSeats() {
        return seats;
    }

    public void setSeats(HardMediumSoftLongScore seats) {
        this.seats = seats;
    }

    public HardMediumSoftLongScore getPickUpDetour() {
        return pickUpDetour;
    }

    public void setPickUpDetour(HardMediumSoftLongScore pickUpDetour) {
        this.pickUpDetour = pickUpDetour;
    }

    public HardMediumSoftLongScore getRideWithDriver() {
        return rideWithDriver;
    }

    public void setRideWithDriver(HardMediumSoftLongScore rideWithDriver) {
        this.rideWithDriver = rideWithDriver;
    }

    public HardMediumSoftLongScore getRidersReach() {
        return ridersReach;
    }

    public void setRidersReach(HardMediumSoftLongScore ridersReach) {
        this.ridersReach = ridersReach;
    }

    public HardMediumSoftLongScore getSharedCarMinutes() {
        return sharedCarMinutes;
    }

    public void setSharedCarMinutes(HardMediumSoftLongScore sharedCarMinutes) {
        this.sharedCarMinutes = sharedCarMinutes;
    }
}
