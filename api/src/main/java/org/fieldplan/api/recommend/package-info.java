/**
 * Recommendations for one volunteer on a job's plan (the best few precinct-slots to offer them).
 * A thin controller over the solver's ShiftRecommender.
 */
package org.fieldplan.api.recommend;
