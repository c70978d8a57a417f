package org.fieldplan.data.travel;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link TravelMinutesStore} in the JVM heap, lost on exit. */
public final class InMemoryTravelMinutesStore implements TravelMinutesStore {

    private final Map<String, Map<String, Map<String, Double>>> byRegion = new ConcurrentHashMap<>();

    @Override
    public void replace(String regionId, String source, Map<String, Map<String, Double>> minutes) {
        Map<String, Map<String, Double>> copy = new HashMap<>();
        minutes.forEach((volunteerId, row) -> copy.put(volunteerId, Map.copyOf(row)));
        byRegion.put(regionId, Map.copyOf(copy));
    }

    @Override
    public Map<String, Map<String, Double>> load(String regionId, Collection<String> volunteerIds) {
        Map<String, Map<String, Double>> stored = byRegion.getOrDefault(regionId, Map.of());
        Map<String, Map<String, Double>> found = new HashMap<>();
        volunteerIds.forEach(id -> {
            if (stored.containsKey(id)) {
                found.put(id, stored.get(id));
            }
        });
        return found;
    }
}
