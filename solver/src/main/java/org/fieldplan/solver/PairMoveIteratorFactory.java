package org.fieldplan.solver;

import java.util.Random;

import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;

/**
 * Random {@link ShiftsChangeMove}s on pairs of shifts in the same slot: send two volunteers to a precinct both can
 * serve, move a team of two elsewhere, or take both home. Partners are drawn from the phase's {@link ShiftIndex}.
 */
public class PairMoveIteratorFactory extends CompoundMoveIteratorFactory {

    private static final int PARTNER_TRIES = 8;
    private static final double TEAM_MOVE_PROBABILITY = 0.3;

    @Override
    protected ShiftsChangeMove nextMove(Random random) {
        Shift[] movableShifts = index().movableShifts();
        Shift first = movableShifts[random.nextInt(movableShifts.length)];
        Precinct current = first.getPrecinct();
        if (current != null && random.nextDouble() < TEAM_MOVE_PROBABILITY) {
            Shift teammate = partner(first, current, current, random);
            if (teammate != null) {
                Precinct target = random.nextBoolean() ? null : randomCandidate(first, random);
                return ShiftsChangeMove.pair(first, teammate, target);
            }
        }
        Precinct target = randomCandidate(first, random);
        Shift second = partner(first, target, null, random);
        return second == null
                ? notDoable(first)
                : ShiftsChangeMove.pair(first, second, target);
    }

    /** A random other shift of the same slot that can serve {@code target} and (if given) now works {@code at}. */
    private Shift partner(Shift first, Precinct target, Precinct at, Random random) {
        Shift[] candidates = index().servers(first.getSlot(), target);
        if (candidates.length == 0) {
            return null;
        }
        for (int i = 0; i < PARTNER_TRIES; i++) {
            Shift other = candidates[random.nextInt(candidates.length)];
            if (other != first && (at == null || other.getPrecinct() == at)) {
                return other;
            }
        }
        return null;
    }
}
