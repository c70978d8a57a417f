package org.fieldplan.baseline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.vote.MarginalVoteModel;

/**
 * What an organizer does by hand, and the baseline every benchmark compares against: take the volunteer-slots in
 * time order and send each to the reachable precinct with the highest current marginal vote value that still has
 * room, respecting the volunteer's shift limits and the precinct's languages (a volunteer deployed beyond their
 * everyday limit stays at that precinct for the rest of the day while it is worth a shift); then pair up lone
 * canvassers of the same
 * slot, let whoever is still alone join the existing team of that slot worth most to them (a reachable precinct-slot
 * with two or more canvassers, room and the languages covered), and send home only those who can join none.
 *
 * <p>Shifts that already have a precinct (pinned or from an earlier plan) are kept and counted; an unpinned one left
 * alone in its precinct-slot (its teammate cancelled) is paired, joins a team or goes home like the others, and an
 * unpinned one that breaks a rule (its team beyond a capacity that fell, its volunteer beyond a shift limit) is taken
 * out and placed again where there is room. The result respects every hard rule for shifts it may move.
 *
 * <p>The same rule also recreates a ruined neighbourhood of a plan ({@link #refill}), the local search's
 * ruin-and-recreate move.
 */
public final class GreedyPlanner {

    /** One decision: the precinct (or null) a shift should get. */
    public record Decision(Shift shift, Precinct precinct) {
    }

    private static final Comparator<Shift> IN_TIME_ORDER = Comparator
            .comparing((Shift shift) -> shift.getSlot().getStart())
            .thenComparing(shift -> shift.getVolunteer().getId());

    private final Map<Precinct, Double> sumLog = new IdentityHashMap<>();
    private final Map<Precinct, Map<TimeSlot, List<Shift>>> teams = new IdentityHashMap<>();
    private final Map<Volunteer, Integer> shiftsPerVolunteer = new IdentityHashMap<>();
    private final Map<Volunteer, Map<LocalDate, Integer>> shiftsPerDay = new IdentityHashMap<>();
    private final Map<Shift, Precinct> assignment = new LinkedHashMap<>();
    /** Where each volunteer's deployment of a day stands: the precinct beyond their everyday limit they last got. */
    private final Map<Volunteer, Map<LocalDate, Precinct>> deployedAt = new IdentityHashMap<>();
    private final LoneCanvassers loneCanvassers;
    /** The precincts shifts may go to, or null for all (see {@link #refill}). */
    private final Set<Precinct> within;

    /** What becomes of a canvasser left alone in a slot after pairing. */
    public enum LoneCanvassers {
        /** Joins the existing team of the slot worth most to them, or goes home if none can take them. */
        JOIN_A_TEAM,
        /**
         * Goes home: the simpler greedy, kept to show that the repair never loses votes
         * ({@code GreedyPlannerTest}) and to measure what it gains.
         */
        SEND_HOME
    }

    private GreedyPlanner(LoneCanvassers loneCanvassers, Set<Precinct> within) {
        this.loneCanvassers = loneCanvassers;
        this.within = within;
    }

    /** Assigns the plan's shifts in place (the baseline plan). */
    public static void planInPlace(FieldPlan plan) {
        planInPlace(plan, LoneCanvassers.JOIN_A_TEAM);
    }

    /** Assigns the plan's shifts in place, treating canvassers left alone as stated. */
    public static void planInPlace(FieldPlan plan, LoneCanvassers loneCanvassers) {
        for (Decision decision : decide(plan, loneCanvassers)) {
            decision.shift().setPrecinct(decision.precinct());
        }
    }

    /** The changes the greedy rule makes to the plan, without applying them. */
    public static List<Decision> decide(FieldPlan plan) {
        return decide(plan, LoneCanvassers.JOIN_A_TEAM);
    }

    private static List<Decision> decide(FieldPlan plan, LoneCanvassers loneCanvassers) {
        GreedyPlanner planner = new GreedyPlanner(loneCanvassers, null);
        planner.run(plan);
        // Shifts the greedy left home may extend a deployment.
        plan.getShifts().stream().filter(shift -> !shift.isPinned() && shift.isVolunteerAvailable())
                .forEach(shift -> planner.assignment.putIfAbsent(shift, null));
        DeploymentRepair.repair(planner.assignment, plan.getWeights().isBuddyRuleEnabled());
        return planner.changes();
    }

    /**
     * The greedy rule applied to a neighbourhood only, without changing the plan: the {@code open} shifts (those
     * assigned are freed first; pinned ones and those of unavailable volunteers are left alone) are filled in time
     * order, each with the precinct of {@code within} worth most to it, then paired, joined to a team of
     * {@code within} or sent home, as in {@link #decide}. The {@code context} shifts stay as they are and count: it
     * must hold every shift working a precinct of {@code within} and every shift of the open shifts' volunteers (the
     * rest of the plan cannot change a decision). With every shift of a few precincts freed, this is the recreate
     * half of a ruin-and-recreate move. With {@code order} the open shifts are filled in a random order instead (the
     * time order gives the same refill every time; a random one lets repeated moves try other arrangements).
     */
    public static List<Decision> refill(Collection<Shift> context, Collection<Shift> open, Set<Precinct> within,
            boolean pairUp, Random order) {
        GreedyPlanner planner = new GreedyPlanner(LoneCanvassers.JOIN_A_TEAM, within);
        planner.runOn(context, open, pairUp, order);
        return planner.changes();
    }

    private List<Decision> changes() {
        List<Decision> changes = new ArrayList<>();
        assignment.forEach((shift, precinct) -> {
            if (shift.getPrecinct() != precinct) {
                changes.add(new Decision(shift, precinct));
            }
        });
        return changes;
    }

    private void runOn(Collection<Shift> context, Collection<Shift> toRefill, boolean pairUp, Random order) {
        Set<Shift> refill = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Shift> open = new ArrayList<>();
        for (Shift shift : toRefill) {
            if (!shift.isPinned() && shift.isVolunteerAvailable() && refill.add(shift)) {
                open.add(shift);
            }
        }
        for (Shift shift : context) {
            if (shift.getPrecinct() == null || refill.contains(shift)) {
                continue;
            }
            if (allowed(shift.getPrecinct())) {
                place(shift, shift.getPrecinct());
            } else {
                // Elsewhere it only counts against its volunteer's limits: no team or value here can change.
                countShift(shift, 1);
            }
        }
        open.forEach(shift -> assignment.put(shift, null));
        if (order != null) {
            Collections.shuffle(open, order);
        } else {
            open.sort(IN_TIME_ORDER);
        }
        fill(open, List.of(), pairUp);
    }

    private void run(FieldPlan plan) {
        boolean pairUp = plan.getWeights().isBuddyRuleEnabled();
        List<Shift> open = new ArrayList<>();
        // Kept where they are, but free to move if left alone (e.g. a teammate cancelled before a repair).
        List<Shift> movable = new ArrayList<>();
        for (Shift shift : plan.getShifts()) {
            if (shift.getPrecinct() != null) {
                place(shift, shift.getPrecinct());
                if (!shift.isPinned()) {
                    movable.add(shift);
                }
            } else if (!shift.isPinned() && shift.isVolunteerAvailable()) {
                open.add(shift);
            }
        }
        List<Shift> released = releaseBreaks(movable);
        movable.removeAll(released);
        released.stream().filter(Shift::isVolunteerAvailable).forEach(open::add);
        open.sort(IN_TIME_ORDER);
        fill(open, movable, pairUp);
    }

    /**
     * Takes movable shifts out of what they break: a team beyond its precinct's capacity (a field report lowered it),
     * a volunteer beyond their shift limits or outside their availability. The latest shifts go first; pinned ones
     * stay, as facts. The released shifts are filled again like open ones, where there is room.
     */
    private List<Shift> releaseBreaks(List<Shift> movable) {
        List<Shift> latestFirst = new ArrayList<>(movable);
        latestFirst.sort(IN_TIME_ORDER.reversed());
        List<Shift> released = new ArrayList<>();
        for (Shift shift : latestFirst) {
            Precinct precinct = assignment.get(shift);
            Volunteer volunteer = shift.getVolunteer();
            if (!shift.isVolunteerAvailable()
                    || overCapacity(precinct, team(precinct, shift.getSlot()))
                    || shiftsPerVolunteer.getOrDefault(volunteer, 0) > volunteer.getMaxShifts()
                    || shiftsOnDay(volunteer, shift.getSlot().getDay()) > volunteer.getMaxShiftsPerDay()) {
                unplace(shift);
                released.add(shift);
            }
        }
        return released;
    }

    /**
     * Each open shift in the list's order to its best precinct; then lone canvassers among them and movable are paired,
     * in time order when there are movable ones, else in the open shifts' order.
     */
    private void fill(List<Shift> open, List<Shift> movable, boolean pairUp) {
        for (Shift shift : open) {
            Precinct best = bestPrecinct(shift);
            if (best != null) {
                place(shift, best);
            }
        }
        if (pairUp) {
            List<Shift> mayPair = open;
            if (!movable.isEmpty()) {
                mayPair = new ArrayList<>(movable);
                mayPair.addAll(open);
                mayPair.sort(IN_TIME_ORDER);
            }
            pairLoneCanvassers(mayPair);
        }
    }

    private boolean allowed(Precinct precinct) {
        return within == null || within.contains(precinct);
    }

    private Precinct bestPrecinct(Shift shift) {
        Volunteer volunteer = shift.getVolunteer();
        if (shiftsPerVolunteer.getOrDefault(volunteer, 0) >= volunteer.getMaxShifts()
                || shiftsOnDay(volunteer, shift.getSlot().getDay()) >= volunteer.getMaxShiftsPerDay()) {
            return null;
        }
        Precinct staying = stayingDeployed(shift);
        if (staying != null) {
            return staying;
        }
        Precinct best = null;
        double bestValue = 0;
        for (Precinct precinct : shift.getCandidatePrecincts()) {
            if (!allowed(precinct)) {
                continue;
            }
            List<Shift> team = team(precinct, shift.getSlot());
            if (team.size() >= precinct.getCapacityPerSlot()
                    || !languagesStillCoverable(precinct, team, volunteer)) {
                continue;
            }
            double value = MarginalVoteModel.marginalVotes(precinct, sumLog.getOrDefault(precinct, 0.0),
                    volunteer.getAttendanceProbability(), shift.getSlot().getHours());
            if (value > bestValue) {
                best = precinct;
                bestValue = value;
            }
        }
        return best;
    }

    /**
     * A deployed volunteer stays the day, as organizers plan it: the long trip is paid once, and a deployment shorter
     * than its offer's minimum would be called off. Their next shift that day goes to the precinct they were deployed
     * to while it has room, keeps its languages coverable and is still worth a shift; null otherwise.
     */
    private Precinct stayingDeployed(Shift shift) {
        Precinct precinct = deployedAt.getOrDefault(shift.getVolunteer(), Map.of()).get(shift.getSlot().getDay());
        if (precinct == null || !allowed(precinct) || !shift.getCandidatePrecincts().contains(precinct)) {
            return null;
        }
        List<Shift> team = team(precinct, shift.getSlot());
        boolean fits = team.size() < precinct.getCapacityPerSlot()
                && languagesStillCoverable(precinct, team, shift.getVolunteer());
        return fits && MarginalVoteModel.marginalVotes(precinct, sumLog.getOrDefault(precinct, 0.0),
                shift.getVolunteer().getAttendanceProbability(), shift.getSlot().getHours()) > 0 ? precinct : null;
    }

    /** Organizers send a speaker first: a non-speaker may join a team that needs a language only once it has one. */
    private static boolean languagesStillCoverable(Precinct precinct, List<Shift> team, Volunteer volunteer) {
        for (String language : precinct.getRequiredLanguages()) {
            if (!volunteer.speaks(language) && team.stream().noneMatch(s -> s.getVolunteer().speaks(language))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Lone canvassers of a slot are paired: the later one joins the earlier one's precinct if it can reach it, or the
     * other way round; whoever stays alone joins a team ({@link LoneCanvassers}) or goes home.
     */
    private void pairLoneCanvassers(List<Shift> open) {
        // Slots in the order their first lone canvasser comes: the same pairing on every run.
        Map<TimeSlot, List<Shift>> loneBySlot = new LinkedHashMap<>();
        for (Shift shift : open) {
            Precinct precinct = assignment.get(shift);
            if (precinct != null && team(precinct, shift.getSlot()).size() == 1) {
                loneBySlot.computeIfAbsent(shift.getSlot(), slot -> new ArrayList<>()).add(shift);
            }
        }
        for (List<Shift> lone : loneBySlot.values()) {
            LonePartners partners = new LonePartners(lone, assignment);
            boolean[] paired = new boolean[lone.size()];
            for (int i = 0; i < lone.size(); i++) {
                if (paired[i]) {
                    continue;
                }
                for (int j : partners.after(i)) {
                    if (!paired[j] && tryToPair(lone.get(i), lone.get(j))) {
                        paired[i] = true;
                        paired[j] = true;
                        break;
                    }
                }
                if (!paired[i]) {
                    joinATeamOrGoHome(lone.get(i));
                }
            }
        }
    }

    /**
     * Moves a lone canvasser to the reachable team of two or more in its slot where it adds the most expected votes
     * (with room, languages still covered), or sends it home. Its shift counts do not change: it keeps its slot.
     */
    private void joinATeamOrGoHome(Shift shift) {
        Precinct best = null;
        double bestValue = 0;
        if (loneCanvassers == LoneCanvassers.JOIN_A_TEAM) {
            for (Precinct precinct : shift.getCandidatePrecincts()) {
                if (!allowed(precinct) || team(precinct, shift.getSlot()).size() < 2 || !canJoin(shift, precinct)) {
                    continue;
                }
                double value = MarginalVoteModel.marginalVotes(precinct, sumLog.getOrDefault(precinct, 0.0),
                        shift.getVolunteer().getAttendanceProbability(), shift.getSlot().getHours());
                if (value > bestValue) {
                    best = precinct;
                    bestValue = value;
                }
            }
        }
        if (best == null) {
            unplace(shift);
        } else {
            move(shift, best);
        }
    }

    private boolean tryToPair(Shift a, Shift b) {
        if (canJoin(b, assignment.get(a))) {
            move(b, assignment.get(a));
            return true;
        }
        if (canJoin(a, assignment.get(b))) {
            move(a, assignment.get(b));
            return true;
        }
        return false;
    }

    private boolean canJoin(Shift shift, Precinct precinct) {
        List<Shift> team = team(precinct, shift.getSlot());
        return shift.getCandidatePrecincts().contains(precinct) && team.size() < precinct.getCapacityPerSlot()
                && languagesStillCoverable(precinct, team, shift.getVolunteer());
    }

    private void move(Shift shift, Precinct precinct) {
        unplace(shift);
        place(shift, precinct);
    }

    private void place(Shift shift, Precinct precinct) {
        assignment.put(shift, precinct);
        sumLog.merge(precinct, shift.getLogUncoveredShareAt(precinct), Double::sum);
        team(precinct, shift.getSlot()).add(shift);
        countShift(shift, 1);
        Volunteer volunteer = shift.getVolunteer();
        if (volunteer.travelMinutesTo(precinct) > volunteer.getMaxTravelMinutes()) {
            deployedAt.computeIfAbsent(volunteer, v -> new HashMap<>()).put(shift.getSlot().getDay(), precinct);
        }
    }

    private void countShift(Shift shift, int change) {
        Volunteer volunteer = shift.getVolunteer();
        shiftsPerVolunteer.merge(volunteer, change, Integer::sum);
        shiftsPerDay.computeIfAbsent(volunteer, v -> new HashMap<>()).merge(shift.getSlot().getDay(), change,
                Integer::sum);
    }

    private void unplace(Shift shift) {
        Precinct precinct = assignment.put(shift, null);
        if (precinct == null) {
            return;
        }
        sumLog.merge(precinct, -shift.getLogUncoveredShareAt(precinct), Double::sum);
        team(precinct, shift.getSlot()).remove(shift);
        countShift(shift, -1);
    }

    private List<Shift> team(Precinct precinct, TimeSlot slot) {
        return teams.computeIfAbsent(precinct, p -> new HashMap<>()).computeIfAbsent(slot, s -> new ArrayList<>());
    }

    /** The constraint's capacity rule: members who cannot move count as room ({@link Precinct#capacityWith}). */
    private static boolean overCapacity(Precinct precinct, List<Shift> team) {
        int fixed = (int) team.stream().filter(Shift::isPinned).count();
        return team.size() > precinct.capacityWith(fixed);
    }

    private int shiftsOnDay(Volunteer volunteer, LocalDate day) {
        return shiftsPerDay.getOrDefault(volunteer, Map.of()).getOrDefault(day, 0);
    }
}
