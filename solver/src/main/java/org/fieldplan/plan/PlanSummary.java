package org.fieldplan.plan;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.Volunteer;

/**
 * The figures a strategist reads first: score levels, expected net votes, how much of the offered time is used and
 * how far people travel. Expected votes are recomputed here from the vote model, not read back from the score.
 *
 * @param score the plan's score ("0hard/-3medium/812345soft"); null if not scored
 * @param hardScore 0 when feasible; each unit is one broken rule instance with default weights
 * @param deployment close-district shares of shifts and votes against their value share, volunteers deployed
 */
public record PlanSummary(
        String score,
        long hardScore,
        long mediumScore,
        double expectedNetVotes,
        int assignedShifts,
        int offeredShifts,
        int volunteersAssigned,
        int volunteersOfferingTime,
        int precinctsCovered,
        long totalTravelMinutes,
        double meanTravelMinutes,
        DeploymentFigures deployment) {

    public static PlanSummary of(FieldPlan plan) {
        Map<Precinct, Double> sumLog = logUncoveredByPrecinct(plan);
        Set<Volunteer> assigned = new HashSet<>();
        Set<Volunteer> offering = new HashSet<>();
        int assignedShifts = 0;
        int offeredShifts = 0;
        long travel = 0;
        for (Shift shift : plan.getShifts()) {
            if (shift.isVolunteerAvailable()) {
                offeredShifts++;
                offering.add(shift.getVolunteer());
            }
            if (shift.getPrecinct() != null) {
                assignedShifts++;
                assigned.add(shift.getVolunteer());
                travel += shift.getTravelMinutes();
            }
        }
        double votes = 0;
        for (Map.Entry<Precinct, Double> entry : sumLog.entrySet()) {
            votes += entry.getKey().expectedVotes(entry.getValue());
        }
        var score = plan.getScore();
        return new PlanSummary(score == null ? null : score.toString(), score == null ? 0 : score.hardScore(),
                score == null ? 0 : score.mediumScore(), votes, assignedShifts, offeredShifts, assigned.size(),
                offering.size(), sumLog.size(), travel, assignedShifts == 0 ? 0 : (double) travel / assignedShifts,
                DeploymentFigures.of(plan));
    }

    /**
     * Per precinct with at least one assigned shift, the sum of its shifts' log-uncovered terms: the precinct's
     * expected net votes are {@code precinct.expectedVotes(sum)}.
     */
    public static Map<Precinct, Double> logUncoveredByPrecinct(FieldPlan plan) {
        Map<Precinct, Double> sumLog = new IdentityHashMap<>();
        for (Shift shift : plan.getShifts()) {
            if (shift.getPrecinct() != null) {
                sumLog.merge(shift.getPrecinct(), shift.getLogUncoveredShare(), Double::sum);
            }
        }
        return sumLog;
    }
}
