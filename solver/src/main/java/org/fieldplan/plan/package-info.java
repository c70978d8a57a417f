/**
 * A solved plan as written and compared: the plan document (assignments, summary, greedy baseline, run),
 * plan summaries and figure-by-figure comparisons of two plans of one problem.
 */
package org.fieldplan.plan;
