/**
 * The OptaPlanner model around the domain: constraints, the pair, team and ruin-and-recreate moves, the
 * solver configuration, problem preparation (candidates, shifts), the solver and the SolverPool that runs many.
 */
package org.fieldplan.solver;
