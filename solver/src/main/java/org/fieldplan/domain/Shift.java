package org.fieldplan.domain;

import java.util.List;
import java.util.Objects;

import org.locationtech.jts.geom.Point;
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

    @PlanningVariable(nullable = true, valueRangeProviderRefs = "precinctRange")
    private Precinct precinct;

    /**
     * The driver this volunteer rides with in this slot, or null (they travel on their own). The driver's shift of the
     * same slot goes to the same meeting point ({@link #getMeetingPoint()}); see docs/model.md, "Carpools".
     */
    @PlanningVariable(nullable = true, valueRangeProviderRefs = "candidateDrivers")
    private Volunteer ride;

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
        copy.ride = ride;
        copy.pinned = pinned;
        copy.volunteerAvailable = volunteerAvailable;
        return copy;
    }

    /** The precincts the volunteer reaches on their own in this slot (within their limit, or a deployment's). */
    public List<Precinct> getCandidatePrecincts() {
        return volunteer.candidatePrecinctsFor(slot);
    }

    /** A new shift with the same volunteer, slot, precinct and ride, pinned or not (e.g. frozen for a repair). */
    public Shift withPin(boolean newPinned) {
        Shift copy = new Shift(volunteer, slot, precinct, newPinned);
        copy.ride = ride;
        return copy;
    }

    /** The precinct variable's values: the own candidates, and those reachable riding with a candidate driver. */
    @ValueRangeProvider(id = "precinctRange")
    public List<Precinct> getPrecinctRange() {
        return volunteer.precinctRangeFor(slot);
    }

    @ValueRangeProvider(id = "candidateDrivers")
    public List<Volunteer> getCandidateDrivers() {
        return volunteer.getCandidateDrivers();
    }

    /** One-way travel minutes to the assigned precinct, the driver's when riding; 0 when unassigned. */
    public int getTravelMinutes() {
        if (precinct == null) {
            return 0;
        }
        return ride == null ? volunteer.travelMinutesTo(precinct) : ride.travelMinutesTo(precinct);
    }

    /** One-way minutes to the assigned precinct travelling on their own; 0 when unassigned. */
    public int getOwnTravelMinutes() {
        return precinct == null ? 0 : volunteer.travelMinutesTo(precinct);
    }

    /** Beyond the volunteer's everyday limit on their own trip: made possible by a deployment offer for the date. */
    public boolean isDeployed() {
        return ride == null && getTravelMinutes() > volunteer.getMaxTravelMinutes();
    }

    /**
     * Where the volunteer's car goes: the precinct's staging location when it has one, else the precinct; a rider
     * and their driver go to the same one. Null when unassigned.
     */
    public Object getMeetingPlace() {
        return precinct == null ? null : precinct.getStaging() != null ? precinct.getStaging() : precinct;
    }

    /** The point of {@link #getMeetingPlace()}: the staging location's, else the precinct's centroid. */
    public Point getMeetingPoint() {
        return precinct.getStaging() != null ? precinct.getStaging().point() : precinct.getCentroid();
    }

    /** Minutes the driver's trip grows by picking this rider up; 0 when not riding or unassigned. */
    public double getPickUpDetourMinutes() {
        return ride == null || precinct == null ? 0 : volunteer.pickUpDetourMinutes(ride, getMeetingPoint());
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

    public Volunteer getRide() {
        return ride;
    }

    public void setRide(Volunteer ride) {
        this.ride = ride;
    }

    public boolean isPinned() {
        return pinned;
    }

    public void setPinned(boolean pinned) {
        this.pinned = pinned;
    }

    @Override
    public String toString() {
        return id + "->" + precinct + (ride == null ? "" : " with " + ride.getId());
    }
}
