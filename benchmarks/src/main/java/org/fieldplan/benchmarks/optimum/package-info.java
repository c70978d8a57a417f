/**
 * Proven optima of small instances with CP-SAT (OR-Tools) and FieldPlan's gap to them over time,
 * on generated and real regions.
 */
package org.fieldplan.benchmarks.optimum;
