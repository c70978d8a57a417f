package org.fieldplan.benchmarks.optimum;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;

/**
 * What one CP-SAT solve found.
 *
 * @param status CP-SAT's status: OPTIMAL (proved), FEASIBLE (a plan, not proved), INFEASIBLE or UNKNOWN
 * @param objective the best plan's soft score in micro-votes; null when no plan was found
 * @param bound the best upper bound on the objective CP-SAT proved; null when no plan was found
 * @param wallSeconds time the solve took
 * @param assignments the best plan: precinct id by shift id, for assigned shifts only
 */
public record CpSatResult(String status, Long objective, Long bound, double wallSeconds,
        Map<String, String> assignments) {

    static CpSatResult infeasible() {
        return new CpSatResult("INFEASIBLE", null, null, 0, Map.of());
    }

    public boolean isOptimal() {
        return "OPTIMAL".equals(status);
    }

    public boolean isFeasible() {
        return objective != null;
    }

    /** The best plan as a FieldPlan of the same problem (a copy of {@code problem} with these assignments). */
    public FieldPlan applyTo(FieldPlan problem) {
        Map<String, Precinct> precinctsById = new HashMap<>();
        problem.getPrecincts().forEach(precinct -> precinctsById.put(precinct.getId(), precinct));
        FieldPlan plan = problem.copyUnassigned();
        List<Shift> shifts = plan.getShifts();
        shifts.forEach(shift -> shift.setPrecinct(precinctsById.get(assignments.get(shift.getId()))));
        return plan;
    }
}
