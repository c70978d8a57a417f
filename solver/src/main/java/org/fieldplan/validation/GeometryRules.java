package org.fieldplan.validation;

import java.math.BigDecimal;
import java.util.Optional;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * What makes a precinct geometry or a home point usable: WGS84 longitude/latitude in range, and for precincts a
 * non-empty, OGC-valid Polygon or MultiPolygon (areas, centroids and point-in-polygon tests are wrong otherwise).
 */
public final class GeometryRules {

    private GeometryRules() {
    }

    /** Why {@code geometry} cannot be a precinct's turf, or empty when it can. */
    public static Optional<String> precinctProblem(Geometry geometry) {
        if (!(geometry instanceof Polygon || geometry instanceof MultiPolygon)) {
            return Optional.of("must be a Polygon or MultiPolygon, not a " + geometry.getGeometryType());
        }
        if (geometry.isEmpty()) {
            return Optional.of("is empty");
        }
        Optional<String> range = rangeProblem(geometry);
        if (range.isPresent()) {
            return range;
        }
        TopologyValidationError error = new IsValidOp(geometry).getValidationError();
        if (error == null) {
            return Optional.empty();
        }
        String what = error.getMessage();
        return Optional.of(Character.toLowerCase(what.charAt(0)) + what.substring(1) + " at "
                + format(error.getCoordinate()));
    }

    /** Why {@code home} cannot be a volunteer's home, or empty when it can. */
    public static Optional<String> homeProblem(Point home) {
        if (home.isEmpty()) {
            return Optional.of("is empty");
        }
        return rangeProblem(home);
    }

    private static Optional<String> rangeProblem(Geometry geometry) {
        for (Coordinate c : geometry.getCoordinates()) {
            if (!(c.x >= -180 && c.x <= 180 && c.y >= -90 && c.y <= 90)) {
                return Optional.of("coordinate " + format(c)
                        + " is outside longitude [-180, 180] / latitude [-90, 90] (GeoJSON order is [lon, lat])");
            }
        }
        return Optional.empty();
    }

    /** {@code (lon, lat)} as written in the input, without trailing zeros. */
    static String format(Coordinate c) {
        return "(" + plain(c.x) + ", " + plain(c.y) + ")";
    }

    private static String plain(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                : String.valueOf(value);
    }
}
