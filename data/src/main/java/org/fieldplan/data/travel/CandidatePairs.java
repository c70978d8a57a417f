package org.fieldplan.data.travel;

import org.fieldplan.domain.FieldPlanProblem;

/**
 * Finds, for each volunteer of a problem, the precincts of that problem within the volunteer's own travel limit,
 * with travel minutes as {@link org.fieldplan.travel.GreatCircleTravelTimeMatrix} estimates them (great-circle
 * distance to the precinct's interior point × road-detour factor ÷ the mode's speed). The result feeds
 * {@link org.fieldplan.solver.ProblemPreparer#prepare(FieldPlanProblem, org.fieldplan.travel.TravelTimeMatrix)}.
 * Implementations: {@link InMemoryCandidatePairs}, {@link PostgisCandidatePairs}; they agree pair for pair.
 */
public interface CandidatePairs {

    /**
     * @param regionId the stored region the problem was built from (the PostGIS implementation searches its tables)
     */
    SparseTravelTimeMatrix compute(String regionId, FieldPlanProblem problem);
}
