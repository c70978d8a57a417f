package org.fieldplan.data.generator;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Equirectangular projection between a flat plane in kilometres centred on a reference point and WGS84 lon/lat.
 *
 * <p>The generator lays the region out in kilometres so that distances, Voronoi cells and densities are isotropic,
 * and converts to lon/lat only at the end. The conversion is affine, so cells that share an edge in the plane still
 * share it exactly in lon/lat (no slivers, no overlaps). The constants match those of
 * {@link org.fieldplan.vote.MarginalVoteModel#areaKm2}.
 */
final class LocalProjection {

    private static final double KM_PER_DEGREE_LATITUDE = 110.574;
    private static final double KM_PER_DEGREE_LONGITUDE_AT_EQUATOR = 111.320;

    private final double originLon;
    private final double originLat;
    private final double kmPerDegreeLon;

    LocalProjection(double originLon, double originLat) {
        this.originLon = originLon;
        this.originLat = originLat;
        this.kmPerDegreeLon = KM_PER_DEGREE_LONGITUDE_AT_EQUATOR * Math.cos(Math.toRadians(originLat));
    }

    double lon(double xKm) {
        return originLon + xKm / kmPerDegreeLon;
    }

    double lat(double yKm) {
        return originLat + yKm / KM_PER_DEGREE_LATITUDE;
    }

    /** A lon/lat copy, made by {@code lonLatFactory} (and so with its SRID), of a geometry in plane kilometres. */
    Geometry toLonLat(Geometry planar, GeometryFactory lonLatFactory) {
        Geometry copy = lonLatFactory.createGeometry(planar);
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                seq.setOrdinate(i, Coordinate.X, lon(seq.getX(i)));
                seq.setOrdinate(i, Coordinate.Y, lat(seq.getY(i)));
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return copy;
    }
}
