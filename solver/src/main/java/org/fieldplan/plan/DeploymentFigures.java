package org.fieldplan.plan;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.TravelMode;
import org.fieldplan.domain.Volunteer;

/**
 * Whether a plan focuses volunteers where races are close: the share of its shifts and of its expected votes in
 * close-district precincts against their share of the value there is to win, and how many volunteers it deploys.
 * A precinct is in a close district when its pivotality weight is at least {@link #CLOSE_PIVOTALITY} (a forecast
 * margin within about ±12 points at σ = 0.10). The value share weighs every precinct worth canvassing by its
 * full-coverage votes c_p.
 *
 * @param closeValueShare close precincts' share of Σ c_p over precincts worth canvassing; 0 when there are none
 * @param closeShiftShare close precincts' share of the plan's assigned shifts
 * @param closeVoteShare close precincts' share of the plan's expected net votes
 * @param volunteersDeployed volunteers with at least one shift beyond their everyday travel limit
 * @param deployedShifts shifts beyond the volunteer's everyday travel limit (made possible by a deployment offer)
 * @param seatsUsed shifts riding in another volunteer's car (a seat in one slot each)
 * @param carMinutes minutes of driving, there and back, of the shifts travelling by car on their own (drivers
 *     included, riders not)
 */
public record DeploymentFigures(double closeValueShare, double closeShiftShare, double closeVoteShare,
        int volunteersDeployed, int deployedShifts, int seatsUsed, long carMinutes) {

    /** Figures of a plan without carpools or car-minutes counted. */
    public DeploymentFigures(double closeValueShare, double closeShiftShare, double closeVoteShare,
            int volunteersDeployed, int deployedShifts) {
        this(closeValueShare, closeShiftShare, closeVoteShare, volunteersDeployed, deployedShifts, 0, 0);
    }

    /** Pivotality at or above which a precinct counts as in a close district. */
    public static final double CLOSE_PIVOTALITY = 0.5;

    public static DeploymentFigures of(FieldPlan plan) {
        double value = 0;
        double closeValue = 0;
        for (Precinct precinct : plan.getPrecincts()) {
            if (precinct.isWorthCanvassing()) {
                value += precinct.getFullCoverageVotes();
                closeValue += isClose(precinct) ? precinct.getFullCoverageVotes() : 0;
            }
        }
        int shifts = 0;
        int closeShifts = 0;
        int deployedShifts = 0;
        int seatsUsed = 0;
        long carMinutes = 0;
        Set<Volunteer> deployed = new HashSet<>();
        for (Shift shift : plan.getShifts()) {
            if (shift.getPrecinct() != null) {
                shifts++;
                closeShifts += isClose(shift.getPrecinct()) ? 1 : 0;
                if (shift.isDeployed()) {
                    deployedShifts++;
                    deployed.add(shift.getVolunteer());
                }
                if (shift.getRide() != null) {
                    seatsUsed++;
                } else if (shift.getVolunteer().getTravelMode() == TravelMode.CAR) {
                    carMinutes += 2L * shift.getTravelMinutes();
                }
            }
        }
        double votes = 0;
        double closeVotes = 0;
        for (Map.Entry<Precinct, Double> entry : PlanSummary.logUncoveredByPrecinct(plan).entrySet()) {
            double precinctVotes = entry.getKey().expectedVotes(entry.getValue());
            votes += precinctVotes;
            closeVotes += isClose(entry.getKey()) ? precinctVotes : 0;
        }
        return new DeploymentFigures(share(closeValue, value), share(closeShifts, shifts), share(closeVotes, votes),
                deployed.size(), deployedShifts, seatsUsed, carMinutes);
    }

    public static boolean isClose(Precinct precinct) {
        return precinct.getPivotality() >= CLOSE_PIVOTALITY;
    }

    private static double share(double part, double whole) {
        return whole <= 0 ? 0 : part / whole;
    }
}
