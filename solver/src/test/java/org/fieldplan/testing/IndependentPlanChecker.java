package org.fieldplan.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fieldplan.domain.Assignment;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;

/**
 * Re-checks every hard rule of a plan from the stated problem and the plan's assignments alone: no constraint
 * streams, no solver classes, its own distance formula. Used to confirm the solver's "0hard" claims.
 */
public final class IndependentPlanChecker {

    private static final double EARTH_KM = 6371.0088;

    private IndependentPlanChecker() {
    }

    /** Every broken hard rule, one line each; empty when the plan is feasible. */
    public static List<String> violations(FieldPlanProblem problem, List<Assignment> assignments) {
        Map<String, Volunteer> volunteers = new HashMap<>();
        problem.volunteers().forEach(v -> volunteers.put(v.getId(), v));
        Map<String, Precinct> precincts = new HashMap<>();
        problem.precincts().forEach(p -> precincts.put(p.getId(), p));
        Map<String, TimeSlot> slots = new HashMap<>();
        problem.timeSlots().forEach(s -> slots.put(s.getId(), s));

        List<String> violations = new ArrayList<>();
        Map<String, Integer> perVolunteer = new HashMap<>();
        Map<String, Integer> perVolunteerDay = new HashMap<>();
        Set<String> volunteerSlots = new HashSet<>();
        Map<String, List<Volunteer>> teams = new HashMap<>();
        Map<String, Integer> seatsTaken = new HashMap<>();
        for (Assignment a : assignments) {
            Volunteer v = volunteers.get(a.volunteerId());
            Precinct p = precincts.get(a.precinctId());
            TimeSlot s = slots.get(a.slotId());
            if (v == null || p == null || s == null) {
                violations.add("unknown id in " + a);
                continue;
            }
            if (!volunteerSlots.add(v.getId() + "|" + s.getId())) {
                violations.add(v.getId() + " is in two places in " + s.getId());
            }
            boolean available = v.getAvailability().stream()
                    .anyMatch(w -> !w.start().isAfter(s.getStart()) && !w.end().isBefore(s.getEnd()));
            if (!available) {
                violations.add(v.getId() + " not available for " + s.getId());
            }
            // A rider travels in the driver's car, within the driver's limit.
            Volunteer traveller = a.rideWith() == null ? v : volunteers.get(a.rideWith());
            double minutes = travelMinutes(problem, traveller, p);
            if (minutes > traveller.getMaxTravelMinutes() + 1e-6 && travelMinutes(problem, v, p)
                    > v.getMaxTravelMinutes() + 1e-6) {
                violations.add(v.getId() + " travels " + minutes + " min to " + p.getId() + ", limit "
                        + traveller.getMaxTravelMinutes());
            }
            if (a.rideWith() != null) {
                checkRide(problem, a, assignments, volunteers, violations);
                seatsTaken.merge(a.rideWith() + "|" + a.slotId(), 1, Integer::sum);
            }
            if (!v.getSkills().containsAll(p.getRequiredSkills())) {
                violations.add(v.getId() + " lacks skills " + p.getRequiredSkills() + " for " + p.getId());
            }
            perVolunteer.merge(v.getId(), 1, Integer::sum);
            LocalDate day = s.getStart().toLocalDate();
            perVolunteerDay.merge(v.getId() + "|" + day, 1, Integer::sum);
            teams.computeIfAbsent(p.getId() + "|" + s.getId(), k -> new ArrayList<>()).add(v);
        }
        perVolunteer.forEach((id, n) -> {
            if (n > volunteers.get(id).getMaxShifts()) {
                violations.add(id + " has " + n + " shifts, max " + volunteers.get(id).getMaxShifts());
            }
        });
        perVolunteerDay.forEach((key, n) -> {
            Volunteer v = volunteers.get(key.substring(0, key.indexOf('|')));
            if (n > v.getMaxShiftsPerDay()) {
                violations.add(key + " has " + n + " shifts in a day, max " + v.getMaxShiftsPerDay());
            }
        });
        seatsTaken.forEach((key, n) -> {
            Volunteer driver = volunteers.get(key.substring(0, key.indexOf('|')));
            if (n > driver.getCarpool().seats()) {
                violations.add(key + " carries " + n + " riders, seats " + driver.getCarpool().seats());
            }
        });
        teams.forEach((key, team) -> {
            Precinct p = precincts.get(key.substring(0, key.indexOf('|')));
            if (team.size() == 1) {
                violations.add(key + " has a lone canvasser " + team.get(0).getId());
            }
            if (team.size() > p.getCapacityPerSlot()) {
                violations.add(key + " has " + team.size() + " canvassers, capacity " + p.getCapacityPerSlot());
            }
            for (String language : p.getRequiredLanguages()) {
                if (team.stream().noneMatch(v -> v.getLanguages().contains(language))) {
                    violations.add(key + " has nobody speaking " + language);
                }
            }
        });
        return violations;
    }

    /** The driver goes on their own to the same precinct in the slot, and the pick-up fits their detour limit. */
    private static void checkRide(FieldPlanProblem problem, Assignment ride, List<Assignment> assignments,
            Map<String, Volunteer> volunteers, List<String> violations) {
        boolean driven = assignments.stream().anyMatch(a -> a.volunteerId().equals(ride.rideWith())
                && a.slotId().equals(ride.slotId()) && a.precinctId().equals(ride.precinctId()) && a.rideWith() == null);
        if (!driven) {
            violations.add(ride.volunteerId() + " rides with " + ride.rideWith() + " who does not drive to "
                    + ride.precinctId() + " in " + ride.slotId());
            return;
        }
        Volunteer rider = volunteers.get(ride.volunteerId());
        Volunteer driver = volunteers.get(ride.rideWith());
        Precinct p = problem.precincts().stream().filter(x -> x.getId().equals(ride.precinctId())).findFirst()
                .orElseThrow();
        double[] to = {p.getGeometry().getInteriorPoint().getY(), p.getGeometry().getInteriorPoint().getX()};
        double[] home = {driver.getHome().getY(), driver.getHome().getX()};
        double[] pickUp = {rider.getHome().getY(), rider.getHome().getX()};
        double detourKm = km(home, pickUp) + km(pickUp, to) - km(home, to);
        double detour = detourKm * problem.travel().roadDetourFactor() / problem.travel().carKmh() * 60;
        if (detour > driver.getCarpool().detourMinutes() + 1e-6) {
            violations.add(driver.getId() + " detours " + detour + " min for " + rider.getId());
        }
    }

    private static double km(double[] a, double[] b) {
        double dLat = Math.toRadians(b[0] - a[0]);
        double dLon = Math.toRadians(b[1] - a[1]);
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(a[0])) * Math.cos(Math.toRadians(b[0])) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_KM * Math.asin(Math.sqrt(h));
    }

    private static double travelMinutes(FieldPlanProblem problem, Volunteer v, Precinct p) {
        double lat1 = Math.toRadians(v.getHome().getY());
        double lat2 = Math.toRadians(p.getGeometry().getInteriorPoint().getY());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(p.getGeometry().getInteriorPoint().getX() - v.getHome().getX());
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        double km = 2 * EARTH_KM * Math.asin(Math.sqrt(h)) * problem.travel().roadDetourFactor();
        return km / problem.travel().speedKmh(v.getTravelMode()) * 60;
    }
}
