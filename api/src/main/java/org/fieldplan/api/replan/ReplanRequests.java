package org.fieldplan.api.replan;

/** Request bodies of the re-planning endpoints. */
public final class ReplanRequests {

    private ReplanRequests() {
    }

    /** A volunteer will not come: to one slot, or (no {@code slotId}) to any slot that has not started. */
    public record Cancellation(String volunteerId, String slotId) {
    }

    /** What a volunteer did in a shift. */
    public record FieldReport(String volunteerId, String slotId, Integer doorsKnocked, Integer contacts) {
    }
}
