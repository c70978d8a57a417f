package org.fieldplan.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.TimeSlot;

/**
 * Random {@link ShiftsChangeMove}s that change whole teams or move a volunteer's work to another slot, the steps
 * change, swap and pair moves cannot take without passing through a broken hard rule:
 * <ul>
 * <li><b>team move</b>: every shift of one precinct-slot team goes to another precinct or home (a team of three or
 * more cannot move one or two at a time without leaving a lone canvasser behind);</li>
 * <li><b>team slot move</b>: the team's volunteers work the same precinct in another slot instead (each member's
 * shift count stays the same, so volunteers at their shift limit can move too);</li>
 * <li><b>volunteer slot move</b>: one volunteer leaves a shift and works another slot instead, joining a team there
 * or, where the precinct has fewer than two canvassers then, bringing a partner of that slot along.</li>
 * </ul>
 * Found on the optimum comparison (docs/benchmarks.md): volunteers allowed one or two shifts are spent on the wrong
 * slots, and the better plan is reached only by moving them between slots together with their teams.
 */
public class TeamMoveIteratorFactory extends CompoundMoveIteratorFactory {

    private static final int TRIES = 8;

    @Override
    protected ShiftsChangeMove nextMove(Random random) {
        Shift first = randomAssignedShift(random);
        if (first == null) {
            return notDoable(index().movableShifts()[0]);
        }
        int kind = random.nextInt(3);
        if (kind == 0) {
            return teamMove(first, random.nextInt(4) == 0 ? null : randomCandidate(first, random));
        }
        Shift later = randomFreeShiftOfSameVolunteer(first, random);
        if (later == null) {
            return notDoable(first);
        }
        return kind == 1 ? teamSlotMove(first, later) : volunteerSlotMove(first, later, randomCandidate(later, random),
                random);
    }

    /** The whole team of {@code first} (its precinct-slot) to {@code target}, or home when null. */
    ShiftsChangeMove teamMove(Shift first, Precinct target) {
        List<Shift> team = index().team(first.getSlot(), first.getPrecinct());
        Precinct[] targets = new Precinct[team.size()];
        Arrays.fill(targets, target);
        return new ShiftsChangeMove(team.toArray(Shift[]::new), targets);
    }

    /**
     * The team of {@code first} works its precinct in the slot of {@code later} (an unassigned shift of the same
     * volunteer) instead: every member whose shift in that slot is unassigned moves along, the others stay.
     */
    ShiftsChangeMove teamSlotMove(Shift first, Shift later) {
        Precinct precinct = first.getPrecinct();
        List<Shift> shifts = new ArrayList<>();
        List<Precinct> targets = new ArrayList<>();
        for (Shift member : index().team(first.getSlot(), precinct)) {
            Shift then = shiftIn(member, later.getSlot());
            if (then != null && then.getPrecinct() == null) {
                shifts.add(member);
                targets.add(null);
                shifts.add(then);
                targets.add(precinct);
            }
        }
        return new ShiftsChangeMove(shifts.toArray(Shift[]::new), targets.toArray(Precinct[]::new));
    }

    /**
     * {@code first}'s volunteer works {@code target} in the slot of {@code later} (an unassigned shift of theirs)
     * instead; if fewer than two canvassers work there, a random other shift of that slot that can serve it comes
     * along as partner.
     */
    ShiftsChangeMove volunteerSlotMove(Shift first, Shift later, Precinct target, Random random) {
        if (index().team(later.getSlot(), target).size() >= 2) {
            return new ShiftsChangeMove(new Shift[] {first, later}, new Precinct[] {null, target});
        }
        Shift[] servers = index().servers(later.getSlot(), target);
        for (int i = 0; servers.length > 0 && i < TRIES; i++) {
            Shift partner = servers[random.nextInt(servers.length)];
            if (partner != later && partner.getPrecinct() != target) {
                return new ShiftsChangeMove(new Shift[] {first, later, partner},
                        new Precinct[] {null, target, target});
            }
        }
        return notDoable(first);
    }

    private Shift randomAssignedShift(Random random) {
        Shift[] movable = index().movableShifts();
        for (int i = 0; i < TRIES; i++) {
            Shift shift = movable[random.nextInt(movable.length)];
            if (shift.getPrecinct() != null) {
                return shift;
            }
        }
        return null;
    }

    /** A random unassigned shift of the same volunteer in another slot, or null. */
    private Shift randomFreeShiftOfSameVolunteer(Shift shift, Random random) {
        Shift[] own = index().shiftsOf(shift.getVolunteer());
        for (int i = 0; i < TRIES; i++) {
            Shift other = own[random.nextInt(own.length)];
            if (other != shift && other.getPrecinct() == null) {
                return other;
            }
        }
        return null;
    }

    private Shift shiftIn(Shift member, TimeSlot slot) {
        for (Shift shift : index().shiftsOf(member.getVolunteer())) {
            if (shift.getSlot() == slot) {
                return shift;
            }
        }
        return null;
    }
}
