package org.fieldplan.domain;

import java.util.Objects;

/**
 * One line of a plan: volunteer in slot goes to precinct, riding with the volunteer {@code rideWith} (a driver, or
 * null: on their own). {@code pinned} assignments (past or started shifts, or confirmed by an organizer) are kept by
 * the solver.
 */
public record Assignment(String volunteerId, String slotId, String precinctId, boolean pinned, String rideWith) {

    public Assignment {
        Objects.requireNonNull(volunteerId, "volunteerId");
        Objects.requireNonNull(slotId, "slotId");
        Objects.requireNonNull(precinctId, "precinctId");
    }

    /** An assignment travelling on one's own. */
    public Assignment(String volunteerId, String slotId, String precinctId, boolean pinned) {
        this(volunteerId, slotId, precinctId, pinned, null);
    }
}
