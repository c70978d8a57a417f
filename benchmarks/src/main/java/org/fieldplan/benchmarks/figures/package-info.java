/**
 * The figures of docs/benchmarks.md: rows measured by the suite, refreshed into the document
 * in place.
 */
package org.fieldplan.benchmarks.figures;
