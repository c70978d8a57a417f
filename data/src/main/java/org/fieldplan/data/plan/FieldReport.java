package org.fieldplan.data.plan;

import java.time.Instant;
import java.util.Objects;

/**
 * What a volunteer reported after a shift of a plan. The doors knocked count against the precinct's remaining doors
 * in the next problem built for the region (see {@link PlanStore#doorsKnockedByPrecinct}).
 *
 * <p>Bounded: at most {@link #MAX_DOORS_PER_REPORT} doors, and no more contacts than doors. One report per volunteer
 * and slot; a later one replaces it ({@link PlanStore#addFieldReport}), so a region's reported doors are at most the
 * bound times its assignments and no sum of user input can overflow.
 */
public record FieldReport(long planId, String volunteerId, String slotId, int doorsKnocked, int contacts,
        Instant reportedAt) {

    /**
     * The most doors one report may claim: more than a shift can knock (the longest slot the problem format allows,
     * {@code ProblemValidator.MAX_SLOT_HOURS}, at 80 doors an hour, about twice the briskest canvassing pace).
     */
    public static final int MAX_DOORS_PER_REPORT = 1_000;

    public FieldReport {
        Objects.requireNonNull(volunteerId, "volunteerId");
        Objects.requireNonNull(slotId, "slotId");
        Objects.requireNonNull(reportedAt, "reportedAt");
        if (doorsKnocked < 0 || contacts < 0) {
            throw new IllegalArgumentException("doors knocked and contacts cannot be negative");
        }
        if (doorsKnocked > MAX_DOORS_PER_REPORT) {
            throw new IllegalArgumentException("doors knocked cannot exceed " + MAX_DOORS_PER_REPORT + " per report, was "
                    + doorsKnocked);
        }
        if (contacts > doorsKnocked) {
            throw new IllegalArgumentException("contacts (" + contacts + ") cannot exceed doors knocked ("
                    + doorsKnocked + ")");
        }
    }
}
