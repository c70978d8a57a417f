package org.fieldplan.api.explain;

import java.util.List;

/**
 * Why a plan looks as it does.
 *
 * @param constraints every constraint's total, most negative first
 * @param precincts per precinct asked about (or every precinct), a human-readable why
 * @param volunteers per volunteer asked about (or every volunteer), a human-readable why
 */
public record Explanation(String jobId, String score, List<ConstraintTotal> constraints, List<Why> precincts,
        List<Why> volunteers) {

    /** A constraint's contribution to the score and how many times it matched. */
    public record ConstraintTotal(String constraint, String score, int matches) {
    }

    /**
     * @param reasons one sentence each, e.g. "gets no one: support 38%, turnout work there loses votes"
     * @param constraints the constraints that score this precinct or volunteer, with their share of the score
     */
    public record Why(String id, List<String> reasons, List<ConstraintTotal> constraints) {
    }
}
