package org.fieldplan.data.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@link LivePlanStore} in the JVM heap: not durable. Thread-safe. */
public final class InMemoryLivePlanStore implements LivePlanStore {

    private final Map<String, List<LiveVersion>> versions = new HashMap<>();
    private final Map<String, Map<String, ShiftFact>> locks = new HashMap<>();
    private final Map<String, Map<String, ShiftFact>> notes = new HashMap<>();

    @Override
    public synchronized Optional<LiveVersion> append(LiveVersion version, int expectedLatest) {
        List<LiveVersion> region = versions.computeIfAbsent(version.regionId(), r -> new ArrayList<>());
        if (region.size() != expectedLatest) {
            return Optional.empty();
        }
        LiveVersion stored = version.numbered(region.size() + 1);
        region.add(stored);
        return Optional.of(stored);
    }

    @Override
    public synchronized Optional<LiveVersion> latest(String regionId) {
        List<LiveVersion> region = versions.getOrDefault(regionId, List.of());
        return region.isEmpty() ? Optional.empty() : Optional.of(region.get(region.size() - 1));
    }

    @Override
    public synchronized Optional<LiveVersion> version(String regionId, int number) {
        List<LiveVersion> region = versions.getOrDefault(regionId, List.of());
        return number < 1 || number > region.size() ? Optional.empty() : Optional.of(region.get(number - 1));
    }

    @Override
    public synchronized Optional<LiveVersion> head(String regionId) {
        return latest(regionId).map(LiveVersion::withoutAssignments);
    }

    @Override
    public synchronized List<LiveVersion> versions(String regionId) {
        return List.copyOf(versions.getOrDefault(regionId, List.of()));
    }

    @Override
    public synchronized Map<String, String> liveJobIds() {
        Map<String, String> live = new TreeMap<>();
        versions.forEach((region, list) -> live.put(region, list.get(list.size() - 1).jobId()));
        return live;
    }

    @Override
    public synchronized Optional<String> regionOfJob(String jobId) {
        return versions.values().stream().flatMap(List::stream).filter(v -> v.jobId().equals(jobId))
                .map(LiveVersion::regionId).findFirst();
    }

    @Override
    public synchronized void lock(ShiftFact lock) {
        locks.computeIfAbsent(lock.regionId(), r -> new LinkedHashMap<>()).put(lock.shiftKey(), lock);
    }

    @Override
    public synchronized boolean unlock(String regionId, String volunteerId, String slotId) {
        return locks.getOrDefault(regionId, new HashMap<>()).remove(volunteerId + "@" + slotId) != null;
    }

    @Override
    public synchronized List<ShiftFact> locks(String regionId) {
        return List.copyOf(locks.getOrDefault(regionId, Map.of()).values());
    }

    @Override
    public synchronized void note(ShiftFact note) {
        Map<String, ShiftFact> region = notes.computeIfAbsent(note.regionId(), r -> new LinkedHashMap<>());
        if (note.text() == null || note.text().isBlank()) {
            region.remove(note.shiftKey());
        } else {
            region.put(note.shiftKey(), note);
        }
    }

    @Override
    public synchronized List<ShiftFact> notes(String regionId) {
        return List.copyOf(notes.getOrDefault(regionId, Map.of()).values());
    }
}
