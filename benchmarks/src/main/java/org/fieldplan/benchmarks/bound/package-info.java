/**
 * The true upper bound on expected votes: a max-gain flow relaxation (OR-Tools min-cost flow)
 * that benchmark plans are reported as a percentage of.
 */
package org.fieldplan.benchmarks.bound;
