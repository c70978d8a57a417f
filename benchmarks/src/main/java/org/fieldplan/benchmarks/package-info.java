/**
 * JMH micro-benchmarks (score calculation, construction, model parts, generator) and the OptaPlanner
 * benchmarker comparison of solver configurations.
 */
package org.fieldplan.benchmarks;
