package org.fieldplan.domain;

/**
 * A volunteer's carpool terms. A driver (travel mode {@link TravelMode#CAR}) offers {@code seats} free seats (0: none)
 * and picks riders up at their homes if that lengthens the trip to the meeting point by at most
 * {@code detourMinutes}; a volunteer with {@code canRide} accepts a seat in someone else's car. The plan decides who
 * rides with whom ({@link Shift#getRide()}). {@code ProblemValidator} reports negative values and seats offered
 * without a car.
 */
public record Carpool(int seats, int detourMinutes, boolean canRide) {

    /** No seats offered, no ride wanted: the volunteer travels on their own. */
    public static final Carpool NONE = new Carpool(0, 0, false);
}
