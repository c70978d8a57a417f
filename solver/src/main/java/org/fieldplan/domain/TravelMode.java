package org.fieldplan.domain;

/** How a volunteer gets to their turf; each mode has its own speed and the volunteer states a time limit. */
public enum TravelMode {
    WALK,
    BIKE,
    TRANSIT,
    CAR
}
