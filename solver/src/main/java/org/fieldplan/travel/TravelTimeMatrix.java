package org.fieldplan.travel;

import java.util.List;

import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Volunteer;

/**
 * One-way travel times from volunteers' homes to precincts by each volunteer's own mode. Implementations: the
 * default {@link GreatCircleTravelTimeMatrix}; a sparse matrix of precomputed pairs (PostGIS); minutes stated with the
 * problem ({@link StatedTravelTimeMatrix}, e.g. computed over a road network by the data layer).
 */
public interface TravelTimeMatrix {

    /** Minutes from the volunteer's home to the precinct, or {@link Double#POSITIVE_INFINITY} if unknown. */
    double minutes(Volunteer volunteer, Precinct precinct);

    /** Every precinct reachable within {@code maxMinutes}, quickest first. */
    List<PrecinctTravel> within(Volunteer volunteer, double maxMinutes);
}
