/**
 * FieldPlan against optima CP-SAT already proved: regenerates each proven instance and reports the
 * best feasible score after 1 s, 10 s and the limit as a percentage of it.
 */
package org.fieldplan.benchmarks.quality;
