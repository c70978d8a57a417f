package org.fieldplan.solver;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fieldplan.domain.Assignment;
import org.fieldplan.domain.DeploymentOffer;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.travel.GreatCircleTravelTimeMatrix;
import org.fieldplan.travel.PrecinctTravel;
import org.fieldplan.travel.StatedTravelTimeMatrix;
import org.fieldplan.travel.StagedTravelTimeMatrix;
import org.fieldplan.travel.TravelTimeMatrix;
import org.fieldplan.vote.MarginalVoteModel;
import org.fieldplan.domain.VoteModelParameters;

/**
 * Turns a stated {@link FieldPlanProblem} into a solvable {@link FieldPlan}: derives every precinct's vote-model
 * values, computes each volunteer's candidate precincts (reachable in time, skills met, worth canvassing; the
 * nearest few and the most valuable, {@code maxCandidatesPerVolunteer} in all), and creates one {@link Shift} per
 * (volunteer, slot) the volunteer is available for, carrying over the problem's assignments. Assumes the problem passed
 * {@link org.fieldplan.validation.ProblemValidator}.
 */
public final class ProblemPreparer {

    /**
     * How many of a volunteer's candidates are simply the nearest servable precincts, whatever their value: turf close
     * to home keeps travel (a soft cost) low and gives the search local alternatives.
     */
    public static final int NEAREST_CANDIDATES = 10;

    /** Candidates are ranked by the value of one shift of the standard length (3 h). */
    private static final double RANKING_SHIFT_HOURS = VoteModelParameters.DEFAULTS.standardShiftHours();

    private ProblemPreparer() {
    }

    /**
     * Prepares with the default great-circle travel times, indexing only precincts worth canvassing (the only
     * possible candidates), which halves the candidate search on typical regions.
     */
    public static FieldPlan prepare(FieldPlanProblem problem) {
        deriveVoteModel(problem);
        List<Precinct> worthCanvassing = problem.precincts().stream().filter(Precinct::isWorthCanvassing).toList();
        return prepareDerived(problem, withStatedMinutes(problem, problem.stagingLocations().isEmpty()
                ? new GreatCircleTravelTimeMatrix(worthCanvassing, problem.travel()) : stagedTravelTimes(problem)));
    }

    /**
     * Prepares with the given travel times for every volunteer the problem states no travel minutes for; when the
     * problem has staging locations, travel goes through them ({@link StagedTravelTimeMatrix}) instead.
     */
    public static FieldPlan prepare(FieldPlanProblem problem, TravelTimeMatrix travelTimes) {
        deriveVoteModel(problem);
        return prepareDerived(problem, withStatedMinutes(problem,
                problem.stagingLocations().isEmpty() ? travelTimes : stagedTravelTimes(problem)));
    }

    private static TravelTimeMatrix stagedTravelTimes(FieldPlanProblem problem) {
        return new StagedTravelTimeMatrix(problem.stagingLocations(), problem.precincts(), problem.travel());
    }

    /** The problem's stated travel minutes (e.g. by road) take precedence over any estimate. */
    private static TravelTimeMatrix withStatedMinutes(FieldPlanProblem problem, TravelTimeMatrix estimate) {
        return problem.travelMinutes().isEmpty() ? estimate
                : new StatedTravelTimeMatrix(problem.travelMinutes(), problem.precincts(), estimate);
    }

    private static void deriveVoteModel(FieldPlanProblem problem) {
        new MarginalVoteModel(problem.voteModel()).apply(problem.precincts(), problem.districts());
    }

    private static FieldPlan prepareDerived(FieldPlanProblem problem, TravelTimeMatrix travelTimes) {
        int maxCandidates = problem.travel().maxCandidatesPerVolunteer();
        // Each volunteer's search is independent and read-only on shared data: parallel is safe and ~2x on 2 cores.
        problem.volunteers().parallelStream()
                .forEach(volunteer -> setCandidates(volunteer, travelTimes, maxCandidates));
        RidePreparer.prepare(problem.volunteers(), problem.timeSlots(), problem.travel());
        List<Shift> shifts = createShifts(problem);
        return new FieldPlan(problem.name(), problem.timeZone(), problem.voteModel(), problem.travel(),
                problem.districts(), problem.timeSlots(), problem.precincts(), problem.volunteers(), shifts,
                problem.weights(), problem.stagingLocations());
    }

    /** Everyday candidates and, for each date the volunteer offered a deployment, those within the offer's limit. */
    private static void setCandidates(Volunteer volunteer, TravelTimeMatrix travelTimes, int maxCandidates) {
        Map<LocalDate, List<PrecinctTravel>> deployment = new HashMap<>();
        for (DeploymentOffer offer : volunteer.getDeploymentOffers()) {
            if (offer.maxTravelMinutes() > volunteer.getMaxTravelMinutes()) {
                deployment.put(offer.date(),
                        candidates(volunteer, travelTimes, offer.maxTravelMinutes(), maxCandidates));
            }
        }
        List<PrecinctTravel> everyday = candidates(volunteer, travelTimes, volunteer.getMaxTravelMinutes(),
                maxCandidates);
        Map<LocalDate, List<Precinct>> deploymentPrecincts = new HashMap<>();
        deployment.forEach((date, reach) -> deploymentPrecincts.put(date, reach.stream().map(PrecinctTravel::precinct)
                .toList()));
        volunteer.setCandidates(everyday.stream().map(PrecinctTravel::precinct).toList(),
                everyday.stream().mapToDouble(PrecinctTravel::minutes).toArray(), deploymentPrecincts,
                precinct -> travelTimes.minutes(volunteer, precinct));
    }

    /**
     * Prepares a volunteer who joins an already prepared plan (e.g. signed up late): their candidate precincts by
     * the given travel times, and whether they offer useful time in the plan's slots.
     */
    public static void prepareVolunteer(Volunteer volunteer, FieldPlan plan, TravelTimeMatrix travelTimes) {
        setCandidates(volunteer, travelTimes, plan.getTravel().maxCandidatesPerVolunteer());
        volunteer.setOffersUsefulTime(!volunteer.getCandidatePrecincts().isEmpty()
                && plan.getTimeSlots().stream().anyMatch(volunteer::isAvailableFor));
    }

    /**
     * The plan's default travel times: through its staging locations when it has some ({@link StagedTravelTimeMatrix}),
     * else great-circle.
     */
    public static TravelTimeMatrix defaultTravelTimes(FieldPlan plan) {
        return plan.getStagingLocations().isEmpty() ? greatCircleTravelTimes(plan)
                : new StagedTravelTimeMatrix(plan.getStagingLocations(), plan.getPrecincts(), plan.getTravel());
    }

    /** Great-circle travel times to the plan's precincts worth canvassing (the default travel model). */
    public static TravelTimeMatrix greatCircleTravelTimes(FieldPlan plan) {
        return new GreatCircleTravelTimeMatrix(
                plan.getPrecincts().stream().filter(Precinct::isWorthCanvassing).toList(), plan.getTravel());
    }

    /**
     * The precincts the volunteer can reach within their travel limit, that need no skill they lack and are worth
     * canvassing: all of them when there are at most {@code maxCandidates}, else the nearest
     * {@link #NEAREST_CANDIDATES} plus those of the rest worth most for one standard shift
     * ({@link Precinct#oneShiftValue}), {@code maxCandidates} in all, quickest first.
     *
     * <p>Why value as well as distance: real precinct values are very uneven (Rhode Island: median value per door
     * 0.00016, maximum 0.00725), so the precincts worth going to are often not among the nearest (docs/model.md).
     */
    public static List<PrecinctTravel> candidates(Volunteer volunteer, TravelTimeMatrix travelTimes,
            int maxCandidates) {
        return candidates(volunteer, travelTimes, volunteer.getMaxTravelMinutes(), maxCandidates);
    }

    /** As {@link #candidates(Volunteer, TravelTimeMatrix, int)} within {@code maxMinutes} (e.g. a deployment's). */
    public static List<PrecinctTravel> candidates(Volunteer volunteer, TravelTimeMatrix travelTimes,
            int maxMinutes, int maxCandidates) {
        List<PrecinctTravel> servable = new ArrayList<>();
        for (PrecinctTravel reach : travelTimes.within(volunteer, maxMinutes)) {
            Precinct precinct = reach.precinct();
            if (precinct.isWorthCanvassing() && volunteer.hasSkills(precinct.getRequiredSkills())) {
                servable.add(reach);
            }
        }
        if (servable.size() <= maxCandidates) {
            return servable;
        }
        int nearest = Math.min(NEAREST_CANDIDATES, maxCandidates);
        List<PrecinctTravel> byValue = new ArrayList<>(servable.subList(nearest, servable.size()));
        byValue.sort(Comparator.comparingDouble(
                (PrecinctTravel reach) -> reach.precinct().oneShiftValue(RANKING_SHIFT_HOURS)).reversed());
        Set<PrecinctTravel> chosen = new HashSet<>(servable.subList(0, nearest));
        chosen.addAll(byValue.subList(0, maxCandidates - nearest));
        return servable.stream().filter(chosen::contains).toList();
    }

    private static List<Shift> createShifts(FieldPlanProblem problem) {
        Map<String, Precinct> precinctsById = new HashMap<>();
        problem.precincts().forEach(p -> precinctsById.put(p.getId(), p));
        Map<String, Volunteer> volunteersById = new HashMap<>();
        problem.volunteers().forEach(v -> volunteersById.put(v.getId(), v));
        Map<String, Assignment> assignmentsByShift = new HashMap<>();
        problem.assignments().forEach(a -> assignmentsByShift.put(a.volunteerId() + "@" + a.slotId(), a));
        Map<String, TimeSlot> slotsById = new LinkedHashMap<>();
        problem.timeSlots().forEach(s -> slotsById.put(s.getId(), s));

        List<Shift> shifts = new ArrayList<>();
        for (Volunteer volunteer : problem.volunteers()) {
            boolean offersTime = false;
            for (TimeSlot slot : slotsById.values()) {
                Assignment assignment = assignmentsByShift.get(volunteer.getId() + "@" + slot.getId());
                boolean available = volunteer.isAvailableFor(slot);
                offersTime |= available;
                // A stated assignment outside the volunteer's availability is kept so the availability rule reports it.
                if (available || assignment != null) {
                    Precinct precinct = assignment == null ? null : precinctsById.get(assignment.precinctId());
                    Shift shift = new Shift(volunteer, slot, precinct, assignment != null && assignment.pinned());
                    shift.setRide(assignment == null || assignment.rideWith() == null ? null
                            : volunteersById.get(assignment.rideWith()));
                    shifts.add(shift);
                }
            }
            volunteer.setOffersUsefulTime(offersTime && !volunteer.getCandidatePrecincts().isEmpty());
        }
        return shifts;
    }

    /** The plan's assignments (shifts with a precinct), in shift order. */
    public static List<Assignment> assignmentsOf(FieldPlan plan) {
        List<Assignment> assignments = new ArrayList<>();
        for (Shift shift : plan.getShifts()) {
            if (shift.getPrecinct() != null) {
                assignments.add(new Assignment(shift.getVolunteer().getId(), shift.getSlot().getId(),
                        shift.getPrecinct().getId(), shift.isPinned(),
                        shift.getRide() == null ? null : shift.getRide().getId()));
            }
        }
        return assignments;
    }
}
