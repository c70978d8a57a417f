package org.fieldplan.benchmarks.bound;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.RideOptions;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.solver.RidePreparer;
import org.fieldplan.travel.PrecinctTravel;
import org.fieldplan.travel.TravelTimeMatrix;

/**
 * The precincts a volunteer who accepts rides may reach in a car, for the flow bound: every precinct worth canvassing,
 * with skills the rider has, that some driver (any volunteer offering seats, not only the solver's nearest candidate
 * drivers) reaches within their limit for the day and whose meeting point the driver reaches with the rider within
 * their detour limit. That is every precinct the carpool rules let a rider be sent to beyond their own reach; seats,
 * and the driver being out in the slot at all, are dropped (they only forbid plans), so the bound stays a true one.
 */
final class RideReach {

    private final List<Volunteer> drivers;
    private final TravelTimeMatrix travelTimes;
    private final RideOptions.CarMinutes car;
    /** Per driver and day, every precinct within the driver's limit that day. */
    private final Map<Volunteer, Map<LocalDate, List<PrecinctTravel>>> driverReach = new HashMap<>();

    RideReach(FieldPlan plan, TravelTimeMatrix travelTimes) {
        this.drivers = plan.getVolunteers().stream().filter(Volunteer::offersSeats).toList();
        this.travelTimes = travelTimes;
        this.car = RidePreparer.carMinutes(plan.getTravel());
    }

    /** The rider's own reach for the day, widened by every driver's who could pick them up; nearest first. */
    List<PrecinctTravel> widen(Volunteer rider, LocalDate day, List<PrecinctTravel> own) {
        if (drivers.isEmpty() || !rider.getCarpool().canRide() || rider.getHome() == null) {
            return own;
        }
        Map<Precinct, PrecinctTravel> reach = new LinkedHashMap<>();
        own.forEach(travel -> reach.put(travel.precinct(), travel));
        for (Volunteer driver : drivers) {
            if (driver == rider) {
                continue;
            }
            for (PrecinctTravel travel : reachOf(driver, day)) {
                Precinct precinct = travel.precinct();
                if (!reach.containsKey(precinct) && precinct.isWorthCanvassing()
                        && rider.hasSkills(precinct.getRequiredSkills())
                        && RidePreparer.detour(rider, driver, precinct, car) <= driver.getCarpool().detourMinutes()) {
                    reach.put(precinct, travel);
                }
            }
        }
        return new ArrayList<>(reach.values());
    }

    private List<PrecinctTravel> reachOf(Volunteer driver, LocalDate day) {
        return driverReach.computeIfAbsent(driver, d -> new HashMap<>())
                .computeIfAbsent(day, d -> travelTimes.within(driver, driver.travelLimitOn(d)));
    }
}
