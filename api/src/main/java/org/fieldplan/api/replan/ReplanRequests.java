package org.fieldplan.api.replan;

import java.time.LocalDateTime;
import java.util.List;

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

    /** More time from a volunteer already in the plan. */
    public record LateAvailability(List<Window> availability) {
    }

    /** A period the volunteer can work, in the problem's local time. */
    public record Window(LocalDateTime start, LocalDateTime end) {
    }
}
