package org.fieldplan.api.live;

import java.util.HashMap;
import java.util.Map;

import org.fieldplan.api.volunteers.ShiftNotes;
import org.fieldplan.data.live.LivePlanStore;
import org.springframework.stereotype.Component;

/** The notes of the region whose live plan the job serves (notes belong to the region's shifts, not to a job). */
@Component
class LiveShiftNotes implements ShiftNotes {

    private final LivePlanStore store;

    LiveShiftNotes(LivePlanStore store) {
        this.store = store;
    }

    @Override
    public Map<String, String> forJob(String jobId) {
        Map<String, String> notes = new HashMap<>();
        store.regionOfJob(jobId).ifPresent(region -> store.notes(region)
                .forEach(note -> notes.put(note.shiftKey(), note.text())));
        return notes;
    }
}
