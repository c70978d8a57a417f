package org.fieldplan.data.streets;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fieldplan.data.Geometries;
import org.fieldplan.domain.Precinct;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * Puts each precinct's meeting point on a street: the nearest point, to the precinct's interior point, of the nearest
 * <em>named</em> street where canvassers can meet ({@link Street#meetable()}) that runs through the precinct or
 * within {@link #MAX_METRES} of that point; without a named one, the nearest unnamed such road; without any, the
 * precinct gets no meeting point and keeps its interior point. Distances are measured in a local equirectangular
 * frame centred on the streets (exact to well under 1 % over a county), with the streets in a JTS {@link STRtree}.
 */
public final class MeetingPointSnapper {

    /** How far from the precinct's interior point a meeting point may be, unless its street runs through it. */
    public static final double MAX_METRES = 500;

    private static final double METRES_PER_DEGREE_LAT = 110_574;
    private static final double METRES_PER_DEGREE_LON_AT_EQUATOR = 111_320;

    private record Candidate(String name, LineString local) {
    }

    private final STRtree index = new STRtree();
    private final double lon0;
    private final double lat0;
    private final double metresPerDegreeLon;

    public MeetingPointSnapper(List<Street> streets) {
        Envelope extent = new Envelope();
        streets.forEach(s -> extent.expandToInclude(s.line().getEnvelopeInternal()));
        lon0 = extent.isNull() ? 0 : extent.centre().x;
        lat0 = extent.isNull() ? 0 : extent.centre().y;
        metresPerDegreeLon = METRES_PER_DEGREE_LON_AT_EQUATOR * Math.cos(Math.toRadians(lat0));
        for (Street street : streets) {
            if (street.meetable()) {
                LineString local = toLocal(street.line());
                index.insert(local.getEnvelopeInternal(), new Candidate(street.name(), local));
            }
        }
        index.build();
    }

    /** The meeting point of every precinct that has a suitable street near it, by precinct id. */
    public Map<String, MeetingPoint> snap(List<Precinct> precincts) {
        Map<String, MeetingPoint> points = new HashMap<>();
        for (Precinct precinct : precincts) {
            if (precinct.getCentroid() != null) {
                MeetingPoint point = snap(precinct.getId(), precinct.getCentroid(), precinct.getGeometry());
                if (point != null) {
                    points.put(precinct.getId(), point);
                }
            }
        }
        return points;
    }

    /**
     * The meeting point for a precinct whose interior point is {@code centre}, or null when no street is near.
     *
     * @param area the precinct's polygons (streets through them count at any distance), or null
     */
    MeetingPoint snap(String precinctId, Point centre, Geometry area) {
        Point local = Geometries.FACTORY.createPoint(local(centre.getCoordinate()));
        Envelope around = new Envelope(local.getCoordinate());
        around.expandBy(MAX_METRES);
        Geometry localArea = area == null ? null : toLocal(area);
        if (localArea != null) {
            around.expandToInclude(localArea.getEnvelopeInternal());
        }
        @SuppressWarnings("unchecked")
        List<Candidate> candidates = index.query(around);
        PreparedGeometry inside = localArea == null ? null : PreparedGeometryFactory.prepare(localArea);
        List<Candidate> near = candidates.stream().filter(c -> c.local().distance(local) <= MAX_METRES
                || inside != null && inside.intersects(c.local())).toList();
        Candidate named = nearest(near, local, true);
        Candidate any = named != null ? named : nearest(near, local, false);
        if (any == null) {
            return null;
        }
        Coordinate onStreet = DistanceOp.nearestPoints(any.local(), local)[0];
        return new MeetingPoint(precinctId, Geometries.FACTORY.createPoint(wgs84(onStreet)), any.name(),
                onStreet.distance(local.getCoordinate()));
    }

    private static Candidate nearest(List<Candidate> candidates, Point local, boolean named) {
        Candidate best = null;
        double bestDistance = Double.MAX_VALUE;
        for (Candidate candidate : candidates) {
            if (named && candidate.name() == null) {
                continue;
            }
            double distance = candidate.local().distance(local);
            if (distance <= bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    private LineString toLocal(LineString line) {
        return (LineString) toLocal((Geometry) line);
    }

    /** A copy in the local metric frame. */
    private Geometry toLocal(Geometry geometry) {
        Geometry copy = geometry.copy();
        copy.apply((CoordinateFilter) c -> c.setCoordinate(local(c)));
        copy.geometryChanged();
        return copy;
    }

    private Coordinate local(Coordinate lonLat) {
        return new Coordinate((lonLat.x - lon0) * metresPerDegreeLon, (lonLat.y - lat0) * METRES_PER_DEGREE_LAT);
    }

    private Coordinate wgs84(Coordinate local) {
        return new Coordinate(local.x / metresPerDegreeLon + lon0, local.y / METRES_PER_DEGREE_LAT + lat0);
    }
}
