package org.fieldplan.travel;

import org.fieldplan.domain.Precinct;

/** A precinct and the one-way travel time to it from some volunteer's home, in minutes. */
public record PrecinctTravel(Precinct precinct, double minutes) {
}
