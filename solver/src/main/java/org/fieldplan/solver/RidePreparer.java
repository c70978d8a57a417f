package org.fieldplan.solver;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
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
    /** Kilometres per degree of latitude (and at most per degree of longitude). */
    private static final double KM_PER_DEGREE = 111.0;

    private RidePreparer() {
    }

    /** Sets the ride options of every volunteer who accepts rides, once all volunteers have their candidates. */
    public static void prepare(List<Volunteer> volunteers, List<TimeSlot> slots, TravelParameters travel) {
        List<Volunteer> drivers = volunteers.stream().filter(Volunteer::offersSeats).toList();
        if (drivers.isEmpty()) {
            return;
        }
        RideOptions.CarMinutes car = carMinutes(travel);
        // Per driver: their longest trip in minutes and, as a cheap first test, in degrees of latitude.
        double[] longest = new double[drivers.size()];
        double[] degrees = new double[drivers.size()];
        for (int i = 0; i < drivers.size(); i++) {
            longest[i] = longestLimit(drivers.get(i));
            degrees[i] = longest[i] / 60.0 * travel.speedKmh(TravelMode.CAR) / travel.roadDetourFactor() / KM_PER_DEGREE;
        }
        Map<LocalDate, TimeSlot> slotOfDay = new LinkedHashMap<>();
        slots.forEach(slot -> slotOfDay.putIfAbsent(slot.getDay(), slot));
        volunteers.parallelStream()
                .filter(rider -> rider.getCarpool().canRide() && rider.getHome() != null)
                .forEach(rider -> prepareRider(rider, drivers, longest, degrees, slotOfDay, car));
    }

    private static void prepareRider(Volunteer rider, List<Volunteer> drivers, double[] longest, double[] degrees,
            Map<LocalDate, TimeSlot> slotOfDay, RideOptions.CarMinutes car) {
        record Pick(Volunteer driver, double minutes) {
        }
        List<Pick> picks = new ArrayList<>();
        double latitude = rider.getHome().getY();
        for (int i = 0; i < drivers.size(); i++) {
            Volunteer driver = drivers.get(i);
            // The pick-up lies on the way to somewhere the driver may go: never farther than their longest trip.
            if (driver == rider || Math.abs(driver.getHome().getY() - latitude) > degrees[i]) {
                continue;
            }
            double pickUp = car.between(driver.getHome(), rider.getHome());
            if (pickUp <= longest[i]) {
                picks.add(new Pick(driver, pickUp));
            }
        }
        // Nearest first, and the detour test (up to a driver's candidates) only until enough drivers are found.
        PriorityQueue<Pick> nearest = new PriorityQueue<>(Comparator.comparingDouble(Pick::minutes));
        nearest.addAll(picks);
        List<Volunteer> chosen = new ArrayList<>();
        // The detour depends on the driver and the meeting place only, not on the date: tested once per pair.
        Map<Volunteer, Map<Precinct, Boolean>> fits = new HashMap<>();
        while (!nearest.isEmpty() && chosen.size() < MAX_DRIVERS) {
            Volunteer driver = nearest.poll().driver();
            if (reachableTogether(rider, driver, slotOfDay, car, fits.computeIfAbsent(driver, d -> new HashMap<>()))) {
                chosen.add(driver);
            }
        }
        if (chosen.isEmpty()) {
            return;
        }
        Map<LocalDate, List<Precinct>> reachByDate = new LinkedHashMap<>();
        // Dates whose candidate lists are the same lists (no deployment offer that day) share one reach list.
        List<List<Precinct>> seenSources = new ArrayList<>();
        List<List<Precinct>> seenReach = new ArrayList<>();
        slotOfDay.forEach((day, slot) -> {
            List<List<Precinct>> sources = new ArrayList<>();
            sources.add(rider.candidatePrecinctsFor(slot));
            chosen.forEach(driver -> sources.add(driver.candidatePrecinctsFor(slot)));
            List<Precinct> known = sameLists(seenSources, seenReach, sources);
            if (known != null) {
                reachByDate.put(day, known);
                return;
            }
            Set<Precinct> reach = new LinkedHashSet<>(sources.get(0));
            for (int i = 0; i < chosen.size(); i++) {
                Volunteer driver = chosen.get(i);
                Map<Precinct, Boolean> driverFits = fits.computeIfAbsent(driver, d -> new HashMap<>());
                for (Precinct precinct : sources.get(i + 1)) {
                    if (!reach.contains(precinct) && rider.hasSkills(precinct.getRequiredSkills())
                            && driverFits.computeIfAbsent(precinct, p -> detour(rider, driver, p, car)
                                    <= driver.getCarpool().detourMinutes())) {
                        reach.add(precinct);
                    }
                }
            }
            // Not List.copyOf: a value range is asked whether it contains null.
            List<Precinct> list = new ArrayList<>(reach).stream().toList();
            seenSources.addAll(sources);
            seenReach.add(list);
            reachByDate.put(day, list);
        });
        rider.setRideOptions(new RideOptions(chosen.stream().toList(), Map.copyOf(reachByDate), car));
    }

    /**
     * The reach list of an earlier date whose candidate lists were these very lists (compared by identity), or null;
     * {@code seenSources} holds each earlier date's lists one after another, as many per date as {@code sources}.
     */
    private static List<Precinct> sameLists(List<List<Precinct>> seenSources, List<List<Precinct>> seenReach,
            List<List<Precinct>> sources) {
        for (int date = 0; date < seenReach.size(); date++) {
            boolean same = true;
            for (int i = 0; i < sources.size() && same; i++) {
                same = seenSources.get(date * sources.size() + i) == sources.get(i);
            }
            if (same) {
                return seenReach.get(date);
            }
        }
        return null;
    }

    /**
     * Whether the driver has a candidate (any date) whose meeting point they reach with the rider within the detour;
     * each date's candidate list is scanned once however many dates share it, each precinct tested once.
     */
    private static boolean reachableTogether(Volunteer rider, Volunteer driver, Map<LocalDate, TimeSlot> slotOfDay,
            RideOptions.CarMinutes car, Map<Precinct, Boolean> fits) {
        Set<List<Precinct>> scanned = Collections.newSetFromMap(new IdentityHashMap<>());
        for (TimeSlot slot : slotOfDay.values()) {
            List<Precinct> candidates = driver.candidatePrecinctsFor(slot);
            if (!scanned.add(candidates)) {
                continue;
            }
            for (Precinct precinct : candidates) {
                if (fits.computeIfAbsent(precinct, p -> detour(rider, driver, p, car)
                        <= driver.getCarpool().detourMinutes())) {
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
