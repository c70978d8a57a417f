package org.fieldplan.data.streets;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Envelope;

/**
 * Keeps each region's roads and its precincts' meeting points. Implementations: {@link InMemoryStreetStore} and
 * {@link PostgisStreetStore}; both pass the same contract tests.
 */
public interface StreetStore {

    /**
     * Replaces the region's roads and meeting points, all or nothing.
     *
     * @throws org.fieldplan.data.StoreException when the store refuses them (on PostGIS: an unknown region)
     */
    void replace(String regionId, List<Street> streets, Collection<MeetingPoint> meetingPoints);

    /**
     * The region's roads whose envelope meets {@code box}, major classes first, at most {@code limit} of them.
     *
     * @param majorOnly only {@link Street#major()} roads
     */
    List<Street> streets(String regionId, Envelope box, boolean majorOnly, int limit);

    /** The region's meeting points by precinct id; empty without an extract. */
    Map<String, MeetingPoint> meetingPoints(String regionId);
}
