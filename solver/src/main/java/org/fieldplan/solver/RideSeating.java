package org.fieldplan.solver;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.Volunteer;
import org.optaplanner.core.api.score.director.ScoreDirector;

/**
 * After the greedy start, seats riders who were not sent out in the cars of drivers who were: each rider shift joins
 * its nearest candidate driver of the same slot who has a free seat and whose precinct the rider may work (within
 * the detour, room in the team, the rider's shift limits kept). The greedy plan sends nobody by car, so a rider who
 * reaches nothing alone would wait for local search to find the ride; seating them first gives it a better start.
 * Nothing happens where nobody can ride.
 */
final class RideSeating {

    private RideSeating() {
    }

    static void seat(ScoreDirector<FieldPlan> scoreDirector) {
        FieldPlan plan = scoreDirector.getWorkingSolution();
        List<Shift> riders = plan.getShifts().stream().filter(shift -> !shift.isPinned()
                && shift.getPrecinct() == null && shift.isVolunteerAvailable()
                && !shift.getCandidateDrivers().isEmpty()).toList();
        if (riders.isEmpty()) {
            return;
        }
        Map<String, Shift> driven = new HashMap<>();
        Map<String, Integer> teams = new HashMap<>();
        Map<Volunteer, Integer> shifts = new HashMap<>();
        Map<String, Integer> shiftsPerDay = new HashMap<>();
        for (Shift shift : plan.getShifts()) {
            if (shift.getPrecinct() != null) {
                teams.merge(shift.getTeamKey(), 1, Integer::sum);
                shifts.merge(shift.getVolunteer(), 1, Integer::sum);
                shiftsPerDay.merge(dayKey(shift), 1, Integer::sum);
                if (shift.getRide() == null && shift.getVolunteer().offersSeats()) {
                    driven.put(shift.getId(), shift);
                }
            }
        }
        Map<String, Integer> seatsTaken = new HashMap<>();
        for (Shift rider : riders) {
            Volunteer volunteer = rider.getVolunteer();
            if (shifts.getOrDefault(volunteer, 0) >= volunteer.getMaxShifts()
                    || shiftsPerDay.getOrDefault(dayKey(rider), 0) >= volunteer.getMaxShiftsPerDay()) {
                continue;
            }
            for (Volunteer driver : rider.getCandidateDrivers()) {
                Shift car = driven.get(driver.getId() + "@" + rider.getSlot().getId());
                if (car != null && fits(rider, driver, car, seatsTaken, teams)) {
                    scoreDirector.beforeVariableChanged(rider, "precinct");
                    rider.setPrecinct(car.getPrecinct());
                    scoreDirector.afterVariableChanged(rider, "precinct");
                    scoreDirector.beforeVariableChanged(rider, "ride");
                    rider.setRide(driver);
                    scoreDirector.afterVariableChanged(rider, "ride");
                    seatsTaken.merge(car.getId(), 1, Integer::sum);
                    teams.merge(car.getTeamKey(), 1, Integer::sum);
                    shifts.merge(volunteer, 1, Integer::sum);
                    shiftsPerDay.merge(dayKey(rider), 1, Integer::sum);
                    break;
                }
            }
        }
        scoreDirector.triggerVariableListeners();
    }

    /** A free seat, the driver's precinct in the rider's range and reach, within the detour, room in the team. */
    private static boolean fits(Shift rider, Volunteer driver, Shift car, Map<String, Integer> seatsTaken,
            Map<String, Integer> teams) {
        Precinct precinct = car.getPrecinct();
        return seatsTaken.getOrDefault(car.getId(), 0) < driver.getCarpool().seats()
                && rider.getPrecinctRange().contains(precinct)
                && teams.getOrDefault(car.getTeamKey(), 0) < precinct.getCapacityPerSlot()
                && rider.getVolunteer().pickUpDetourMinutes(driver, car.getMeetingPoint())
                        <= driver.getCarpool().detourMinutes();
    }

    private static String dayKey(Shift shift) {
        return shift.getVolunteer().getId() + "@" + shift.getSlot().getDay();
    }
}
