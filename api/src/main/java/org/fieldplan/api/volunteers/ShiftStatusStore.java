package org.fieldplan.api.volunteers;

import java.time.Instant;
import java.util.Map;

/** Volunteers' answers and outcomes per shift: in memory (the default) or PostGIS ({@code api_shift_status}). */
public interface ShiftStatusStore {

    /** One shift's latest status. */
    record Entry(String jobId, String volunteerId, String slotId, ShiftStatus status, Instant at) {

        /** The key of {@link #forJob}: {@code volunteerId@slotId}, like a shift's id. */
        public String shiftKey() {
            return volunteerId + "@" + slotId;
        }
    }

    void put(Entry entry);

    /** The job's statuses by {@link Entry#shiftKey()}. */
    Map<String, Entry> forJob(String jobId);

    /** Every volunteer's history over all jobs since {@code since}: how many of their shifts ended in each status. */
    Map<String, Map<ShiftStatus, Integer>> countsByVolunteer(Instant since);
}
