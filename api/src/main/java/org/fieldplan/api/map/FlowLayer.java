package org.fieldplan.api.map;

import java.util.List;

import org.fieldplan.plan.TravelFlows;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * A plan's travel flows ({@link TravelFlows}) as a GeoJSON FeatureCollection (RFC 7946): one line per flow from the
 * home cell's centre to the target cell's centre; the totals are foreign members.
 *
 * @param type always {@code FeatureCollection}
 * @param cellKm the side of a grid cell
 * @param shifts assigned shifts counted (of the volunteers the caller may see)
 * @param shiftsWithinCell of those, shifts worked in the home's own cell (not drawn)
 * @param omittedFlows the smallest flows left out
 */
public record FlowLayer(String type, String jobId, double cellKm, int shifts, int shiftsWithinCell, int omittedFlows,
        List<Feature> features) {

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    static FlowLayer of(String jobId, TravelFlows flows) {
        List<Feature> features = flows.flows().stream().map(flow -> new Feature("Feature",
                WGS84.createLineString(new Coordinate[] {new Coordinate(flow.fromLon(), flow.fromLat()),
                    new Coordinate(flow.toLon(), flow.toLat())}),
                new Values(flow.volunteers(), flow.shifts(), flow.deployedShifts(), flow.closeDistrictShifts())))
                .toList();
        return new FlowLayer("FeatureCollection", jobId, flows.cellKm(), flows.shifts(), flows.shiftsWithinCell(),
                flows.omittedFlows(), features);
    }

    /** One flow: its line and counts. */
    public record Feature(String type, Geometry geometry, Values properties) {
    }

    /**
     * @param volunteers distinct volunteers who make the trip
     * @param shifts shifts worked at the end of the line
     * @param deployedShifts of those, beyond the volunteer's everyday travel limit
     * @param closeDistrictShifts of those, in close-district precincts
     */
    public record Values(int volunteers, int shifts, int deployedShifts, int closeDistrictShifts) {
    }
}
