package org.fieldplan.data.travel.road;

import org.fieldplan.domain.TravelMode;

/**
 * The road profiles a volunteer's travel mode is routed on. Transit has no timetable here: it is approximated by
 * the car route's road distance at transit's door-to-door speed (waits included, {@code TravelParameters.transitKmh}),
 * which keeps rivers, bridges and highways out of the straight line without pretending to know bus times.
 */
public enum RoadProfile {
    CAR("car"),
    BIKE("bike"),
    FOOT("foot");

    private final String profileName;

    RoadProfile(String profileName) {
        this.profileName = profileName;
    }

    /** GraphHopper's profile, and its bundled custom model {@code <name>.json}. */
    String profileName() {
        return profileName;
    }

    static RoadProfile of(TravelMode mode) {
        return switch (mode) {
            case WALK -> FOOT;
            case BIKE -> BIKE;
            case CAR, TRANSIT -> CAR;
        };
    }
}
