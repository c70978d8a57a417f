package org.fieldplan.api.volunteers;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Shift statuses in memory, lost on exit. */
public class InMemoryShiftStatusStore implements ShiftStatusStore {

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final InMemoryPeopleVersion version;

    /** @param version moved on after each write */
    public InMemoryShiftStatusStore(InMemoryPeopleVersion version) {
        this.version = version;
    }

    @Override
    public void put(Entry entry) {
        entries.put(entry.jobId() + "/" + entry.shiftKey(), entry);
        version.changed(entry.jobId());
    }

    @Override
    public Map<String, Entry> forJob(String jobId) {
        return entries.values().stream().filter(e -> e.jobId().equals(jobId))
                .collect(Collectors.toMap(Entry::shiftKey, e -> e));
    }

    @Override
    public Map<String, Map<ShiftStatus, Integer>> countsByVolunteer(Instant since) {
        return entries.values().stream().filter(e -> e.at().isAfter(since)).collect(Collectors.groupingBy(Entry::volunteerId,
                Collectors.groupingBy(Entry::status, Collectors.summingInt(e -> 1))));
    }
}
