package org.fieldplan.benchmarks.optimum;

import java.util.List;

import org.fieldplan.benchmarks.suite.SuiteResult.Machine;

/**
 * The result file of {@link OptimumComparison}: FieldPlan and the greedy baseline against CP-SAT on generated
 * instances with uniform attendance. Objectives are soft scores in micro-votes (the whole objective: votes minus the
 * tie-breakers); percentages are of CP-SAT's objective, which is the optimum where {@code cpSatStatus} is OPTIMAL.
 *
 * @param loadAverageAtStart the machine's one-minute load average when the run began (other builds share it)
 */
public record ComparisonResult(String commit, String date, Machine machine, double loadAverageAtStart,
        double loadAverageAtEnd, String command, int cpSatSeconds, int cpSatWorkers, int fieldPlanSeconds,
        List<InstanceResult> instances) {

    /**
     * One instance.
     *
     * @param size e.g. "10x20" (precincts × volunteers) or "S"
     * @param cpSatObjective CP-SAT's best plan's objective; null if it found none
     * @param cpSatBound CP-SAT's proved upper bound on the objective
     * @param cpSatPlanAgrees FieldPlan scores CP-SAT's best plan 0 hard with CP-SAT's objective
     * @param fieldPlanSoft FieldPlan's best 0-hard soft score after each of {@code checkpointSeconds}; null where it
     *        had no feasible plan yet
     * @param fieldPlanPlanAgrees the CP-SAT model, fixed to FieldPlan's final plan, gives FieldPlan's soft score
     * @param fieldPlanPercent {@code fieldPlanSoft} as % of CP-SAT's objective
     * @param fieldPlanPercentOfBound FieldPlan's final soft score as % of CP-SAT's bound (a lower bound on the
     *        share of the optimum it reached)
     */
    public record InstanceResult(String size, long seed, int precincts, int volunteers, int shifts,
            String cpSatStatus, Long cpSatObjective, Long cpSatBound, double cpSatSeconds, double cpSatVotes,
            boolean cpSatPlanAgrees, long greedySoft, double greedyVotes, Double greedyPercent,
            List<Integer> checkpointSeconds, List<Long> fieldPlanSoft, double fieldPlanVotes,
            boolean fieldPlanPlanAgrees, List<Double> fieldPlanPercent, Double fieldPlanPercentOfBound) {

        public boolean isProvenOptimal() {
            return "OPTIMAL".equals(cpSatStatus);
        }
    }
}
