package org.fieldplan.solver;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.TimeSlot;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

/**
 * Random {@link ShiftsChangeMove}s on pairs of shifts in the same slot: send two volunteers to a precinct both can
 * serve, move a team of two elsewhere, or take both home. Partners are drawn from an index of which shifts can serve
 * which precinct in which slot, built once per phase (problem facts do not change within a phase).
 */
public class PairMoveIteratorFactory implements MoveIteratorFactory<FieldPlan, ShiftsChangeMove> {

    private static final int PARTNER_TRIES = 8;
    private static final double TEAM_MOVE_PROBABILITY = 0.3;

    private Shift[] movableShifts;
    private Map<TimeSlot, Integer> slotIndexes;
    private int precinctCount;
    /** [slot × precinct] → the movable shifts of that slot that have the precinct among their candidates. */
    private Shift[][] servers;
    private long size;

    @Override
    public void phaseStarted(ScoreDirector<FieldPlan> scoreDirector) {
        FieldPlan plan = scoreDirector.getWorkingSolution();
        slotIndexes = new IdentityHashMap<>();
        for (TimeSlot slot : plan.getTimeSlots()) {
            slotIndexes.put(slot, slotIndexes.size());
        }
        precinctCount = plan.getPrecincts().size();
        List<List<Shift>> buckets = new ArrayList<>(slotIndexes.size() * precinctCount);
        for (int i = 0; i < slotIndexes.size() * precinctCount; i++) {
            buckets.add(null);
        }
        List<Shift> movable = new ArrayList<>();
        size = 0;
        for (Shift shift : plan.getShifts()) {
            if (shift.isPinned() || shift.getCandidatePrecincts().isEmpty()) {
                continue;
            }
            movable.add(shift);
            size += shift.getCandidatePrecincts().size();
            for (Precinct precinct : shift.getCandidatePrecincts()) {
                int key = bucket(shift.getSlot(), precinct);
                if (buckets.get(key) == null) {
                    buckets.set(key, new ArrayList<>());
                }
                buckets.get(key).add(shift);
            }
        }
        movableShifts = movable.toArray(Shift[]::new);
        servers = new Shift[buckets.size()][];
        for (int i = 0; i < buckets.size(); i++) {
            servers[i] = buckets.get(i) == null ? null : buckets.get(i).toArray(Shift[]::new);
        }
    }

    @Override
    public void phaseEnded(ScoreDirector<FieldPlan> scoreDirector) {
        movableShifts = null;
        servers = null;
        slotIndexes = null;
    }

    @Override
    public long getSize(ScoreDirector<FieldPlan> scoreDirector) {
        return size;
    }

    @Override
    public Iterator<ShiftsChangeMove> createOriginalMoveIterator(ScoreDirector<FieldPlan> scoreDirector) {
        throw new UnsupportedOperationException("Pair moves are generated in random order only.");
    }

    @Override
    public Iterator<ShiftsChangeMove> createRandomMoveIterator(ScoreDirector<FieldPlan> scoreDirector, Random random) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return movableShifts.length > 0;
            }

            @Override
            public ShiftsChangeMove next() {
                return nextMove(random);
            }
        };
    }

    private ShiftsChangeMove nextMove(Random random) {
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
                ? new ShiftsChangeMove(new Shift[] {first}, new Precinct[] {current}) // not doable: filtered out
                : ShiftsChangeMove.pair(first, second, target);
    }

    /** A random other shift of the same slot that can serve {@code target} and (if given) now works {@code at}. */
    private Shift partner(Shift first, Precinct target, Precinct at, Random random) {
        Shift[] candidates = servers[bucket(first.getSlot(), target)];
        if (candidates == null) {
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

    private static Precinct randomCandidate(Shift shift, Random random) {
        List<Precinct> candidates = shift.getCandidatePrecincts();
        return candidates.get(random.nextInt(candidates.size()));
    }

    private int bucket(TimeSlot slot, Precinct precinct) {
        return slotIndexes.get(slot) * precinctCount + precinct.getIndex();
    }
}
