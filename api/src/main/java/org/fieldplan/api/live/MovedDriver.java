package org.fieldplan.api.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.Volunteer;

/**
 * What becomes of a driver's riders when an organizer moves the driver's shift, by the carpool hard rules
 * (docs/model.md, "Carpools"): a rider whose team still meets where the driver's new team meets stays; a rider for whom
 * the driver's new precinct is a ride the rules allow (skills, pick-up detour, reach) comes along; the others are left
 * to a repair, as the riders of a driver who cancelled are.
 */
final class MovedDriver {

    /** The riders of the driver's shift, sorted by what happens to them. */
    record Riders(List<Shift> stay, List<Shift> comeAlong, List<Shift> left) {
    }

    private MovedDriver() {
    }

    /**
     * @param driver the driver's shift before the move
     * @param to where the driver now goes in the same slot; null when the driver leaves the slot (for another slot):
     *     then every rider is left to the repair
     */
    static Riders riders(FieldPlan plan, Shift driver, Precinct to) {
        List<Shift> stay = new ArrayList<>();
        List<Shift> comeAlong = new ArrayList<>();
        List<Shift> left = new ArrayList<>();
        Object meetingPlace = to == null ? null : to.getStaging() != null ? to.getStaging() : to;
        for (Shift shift : plan.getShifts()) {
            if (shift.getPrecinct() == null || shift.getRide() != driver.getVolunteer()
                    || shift.getSlot() != driver.getSlot()) {
                continue;
            }
            if (to == null) {
                left.add(shift);
            } else if (Objects.equals(shift.getMeetingPlace(), meetingPlace)) {
                stay.add(shift);
            } else if (mayRide(shift, driver.getVolunteer(), to)) {
                comeAlong.add(shift);
            } else {
                left.add(shift);
            }
        }
        return new Riders(stay, comeAlong, left);
    }

    /** The rider may work {@code to} riding with {@code driver}: the rules Skills, Pick-up detour and Rider's reach. */
    static boolean mayRide(Shift rider, Volunteer driver, Precinct to) {
        Volunteer volunteer = rider.getVolunteer();
        if (!volunteer.hasSkills(to.getRequiredSkills())) {
            return false;
        }
        Shift probe = new Shift(volunteer, rider.getSlot(), to, false);
        probe.setRide(driver);
        if (probe.getPickUpDetourMinutes() > driver.getCarpool().detourMinutes()) {
            return false;
        }
        var day = rider.getSlot().getDay();
        return probe.getOwnTravelMinutes() <= volunteer.travelLimitOn(day)
                || probe.getTravelMinutes() <= driver.travelLimitOn(day);
    }
}
