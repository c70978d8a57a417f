package org.fieldplan.domain;

import java.util.Objects;

/**
 * One line of a plan: volunteer in slot goes to precinct. {@code pinned} assignments (past or started shifts, or
 * confirmed by an organizer) are kept by the solver.
 */
public record Assignment(String volunteerId, String slotId, String precinctId, boolean pinned) {

    public Assignment {
        Objects.requireNonNull(volunteerId, "volunteerId");
        Objects.requireNonNull(slotId, "slotId");
        Objects.requireNonNull(precinctId, "precinctId");
    }
}
