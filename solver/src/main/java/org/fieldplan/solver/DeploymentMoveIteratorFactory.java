package org.fieldplan.solver;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.fieldplan.domain.DeploymentOffer;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.optaplanner.core.api.score.director.ScoreDirector;

/**
 * Random {@link ShiftsChangeMove}s over whole deployment days, the steps single-shift moves cannot take: a deployment
 * lasts at least its offer's minimum of consecutive slots at one precinct, so a volunteer goes there (or comes back)
 * for the whole run at once.
 * <ul>
 * <li><b>deploy</b>: a volunteer who offered a deployment for a date works one precinct for a run of the offer's
 * minimum of consecutive slots that day, their other deployed shifts of the day go home, and where they would be
 * alone in a slot another volunteer who offered the same date and can reach the precinct comes along for the whole
 * run (else a partner of that slot alone);</li>
 * <li><b>recall</b>: every deployed shift of the volunteer's day goes home.</li>
 * </ul>
 * In a region where no volunteer offered a deployment the factory offers no move and takes no share of the search.
 */
public class DeploymentMoveIteratorFactory extends CompoundMoveIteratorFactory {

    private static final int TRIES = 8;

    /** A volunteer's movable shifts on a date they offered a deployment for, by start. */
    record DeploymentDay(Volunteer volunteer, LocalDate date, DeploymentOffer offer, Shift[] shifts) {
    }

    private List<DeploymentDay> days = List.of();
    private Map<Volunteer, Map<LocalDate, DeploymentDay>> dayOf = Map.of();

    @Override
    public void phaseStarted(ScoreDirector<FieldPlan> scoreDirector) {
        super.phaseStarted(scoreDirector);
        List<DeploymentDay> found = new ArrayList<>();
        Map<Volunteer, Map<LocalDate, DeploymentDay>> byVolunteer = new LinkedHashMap<>();
        for (Volunteer volunteer : plan().getVolunteers()) {
            for (DeploymentOffer offer : volunteer.getDeploymentOffers()) {
                Shift[] shifts = Arrays.stream(index().shiftsOf(volunteer))
                        .filter(shift -> shift.getSlot().getDay().equals(offer.date()))
                        .sorted(Comparator.comparing(shift -> shift.getSlot().getStart())).toArray(Shift[]::new);
                if (shifts.length >= offer.minSlots()) {
                    DeploymentDay day = new DeploymentDay(volunteer, offer.date(), offer, shifts);
                    found.add(day);
                    byVolunteer.computeIfAbsent(volunteer, v -> new LinkedHashMap<>()).put(offer.date(), day);
                }
            }
        }
        days = found;
        dayOf = byVolunteer;
    }

    @Override
    public void phaseEnded(ScoreDirector<FieldPlan> scoreDirector) {
        days = List.of();
        dayOf = Map.of();
        super.phaseEnded(scoreDirector);
    }

    /** The volunteer's deployment day on {@code date} in this phase, or null. */
    DeploymentDay dayOf(Volunteer volunteer, LocalDate date) {
        return dayOf.getOrDefault(volunteer, Map.of()).get(date);
    }

    @Override
    protected boolean hasMoves() {
        return !days.isEmpty();
    }

    @Override
    protected ShiftsChangeMove nextMove(Random random) {
        DeploymentDay day = days.get(random.nextInt(days.size()));
        if (random.nextInt(4) == 0) {
            return recall(day);
        }
        int length = day.offer().minSlots();
        int first = random.nextInt(day.shifts().length - length + 1);
        Shift[] run = Arrays.copyOfRange(day.shifts(), first, first + length);
        Precinct target = randomCandidate(run[0], random);
        return deploy(day, run, target, random);
    }

    /** Every deployed shift of the day home. */
    ShiftsChangeMove recall(DeploymentDay day) {
        List<Shift> deployed = Arrays.stream(day.shifts()).filter(Shift::isDeployed).toList();
        if (deployed.isEmpty()) {
            return notDoable(day.shifts()[0]);
        }
        return new ShiftsChangeMove(deployed.toArray(Shift[]::new), new Precinct[deployed.size()]);
    }

    /**
     * The day's {@code run} of shifts to {@code target}, the day's other deployed shifts home, and partners where the
     * volunteer would canvass alone; not doable when the run's slots are not consecutive.
     */
    ShiftsChangeMove deploy(DeploymentDay day, Shift[] run, Precinct target, Random random) {
        List<TimeSlot> slots = Arrays.stream(run).map(Shift::getSlot).toList();
        if (DeploymentOffer.longestConsecutiveRun(slots) < run.length) {
            return notDoable(run[0]);
        }
        Map<Shift, Precinct> changes = new LinkedHashMap<>();
        for (Shift shift : run) {
            changes.put(shift, target);
        }
        for (Shift shift : day.shifts()) {
            if (!changes.containsKey(shift) && shift.isDeployed()) {
                changes.put(shift, null);
            }
        }
        if (Arrays.stream(run).anyMatch(shift -> wouldBeAlone(shift, target))) {
            Shift[] partnerRun = deployedPartner(day, run, target, random);
            for (int i = 0; i < run.length; i++) {
                if (partnerRun != null) {
                    changes.put(partnerRun[i], target);
                } else if (wouldBeAlone(run[i], target)) {
                    Shift partner = slotPartner(run[i], target, random);
                    if (partner == null) {
                        return notDoable(run[0]);
                    }
                    changes.put(partner, target);
                }
            }
        }
        return new ShiftsChangeMove(changes.keySet().toArray(Shift[]::new),
                changes.values().toArray(Precinct[]::new));
    }

    private boolean wouldBeAlone(Shift shift, Precinct target) {
        List<Shift> team = index().team(shift.getSlot(), target);
        team.remove(shift);
        return team.size() + index().pinnedAt(target).stream().filter(s -> s.getSlot() == shift.getSlot()).count() < 1;
    }

    /** Another volunteer's shifts in the run's slots who offered the same date and can serve the target in each. */
    private Shift[] deployedPartner(DeploymentDay day, Shift[] run, Precinct target, Random random) {
        Shift[] servers = index().servers(run[0].getSlot(), target);
        for (int i = 0; servers.length > 0 && i < TRIES; i++) {
            Volunteer partner = servers[random.nextInt(servers.length)].getVolunteer();
            DeploymentDay partnerDay = partner == day.volunteer() ? null : dayOf(partner, day.date());
            Shift[] partnerRun = partnerDay == null ? null : sameSlots(partnerDay, run, target);
            if (partnerRun != null) {
                return partnerRun;
            }
        }
        return null;
    }

    /** The partner day's shifts in the run's slots, or null when one is missing or cannot serve the target. */
    private static Shift[] sameSlots(DeploymentDay partnerDay, Shift[] run, Precinct target) {
        Shift[] matched = new Shift[run.length];
        for (int i = 0; i < run.length; i++) {
            for (Shift shift : partnerDay.shifts()) {
                if (shift.getSlot() == run[i].getSlot() && shift.getCandidatePrecincts().contains(target)) {
                    matched[i] = shift;
                }
            }
            if (matched[i] == null) {
                return null;
            }
        }
        return matched;
    }

    private Shift slotPartner(Shift shift, Precinct target, Random random) {
        Shift[] servers = index().servers(shift.getSlot(), target);
        for (int i = 0; servers.length > 0 && i < TRIES; i++) {
            Shift partner = servers[random.nextInt(servers.length)];
            if (partner.getVolunteer() != shift.getVolunteer() && partner.getPrecinct() != target) {
                return partner;
            }
        }
        return null;
    }
}
