package org.fieldplan.data.plan;

import java.time.Instant;
import java.util.Objects;

/**
 * What a volunteer reported after a shift of a plan. The doors knocked count against the precinct's remaining doors
 * in the next problem built for the region (see {@link PlanStore#doorsKnockedByPrecinct}).
 */
public record FieldReport(long planId, String volunteerId, String slotId, int doorsKnocked, int contacts,
        Instant reportedAt) {

    public FieldReport {
        Objects.requireNonNull(volunteerId, "volunteerId");
        Objects.requireNonNull(slotId, "slotId");
        Objects.requireNonNull(reportedAt, "reportedAt");
        if (doorsKnocked < 0 || contacts < 0) {
            throw new IllegalArgumentException("doors knocked and contacts cannot be negative");
        }
    }
}
