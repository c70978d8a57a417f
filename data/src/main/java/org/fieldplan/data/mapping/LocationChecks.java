package org.fieldplan.data.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.fieldplan.domain.Precinct;
import org.locationtech.jts.geom.Point;

/**
 * Where precincts lie, to catch swapped axes and a wrong reference system that still give valid longitudes and
 * latitudes (a southern state's file read as [lat, lon] lands in Antarctica). Rules, by each precinct's interior
 * point:
 * <ul>
 * <li>outside the United States' ranges (longitude −180…−64 or 144…180 for Guam and the Aleutians, latitude
 * 13…72): an error of that row, with a hint when swapping the axes would land in the US;</li>
 * <li>outside the mapping's {@code expectedBounds} or its {@code state}'s box ({@link StateBounds}), when stated:
 * an error of that row; when neither is stated, outside every state's and territory's box (at sea): an error of
 * that row, and when the mapping states a {@code sourceCrs} the report warns that only this weak check was
 * possible;</li>
 * <li>when more than half the precincts fail one of these, one error of the whole file instead (a wrong
 * reference system or axis order, not a few bad rows);</li>
 * <li>farther than {@link #OUTLIER_MARGIN_DEGREES} (or the region's own extent, if larger) outside the box holding
 * the middle 90 % of the precincts: a warning (a stray feature, or a coordinate typo).</li>
 * </ul>
 */
public final class LocationChecks {

    /** About 55 km at US latitudes. */
    static final double OUTLIER_MARGIN_DEGREES = 0.5;
    /** A canvasser drives at most about an hour: farther than this from every home, a precinct is unreachable. */
    static final double FAR_FROM_VOLUNTEERS_KM = 50;
    private static final double EARTH_RADIUS_KM = 6371.0;

    private LocationChecks() {
    }

    /** Why a point cannot be a US precinct's, or null. */
    static String outsideUs(Point p) {
        if (inUs(p.getX(), p.getY())) {
            return null;
        }
        String where = format(p.getX(), p.getY());
        String hint = inUs(p.getY(), p.getX()) ? "the coordinates look like [lat, lon]: GeoJSON and shapefiles are "
                + "[lon, lat]" : "is the reference system right? (state sourceCrs in the mapping when the file's own "
                + "is missing or wrong)";
        return "lies at " + where + ", outside the United States (longitude -180…-64, latitude 13…72): " + hint;
    }

    static String outsideBounds(Point p, PrecinctMapping.Bounds bounds) {
        if (bounds == null || bounds.contains(p.getX(), p.getY())) {
            return null;
        }
        return String.format(Locale.ROOT, "lies at %s, outside the mapping's expectedBounds (%.3f…%.3f, %.3f…%.3f)",
                format(p.getX(), p.getY()), bounds.west(), bounds.east(), bounds.south(), bounds.north());
    }

    /** The warning when a mapping states {@code sourceCrs} but neither {@code state} nor {@code expectedBounds}. */
    static String checkedLoosely(String sourceCrs) {
        return "LOCATION CHECKED ONLY LOOSELY: the mapping states sourceCrs " + sourceCrs
                + " but neither state nor expectedBounds, so the precincts were only checked to lie in some "
                + "US state's box; a wrong reference system can still put them in the wrong state: declare "
                + "\"state\" (e.g. \"CT\")";
    }

    /** Why a point cannot be a precinct of the mapping's declared state, or null. */
    static String outsideState(Point p, StateBounds.State state) {
        if (state == null || state.contains(p.getX(), p.getY())) {
            return null;
        }
        return "lies at " + format(p.getX(), p.getY()) + ", outside the mapping's state " + state.describe()
                + ": is the reference system right? (sourceCrs in the mapping)";
    }

    /** Why a point in the United States' ranges is still in no state or territory (at sea, or abroad), or null. */
    static String inNoState(Point p) {
        if (StateBounds.inSomeState(p.getX(), p.getY())) {
            return null;
        }
        return "lies at " + format(p.getX(), p.getY()) + ", in no US state or territory (at sea or abroad): is the "
                + "reference system right? (sourceCrs in the mapping; declare the mapping's state to check against "
                + "it)";
    }

    /** Warnings for precincts far from the box holding the middle 90 % of all of them. */
    static List<String> outliers(List<Precinct> precincts) {
        if (precincts.size() < 10) {
            return List.of();
        }
        double[] lons = precincts.stream().mapToDouble(p -> p.getCentroid().getX()).sorted().toArray();
        double[] lats = precincts.stream().mapToDouble(p -> p.getCentroid().getY()).sorted().toArray();
        double west = percentile(lons, 0.05);
        double east = percentile(lons, 0.95);
        double south = percentile(lats, 0.05);
        double north = percentile(lats, 0.95);
        double margin = Math.max(OUTLIER_MARGIN_DEGREES, Math.max(east - west, north - south));
        List<String> warnings = new ArrayList<>();
        for (Precinct p : precincts) {
            double x = p.getCentroid().getX();
            double y = p.getCentroid().getY();
            if (x < west - margin || x > east + margin || y < south - margin || y > north + margin) {
                warnings.add(String.format(Locale.ROOT, "precinct %s lies at %s, far from the region's other "
                        + "precincts (90 %% lie within %.3f…%.3f, %.3f…%.3f): a stray feature or a wrong coordinate?",
                        p.getId(), format(x, y), west, east, south, north));
            }
        }
        return warnings;
    }

    /**
     * One warning when precincts lie far from every volunteer home (more than {@link #FAR_FROM_VOLUNTEERS_KM}):
     * a census file of another state, or precincts in the wrong place; empty when none do.
     */
    public static List<String> farFromVolunteers(List<Precinct> precincts, List<Point> homes) {
        if (homes.isEmpty()) {
            return List.of();
        }
        List<String> far = new ArrayList<>();
        for (Precinct p : precincts) {
            double nearest = homes.stream().mapToDouble(h -> kilometres(p.getCentroid(), h)).min().orElseThrow();
            if (nearest > FAR_FROM_VOLUNTEERS_KM) {
                far.add(p.getId());
            }
        }
        if (far.isEmpty()) {
            return List.of();
        }
        return List.of(String.format(Locale.ROOT, "%d of %d precincts lie more than %.0f km from every volunteer "
                + "home (a census file of another state, or precincts in the wrong place?), e.g. %s", far.size(),
                precincts.size(), FAR_FROM_VOLUNTEERS_KM, String.join(", ", far.subList(0, Math.min(5, far.size())))));
    }

    /**
     * An error when more than half the precincts lie more than {@link #FAR_FROM_VOLUNTEERS_KM} from every point of
     * the region's census file (or the homes placed from it): the precincts are not where the region's people live,
     * so the reference system (or the census file) is wrong. Empty otherwise; the few far ones are
     * {@link #farFromVolunteers}' warning.
     */
    public static Optional<String> mostlyFarFrom(List<Precinct> precincts, List<Point> censusPoints) {
        if (censusPoints.isEmpty() || precincts.isEmpty()) {
            return Optional.empty();
        }
        long far = precincts.stream().filter(p -> censusPoints.stream()
                .allMatch(h -> kilometres(p.getCentroid(), h) > FAR_FROM_VOLUNTEERS_KM)).count();
        if (far * 2 <= precincts.size()) {
            return Optional.empty();
        }
        Point first = precincts.get(0).getCentroid();
        return Optional.of(String.format(Locale.ROOT, "%d of %d precincts lie more than %.0f km from every "
                + "point of the census file (e.g. %s at %s): is the reference system right (sourceCrs in the mapping), "
                + "and is the census file the region's state?", far, precincts.size(), FAR_FROM_VOLUNTEERS_KM,
                precincts.get(0).getId(), format(first.getX(), first.getY())));
    }

    /** Great-circle distance (haversine, mean Earth radius). */
    private static double kilometres(Point a, Point b) {
        double lat1 = Math.toRadians(a.getY());
        double lat2 = Math.toRadians(b.getY());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.getX() - a.getX());
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
    }

    private static boolean inUs(double lon, double lat) {
        return lat >= 13 && lat <= 72 && (lon >= -180 && lon <= -64 || lon >= 144 && lon <= 180);
    }

    private static double percentile(double[] sorted, double q) {
        return sorted[(int) Math.floor(q * (sorted.length - 1))];
    }

    private static String format(double lon, double lat) {
        return String.format(Locale.ROOT, "(%.5f, %.5f)", lon, lat);
    }
}
