/**
 * The planning domain: precincts, volunteers, time slots, districts, shifts (the planning entity) and the
 * plan (the OptaPlanner solution) with its weights; what the vote and travel models and the solver compute from.
 */
package org.fieldplan.domain;
