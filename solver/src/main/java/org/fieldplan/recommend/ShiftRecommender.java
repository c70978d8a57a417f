package org.fieldplan.recommend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.plan.PlanSummary;
import org.fieldplan.solver.ProblemPreparer;
import org.fieldplan.travel.GreatCircle;
import org.fieldplan.travel.PrecinctTravel;
import org.fieldplan.vote.MarginalVoteModel;

/**
 * The best few precinct-slots for one volunteer against a plan as it stands: every slot inside the offered time
 * that has not started, at every precinct the volunteer can reach (travel limit, optional distance), has the skills
 * for and that is worth canvassing, where joining keeps the plan within the hard rules — the team stays within
 * capacity, nobody would canvass alone (buddy rule, when on), the team then speaks the precinct's languages, the
 * volunteer's shift limits hold. Ranked by the marginal expected net votes of one more shift in the precinct given
 * every shift the plan already has there, on any day ({@link MarginalVoteModel#marginalVotes}: remaining doors are
 * shared by all slots), then by travel time. The plan itself is not changed.
 *
 * <p>Travel times are great-circle ({@link ProblemPreparer#greatCircleTravelTimes}), the solver's default model.
 */
public final class ShiftRecommender {

    private ShiftRecommender() {
    }

    public static List<Recommendation> recommend(FieldPlan plan, RecommendationQuery query) {
        Volunteer volunteer = query.volunteer();
        OwnShifts own = OwnShifts.of(plan, volunteer.getId());
        if (volunteer.getMaxShifts() > 0 && own.total >= volunteer.getMaxShifts()) {
            return List.of();
        }
        Map<String, Team> teams = teams(plan);
        // Doors knocked on any day count against a precinct's remaining doors: coverage is per precinct, all slots.
        Map<Precinct, Double> coverage = PlanSummary.logUncoveredByPrecinct(plan);
        List<PrecinctTravel> reachable = ProblemPreparer.candidates(volunteer,
                ProblemPreparer.greatCircleTravelTimes(plan), Integer.MAX_VALUE);
        boolean buddyRule = plan.getWeights() == null || plan.getWeights().isBuddyRuleEnabled();
        List<Recommendation> recommendations = new ArrayList<>();
        for (TimeSlot slot : plan.getTimeSlots()) {
            if (!offered(query, slot) || own.slotIds.contains(slot.getId())
                    || own.perDay.getOrDefault(slot.getDay(), 0) >= volunteer.getMaxShiftsPerDay()) {
                continue;
            }
            for (PrecinctTravel reach : reachable) {
                Precinct precinct = reach.precinct();
                double distanceKm = precinct.getCentroid() == null ? Double.POSITIVE_INFINITY
                        : GreatCircle.distanceKm(volunteer.getHome(), precinct.getCentroid());
                if (query.maxDistanceKm() != null && distanceKm > query.maxDistanceKm()) {
                    continue;
                }
                Team team = teams.getOrDefault(precinct.getId() + "@" + slot.getId(), Team.EMPTY);
                if (team.size >= precinct.getCapacityPerSlot() || (buddyRule && team.size == 0)
                        || !team.speaksAfterJoining(precinct, volunteer)) {
                    continue;
                }
                double sumLogUncovered = coverage.getOrDefault(precinct, 0.0);
                double marginal = MarginalVoteModel.marginalVotes(precinct, sumLogUncovered,
                        volunteer.getAttendanceProbability(), slot.getHours());
                if (marginal <= 0) {
                    continue;
                }
                int minutes = (int) Math.ceil(reach.minutes());
                recommendations.add(new Recommendation(precinct.getId(), precinct.getName(), slot.getId(),
                        slot.getStart(), slot.getEnd(), marginal, minutes, distanceKm, team.size,
                        precinct.getCapacityPerSlot(),
                        reason(precinct, slot, team, sumLogUncovered, volunteer, marginal, minutes)));
            }
        }
        recommendations.sort(Comparator.comparingDouble(Recommendation::marginalExpectedNetVotes).reversed()
                .thenComparingInt(Recommendation::travelMinutes).thenComparing(Recommendation::slotId)
                .thenComparing(Recommendation::precinctId));
        return List.copyOf(recommendations.subList(0, Math.min(query.limit(), recommendations.size())));
    }

    private static boolean offered(RecommendationQuery query, TimeSlot slot) {
        return !slot.getStart().isBefore(query.from()) && !slot.getEnd().isAfter(query.to())
                && (query.now() == null || slot.getStart().isAfter(query.now()));
    }

    private static String reason(Precinct precinct, TimeSlot slot, Team team, double sumLogUncovered,
            Volunteer volunteer, double marginal, int minutes) {
        double expectedLeft = precinct.getRemainingDoors() * Math.exp(sumLogUncovered);
        StringBuilder reason = new StringBuilder(String.format(Locale.ROOT,
                "%s in %s (%s–%s): +%.3f expected net votes; joins a team of %d (capacity %d); %.0f of the "
                        + "precinct's %.0f remaining doors stay unknocked over the whole plan in expectation; "
                        + "support %.0f%%, pivotality %.2f; %d min by %s",
                slot.getId(), precinct.getId(), slot.getStart().toLocalTime(), slot.getEnd().toLocalTime(), marginal,
                team.size, precinct.getCapacityPerSlot(), expectedLeft, precinct.getRemainingDoors(),
                100 * precinct.getSupportShare(), precinct.getPivotality(), minutes,
                volunteer.getTravelMode().name().toLowerCase(Locale.ROOT)));
        Set<String> brought = new TreeSet<>(precinct.getRequiredLanguages());
        brought.removeAll(team.languages);
        if (!brought.isEmpty()) {
            reason.append("; brings ").append(String.join(", ", brought)).append(", which the precinct needs");
        }
        return reason.toString();
    }

    /** The volunteers the plan sends to one precinct in one slot. */
    private static final class Team {

        static final Team EMPTY = new Team();

        int size;
        final Set<String> languages = new HashSet<>();

        /** Whether the team with the volunteer speaks every language the precinct needs. */
        boolean speaksAfterJoining(Precinct precinct, Volunteer volunteer) {
            return precinct.getRequiredLanguages().stream()
                    .allMatch(language -> languages.contains(language) || volunteer.speaks(language));
        }
    }

    /**
     * The plan's teams by "precinct@slot". The asking volunteer's own shifts are among them only in slots they work,
     * which are not recommended.
     */
    private static Map<String, Team> teams(FieldPlan plan) {
        Map<String, Team> teams = new HashMap<>();
        for (Shift shift : plan.getShifts()) {
            if (shift.getPrecinct() == null) {
                continue;
            }
            Team team = teams.computeIfAbsent(shift.getTeamKey(), key -> new Team());
            team.size++;
            team.languages.addAll(shift.getVolunteer().getLanguages());
        }
        return teams;
    }

    /** What a volunteer of the plan already works: slots, shifts per day, shifts in all. */
    private record OwnShifts(Set<String> slotIds, Map<LocalDate, Integer> perDay, int total) {

        static OwnShifts of(FieldPlan plan, String volunteerId) {
            Set<String> slotIds = new HashSet<>();
            Map<LocalDate, Integer> perDay = new HashMap<>();
            for (Shift shift : plan.getShifts()) {
                if (shift.getPrecinct() != null && shift.getVolunteer().getId().equals(volunteerId)) {
                    slotIds.add(shift.getSlot().getId());
                    perDay.merge(shift.getSlot().getDay(), 1, Integer::sum);
                }
            }
            return new OwnShifts(slotIds, perDay, slotIds.size());
        }
    }
}
