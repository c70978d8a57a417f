package org.fieldplan.api.signups;

import java.util.List;

import org.fieldplan.domain.Carpool;
import org.fieldplan.domain.TravelMode;
import org.fieldplan.validation.ValidationError;

/**
 * The sign-up form's optional carpool offer, as {@link Carpool} and the volunteer CSV's carpool columns: free seats
 * (only travelling by car), the detour limit that goes with them, and whether the volunteer accepts a ride.
 */
final class SignUpCarpool {

    /** More free seats than a people carrier has is a typo. */
    static final int MAX_SEATS = 8;
    /** Minutes out of the driver's way to pick a rider up. */
    static final int MAX_DETOUR_MINUTES = 60;

    private SignUpCarpool() {
    }

    /** The offer ({@link Carpool#NONE} when none was made or it has errors, added to {@code errors}). */
    static Carpool check(SignUpRequests.Carpool given, TravelMode mode, List<ValidationError> errors) {
        if (given == null) {
            return Carpool.NONE;
        }
        int before = errors.size();
        int seats = given.seats() == null ? 0 : given.seats();
        if (seats < 0 || seats > MAX_SEATS) {
            errors.add(new ValidationError("carpool.seats", "must be 0 to " + MAX_SEATS + " free seats"));
        } else if (seats > 0 && mode != TravelMode.CAR) {
            errors.add(new ValidationError("carpool.seats", "only a volunteer who travels by CAR can offer seats, "
                    + "travelMode is " + mode));
        }
        Integer detour = given.detourMinutes();
        if (seats > 0 && (detour == null || detour < 0 || detour > MAX_DETOUR_MINUTES)) {
            errors.add(new ValidationError("carpool.detourMinutes", "is required with seats: 0 to "
                    + MAX_DETOUR_MINUTES + " minutes out of your way to pick a rider up"));
        } else if (seats == 0 && detour != null && detour != 0) {
            errors.add(new ValidationError("carpool.detourMinutes", "goes with seats: offer seats, or leave it out"));
        }
        if (errors.size() > before) {
            return Carpool.NONE;
        }
        Carpool carpool = new Carpool(seats, seats > 0 ? detour : 0, Boolean.TRUE.equals(given.canRide()));
        return carpool.equals(Carpool.NONE) ? Carpool.NONE : carpool;
    }
}
