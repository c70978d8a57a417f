package org.fieldplan.benchmarks.optimum;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanWeights;
import org.fieldplan.domain.DeploymentOffer;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.StagingLocation;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.solver.FieldPlanConstraintProvider;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * FieldPlan's score as a Google OR-Tools CP-SAT model, for proving optimal plans of small instances.
 *
 * <p>Variables: one 0/1 variable per (shift, candidate precinct), the same choices the solver has. The hard rules
 * are constraints (each on when its weight is hard, off at weight 0): at most one precinct per shift; availability,
 * travel limit and skills (a candidate precinct meets them by construction; any that does not is forbidden);
 * max shifts over the horizon and per day; capacity per precinct-slot; the buddy rule (no team of exactly one);
 * a speaker of every required language in every team; with staging locations, a team's staging location open for its
 * slot and at most {@code teamsPerSlot} teams (precinct-slots with a member) out of one location per slot; on a date a
 * volunteer offered a deployment, the offer's longer travel limit, and deployed shifts (beyond the everyday limit)
 * at one precinct that day covering a run of the offer's minimum of consecutive slots (one 0/1 variable per possible
 * run: each deployed shift needs a chosen run, a chosen run all its shifts). The objective is the soft score in its own units
 * (micro-votes), term by term with the problem's weights:
 * <ul>
 * <li>expected net votes (and votes lost where behind): per precinct, ordered 0/1 variables "the precinct has at
 * least k shifts" with the increments V(k) − V(k−1), where V(k) is the constraint's own rounded micro-votes of k
 * equal shifts ({@link FieldPlanConstraintProvider#microVotes}); the increments telescope to exactly V(k).
 * This needs every shift in a precinct to have the same coverage term (one attendance probability and one slot
 * length, see {@link OptimumInstances}); the model refuses a precinct where they differ;</li>
 * <li>travel minutes and preferred precincts: linear in the assignment variables;</li>
 * <li>fair load n²: ordered 0/1 variables per volunteer with increments 1, 3, 5, …;</li>
 * <li>turf continuity: one "works in precinct p" variable per volunteer and candidate precinct, minus one
 * "works at all" variable, which also prices the idle volunteer.</li>
 * </ul>
 * Every auxiliary variable is bounded from both sides by the assignment variables, so fixing those to a plan
 * determines the objective ({@link #evaluate}). Not modelled (the model refuses them): pinned shifts, soft
 * weights on a medium or hard level, such as {@code "idleVolunteer": "1medium"}, and carpools.
 */
public final class CpSatModel {

    private final CpModel model = new CpModel();
    /** Assignment variables by shift id, then candidate precinct id. */
    private final Map<String, Map<String, BoolVar>> assignment = new LinkedHashMap<>();
    private final LinearExprBuilder objective = LinearExpr.newBuilder();
    private final FieldPlanWeights weights;

    private final Map<Volunteer, List<BoolVar>> byVolunteer = new LinkedHashMap<>();
    private final Map<Volunteer, Integer> shiftsWithChoices = new LinkedHashMap<>();
    private final Map<Volunteer, Map<LocalDate, List<BoolVar>>> byVolunteerDay = new LinkedHashMap<>();
    private final Map<Volunteer, Map<Precinct, List<BoolVar>>> byVolunteerPrecinct = new LinkedHashMap<>();
    private final Map<Precinct, Map<TimeSlot, List<Choice>>> teams = new LinkedHashMap<>();

    /** One assignment variable and what it assigns. */
    private record Choice(Shift shift, Precinct precinct, BoolVar assigned) {
    }

    private CpSatModel(FieldPlan plan) {
        this.weights = plan.getWeights();
        for (Shift shift : plan.getShifts()) {
            addChoices(shift);
        }
        for (Volunteer volunteer : plan.getVolunteers()) {
            addVolunteerRules(volunteer);
            addVolunteerObjective(volunteer);
        }
        teams.forEach((precinct, slots) -> {
            slots.values().forEach(team -> addTeamRules(precinct, team));
            addVotes(precinct, slots);
        });
        if (enforced(weights.getStagingCapacity())) {
            addStagingCapacity();
        }
        if (enforced(weights.getDeploymentLength())) {
            plan.getVolunteers().forEach(this::addDeploymentLength);
        }
        model.maximize(objective.build());
    }

    /** The model of a prepared plan's problem (its candidate precincts, weights and vote model). */
    public static CpSatModel of(FieldPlan prepared) {
        if (prepared.getShifts().stream().anyMatch(shift -> !shift.getCandidateDrivers().isEmpty())) {
            throw new IllegalArgumentException("The CP-SAT model does not cover carpools (rides, seats and detours "
                    + "are not modelled): solve the problem without seats offered");
        }
        Loader.loadNativeLibraries();
        return new CpSatModel(prepared);
    }

    /** Solves for the best plan with {@code workers} search workers, stopping after {@code limit} (null: none). */
    public CpSatResult solve(Duration limit, int workers) {
        return solve(model, limit, workers);
    }

    /**
     * The model's verdict on one plan of the same problem: its objective with every assignment variable fixed to
     * the plan (status OPTIMAL), or INFEASIBLE when the plan breaks a hard rule or assigns a non-candidate.
     */
    public CpSatResult evaluate(FieldPlan plan) {
        CpModel fixed = model.getClone();
        for (Shift shift : plan.getShifts()) {
            Map<String, BoolVar> choices = assignment.getOrDefault(shift.getId(), Map.of());
            String precinctId = shift.getPrecinct() == null ? null : shift.getPrecinct().getId();
            if (precinctId != null && !choices.containsKey(precinctId)) {
                return CpSatResult.infeasible();
            }
            choices.forEach((id, variable) -> fixed.addEquality(variable, id.equals(precinctId) ? 1 : 0));
        }
        return solve(fixed, null, 1);
    }

    private CpSatResult solve(CpModel toSolve, Duration limit, int workers) {
        CpSolver solver = new CpSolver();
        solver.getParameters().setNumWorkers(workers);
        if (limit != null) {
            solver.getParameters().setMaxTimeInSeconds(limit.toMillis() / 1000.0);
        }
        CpSolverStatus status = solver.solve(toSolve);
        boolean found = status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE;
        Map<String, String> chosen = new LinkedHashMap<>();
        if (found) {
            assignment.forEach((shiftId, choices) -> choices.forEach((precinctId, variable) -> {
                if (solver.booleanValue(variable)) {
                    chosen.put(shiftId, precinctId);
                }
            }));
        }
        return new CpSatResult(status.name(), found ? Math.round(solver.objectiveValue()) : null,
                found ? Math.round(solver.bestObjectiveBound()) : null, solver.wallTime(), chosen);
    }

    // ---------------- variables and per-shift rules ----------------

    private void addChoices(Shift shift) {
        if (shift.isPinned()) {
            throw new IllegalArgumentException("The CP-SAT model does not cover pinned shifts: " + shift.getId());
        }
        Volunteer volunteer = shift.getVolunteer();
        Map<String, BoolVar> choices = new LinkedHashMap<>();
        for (Precinct precinct : shift.getCandidatePrecincts()) {
            BoolVar assigned = model.newBoolVar(shift.getId() + "->" + precinct.getId());
            choices.put(precinct.getId(), assigned);
            if (!meetsShiftRules(shift, precinct)) {
                model.addEquality(assigned, 0);
            }
            byVolunteer.computeIfAbsent(volunteer, v -> new ArrayList<>()).add(assigned);
            byVolunteerDay.computeIfAbsent(volunteer, v -> new LinkedHashMap<>())
                    .computeIfAbsent(shift.getSlot().getDay(), d -> new ArrayList<>()).add(assigned);
            byVolunteerPrecinct.computeIfAbsent(volunteer, v -> new LinkedHashMap<>())
                    .computeIfAbsent(precinct, p -> new ArrayList<>()).add(assigned);
            teams.computeIfAbsent(precinct, p -> new LinkedHashMap<>())
                    .computeIfAbsent(shift.getSlot(), s -> new ArrayList<>())
                    .add(new Choice(shift, precinct, assigned));
            objective.addTerm(assigned, preferenceAndTravel(volunteer, precinct));
        }
        assignment.put(shift.getId(), choices);
        if (!choices.isEmpty()) {
            shiftsWithChoices.merge(volunteer, 1, Integer::sum);
            model.addLessOrEqual(sum(choices.values()), 1);
        }
    }

    private boolean meetsShiftRules(Shift shift, Precinct precinct) {
        Volunteer volunteer = shift.getVolunteer();
        return (!enforced(weights.getAvailability()) || shift.isVolunteerAvailable())
                && (!enforced(weights.getTravelLimit())
                        || volunteer.travelMinutesTo(precinct) <= volunteer.travelLimitOn(shift.getSlot().getDay()))
                && (!enforced(weights.getRequiredSkills()) || volunteer.hasSkills(precinct.getRequiredSkills()))
                && (!enforced(weights.getStagingHours()) || precinct.getStaging() == null
                        || precinct.getStaging().isOpenDuring(shift.getSlot()));
    }

    private long preferenceAndTravel(Volunteer volunteer, Precinct precinct) {
        long preference = volunteer.prefers(precinct) ? soft(weights.getPreference()) : 0;
        return preference - soft(weights.getTravelTime()) * volunteer.travelMinutesTo(precinct);
    }

    // ---------------- per-volunteer rules and terms ----------------

    private void addVolunteerRules(Volunteer volunteer) {
        List<BoolVar> all = byVolunteer.getOrDefault(volunteer, List.of());
        if (!all.isEmpty() && enforced(weights.getMaxShifts())) {
            model.addLessOrEqual(sum(all), volunteer.getMaxShifts());
        }
        if (enforced(weights.getMaxShiftsPerDay())) {
            byVolunteerDay.getOrDefault(volunteer, Map.of()).values()
                    .forEach(day -> model.addLessOrEqual(sum(day), volunteer.getMaxShiftsPerDay()));
        }
    }

    private void addVolunteerObjective(Volunteer volunteer) {
        List<BoolVar> all = byVolunteer.getOrDefault(volunteer, List.of());
        long idle = volunteer.isOffersUsefulTime() ? soft(weights.getIdleVolunteer()) : 0;
        objective.add(-idle);
        if (all.isEmpty()) {
            return;
        }
        BoolVar works = atLeastOne(all, volunteer.getId() + " works");
        long turf = soft(weights.getTurfContinuity());
        objective.addTerm(works, idle + turf);
        // Precincts worked beyond the first: Σ_p works-in-p − works.
        for (List<BoolVar> inPrecinct : byVolunteerPrecinct.get(volunteer).values()) {
            objective.addTerm(atLeastOne(inPrecinct, volunteer.getId() + " works in a precinct"), -turf);
        }
        addFairLoad(volunteer, all);
    }

    /** n² as ordered 0/1 variables "at least j shifts" with increments 2j − 1. */
    private void addFairLoad(Volunteer volunteer, List<BoolVar> all) {
        int most = shiftsWithChoices.get(volunteer);
        if (enforced(weights.getMaxShifts())) {
            most = Math.min(most, volunteer.getMaxShifts());
        }
        long weight = soft(weights.getFairLoad());
        BoolVar[] atLeast = orderedCount(all, most, volunteer.getId() + " has shifts");
        for (int j = 1; j <= atLeast.length; j++) {
            objective.addTerm(atLeast[j - 1], -weight * (2L * j - 1));
        }
    }

    // ---------------- per precinct-slot rules ----------------

    private void addTeamRules(Precinct precinct, List<Choice> team) {
        List<BoolVar> members = team.stream().map(Choice::assigned).toList();
        if (enforced(weights.getCapacity())) {
            model.addLessOrEqual(sum(members), precinct.getCapacityPerSlot());
        }
        if (enforced(weights.getBuddyRule())) {
            // A member implies at least two: Σ team ≥ 2·x for every member x.
            members.forEach(member -> model.addGreaterOrEqual(sum(members), LinearExpr.term(member, 2)));
        }
        if (enforced(weights.getRequiredLanguages())) {
            for (String language : precinct.getRequiredLanguages()) {
                List<BoolVar> speakers = team.stream().filter(c -> c.shift().getVolunteer().speaks(language))
                        .map(Choice::assigned).toList();
                team.stream().filter(c -> !c.shift().getVolunteer().speaks(language))
                        .forEach(c -> model.addLessOrEqual(c.assigned(), sum(speakers)));
            }
        }
    }

    // ---------------- staging and deployment ----------------

    /** Per staging location and slot, the precinct-slots with a member ("teams") are at most its teams per slot. */
    private void addStagingCapacity() {
        Map<StagingLocation, Map<TimeSlot, List<BoolVar>>> teamsOut = new LinkedHashMap<>();
        teams.forEach((precinct, slots) -> {
            if (precinct.getStaging() != null) {
                slots.forEach((slot, team) -> teamsOut.computeIfAbsent(precinct.getStaging(), s -> new LinkedHashMap<>())
                        .computeIfAbsent(slot, s -> new ArrayList<>()).add(atLeastOne(
                                team.stream().map(Choice::assigned).toList(), precinct.getId() + " team")));
            }
        });
        teamsOut.forEach((staging, bySlot) -> bySlot.values()
                .forEach(out -> model.addLessOrEqual(sum(out), staging.teamsPerSlot())));
    }

    /**
     * On each date the volunteer offered a deployment, their deployed shifts at one precinct cover a run of the offer's
     * minimum of consecutive slots: a 0/1 variable per possible run, each deployed shift needing a chosen run through
     * it, a chosen run all its shifts.
     */
    private void addDeploymentLength(Volunteer volunteer) {
        for (DeploymentOffer offer : volunteer.getDeploymentOffers()) {
            teams.forEach((precinct, slots) -> {
                if (volunteer.travelMinutesTo(precinct) <= volunteer.getMaxTravelMinutes()) {
                    return;
                }
                List<Choice> deployed = slots.values().stream().flatMap(List::stream)
                        .filter(c -> c.shift().getVolunteer() == volunteer
                                && c.shift().getSlot().getDay().equals(offer.date()))
                        .sorted(Comparator.comparing(c -> c.shift().getSlot().getStart())).toList();
                Map<Choice, List<BoolVar>> runsThrough = new LinkedHashMap<>();
                deployed.forEach(choice -> runsThrough.put(choice, new ArrayList<>()));
                for (int first = 0; first + offer.minSlots() <= deployed.size(); first++) {
                    List<Choice> run = deployed.subList(first, first + offer.minSlots());
                    if (DeploymentOffer.longestConsecutiveRun(run.stream().map(c -> c.shift().getSlot()).toList())
                            < offer.minSlots()) {
                        continue;
                    }
                    BoolVar chosen = model.newBoolVar(volunteer.getId() + " deployed at " + precinct.getId());
                    run.forEach(choice -> {
                        model.addImplication(chosen, choice.assigned());
                        runsThrough.get(choice).add(chosen);
                    });
                }
                runsThrough.forEach((choice, runs) -> model.addLessOrEqual(choice.assigned(), sum(runs)));
            });
        }
    }

    // ---------------- expected votes ----------------

    private void addVotes(Precinct precinct, Map<TimeSlot, List<Choice>> slots) {
        long weight = precinct.getFullCoverageVotes() > 0 ? soft(weights.getVoteValue())
                : precinct.getFullCoverageVotes() < 0 ? soft(weights.getVotesLost()) : 0;
        List<Choice> choices = slots.values().stream().flatMap(List::stream).toList();
        long shiftTerm = FieldPlanConstraintProvider.scaledLogUncoveredShare(choices.get(0).shift(), precinct);
        for (Choice choice : choices) {
            if (FieldPlanConstraintProvider.scaledLogUncoveredShare(choice.shift(), precinct) != shiftTerm) {
                throw new IllegalArgumentException("The CP-SAT model needs equal shifts per precinct (one attendance "
                        + "probability and slot length); " + precinct.getId() + " has shifts that differ");
            }
        }
        int most = 0;
        for (List<Choice> team : slots.values()) {
            most += enforced(weights.getCapacity()) ? Math.min(team.size(), precinct.getCapacityPerSlot())
                    : team.size();
        }
        BoolVar[] atLeast = orderedCount(choices.stream().map(Choice::assigned).toList(), most,
                precinct.getId() + " has shifts");
        long previous = 0;
        for (int k = 1; k <= atLeast.length; k++) {
            long votes = FieldPlanConstraintProvider.microVotes(precinct, k * shiftTerm);
            objective.addTerm(atLeast[k - 1], weight * (votes - previous));
            previous = votes;
        }
    }

    // ---------------- building blocks ----------------

    /** Variables v₁ ≥ v₂ ≥ … ≥ v_most with Σ v = Σ counted: v_j is "at least j of the counted are 1". */
    private BoolVar[] orderedCount(List<BoolVar> counted, int most, String name) {
        BoolVar[] atLeast = new BoolVar[most];
        for (int j = 0; j < most; j++) {
            atLeast[j] = model.newBoolVar(name + " >= " + (j + 1));
            if (j > 0) {
                model.addImplication(atLeast[j], atLeast[j - 1]);
            }
        }
        model.addEquality(LinearExpr.sum(atLeast), sum(counted));
        return atLeast;
    }

    /** A variable equal to the OR of {@code terms}: at least each of them, at most their sum. */
    private BoolVar atLeastOne(List<BoolVar> terms, String name) {
        BoolVar any = model.newBoolVar(name);
        terms.forEach(term -> model.addImplication(term, any));
        model.addLessOrEqual(any, sum(terms));
        return any;
    }

    private static LinearExpr sum(Collection<BoolVar> variables) {
        return LinearExpr.sum(variables.toArray(BoolVar[]::new));
    }

    /** Whether a hard rule is on: a hard weight turns it on, zero off; anything else is not modelled. */
    private static boolean enforced(HardMediumSoftLongScore weight) {
        if (weight.isZero()) {
            return false;
        }
        if (weight.hardScore() > 0 && weight.mediumScore() == 0 && weight.softScore() == 0) {
            return true;
        }
        throw new IllegalArgumentException("The CP-SAT model covers hard rules with a hard weight or 0, not " + weight);
    }

    /** A soft term's weight; weights on the medium or hard level are not modelled. */
    private static long soft(HardMediumSoftLongScore weight) {
        if (weight.hardScore() != 0 || weight.mediumScore() != 0) {
            throw new IllegalArgumentException("The CP-SAT model covers soft weights only, not " + weight);
        }
        return weight.softScore();
    }
}
