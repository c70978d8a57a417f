package org.fieldplan.data.streets;

import java.util.Locale;
import java.util.Objects;

import org.locationtech.jts.geom.Point;

/**
 * Where a precinct's canvassers meet: a point on a street near the precinct's interior point.
 *
 * @param street the street's name, or null when the nearest suitable road has none in OSM
 * @param metres how far the point is from the precinct's interior point
 */
public record MeetingPoint(String precinctId, Point point, String street, double metres) {

    public MeetingPoint {
        Objects.requireNonNull(precinctId, "precinctId");
        Objects.requireNonNull(point, "point");
    }

    /** The street's name, or the point's coordinates ({@code 39.96123, -82.99876}) when the street has none. */
    public String label() {
        return street != null ? street : coordinates(point);
    }

    /** Latitude, longitude to five decimals (about a metre). */
    public static String coordinates(Point point) {
        return String.format(Locale.ROOT, "%.5f, %.5f", point.getY(), point.getX());
    }
}
