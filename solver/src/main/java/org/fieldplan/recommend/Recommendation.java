package org.fieldplan.recommend;

import java.time.LocalDateTime;

/**
 * One precinct-slot recommended to a volunteer against a plan.
 *
 * @param marginalExpectedNetVotes how many expected net votes the plan gains when this volunteer joins the
 *     precinct's team in this slot (the vote model's exact marginal value given every shift the plan has there)
 * @param travelMinutes one-way travel from home by the volunteer's mode
 * @param distanceKm straight-line distance from home to the precinct
 * @param teamBefore volunteers the plan already sends there in this slot
 * @param capacity how many the precinct can use in one slot
 * @param reason the same in words
 */
public record Recommendation(String precinctId, String precinctName, String slotId, LocalDateTime start,
        LocalDateTime end, double marginalExpectedNetVotes, int travelMinutes, double distanceKm, int teamBefore,
        int capacity, String reason) {
}
