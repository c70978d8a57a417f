package org.fieldplan.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.fieldplan.baseline.GreedyPlanner;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.optaplanner.core.api.score.director.ScoreDirector;

/**
 * Random ruin-and-recreate {@link ShiftsChangeMove}s: every movable shift working one of a few nearby precincts (the
 * precinct of a random assigned shift and its nearest neighbours, every slot) is freed, and those precincts are
 * filled again by {@link GreedyPlanner#refill} from the freed shifts and every open shift that can serve them. One
 * move re-lays several teams across slots at once, which change, swap, pair and team moves reach only through a chain
 * of worse plans.
 */
public class RuinRecreateMoveIteratorFactory extends CompoundMoveIteratorFactory {

    private static final int TRIES = 8;
    /** Ruined precincts per move: the drawn one and up to this many minus one of its nearest. */
    private static final int MAX_RUINED = 4;

    private final Map<Precinct, List<Precinct>> nearestCache = new IdentityHashMap<>();

    @Override
    protected ShiftsChangeMove nextMove(Random random) {
        Shift[] movable = index().movableShifts();
        for (int i = 0; i < TRIES; i++) {
            Shift shift = movable[random.nextInt(movable.length)];
            if (shift.getPrecinct() != null) {
                List<Precinct> nearest = nearest(shift.getPrecinct());
                return ruinAndRecreate(nearest.subList(0, 1 + random.nextInt(nearest.size())), random);
            }
        }
        return notDoable(movable[0]);
    }

    /**
     * Frees every movable shift of {@code ruined} and lets the greedy fill those precincts again from the freed shifts
     * and the open shifts of volunteers with a shift to spare.
     */
    ShiftsChangeMove ruinAndRecreate(List<Precinct> ruined, Random order) {
        Set<Precinct> within = Collections.newSetFromMap(new IdentityHashMap<>());
        within.addAll(ruined);
        // Insertion-ordered (shifts hash by identity): the same seed gives the same moves on every run.
        Set<Shift> open = new LinkedHashSet<>();
        Map<Volunteer, Boolean> hasRoom = new IdentityHashMap<>();
        for (Precinct precinct : ruined) {
            for (TimeSlot slot : plan().getTimeSlots()) {
                for (Shift shift : index().servers(slot, precinct)) {
                    Precinct current = shift.getPrecinct();
                    if (current == null ? shift.isVolunteerAvailable()
                            && hasRoom.computeIfAbsent(shift.getVolunteer(), v -> hasShiftToSpare(v, within))
                            : within.contains(current)) {
                        open.add(shift);
                    }
                }
            }
        }
        // What the refill reads: every shift of the volunteers involved, and the pinned shifts of the ruined precincts.
        Set<Volunteer> volunteers = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Shift> context = new ArrayList<>();
        for (Shift shift : open) {
            if (volunteers.add(shift.getVolunteer())) {
                context.addAll(Arrays.asList(index().allShiftsOf(shift.getVolunteer())));
            }
        }
        for (Precinct precinct : ruined) {
            for (Shift pinned : index().pinnedAt(precinct)) {
                if (!volunteers.contains(pinned.getVolunteer())) {
                    context.add(pinned);
                }
            }
        }
        List<GreedyPlanner.Decision> decisions = GreedyPlanner.refill(context, open, within,
                plan().getWeights().isBuddyRuleEnabled(), order);
        if (decisions.isEmpty()) {
            return notDoable(index().movableShifts()[0]);
        }
        Shift[] shifts = new Shift[decisions.size()];
        Precinct[] targets = new Precinct[decisions.size()];
        for (int i = 0; i < shifts.length; i++) {
            shifts[i] = decisions.get(i).shift();
            targets[i] = decisions.get(i).precinct();
        }
        return new ShiftsChangeMove(shifts, targets);
    }

    /** Whether the volunteer works fewer than their limit of shifts once the ruined precincts' shifts are freed. */
    private boolean hasShiftToSpare(Volunteer volunteer, Set<Precinct> ruined) {
        int kept = 0;
        for (Shift shift : index().allShiftsOf(volunteer)) {
            if (shift.getPrecinct() != null && (shift.isPinned() || !ruined.contains(shift.getPrecinct()))) {
                kept++;
            }
        }
        return kept < volunteer.getMaxShifts();
    }

    /** The plan's precincts nearest {@code center} first (itself first), computed once per precinct and phase. */
    private List<Precinct> nearest(Precinct center) {
        return nearestCache.computeIfAbsent(center, c -> nearest(c, plan().getPrecincts(), MAX_RUINED));
    }

    /**
     * The {@code count} precincts of {@code precincts} nearest {@code center} (itself first), ties in list order: one
     * pass keeping the best few, not a sort of all of them (at XL's 20,000 precincts the sort took half the search's
     * time).
     */
    static List<Precinct> nearest(Precinct center, List<Precinct> precincts, int count) {
        // Planar distance between centroids (degrees) ranks neighbours well enough; JTS distance is 100× slower.
        double x = center.getCentroid().getX();
        double y = center.getCentroid().getY();
        Precinct[] best = new Precinct[Math.min(count, precincts.size())];
        double[] distances = new double[best.length];
        int kept = 0;
        for (Precinct precinct : precincts) {
            double distance = precinct == center ? -1
                    : Math.hypot(precinct.getCentroid().getX() - x, precinct.getCentroid().getY() - y);
            if (kept == best.length && distance >= distances[kept - 1]) {
                continue;
            }
            int at = kept == best.length ? kept - 1 : kept++;
            while (at > 0 && distances[at - 1] > distance) {
                best[at] = best[at - 1];
                distances[at] = distances[at - 1];
                at--;
            }
            best[at] = precinct;
            distances[at] = distance;
        }
        return List.of(Arrays.copyOf(best, kept));
    }

    @Override
    public void phaseEnded(ScoreDirector<FieldPlan> scoreDirector) {
        super.phaseEnded(scoreDirector);
        nearestCache.clear();
    }
}
