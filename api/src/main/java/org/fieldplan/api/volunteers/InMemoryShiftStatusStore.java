package org.fieldplan.api.volunteers;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Shift statuses in memory, lost on exit. */
public class InMemoryShiftStatusStore implements ShiftStatusStore {

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public void put(Entry entry) {
        entries.put(entry.jobId() + "/" + entry.shiftKey(), entry);
    }

    @Override
    public Map<String, Entry> forJob(String jobId) {
        return entries.values().stream().filter(e -> e.jobId().equals(jobId))
                .collect(Collectors.toMap(Entry::shiftKey, e -> e));
    }

    @Override
    public List<Entry> forVolunteer(String volunteerId) {
        return entries.values().stream().filter(e -> e.volunteerId().equals(volunteerId)).toList();
    }
}
