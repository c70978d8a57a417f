package org.fieldplan.solver;

import java.util.Iterator;
import java.util.List;
import java.util.Random;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

/**
 * The shared part of the move factories that change several shifts at once ({@link PairMoveIteratorFactory},
 * {@link TeamMoveIteratorFactory}, {@link RuinRecreateMoveIteratorFactory}): the {@link ShiftIndex} of the working plan
 * for the phase (one, shared by the three), and an endless random
 * iterator over {@link #nextMove}. Moves are generated in random order only.
 */
abstract class CompoundMoveIteratorFactory implements MoveIteratorFactory<FieldPlan, ShiftsChangeMove> {

    private ShiftIndex index;
    private FieldPlan plan;

    /** The index of the phase's working plan. */
    protected ShiftIndex index() {
        return index;
    }

    /** The phase's working plan. */
    protected FieldPlan plan() {
        return plan;
    }

    /** The next random move; one that changes nothing is filtered out by OptaPlanner as not doable. */
    protected abstract ShiftsChangeMove nextMove(Random random);

    @Override
    public void phaseStarted(ScoreDirector<FieldPlan> scoreDirector) {
        plan = scoreDirector.getWorkingSolution();
        index = ShiftIndex.acquire(plan);
    }

    @Override
    public void phaseEnded(ScoreDirector<FieldPlan> scoreDirector) {
        ShiftIndex.release(plan);
        index = null;
        plan = null;
    }

    @Override
    public long getSize(ScoreDirector<FieldPlan> scoreDirector) {
        return index.candidateCount();
    }

    @Override
    public Iterator<ShiftsChangeMove> createOriginalMoveIterator(ScoreDirector<FieldPlan> scoreDirector) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " generates moves in random order only.");
    }

    @Override
    public Iterator<ShiftsChangeMove> createRandomMoveIterator(ScoreDirector<FieldPlan> scoreDirector, Random random) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return hasMoves();
            }

            @Override
            public ShiftsChangeMove next() {
                return nextMove(random);
            }
        };
    }

    /**
     * Whether the phase's plan offers this factory anything to move; when not, OptaPlanner's random union leaves the
     * factory out and its weight goes to the others.
     */
    protected boolean hasMoves() {
        return index.movableShifts().length > 0;
    }

    /** One of the shift's candidate precincts, uniformly. */
    protected static Precinct randomCandidate(Shift shift, Random random) {
        List<Precinct> candidates = shift.getCandidatePrecincts();
        return candidates.get(random.nextInt(candidates.size()));
    }

    /** A move that changes nothing: OptaPlanner filters it out as not doable. */
    protected static ShiftsChangeMove notDoable(Shift shift) {
        return new ShiftsChangeMove(new Shift[] {shift}, new Precinct[] {shift.getPrecinct()});
    }
}
