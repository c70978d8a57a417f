package org.fieldplan.data;

import org.fieldplan.domain.Precinct;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * How every store normalizes geometries, so that both stores return the same shapes: precinct turf is stored as a
 * {@link MultiPolygon} (a {@link Polygon} comes back as a one-part multipolygon with the same coordinates), and
 * travel is measured to the interior point of that multipolygon.
 */
public final class Geometries {

    /** WGS 84 longitude/latitude, the only reference system stored. */
    public static final int WGS84 = 4326;

    /** Makes geometries in {@link #WGS84}, as every store returns them. */
    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), WGS84);

    private Geometries() {
    }

    /**
     * The precinct's geometry as a multipolygon, or null when it has none.
     *
     * @throws StoreException when the geometry is not polygonal
     */
    public static MultiPolygon turf(Precinct precinct) {
        Geometry geometry = precinct.getGeometry();
        if (geometry == null || geometry.isEmpty()) {
            return null;
        }
        if (geometry instanceof MultiPolygon multi) {
            return multi;
        }
        if (geometry instanceof Polygon polygon) {
            return geometry.getFactory().createMultiPolygon(new Polygon[] {polygon});
        }
        throw new StoreException("precinct " + precinct.getId() + ": geometry must be a Polygon or MultiPolygon, not "
                + geometry.getGeometryType());
    }

    /** The point travel times are measured to: the same one {@link Precinct#getCentroid()} gives after a reload. */
    public static Point anchor(MultiPolygon turf) {
        return turf == null ? null : turf.getInteriorPoint();
    }
}
