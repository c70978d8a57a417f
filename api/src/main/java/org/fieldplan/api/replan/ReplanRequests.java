package org.fieldplan.api.replan;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.fieldplan.api.errors.ApiException;
import org.fieldplan.validation.ValidationError;

/** Request bodies of the re-planning endpoints. */
public final class ReplanRequests {

    private static final int MAX_DOORS = org.fieldplan.data.plan.FieldReport.MAX_DOORS_PER_REPORT;

    private ReplanRequests() {
    }

    /** A volunteer will not come: to one slot, or (no {@code slotId}) to any slot that has not started. */
    public record Cancellation(String volunteerId, String slotId) {
    }

    /** What a volunteer did in a shift. */
    public record FieldReport(String volunteerId, String slotId, Integer doorsKnocked, Integer contacts) {

        /** The counts are there and within their bounds; a 400 naming the field otherwise. */
        void requireValid() {
            List<String> missing = new ArrayList<>();
            if (slotId == null) {
                missing.add("slotId");
            }
            if (doorsKnocked == null) {
                missing.add("doorsKnocked");
            }
            if (contacts == null) {
                missing.add("contacts");
            }
            if (!missing.isEmpty()) {
                throw ApiException.invalid(
                        missing.stream().map(field -> new ValidationError(field, "is required")).toList());
            }
            if (doorsKnocked < 0 || contacts < 0) {
                throw ApiException.invalid(doorsKnocked < 0 ? "doorsKnocked" : "contacts", "cannot be negative");
            }
            if (doorsKnocked > MAX_DOORS) {
                throw ApiException.invalid("doorsKnocked", "must be at most " + MAX_DOORS
                        + " per report (more than a shift can knock), was " + doorsKnocked);
            }
            if (contacts > doorsKnocked) {
                throw ApiException.invalid("contacts", "cannot exceed doorsKnocked (" + doorsKnocked + ")");
            }
        }
    }

    /** More time from a volunteer already in the plan. */
    public record LateAvailability(List<Window> availability) {
    }

    /** A period the volunteer can work, in the problem's local time. */
    public record Window(LocalDateTime start, LocalDateTime end) {
    }
}
