package org.fieldplan.api.volunteers;

import java.util.Map;

/** Organizers' notes on the shifts of the plan a job serves, for the volunteers on those shifts' teams. */
public interface ShiftNotes {

    /** The notes by shift ({@code volunteerId@slotId}); empty for a job that is no region's live plan. */
    Map<String, String> forJob(String jobId);
}
