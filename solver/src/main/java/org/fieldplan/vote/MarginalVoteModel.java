package org.fieldplan.vote;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fieldplan.domain.District;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.VoteModelParameters;

/**
 * Expected net votes from canvassing a precinct, with diminishing returns.
 *
 * <p>One shift of h hours covers d = doorsPerHour·h of the precinct's D remaining target doors. Shifts knock doors
 * independently at random, so k sure shifts reach D·(1 − (1 − d/D)^k) distinct doors and
 * V(k) = w · contactRate · votesPerContact·(2q − 1) · D·(1 − (1 − d/D)^k). A volunteer who shows up with probability
 * a knocks each door with probability a·d/D, so with attendance the expected value is exactly
 * c·(1 − Π(1 − aᵢ·dᵢ/D)), which is V(k) when every aᵢ = 1. See {@code docs/model.md}.
 */
public final class MarginalVoteModel {

    private static final double KM_PER_DEGREE_LATITUDE = 110.574;
    /** The district of precincts that name none: no stated district id can be this. */
    private static final String WHOLE_REGION = "\u0000whole region";
    private static final double KM_PER_DEGREE_LONGITUDE_AT_EQUATOR = 111.320;

    private final VoteModelParameters parameters;

    public MarginalVoteModel(VoteModelParameters parameters) {
        this.parameters = parameters;
    }

    /**
     * Derives every precinct's doors, productivity, capacity, pivotality and value constant. Precincts get their
     * position in the list as index.
     *
     * @param districts stated district forecasts; districts a precinct names but that are not stated here get the
     *        turnout-weighted support of their precincts
     */
    public void apply(List<Precinct> precincts, Collection<District> districts) {
        Map<String, Double> districtShare = districtSupportShares(precincts, districts);
        for (int i = 0; i < precincts.size(); i++) {
            Precinct precinct = precincts.get(i);
            double areaKm2 = areaKm2(precinct);
            double doorsPerHour = precinct.getStatedDoorsPerHour() != null
                    ? precinct.getStatedDoorsPerHour()
                    : doorsPerHour(areaKm2 > 0 ? precinct.getRegisteredVoters() / areaKm2 : 0);
            int targetDoors = precinct.getStatedTargetDoors() != null
                    ? precinct.getStatedTargetDoors()
                    : targetDoors(precinct.getRegisteredVoters(), precinct.getExpectedTurnout());
            double remainingDoors = Math.max(0, targetDoors - precinct.getDoorsAlreadyKnocked());
            int capacity = precinct.getStatedCapacityPerSlot() != null
                    ? precinct.getStatedCapacityPerSlot()
                    : capacityPerSlot(remainingDoors, doorsPerHour);
            double pivotality = precinct.getStatedPivotality() != null
                    ? precinct.getStatedPivotality()
                    : pivotality(precinct, districtShare);
            double netVotesPerContact = netVotesPerContact(precinct.getSupportShare());
            double fullCoverageVotes = pivotality * parameters.contactRate() * netVotesPerContact * remainingDoors;
            precinct.setDerived(i, areaKm2, pivotality, targetDoors, capacity, doorsPerHour, remainingDoors,
                    netVotesPerContact, fullCoverageVotes);
        }
    }

    /** Net votes per contact: votesPerContact·(2q − 1); negative where we are behind (q &lt; ½). */
    public double netVotesPerContact(double supportShare) {
        return parameters.votesPerContact() * (2 * supportShare - 1);
    }

    /** Target doors from registered non-voters: registered·(1 − turnout) / registeredVotersPerDoor. */
    public int targetDoors(int registeredVoters, double expectedTurnout) {
        return (int) Math.round(registeredVoters * (1 - expectedTurnout) / parameters.registeredVotersPerDoor());
    }

    /**
     * Doors per canvasser-hour by density: the suburban rate at or below the suburban density, the dense rate at or
     * above the dense density, log-linear in between.
     */
    public double doorsPerHour(double registeredPerKm2) {
        double low = Math.log(parameters.suburbanVotersPerKm2());
        double high = Math.log(parameters.denseVotersPerKm2());
        double t = registeredPerKm2 <= 0 ? 0 : (Math.log(registeredPerKm2) - low) / (high - low);
        t = Math.max(0, Math.min(1, t));
        return parameters.suburbanDoorsPerHour() + t * (parameters.denseDoorsPerHour() - parameters.suburbanDoorsPerHour());
    }

    /**
     * How many canvassers one slot can use: the standard shifts its remaining doors fill, at least 2 (a pair) when
     * any doors remain, at most {@code maxCanvassersPerSlot}.
     */
    public int capacityPerSlot(double remainingDoors, double doorsPerHour) {
        if (remainingDoors < 1) {
            return 0;
        }
        int shiftsOfDoors = (int) Math.floor(remainingDoors / (doorsPerHour * parameters.standardShiftHours()));
        return Math.max(2, Math.min(parameters.maxCanvassersPerSlot(), shiftsOfDoors));
    }

    /**
     * Pivotality weight from district closeness: the most pivotal of the precinct's districts, each
     * exp(−m²/2σ²) with m = 2s − 1 its forecast margin. 50/50 → 1; 55/45 → 0.61; 70/30 → 0.0003 (σ = 0.10).
     */
    public double pivotality(double districtSupportShare) {
        double margin = 2 * districtSupportShare - 1;
        double sigma = parameters.pivotalitySigma();
        return Math.exp(-margin * margin / (2 * sigma * sigma));
    }

    private double pivotality(Precinct precinct, Map<String, Double> districtShare) {
        if (precinct.getDistrictIds().isEmpty()) {
            return pivotality(districtShare.getOrDefault(WHOLE_REGION, 0.5));
        }
        double best = 0;
        for (String districtId : precinct.getDistrictIds()) {
            best = Math.max(best, pivotality(districtShare.getOrDefault(districtId, 0.5)));
        }
        return best;
    }

    /** V(k): expected net votes of k sure shifts each covering d of the D remaining doors. */
    public static double votesOfShifts(double fullCoverageVotes, double doorsPerShift, double remainingDoors, int k) {
        if (remainingDoors <= 0) {
            return 0;
        }
        double share = Math.min(1, doorsPerShift / remainingDoors);
        return fullCoverageVotes * (1 - Math.pow(1 - share, k));
    }

    /** Expected net votes of the given shifts (attendance probability, hours) in the precinct. */
    public static double expectedVotes(Precinct precinct, double[] attendance, double[] hours) {
        double sumLog = 0;
        for (int i = 0; i < attendance.length; i++) {
            sumLog += precinct.logUncoveredShare(attendance[i], hours[i]);
        }
        return precinct.expectedVotes(sumLog);
    }

    /**
     * The value one more shift adds to a precinct already holding shifts whose log-uncovered terms sum to
     * {@code sumLogUncoveredShare}.
     */
    public static double marginalVotes(Precinct precinct, double sumLogUncoveredShare, double attendance,
            double hours) {
        double after = sumLogUncoveredShare + precinct.logUncoveredShare(attendance, hours);
        return precinct.expectedVotes(after) - precinct.expectedVotes(sumLogUncoveredShare);
    }

    /** Planar area of a lon/lat geometry in km², projected at its own latitude (accurate to &lt;1% per precinct). */
    public static double areaKm2(Precinct precinct) {
        if (precinct.getGeometry() == null || precinct.getCentroid() == null) {
            return 0;
        }
        double latitude = Math.toRadians(precinct.getCentroid().getY());
        return precinct.getGeometry().getArea() * KM_PER_DEGREE_LATITUDE
                * KM_PER_DEGREE_LONGITUDE_AT_EQUATOR * Math.cos(latitude);
    }

    /**
     * The ballot-weighted support share of the race the precincts' support was taken from, over all of them: the
     * closeness that weighs precincts without districts. 0.5 without ballots.
     */
    public static double regionWideSupportShare(List<Precinct> precincts) {
        double ours = 0;
        double ballots = 0;
        for (Precinct precinct : precincts) {
            double cast = precinct.getRegisteredVoters() * precinct.getExpectedTurnout();
            ours += cast * precinct.getSupportShare();
            ballots += cast;
        }
        return ballots > 0 ? ours / ballots : 0.5;
    }

    private static Map<String, Double> districtSupportShares(List<Precinct> precincts,
            Collection<District> stated) {
        Map<String, double[]> sums = new HashMap<>();
        for (Precinct precinct : precincts) {
            double ballots = precinct.getRegisteredVoters() * precinct.getExpectedTurnout();
            // Precincts without districts form one: the mapped race over the whole region.
            List<String> districtIds = precinct.getDistrictIds().isEmpty() ? List.of(WHOLE_REGION)
                    : precinct.getDistrictIds();
            for (String districtId : districtIds) {
                double[] sum = sums.computeIfAbsent(districtId, id -> new double[2]);
                sum[0] += ballots * precinct.getSupportShare();
                sum[1] += ballots;
            }
        }
        Map<String, Double> shares = new HashMap<>();
        sums.forEach((id, sum) -> shares.put(id, sum[1] > 0 ? sum[0] / sum[1] : 0.5));
        if (stated != null) {
            stated.forEach(district -> shares.put(district.id(), district.expectedSupportShare()));
        }
        return shares;
    }
}
