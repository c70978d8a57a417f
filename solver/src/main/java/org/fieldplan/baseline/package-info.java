/**
 * The greedy baseline: each volunteer-slot to the reachable precinct of highest marginal value, buddies
 * paired afterwards; the organizer's hand allocation every plan is compared with, and the solver's first phase.
 */
package org.fieldplan.baseline;
