package org.fieldplan.solver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.Volunteer;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

/**
 * Random {@link RideMove}s over the shifts of volunteers who accept rides, in four kinds:
 * <ul>
 * <li><b>join</b>: a rider rides with a candidate driver to the driver's precinct in the same slot;</li>
 * <li><b>pick up</b>: a driver's free shift goes to a rider's precinct and takes the rider along;</li>
 * <li><b>leave</b>: a rider travels on their own again (stays where they can reach alone, else goes home);</li>
 * <li><b>drive on</b>: a driver with riders goes to another of their candidates, riders along.</li>
 * </ul>
 * A region where nobody can ride has no such shift: the iterator has nothing to give and the union selector drops it,
 * so carpools cost nothing there.
 */
public class RideMoveIteratorFactory implements MoveIteratorFactory<FieldPlan, RideMove> {

    private Shift[] riderShifts = new Shift[0];
    /** Driver id → slot id → the driver's shift. */
    private Map<String, Map<String, Shift>> driverShifts = Map.of();

    @Override
    public void phaseStarted(ScoreDirector<FieldPlan> scoreDirector) {
        List<Shift> riders = new ArrayList<>();
        Map<String, Map<String, Shift>> drivers = new HashMap<>();
        for (Shift shift : scoreDirector.getWorkingSolution().getShifts()) {
            if (!shift.isPinned() && !shift.getCandidateDrivers().isEmpty()) {
                riders.add(shift);
            }
            if (shift.getVolunteer().offersSeats()) {
                drivers.computeIfAbsent(shift.getVolunteer().getId(), id -> new HashMap<>())
                        .put(shift.getSlot().getId(), shift);
            }
        }
        riderShifts = riders.toArray(Shift[]::new);
        driverShifts = drivers;
    }

    @Override
    public void phaseEnded(ScoreDirector<FieldPlan> scoreDirector) {
        riderShifts = new Shift[0];
        driverShifts = Map.of();
    }

    @Override
    public long getSize(ScoreDirector<FieldPlan> scoreDirector) {
        return riderShifts.length;
    }

    @Override
    public Iterator<RideMove> createOriginalMoveIterator(ScoreDirector<FieldPlan> scoreDirector) {
        throw new UnsupportedOperationException("RideMoveIteratorFactory generates moves in random order only.");
    }

    @Override
    public Iterator<RideMove> createRandomMoveIterator(ScoreDirector<FieldPlan> scoreDirector, Random random) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return riderShifts.length > 0;
            }

            @Override
            public RideMove next() {
                return nextMove(random);
            }
        };
    }

    RideMove nextMove(Random random) {
        Shift rider = riderShifts[random.nextInt(riderShifts.length)];
        List<Volunteer> candidates = rider.getCandidateDrivers();
        Volunteer driver = rider.getRide() != null && random.nextBoolean() ? rider.getRide()
                : candidates.get(random.nextInt(candidates.size()));
        Shift driven = driverShifts.getOrDefault(driver.getId(), Map.of()).get(rider.getSlot().getId());
        if (driven == null || driven.isPinned() && driven.getPrecinct() == null) {
            return leave(rider);
        }
        return switch (random.nextInt(4)) {
            case 0 -> join(rider, driver, driven);
            case 1 -> pickUp(rider, driver, driven);
            case 2 -> leave(rider);
            default -> driveOn(driven, random);
        };
    }

    /** The rider rides with the driver to the driver's precinct. */
    static RideMove join(Shift rider, Volunteer driver, Shift driven) {
        Precinct target = driven.getPrecinct();
        if (target == null || driven.getRide() != null || !rider.getPrecinctRange().contains(target)) {
            return unchanged(rider);
        }
        return new RideMove(new Shift[] {rider}, new Precinct[] {target}, new Volunteer[] {driver});
    }

    /** The driver's shift, free or elsewhere, goes to the rider's precinct and takes the rider along. */
    static RideMove pickUp(Shift rider, Volunteer driver, Shift driven) {
        Precinct target = rider.getPrecinct();
        if (target == null || driven.getRide() != null || !driven.getCandidatePrecincts().contains(target)
                || driven.getPrecinct() != null) {
            return unchanged(rider);
        }
        return new RideMove(new Shift[] {driven, rider}, new Precinct[] {target, target},
                new Volunteer[] {null, driver});
    }

    /** The rider travels on their own: stays where they reach alone, else is not sent out. */
    static RideMove leave(Shift rider) {
        Precinct stay = rider.getPrecinct() != null && rider.getCandidatePrecincts().contains(rider.getPrecinct())
                ? rider.getPrecinct() : null;
        return new RideMove(new Shift[] {rider}, new Precinct[] {stay}, new Volunteer[] {null});
    }

    /** The driver goes to another of their candidates with every rider of that slot who can go there. */
    RideMove driveOn(Shift driven, Random random) {
        List<Precinct> candidates = driven.getCandidatePrecincts();
        if (driven.getPrecinct() == null || driven.getRide() != null || candidates.isEmpty()) {
            return unchanged(driven);
        }
        Precinct target = candidates.get(random.nextInt(candidates.size()));
        List<Shift> moving = new ArrayList<>(List.of(driven));
        List<Precinct> targets = new ArrayList<>(List.of(target));
        List<Volunteer> rides = new ArrayList<>(Collections.singletonList(null));
        for (Shift rider : riderShifts) {
            if (rider.getRide() != null && rider.getRide().getId().equals(driven.getVolunteer().getId())
                    && rider.getSlot() == driven.getSlot()) {
                boolean fits = rider.getPrecinctRange().contains(target);
                moving.add(rider);
                targets.add(fits ? target : null);
                rides.add(fits ? rider.getRide() : null);
            }
        }
        return new RideMove(moving.toArray(Shift[]::new), targets.toArray(Precinct[]::new),
                rides.toArray(Volunteer[]::new));
    }

    private static RideMove unchanged(Shift shift) {
        return new RideMove(new Shift[] {shift}, new Precinct[] {shift.getPrecinct()},
                new Volunteer[] {shift.getRide()});
    }
}
