/**
 * Comparison of two jobs' best plans figure by figure (same problem only).
 * A thin controller over the solver's plan comparison.
 */
package org.fieldplan.api.compare;
