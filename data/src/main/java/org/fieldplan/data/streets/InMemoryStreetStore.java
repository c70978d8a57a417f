package org.fieldplan.data.streets;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/** Roads and meeting points in the JVM heap, each region's roads in an {@link STRtree}. */
public final class InMemoryStreetStore implements StreetStore {

    private record RegionStreets(STRtree index, Map<String, MeetingPoint> meetingPoints) {
    }

    private final Map<String, RegionStreets> regions = new ConcurrentHashMap<>();

    @Override
    public void replace(String regionId, List<Street> streets, Collection<MeetingPoint> meetingPoints) {
        STRtree index = new STRtree();
        // The position keeps the extract's order among roads of the same kind.
        for (int i = 0; i < streets.size(); i++) {
            index.insert(streets.get(i).line().getEnvelopeInternal(), new Indexed(i, streets.get(i)));
        }
        index.build();
        regions.put(regionId, new RegionStreets(index, Map.copyOf(meetingPoints.stream()
                .collect(Collectors.toMap(MeetingPoint::precinctId, Function.identity())))));
    }

    private record Indexed(int position, Street street) {
    }

    @Override
    public List<Street> streets(String regionId, Envelope box, boolean majorOnly, int limit) {
        RegionStreets region = regions.get(regionId);
        if (region == null) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Indexed> found = region.index().query(box);
        return found.stream()
                .filter(i -> !majorOnly || i.street().major())
                .sorted(Comparator.comparing((Indexed i) -> !i.street().major()).thenComparingInt(Indexed::position))
                .limit(limit)
                .map(Indexed::street)
                .toList();
    }

    @Override
    public Map<String, MeetingPoint> meetingPoints(String regionId) {
        RegionStreets region = regions.get(regionId);
        return region == null ? Map.of() : region.meetingPoints();
    }
}
