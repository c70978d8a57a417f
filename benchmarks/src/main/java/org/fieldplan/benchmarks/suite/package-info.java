/**
 * The tracked benchmark suite (generated and real regions): runs, result files, the stored baseline,
 * regression thresholds, the compare command and its charts.
 */
package org.fieldplan.benchmarks.suite;
