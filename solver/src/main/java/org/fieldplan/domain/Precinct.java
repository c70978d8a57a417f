package org.fieldplan.domain;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.optaplanner.core.api.domain.lookup.PlanningId;

/**
 * A voting precinct: the turf canvassers are sent to.
 *
 * <p>The stated attributes come from the problem (election data); the derived ones
 * ({@link #getRemainingDoors()}, {@link #getDoorsPerHour()}, {@link #getFullCoverageVotes()}, …) are filled in by
 * {@link org.fieldplan.vote.MarginalVoteModel#apply} before solving and are what the constraints read.
 */
public final class Precinct {

    @PlanningId
    private final String id;
    private final String name;
    private final Geometry geometry;
    private final Point centroid;
    private final int registeredVoters;
    private final double expectedTurnout;
    private final double supportShare;
    private final List<String> districtIds;
    private final Double statedPivotality;
    private final Integer statedTargetDoors;
    private final Set<String> requiredLanguages;
    private final Set<Skill> requiredSkills;
    private final Integer statedCapacityPerSlot;
    private final Double statedDoorsPerHour;
    private final int doorsAlreadyKnocked;

    // Derived by MarginalVoteModel / ProblemPreparer.
    private int index = -1;
    private double areaKm2;
    private double pivotality;
    private int targetDoors;
    private int capacityPerSlot;
    private double doorsPerHour;
    private double remainingDoors;
    private double netVotesPerContact;
    private double fullCoverageVotes;
    /** Derived by ProblemPreparer when the region has staging locations: where this precinct's teams meet. */
    private StagingLocation staging;

    public Precinct(String id, String name, Geometry geometry, int registeredVoters, double expectedTurnout,
            double supportShare, List<String> districtIds, Double statedPivotality, Integer statedTargetDoors,
            Set<String> requiredLanguages, Set<Skill> requiredSkills, Integer statedCapacityPerSlot,
            Double statedDoorsPerHour, int doorsAlreadyKnocked) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = name == null ? id : name;
        this.geometry = geometry;
        this.centroid = geometry == null || geometry.isEmpty() ? null : geometry.getInteriorPoint();
        this.registeredVoters = registeredVoters;
        this.expectedTurnout = expectedTurnout;
        this.supportShare = supportShare;
        this.districtIds = districtIds == null ? List.of() : List.copyOf(districtIds);
        this.statedPivotality = statedPivotality;
        this.statedTargetDoors = statedTargetDoors;
        this.requiredLanguages = requiredLanguages == null ? Set.of() : Set.copyOf(requiredLanguages);
        this.requiredSkills = requiredSkills == null ? Set.of() : Set.copyOf(requiredSkills);
        this.statedCapacityPerSlot = statedCapacityPerSlot;
        this.statedDoorsPerHour = statedDoorsPerHour;
        this.doorsAlreadyKnocked = doorsAlreadyKnocked;
    }

    /** A copy with more doors knocked (field results), everything else stated the same. */
    public Precinct withDoorsAlreadyKnocked(int doors) {
        return new Precinct(id, name, geometry, registeredVoters, expectedTurnout, supportShare, districtIds,
                statedPivotality, statedTargetDoors, requiredLanguages, requiredSkills, statedCapacityPerSlot,
                statedDoorsPerHour, doors);
    }

    /**
     * A copy with {@code reported} more doors knocked (field reports), saturating at {@link Integer#MAX_VALUE}: a sum
     * of reports can never wrap to a negative count (remaining doors are floored at zero anyway).
     */
    public Precinct withMoreDoorsKnocked(long reported) {
        if (reported < 0) {
            throw new IllegalArgumentException("reported doors cannot be negative, was " + reported);
        }
        return withDoorsAlreadyKnocked((int) Math.min(Integer.MAX_VALUE, doorsAlreadyKnocked + reported));
    }

    // ---- expected-vote arithmetic used by the constraints (hot path: no allocation) ----

    /**
     * Natural log of the share of this precinct's remaining doors that one shift leaves unknocked:
     * ln(1 − a·d/D), with a the volunteer's attendance probability and d the doors the shift covers.
     * Summing these over the shifts gives the log of the expected unknocked share (independent coverage).
     */
    public double logUncoveredShare(double attendanceProbability, double shiftHours) {
        if (remainingDoors <= 0) {
            return 0.0;
        }
        double coveredShare = Math.min(MAX_SHIFT_SHARE, doorsPerHour * shiftHours / remainingDoors);
        return Math.log1p(-attendanceProbability * coveredShare);
    }

    /** Expected net votes of all shifts here, given the sum of their {@link #logUncoveredShare} terms. */
    public double expectedVotes(double sumLogUncoveredShare) {
        return fullCoverageVotes * -Math.expm1(sumLogUncoveredShare);
    }

    /**
     * Cap on the share of a precinct's remaining doors one shift can knock (see docs/model.md): a shift in a precinct
     * with fewer remaining doors than it could knock would cover all of them, ln(1 − 1) would be −∞ and the grouped
     * sum of logs could never be undone; at 0.999 one sure shift still gets 99.9% of the value.
     */
    public static final double MAX_SHIFT_SHARE = 0.999;

    // ---- stated ----

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Geometry getGeometry() {
        return geometry;
    }

    public Point getCentroid() {
        return centroid;
    }

    public int getRegisteredVoters() {
        return registeredVoters;
    }

    public double getExpectedTurnout() {
        return expectedTurnout;
    }

    public double getSupportShare() {
        return supportShare;
    }

    public List<String> getDistrictIds() {
        return districtIds;
    }

    public Double getStatedPivotality() {
        return statedPivotality;
    }

    public Integer getStatedTargetDoors() {
        return statedTargetDoors;
    }

    public Set<String> getRequiredLanguages() {
        return requiredLanguages;
    }

    public Set<Skill> getRequiredSkills() {
        return requiredSkills;
    }

    public Integer getStatedCapacityPerSlot() {
        return statedCapacityPerSlot;
    }

    public Double getStatedDoorsPerHour() {
        return statedDoorsPerHour;
    }

    public int getDoorsAlreadyKnocked() {
        return doorsAlreadyKnocked;
    }

    // ---- derived ----

    public int getIndex() {
        return index;
    }

    public double getAreaKm2() {
        return areaKm2;
    }

    public double getPivotality() {
        return pivotality;
    }

    public int getTargetDoors() {
        return targetDoors;
    }

    public int getCapacityPerSlot() {
        return capacityPerSlot;
    }

    /**
     * The canvassers one slot's team may have when {@code fixedMembers} of them can no longer move (the shift has
     * started, or an organizer locked it): the capacity, or the fixed members if they are more. A field report
     * lowers the capacity of the slots to come; it must not turn a team that already went out into a break, while
     * nobody may still join it.
     */
    public int capacityWith(int fixedMembers) {
        return Math.max(capacityPerSlot, fixedMembers);
    }

    public double getDoorsPerHour() {
        return doorsPerHour;
    }

    public double getRemainingDoors() {
        return remainingDoors;
    }

    public double getNetVotesPerContact() {
        return netVotesPerContact;
    }

    /** Expected net votes if every remaining door were knocked: w·contactRate·netVotesPerContact·D. */
    public double getFullCoverageVotes() {
        return fullCoverageVotes;
    }

    /**
     * Expected net votes of one sure shift of {@code shiftHours} here, alone: an upper bound of what one shift can add
     * (later shifts add less, and attendance below 1 less again).
     */
    public double oneShiftValue(double shiftHours) {
        if (remainingDoors <= 0) {
            return 0;
        }
        return fullCoverageVotes * Math.min(MAX_SHIFT_SHARE, doorsPerHour * shiftHours / remainingDoors);
    }

    public boolean isWorthCanvassing() {
        return fullCoverageVotes > 0 && capacityPerSlot > 0;
    }

    /** Sets everything the model derives; called once by the vote model before solving. */
    public void setDerived(int index, double areaKm2, double pivotality, int targetDoors, int capacityPerSlot,
            double doorsPerHour, double remainingDoors, double netVotesPerContact, double fullCoverageVotes) {
        this.index = index;
        this.areaKm2 = areaKm2;
        this.pivotality = pivotality;
        this.targetDoors = targetDoors;
        this.capacityPerSlot = capacityPerSlot;
        this.doorsPerHour = doorsPerHour;
        this.remainingDoors = remainingDoors;
        this.netVotesPerContact = netVotesPerContact;
        this.fullCoverageVotes = fullCoverageVotes;
    }

    /** The staging location this precinct's teams meet at (the nearest to it); null when the region has none. */
    public StagingLocation getStaging() {
        return staging;
    }

    public void setStaging(StagingLocation staging) {
        this.staging = staging;
    }

    @Override
    public String toString() {
        return id;
    }
}
