package org.fieldplan.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.Volunteer;
import org.locationtech.jts.geom.Point;

/**
 * Where a plan moves its volunteers: assigned shifts summed from the grid cell of the volunteer's home to the grid cell
 * of the precinct worked, the flows from home areas to target areas that a map draws as arrows. Cells are squares of
 * {@code cellKm} on a local equirectangular grid (the region's mean latitude), so areas are comparable anywhere and
 * a home is only ever shown as its cell's centre. Shifts that stay within their home's cell are counted, not listed.
 *
 * @param cellKm the side of a grid cell
 * @param flows the flows between different cells, most shifts first, at most the limit asked for
 * @param omittedFlows flows left out beyond the limit
 * @param shifts assigned shifts counted (those of the volunteers included)
 * @param shiftsWithinCell of those, shifts worked in the home's own cell
 */
public record TravelFlows(double cellKm, List<Flow> flows, int omittedFlows, int shifts, int shiftsWithinCell) {

    private static final double KM_PER_DEGREE_LAT = 110.574;
    private static final double KM_PER_DEGREE_LON_AT_EQUATOR = 111.320;

    /**
     * Shifts from one home cell to one target cell.
     *
     * @param fromLon longitude of the home cell's centre
     * @param fromLat latitude of the home cell's centre
     * @param toLon longitude of the target cell's centre
     * @param toLat latitude of the target cell's centre
     * @param volunteers distinct volunteers who make the trip
     * @param shifts shifts worked
     * @param deployedShifts of those, beyond the volunteer's everyday travel limit (a deployment offer's)
     * @param closeDistrictShifts of those, in close-district precincts ({@link DeploymentFigures#isClose})
     */
    public record Flow(double fromLon, double fromLat, double toLon, double toLat, int volunteers, int shifts,
            int deployedShifts, int closeDistrictShifts) {
    }

    /** A grid cell by its column and row. */
    private record Cell(long column, long row) {
    }

    /**
     * The flows of the plan's assigned shifts of the volunteers {@code included} accepts.
     *
     * @param cellKm the side of a grid cell, positive
     * @param limit the most flows listed, the largest kept
     */
    public static TravelFlows of(FieldPlan plan, double cellKm, Predicate<Volunteer> included, int limit) {
        if (!(cellKm > 0) || limit < 0) {
            throw new IllegalArgumentException("cellKm must be positive and limit not negative");
        }
        double meanLat = plan.getPrecincts().stream().map(Precinct::getCentroid).filter(p -> p != null)
                .mapToDouble(Point::getY).average().orElse(0);
        double kmPerDegreeLon = KM_PER_DEGREE_LON_AT_EQUATOR * Math.cos(Math.toRadians(meanLat));
        Map<List<Cell>, int[]> counts = new HashMap<>();
        Map<List<Cell>, Set<Volunteer>> volunteers = new HashMap<>();
        int shifts = 0;
        int withinCell = 0;
        for (Shift shift : plan.getShifts()) {
            Precinct precinct = shift.getPrecinct();
            Volunteer volunteer = shift.getVolunteer();
            if (precinct == null || precinct.getCentroid() == null || volunteer.getHome() == null
                    || !included.test(volunteer)) {
                continue;
            }
            shifts++;
            Cell from = cell(volunteer.getHome(), cellKm, kmPerDegreeLon);
            Cell to = cell(precinct.getCentroid(), cellKm, kmPerDegreeLon);
            if (from.equals(to)) {
                withinCell++;
                continue;
            }
            List<Cell> key = List.of(from, to);
            int[] count = counts.computeIfAbsent(key, k -> new int[3]);
            count[0]++;
            count[1] += shift.isDeployed() ? 1 : 0;
            count[2] += DeploymentFigures.isClose(precinct) ? 1 : 0;
            volunteers.computeIfAbsent(key, k -> new HashSet<>()).add(volunteer);
        }
        List<Flow> flows = new ArrayList<>();
        counts.forEach((key, count) -> flows.add(new Flow(centreLon(key.get(0), cellKm, kmPerDegreeLon),
                centreLat(key.get(0), cellKm), centreLon(key.get(1), cellKm, kmPerDegreeLon),
                centreLat(key.get(1), cellKm), volunteers.get(key).size(), count[0], count[1], count[2])));
        flows.sort(Comparator.comparingInt(Flow::shifts).reversed().thenComparingDouble(Flow::fromLon)
                .thenComparingDouble(Flow::fromLat).thenComparingDouble(Flow::toLon)
                .thenComparingDouble(Flow::toLat));
        int kept = Math.min(limit, flows.size());
        return new TravelFlows(cellKm, List.copyOf(flows.subList(0, kept)), flows.size() - kept, shifts, withinCell);
    }

    private static Cell cell(Point point, double cellKm, double kmPerDegreeLon) {
        return new Cell((long) Math.floor(point.getX() * kmPerDegreeLon / cellKm),
                (long) Math.floor(point.getY() * KM_PER_DEGREE_LAT / cellKm));
    }

    private static double centreLon(Cell cell, double cellKm, double kmPerDegreeLon) {
        return (cell.column() + 0.5) * cellKm / kmPerDegreeLon;
    }

    private static double centreLat(Cell cell, double cellKm) {
        return (cell.row() + 0.5) * cellKm / KM_PER_DEGREE_LAT;
    }
}
