package org.fieldplan.travel;

import org.locationtech.jts.geom.Point;

/** Great-circle (haversine) distance on a spherical Earth between lon/lat points. */
public final class GreatCircle {

    public static final double EARTH_RADIUS_KM = 6371.0088;

    private GreatCircle() {
    }

    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    public static double distanceKm(Point a, Point b) {
        return distanceKm(a.getY(), a.getX(), b.getY(), b.getX());
    }
}
