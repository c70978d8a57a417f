package org.fieldplan.data.travel;

import java.util.Collection;
import java.util.Map;

/**
 * Travel minutes stored with a region (computed over its road network), per volunteer id, then precinct id: what
 * every later solve, re-solve and repair of the region reuses instead of computing them again.
 */
public interface TravelMinutesStore {

    /**
     * Replaces the region's stored minutes with these.
     *
     * @param source what they were computed from (the OSM extract's SHA-256)
     */
    void replace(String regionId, String source, Map<String, Map<String, Double>> minutes);

    /** The stored minutes of those of {@code volunteerIds} that have some; the others are absent. */
    Map<String, Map<String, Double>> load(String regionId, Collection<String> volunteerIds);
}
