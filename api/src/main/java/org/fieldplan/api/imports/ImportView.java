package org.fieldplan.api.imports;

import java.util.List;

import org.fieldplan.data.importer.RegionUpload;
import org.fieldplan.data.streets.StreetImporter;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.data.mapping.ImportReport;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * What an upload gives, as the API answers it: the import report a strategist reads before confirming, the calendar,
 * and a preview (a few mapped precincts as a GeoJSON FeatureCollection, and the bounding box of all) for the map.
 *
 * @param stored false for a dry run: nothing was stored
 * @param bounds {@code [west, south, east, north]} of every precinct, longitude/latitude
 * @param streets what the region's OpenStreetMap extract gave (or would give), null without one
 * @param roadTravel with an OSM extract: its road network and the volunteers' travel over it, as the command line
 *     prints it (empty without one)
 */
public record ImportView(String regionId, boolean stored, Report report, Calendar calendar, double[] bounds,
        Preview preview, Streets streets, List<String> roadTravel) {

    /**
     * The roads read from the extract and where the precincts' meeting points are.
     *
     * @param named precincts meeting on a named street
     * @param unnamed precincts meeting on a road OpenStreetMap does not name
     * @param line the same as the report line the command line prints
     */
    public record Streets(int roads, int precincts, int named, int unnamed, String line) {
    }

    /**
     * The import report ({@code ImportReport}): what a data person reads before solving.
     *
     * @param outcome {@code DRY_RUN} or {@code STORED}
     * @param featuresRead features in the file
     * @param precincts precincts imported (or that would be)
     * @param skippedRows rows left out with skip-bad-rows, each with its feature index, id and problem
     * @param warnings findings that import anyway (text numbers read, outliers, locations …)
     * @param proxies each proxy the mapping declares and to how many precincts it was applied
     * @param turnoutCapped ids of precincts whose turnout was capped at 1, and {@code turnoutCapReason} why
     * @param repaired ids of precincts whose invalid polygon was repaired
     * @param zeroRegisteredVoters ids of precincts without registered voters (no doors to knock)
     * @param volunteers volunteers read from the sheet (0 without one)
     * @param lines the whole report as text, one finding per line (as the command line prints it)
     */
    public record Report(String outcome, int featuresRead, int precincts, List<String> skippedRows,
            List<String> warnings, List<ImportReport.ProxyUse> proxies, List<String> turnoutCapped,
            String turnoutCapReason, List<String> repaired, List<String> zeroRegisteredVoters, int volunteers,
            List<String> lines) {
    }

    /** The calendar the region gets: zone, days and how many slots. */
    public record Calendar(String timeZone, String from, String to, int slots, List<String> firstSlots) {
    }

    /** A GeoJSON FeatureCollection of the preview precincts. */
    public record Preview(String type, List<Feature> features) {
    }

    /** A preview precinct with the values the mapping gave it. */
    public record Feature(String type, String id, Geometry geometry, Properties properties) {
    }

    /** The mapped values of a precinct. */
    public record Properties(String id, String name, int registeredVoters, double expectedTurnout,
            double supportShare, List<String> districtIds, List<String> requiredLanguages) {
    }

    static ImportView of(RegionUpload.Result result, StreetImporter.Result streets, List<String> roadTravel) {
        ImportReport read = result.report();
        Report report = new Report(read.outcome().name(), read.featuresRead(), read.importedCount(),
                read.rowErrors().stream().map(ImportReport.RowProblem::toString).toList(), read.warnings(),
                read.proxies(), read.turnoutCappedIds(), read.turnoutCapReason(), read.repairedIds(),
                read.zeroVoterIds(), result.volunteers(), read.lines());
        List<TimeSlot> slots = result.calendar().slots();
        Calendar calendar = new Calendar(result.calendar().timeZone().getId(), result.calendar().from().toString(),
                result.calendar().to().toString(), slots.size(),
                slots.stream().limit(6).map(TimeSlot::getId).toList());
        Envelope box = result.bounds();
        double[] bounds = box.isNull() ? null : new double[] {box.getMinX(), box.getMinY(), box.getMaxX(),
                box.getMaxY()};
        List<Feature> features = result.preview().stream().map(ImportView::feature).toList();
        return new ImportView(result.regionId(), result.stored(), report, calendar, bounds,
                new Preview("FeatureCollection", features), streets == null ? null : new Streets(streets.roads(),
                        streets.precincts(), streets.named(), streets.unnamed(), streets.line()), roadTravel);
    }

    private static Feature feature(Precinct p) {
        return new Feature("Feature", p.getId(), p.getGeometry(), new Properties(p.getId(), p.getName(),
                p.getRegisteredVoters(), p.getExpectedTurnout(), p.getSupportShare(), p.getDistrictIds(),
                p.getRequiredLanguages().stream().sorted().toList()));
    }
}
