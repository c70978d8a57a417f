package org.fieldplan.domain;


/**
 * Speeds and search limits for the default great-circle travel estimate.
 *
 * @param roadDetourFactor road distance ÷ straight-line distance (typically 1.2–1.4)
 * @param walkKmh walking speed
 * @param bikeKmh cycling speed
 * @param transitKmh door-to-door transit speed including waits
 * @param carKmh average driving speed on local roads including parking
 * @param maxCandidatesPerVolunteer how many servable precincts a volunteer's shifts may choose from (the nearest few
 *     and the most valuable, see {@code ProblemPreparer.candidates})
 */
public record TravelParameters(
        double roadDetourFactor,
        double walkKmh,
        double bikeKmh,
        double transitKmh,
        double carKmh,
        int maxCandidatesPerVolunteer) {

    public static final TravelParameters DEFAULTS = new TravelParameters(1.3, 4.8, 15, 18, 40, 40);

    public double speedKmh(TravelMode mode) {
        return switch (mode) {
            case WALK -> walkKmh;
            case BIKE -> bikeKmh;
            case TRANSIT -> transitKmh;
            case CAR -> carKmh;
        };
    }
}
