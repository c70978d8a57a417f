package org.fieldplan.solver;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.RideOptions;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.TravelMode;
import org.fieldplan.domain.TravelParameters;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.travel.GreatCircle;
import org.locationtech.jts.geom.Point;

/**
 * Derives each rider's {@link RideOptions} once the candidates of every volunteer are known: the drivers who could pick
 * them up (a detour within the driver's limit to some place the driver may be sent), nearest first and at most
 * {@link #MAX_DRIVERS}, and per date the precincts the rider may be sent to riding with one of them. A region where
 * nobody offers seats costs one pass over its volunteers.
 */
public final class RidePreparer {

    /** Candidate drivers per rider: the nearest pick-ups, so a ride's value range stays small. */
    static final int MAX_DRIVERS = 10;

    private RidePreparer() {
    }

    /** Sets the ride options of every volunteer who accepts rides, once all volunteers have their candidates. */
    public static void prepare(List<Volunteer> volunteers, List<TimeSlot> slots, TravelParameters travel) {
        List<Volunteer> drivers = volunteers.stream().filter(Volunteer::offersSeats).toList();
        if (drivers.isEmpty()) {
            return;
        }
        RideOptions.CarMinutes car = carMinutes(travel);
        Map<LocalDate, TimeSlot> slotOfDay = new LinkedHashMap<>();
        slots.forEach(slot -> slotOfDay.putIfAbsent(slot.getDay(), slot));
        volunteers.parallelStream()
                .filter(rider -> rider.getCarpool().canRide() && rider.getHome() != null)
                .forEach(rider -> prepareRider(rider, drivers, slotOfDay, car));
    }

    private static void prepareRider(Volunteer rider, List<Volunteer> drivers, Map<LocalDate, TimeSlot> slotOfDay,
            RideOptions.CarMinutes car) {
        record Pick(Volunteer driver, double minutes) {
        }
        List<Pick> picks = new ArrayList<>();
        for (Volunteer driver : drivers) {
            if (driver == rider) {
                continue;
            }
            double pickUp = car.between(driver.getHome(), rider.getHome());
            // The pick-up lies on the way to somewhere the driver may go: never farther than their longest trip.
            if (pickUp <= longestLimit(driver)) {
                picks.add(new Pick(driver, pickUp));
            }
        }
        // Nearest first, and the detour test (up to a driver's candidates) only until enough drivers are found.
        picks.sort(Comparator.comparingDouble(Pick::minutes));
        List<Volunteer> chosen = new ArrayList<>();
        for (int i = 0; i < picks.size() && chosen.size() < MAX_DRIVERS; i++) {
            if (reachableTogether(rider, picks.get(i).driver(), slotOfDay, car)) {
                chosen.add(picks.get(i).driver());
            }
        }
        if (chosen.isEmpty()) {
            return;
        }
        Map<LocalDate, List<Precinct>> reachByDate = new LinkedHashMap<>();
        slotOfDay.forEach((day, slot) -> {
            Set<Precinct> reach = new LinkedHashSet<>(rider.candidatePrecinctsFor(slot));
            for (Volunteer driver : chosen) {
                for (Precinct precinct : driver.candidatePrecinctsFor(slot)) {
                    if (rider.hasSkills(precinct.getRequiredSkills())
                            && detour(rider, driver, precinct, car) <= driver.getCarpool().detourMinutes()) {
                        reach.add(precinct);
                    }
                }
            }
            // Not List.copyOf: a value range is asked whether it contains null.
            reachByDate.put(day, new ArrayList<>(reach).stream().toList());
        });
        rider.setRideOptions(new RideOptions(chosen.stream().toList(), Map.copyOf(reachByDate), car));
    }

    /** Whether the driver has a candidate (any date) whose meeting point they reach with the rider within the detour. */
    private static boolean reachableTogether(Volunteer rider, Volunteer driver, Map<LocalDate, TimeSlot> slotOfDay,
            RideOptions.CarMinutes car) {
        for (TimeSlot slot : slotOfDay.values()) {
            for (Precinct precinct : driver.candidatePrecinctsFor(slot)) {
                if (detour(rider, driver, precinct, car) <= driver.getCarpool().detourMinutes()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Minutes by car between two points: great-circle × road-detour factor at the car speed. */
    public static RideOptions.CarMinutes carMinutes(TravelParameters travel) {
        return (from, to) -> GreatCircle.distanceKm(from, to) * travel.roadDetourFactor()
                / travel.speedKmh(TravelMode.CAR) * 60.0;
    }

    /**
     * Minutes the driver's trip to the precinct's meeting point (its staging location, else its centroid) grows by
     * picking the rider up at home; infinite for a precinct without a point.
     */
    public static double detour(Volunteer rider, Volunteer driver, Precinct precinct, RideOptions.CarMinutes car) {
        Point meeting = precinct.getStaging() != null ? precinct.getStaging().point() : precinct.getCentroid();
        if (meeting == null) {
            return Double.POSITIVE_INFINITY;
        }
        return car.between(driver.getHome(), rider.getHome()) + car.between(rider.getHome(), meeting)
                - car.between(driver.getHome(), meeting);
    }

    private static int longestLimit(Volunteer driver) {
        return driver.getDeploymentOffers().stream().mapToInt(offer -> offer.maxTravelMinutes())
                .reduce(driver.getMaxTravelMinutes(), Math::max);
    }
}
