package org.fieldplan.domain;

import java.util.List;
import java.util.Objects;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.entity.PlanningPin;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/**
 * One volunteer in one time slot they offered. The solver decides the precinct they canvass then, or none
 * ({@code null}: the volunteer is not sent out in that slot).
 *
 * <p>The candidate precincts are the volunteer's own reachable, servable precincts, so the search space grows
 * with shifts × (a few dozen candidates), not shifts × all precincts.
 */
@PlanningEntity
public final class Shift {

    @PlanningId
    private String id;
    private Volunteer volunteer;
    private TimeSlot slot;

    @PlanningVariable(nullable = true, valueRangeProviderRefs = "candidatePrecincts")
    private Precinct precinct;

    /** Whether an availability window covers the slot; fixed per shift, so computed once rather than per move. */
    private boolean volunteerAvailable;

    /** Pinned shifts (past, started or confirmed by an organizer) are never changed by the solver. */
    @PlanningPin
    private boolean pinned;

    /** For OptaPlanner's cloning. */
    public Shift() {
    }

    public Shift(Volunteer volunteer, TimeSlot slot) {
        this(volunteer, slot, null, false);
    }

    public Shift(Volunteer volunteer, TimeSlot slot, Precinct precinct, boolean pinned) {
        this.volunteer = Objects.requireNonNull(volunteer, "volunteer");
        this.slot = Objects.requireNonNull(slot, "slot");
        this.id = volunteer.getId() + "@" + slot.getId();
        this.precinct = precinct;
        this.pinned = pinned;
        this.volunteerAvailable = volunteer.isAvailableFor(slot);
    }

    /** A planning clone: same volunteer, slot, precinct and pin, without re-deriving availability. */
    Shift copy() {
        Shift copy = new Shift();
        copy.id = id;
        copy.volunteer = volunteer;
        copy.slot = slot;
        copy.precinct = precinct;
        copy.pinned = pinned;
        copy.volunteerAvailable = volunteerAvailable;
        return copy;
    }

    @ValueRangeProvider(id = "candidatePrecincts")
    public List<Precinct> getCandidatePrecincts() {
        return volunteer.candidatePrecinctsFor(slot);
    }

    /** One-way travel minutes to the assigned precinct; 0 when unassigned. */
    public int getTravelMinutes() {
        return precinct == null ? 0 : volunteer.travelMinutesTo(precinct);
    }

    /** Beyond the volunteer's everyday limit: made possible by a deployment offer for the slot's date. */
    public boolean isDeployed() {
        return getTravelMinutes() > volunteer.getMaxTravelMinutes();
    }

    /** This shift's term in the precinct's expected-coverage product (see {@link Precinct#logUncoveredShare}). */
    public double getLogUncoveredShare() {
        return getLogUncoveredShareAt(precinct);
    }

    /** The same term if this shift were at {@code somePrecinct}. */
    public double getLogUncoveredShareAt(Precinct somePrecinct) {
        return somePrecinct.logUncoveredShare(volunteer.getAttendanceProbability(), slot.getHours());
    }

    /** The precinct-slot whose team this shift belongs to ("P0001@2026-10-31-am"); requires a precinct. */
    public String getTeamKey() {
        return precinct.getId() + "@" + slot.getId();
    }

    public boolean isVolunteerAvailable() {
        return volunteerAvailable;
    }

    public String getId() {
        return id;
    }

    public Volunteer getVolunteer() {
        return volunteer;
    }

    public TimeSlot getSlot() {
        return slot;
    }

    public Precinct getPrecinct() {
        return precinct;
    }

    public void setPrecinct(Precinct precinct) {
        this.precinct = precinct;
    }

    public boolean isPinned() {
        return pinned;
    }

    public void setPinned(boolean pinned) {
        this.pinned = pinned;
    }

    @Override
    public String toString() {
        return id + "->" + precinct;
    }
}
