/**
 * Why a plan is as it is: per-constraint totals and per precinct or volunteer explanations in words,
 * from OptaPlanner's score explanation.
 */
package org.fieldplan.api.explain;
