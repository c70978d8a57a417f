package org.fieldplan.data.streets;

import java.util.Objects;
import java.util.Set;

import org.locationtech.jts.geom.LineString;

/**
 * One road of a region's OpenStreetMap extract: a way with a {@code highway} tag.
 *
 * @param name the street's name where OSM names it, else null
 * @param roadClass the way's {@code highway} value ({@code residential}, {@code primary}, {@code footway} …)
 * @param publicAccess false when the way's {@code access} tag closes it ({@code no}, {@code private})
 * @param line longitude/latitude (WGS84)
 */
public record Street(String name, String roadClass, boolean publicAccess, LineString line) {

    /** Drawn at every zoom: the network a driver navigates by. */
    private static final Set<String> MAJOR = Set.of("motorway", "motorway_link", "trunk", "trunk_link", "primary",
            "primary_link", "secondary", "secondary_link", "tertiary", "tertiary_link");

    /**
     * Where canvassers can meet: reachable by car and on foot. Motorways and trunk roads are not walkable; footways,
     * cycleways, paths and steps are not drivable; proposed and closed roads are neither.
     */
    private static final Set<String> MEETING = Set.of("primary", "primary_link", "secondary", "secondary_link",
            "tertiary", "tertiary_link", "unclassified", "residential", "living_street", "road", "service");

    public Street {
        Objects.requireNonNull(roadClass, "roadClass");
        Objects.requireNonNull(line, "line");
        name = name == null || name.isBlank() ? null : name.strip();
    }

    public boolean major() {
        return isMajor(roadClass);
    }

    public static boolean isMajor(String roadClass) {
        return MAJOR.contains(roadClass);
    }

    /** Whether a meeting point may lie on this street. */
    public boolean meetable() {
        return publicAccess && MEETING.contains(roadClass);
    }
}
