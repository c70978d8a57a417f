package org.fieldplan.solver;

import org.fieldplan.domain.FieldPlan;

/**
 * The best plan a solver run found and how the run went.
 *
 * @param millisToFirstFeasible time from start to the first best plan with no hard violation; -1 if none
 * @param scoreCalculationSpeed incremental score calculations per second over the whole run
 */
public record SolveResult(FieldPlan plan, long millisSpent, long millisToFirstFeasible, long scoreCalculationSpeed) {
}
