package org.fieldplan.solver;

import static org.optaplanner.core.api.score.stream.ConstraintCollectors.conditionally;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.count;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.countDistinct;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.sumLong;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.toList;
import static org.optaplanner.core.api.score.stream.Joiners.equal;
import static org.optaplanner.core.api.score.stream.Joiners.filtering;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.fieldplan.domain.DeploymentOffer;
import org.fieldplan.domain.FieldPlanWeights;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.TravelMode;
import org.fieldplan.domain.Volunteer;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.bi.BiConstraintStream;
import org.optaplanner.core.api.score.stream.tri.TriConstraintStream;
import org.optaplanner.core.api.score.stream.uni.UniConstraintStream;

/**
 * FieldPlan's rules, one small method each. Weights come from {@link FieldPlanWeights} (per problem).
 * Every stream over shifts starts from {@link #assigned}: shifts with a precinct, riding or not ({@code forEach} would
 * also drop the shifts whose other nullable variable, the ride, is empty).
 */
public class FieldPlanConstraintProvider implements ConstraintProvider {

    /** Fixed-point scale for summing ln(uncovered share) terms exactly (longs add and subtract without drift). */
    public static final double LOG_SCALE = 1e12;
    /** Soft scores are in micro-votes. */
    public static final double MICRO_VOTES_PER_VOTE = 1e6;

    /** One instance each, so every stream that starts with them shares the same Bavet nodes. */
    private static final Predicate<Shift> ASSIGNED = shift -> shift.getPrecinct() != null;
    private static final Predicate<Shift> RIDING = shift -> shift.getRide() != null;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                availability(factory),
                maxShifts(factory),
                maxShiftsPerDay(factory),
                travelLimit(factory),
                requiredSkills(factory),
                requiredLanguages(factory),
                capacity(factory),
                buddyRule(factory),
                deploymentLength(factory),
                stagingCapacity(factory),
                stagingHours(factory),
                seats(factory),
                pickUpDetour(factory),
                rideWithDriver(factory),
                ridersReach(factory),
                idleVolunteer(factory),
                voteValue(factory),
                votesLost(factory),
                travelTime(factory),
                fairLoad(factory),
                turfContinuity(factory),
                preference(factory),
                sharedCarMinutes(factory)
        };
    }

    // ---------------- hard ----------------

    Constraint availability(ConstraintFactory factory) {
        return assigned(factory)
                .filter(shift -> !shift.isVolunteerAvailable())
                .penalizeConfigurable()
                .asConstraint(FieldPlanWeights.AVAILABILITY);
    }

    Constraint maxShifts(ConstraintFactory factory) {
        return shiftsPerVolunteer(factory)
                .filter((volunteer, shifts) -> shifts > volunteer.getMaxShifts())
                .penalizeConfigurable((volunteer, shifts) -> shifts - volunteer.getMaxShifts())
                .indictWith((volunteer, shifts) -> List.of(volunteer))
                .asConstraint(FieldPlanWeights.MAX_SHIFTS);
    }

    Constraint maxShiftsPerDay(ConstraintFactory factory) {
        return assigned(factory)
                .groupBy(Shift::getVolunteer, shift -> shift.getSlot().getDay(), count())
                .filter((volunteer, day, shifts) -> shifts > volunteer.getMaxShiftsPerDay())
                .penalizeConfigurable((volunteer, day, shifts) -> shifts - volunteer.getMaxShiftsPerDay())
                .indictWith((volunteer, day, shifts) -> List.of(volunteer))
                .asConstraint(FieldPlanWeights.MAX_SHIFTS_PER_DAY);
    }

    /** A volunteer travelling on their own stays within their limit (riders: {@link #ridersReach}). */
    Constraint travelLimit(ConstraintFactory factory) {
        return assigned(factory)
                .filter(shift -> shift.getRide() == null && shift.getTravelMinutes()
                        > shift.getVolunteer().travelLimitOn(shift.getSlot().getDay()))
                .penalizeConfigurable()
                .asConstraint(FieldPlanWeights.TRAVEL_LIMIT);
    }

    Constraint requiredSkills(ConstraintFactory factory) {
        return assigned(factory)
                .filter(shift -> !shift.getVolunteer().hasSkills(shift.getPrecinct().getRequiredSkills()))
                .penalizeConfigurable()
                .asConstraint(FieldPlanWeights.REQUIRED_SKILLS);
    }

    /** A team in a precinct that needs e.g. Spanish must include at least one Spanish speaker. */
    Constraint requiredLanguages(ConstraintFactory factory) {
        return assigned(factory)
                .filter(shift -> !shift.getPrecinct().getRequiredLanguages().isEmpty())
                .groupBy(Shift::getPrecinct, Shift::getSlot, toList())
                .filter((precinct, slot, team) -> missingLanguages(precinct, team) > 0)
                .penalizeConfigurable((precinct, slot, team) -> missingLanguages(precinct, team))
                .indictWith((precinct, slot, team) -> List.of(precinct, slot))
                .asConstraint(FieldPlanWeights.REQUIRED_LANGUAGES);
    }

    /** A team beyond what the precinct's remaining doors can use; members who can no longer move count as room. */
    Constraint capacity(ConstraintFactory factory) {
        return assigned(factory)
                .groupBy(Shift::getPrecinct, Shift::getSlot, count(), conditionally(Shift::isPinned, count()))
                .filter((precinct, slot, team, fixed) -> team > precinct.capacityWith(fixed))
                .penalizeConfigurable((precinct, slot, team, fixed) -> team - precinct.capacityWith(fixed))
                .indictWith((precinct, slot, team, fixed) -> List.of(precinct, slot))
                .asConstraint(FieldPlanWeights.CAPACITY);
    }

    /** Canvassers walk in pairs: a precinct-slot with exactly one volunteer is infeasible (weight 0 turns it off). */
    Constraint buddyRule(ConstraintFactory factory) {
        return teamSizes(factory)
                .filter((precinct, slot, team) -> team == 1)
                .penalizeConfigurable()
                .indictWith((precinct, slot, team) -> List.of(precinct, slot))
                .asConstraint(FieldPlanWeights.BUDDY_RULE);
    }

    /**
     * A deployment (shifts beyond the everyday limit, on a day the volunteer offered a longer trip) lasts at least the
     * offer's minimum of consecutive slots at the same precinct: the long trip is made once for a long day.
     */
    Constraint deploymentLength(ConstraintFactory factory) {
        return assigned(factory)
                .filter(Shift::isDeployed)
                .groupBy(Shift::getVolunteer, Shift::getPrecinct, toList())
                .filter((volunteer, precinct, shifts) -> deploymentShortfall(volunteer, shifts) > 0)
                .penalizeConfigurable((volunteer, precinct, shifts) -> deploymentShortfall(volunteer, shifts))
                .indictWith((volunteer, precinct, shifts) -> List.of(volunteer, precinct))
                .asConstraint(FieldPlanWeights.DEPLOYMENT_LENGTH);
    }

    /** A staging location sends out at most its teams per slot (a team: the canvassers of one precinct-slot). */
    Constraint stagingCapacity(ConstraintFactory factory) {
        return assigned(factory)
                .filter(shift -> shift.getPrecinct().getStaging() != null)
                .groupBy(shift -> shift.getPrecinct().getStaging(), Shift::getSlot, countDistinct(Shift::getPrecinct))
                .filter((staging, slot, teams) -> teams > staging.teamsPerSlot())
                .penalizeConfigurable((staging, slot, teams) -> teams - staging.teamsPerSlot())
                .indictWith((staging, slot, teams) -> List.of(staging, slot))
                .asConstraint(FieldPlanWeights.STAGING_CAPACITY);
    }

    /** A team meets at its staging location, which must be open for the whole slot. */
    Constraint stagingHours(ConstraintFactory factory) {
        return assigned(factory)
                .filter(shift -> shift.getPrecinct().getStaging() != null
                        && !shift.getPrecinct().getStaging().isOpenDuring(shift.getSlot()))
                .groupBy(Shift::getPrecinct, Shift::getSlot)
                .penalizeConfigurable()
                .indictWith((precinct, slot) -> List.of(precinct, slot))
                .asConstraint(FieldPlanWeights.STAGING_HOURS);
    }

    // ---------------- hard: carpools (only shifts with a ride reach these streams past their first filter) --------

    /** A driver takes at most the seats they offered, per slot. */
    Constraint seats(ConstraintFactory factory) {
        return riders(factory)
                .groupBy(Shift::getRide, Shift::getSlot, count())
                .filter((driver, slot, riders) -> riders > driver.getCarpool().seats())
                .penalizeConfigurable((driver, slot, riders) -> riders - driver.getCarpool().seats())
                .indictWith((driver, slot, riders) -> List.of(driver, slot))
                .asConstraint(FieldPlanWeights.SEATS);
    }

    /** Picking a rider up lengthens the driver's trip to the meeting point by at most the driver's detour limit. */
    Constraint pickUpDetour(ConstraintFactory factory) {
        return riders(factory)
                .filter(shift -> shift.getPickUpDetourMinutes() > shift.getRide().getCarpool().detourMinutes())
                .penalizeConfigurable()
                .asConstraint(FieldPlanWeights.PICK_UP_DETOUR);
    }

    /**
     * A rider goes where their driver goes: the driver works the same slot, travels on their own, and their team meets
     * at the same staging location (the same precinct when the region has none).
     */
    Constraint rideWithDriver(ConstraintFactory factory) {
        return riders(factory)
                .ifNotExistsIncludingNullVars(Shift.class,
                        equal(Shift::getRide, Shift::getVolunteer),
                        equal(Shift::getSlot, Shift::getSlot),
                        // Null-safe: Bavet may test a rider whose precinct was just emptied before retracting it.
                        filtering((rider, driven) -> driven.getPrecinct() != null && driven.getRide() == null
                                && driven.getMeetingPlace().equals(rider.getMeetingPlace())))
                .penalizeConfigurable()
                .asConstraint(FieldPlanWeights.RIDE_WITH_DRIVER);
    }

    /** A rider sent beyond their own reach rides with a driver whose limit for the day covers the trip. */
    Constraint ridersReach(ConstraintFactory factory) {
        return riders(factory)
                .filter(shift -> shift.getOwnTravelMinutes()
                        > shift.getVolunteer().travelLimitOn(shift.getSlot().getDay())
                        && shift.getTravelMinutes() > shift.getRide().travelLimitOn(shift.getSlot().getDay()))
                .penalizeConfigurable()
                .asConstraint(FieldPlanWeights.RIDERS_REACH);
    }

    // ---------------- medium ----------------

    /** Everyone who offered time and can reach useful turf gets at least one shift (medium level by default). */
    Constraint idleVolunteer(ConstraintFactory factory) {
        return factory.forEach(Volunteer.class)
                .filter(Volunteer::isOffersUsefulTime)
                .ifNotExistsIncludingNullVars(Shift.class, equal(volunteer -> volunteer, Shift::getVolunteer),
                        filtering((volunteer, shift) -> shift.getPrecinct() != null))
                .penalizeConfigurable()
                .asConstraint(FieldPlanWeights.IDLE_VOLUNTEER);
    }

    // ---------------- soft ----------------

    /**
     * Expected net votes of each precinct where we are ahead, exactly concave in its shifts: c·(1 − Π(1 − aᵢ·dᵢ/D)).
     * Grouping by precinct means a move re-scores only the precincts it touches.
     */
    Constraint voteValue(ConstraintFactory factory) {
        return votesByPrecinct(factory)
                .filter((precinct, sumLog) -> precinct.getFullCoverageVotes() > 0)
                .rewardConfigurableLong(FieldPlanConstraintProvider::microVotes)
                .indictWith((precinct, sumLog) -> List.of(precinct))
                .asConstraint(FieldPlanWeights.VOTE_VALUE);
    }

    /** Turnout work where we are behind (support below ½) turns out more of the other side: it loses votes. */
    Constraint votesLost(ConstraintFactory factory) {
        return votesByPrecinct(factory)
                .filter((precinct, sumLog) -> precinct.getFullCoverageVotes() < 0)
                .penalizeConfigurableLong((precinct, sumLog) -> -microVotes(precinct, sumLog))
                .indictWith((precinct, sumLog) -> List.of(precinct))
                .asConstraint(FieldPlanWeights.VOTES_LOST);
    }

    Constraint travelTime(ConstraintFactory factory) {
        return assigned(factory)
                .penalizeConfigurable(Shift::getTravelMinutes)
                .asConstraint(FieldPlanWeights.TRAVEL_TIME);
    }

    /** Squared shift count per volunteer: spreads the load instead of burning out the keenest. */
    Constraint fairLoad(ConstraintFactory factory) {
        return shiftsPerVolunteer(factory)
                .penalizeConfigurable((volunteer, shifts) -> shifts * shifts)
                .indictWith((volunteer, shifts) -> List.of(volunteer))
                .asConstraint(FieldPlanWeights.FAIR_LOAD);
    }

    /** Each precinct a volunteer works beyond their first: canvassers who know their turf work it better. */
    Constraint turfContinuity(ConstraintFactory factory) {
        return assigned(factory)
                .groupBy(Shift::getVolunteer, countDistinct(Shift::getPrecinct))
                .filter((volunteer, precincts) -> precincts > 1)
                .penalizeConfigurable((volunteer, precincts) -> precincts - 1)
                .indictWith((volunteer, precincts) -> List.of(volunteer))
                .asConstraint(FieldPlanWeights.TURF_CONTINUITY);
    }

    Constraint preference(ConstraintFactory factory) {
        return assigned(factory)
                .filter(shift -> shift.getVolunteer().prefers(shift.getPrecinct()))
                .rewardConfigurable()
                .asConstraint(FieldPlanWeights.PREFERENCE);
    }

    /**
     * Car-minutes saved: a rider who would have driven (travel mode CAR) leaves their car at home, a round trip of the
     * driver's minutes (fewer cars on the road, fewer parking spots at the staging location).
     */
    Constraint sharedCarMinutes(ConstraintFactory factory) {
        return riders(factory)
                .filter(shift -> shift.getVolunteer().getTravelMode() == TravelMode.CAR)
                .rewardConfigurable(shift -> 2 * shift.getTravelMinutes())
                .asConstraint(FieldPlanWeights.SHARED_CAR_MINUTES);
    }

    // ---------------- shared streams (one call site each, so Bavet shares their nodes) ----------------

    /** Shifts with a precinct (the ride may be empty). */
    private static UniConstraintStream<Shift> assigned(ConstraintFactory factory) {
        return factory.forEachIncludingNullVars(Shift.class).filter(ASSIGNED);
    }

    /** Assigned shifts riding with a driver: none in a region where nobody offers seats. */
    private static UniConstraintStream<Shift> riders(ConstraintFactory factory) {
        return assigned(factory).filter(RIDING);
    }

    private static BiConstraintStream<Volunteer, Integer> shiftsPerVolunteer(ConstraintFactory factory) {
        return assigned(factory).groupBy(Shift::getVolunteer, count());
    }

    private static TriConstraintStream<Precinct, TimeSlot, Integer> teamSizes(ConstraintFactory factory) {
        return assigned(factory).groupBy(Shift::getPrecinct, Shift::getSlot, count());
    }

    private static BiConstraintStream<Precinct, Long> votesByPrecinct(ConstraintFactory factory) {
        return assigned(factory)
                .groupBy(Shift::getPrecinct, sumLong(shift -> scaledLogUncoveredShare(shift, shift.getPrecinct())));
    }

    // ---------------- helpers (public so that other models of the same score, e.g. the CP-SAT one, round alike) ----

    /** A shift's term in the precinct's coverage product, in the fixed-point units the vote constraints sum. */
    public static long scaledLogUncoveredShare(Shift shift, Precinct precinct) {
        return Math.round(shift.getLogUncoveredShareAt(precinct) * LOG_SCALE);
    }

    /** Expected net votes of a precinct, in micro-votes, from the sum of its shifts' scaled terms. */
    public static long microVotes(Precinct precinct, long scaledSumLog) {
        return Math.round(precinct.expectedVotes(scaledSumLog / LOG_SCALE) * MICRO_VOTES_PER_VOTE);
    }

    /** Slots a volunteer's deployed shifts at one precinct (over the whole horizon) lack, summed per day. */
    static int deploymentShortfall(Volunteer volunteer, List<Shift> shifts) {
        int shortfall = 0;
        for (Map.Entry<LocalDate, List<TimeSlot>> day : shifts.stream().map(Shift::getSlot)
                .collect(Collectors.groupingBy(TimeSlot::getDay)).entrySet()) {
            DeploymentOffer offer = volunteer.deploymentOfferOn(day.getKey());
            int required = offer == null ? 0 : offer.minSlots();
            shortfall += Math.max(0, required - DeploymentOffer.longestConsecutiveRun(day.getValue()));
        }
        return shortfall;
    }

    static int missingLanguages(Precinct precinct, List<Shift> team) {
        int missing = 0;
        for (String language : precinct.getRequiredLanguages()) {
            if (team.stream().noneMatch(shift -> shift.getVolunteer().speaks(language))) {
                missing++;
            }
        }
        return missing;
    }
}
