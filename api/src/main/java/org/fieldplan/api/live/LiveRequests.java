package org.fieldplan.api.live;

/** Bodies of the live plan's write requests. */
public final class LiveRequests {

    private LiveRequests() {
    }

    /** Publish: the job whose plan (ended, or the current best of a running solve) goes live. */
    public record Publish(String jobId) {
    }

    /** One volunteer's shift: the volunteer in a slot. */
    public record ShiftRef(String volunteerId, String slotId) {
    }

    /**
     * Send a volunteer elsewhere: to {@code toPrecinctId} (default: the same precinct) in {@code toSlotId} (default:
     * the same slot).
     */
    public record Move(String volunteerId, String slotId, String toPrecinctId, String toSlotId, Boolean accept) {
    }

    /** Exchange two shifts' precincts. */
    public record Swap(ShiftRef first, ShiftRef second, Boolean accept) {
    }

    /** Send an idle volunteer (not sent out in that slot) to a precinct. */
    public record Assign(String volunteerId, String slotId, String precinctId, Boolean accept) {
    }

    /** Take a volunteer off a shift, or lock or unlock it. */
    public record Shift(String volunteerId, String slotId) {
    }

    /** Restore or undo; {@code accept} lets through a hard-rule break an organizer may accept, as for a move. */
    public record GoBack(Boolean accept) {
    }

    /** A note on a shift that the team sees; blank removes it. */
    public record Note(String volunteerId, String slotId, String text) {
    }
}
