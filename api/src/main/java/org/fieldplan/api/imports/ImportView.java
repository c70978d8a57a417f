package org.fieldplan.api.imports;

import java.util.List;

import org.fieldplan.data.importer.RegionUpload;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.TimeSlot;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * What an upload gives, as the API answers it: the import report a strategist reads before confirming, the calendar,
 * and a preview (a few mapped precincts as a GeoJSON FeatureCollection, and the bounding box of all) for the map.
 *
 * @param stored false for a dry run: nothing was stored
 * @param bounds {@code [west, south, east, north]} of every precinct, longitude/latitude
 */
public record ImportView(String regionId, boolean stored, Report report, Calendar calendar, double[] bounds,
        Preview preview) {

    /**
     * The import report.
     *
     * @param precincts precincts read (all of them are stored when confirmed)
     * @param repaired ids of precincts whose invalid polygon was repaired
     * @param zeroRegisteredVoters ids of precincts without registered voters (no doors to knock)
     * @param turnoutCapped ids of precincts with more ballots than registered voters, turnout capped at 1
     * @param volunteers volunteers read from the sheet (0 without one)
     */
    public record Report(int precincts, List<String> repaired, List<String> zeroRegisteredVoters,
            List<String> turnoutCapped, int volunteers) {
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

    static ImportView of(RegionUpload.Result result) {
        Report report = new Report(result.read().precincts().size(), result.read().repairedIds(),
                result.read().zeroRegisteredIds(), result.read().turnoutCappedIds(), result.volunteers());
        List<TimeSlot> slots = result.calendar().slots();
        Calendar calendar = new Calendar(result.calendar().timeZone().getId(), result.calendar().from().toString(),
                result.calendar().to().toString(), slots.size(),
                slots.stream().limit(6).map(TimeSlot::getId).toList());
        Envelope box = result.bounds();
        double[] bounds = box.isNull() ? null : new double[] {box.getMinX(), box.getMinY(), box.getMaxX(),
                box.getMaxY()};
        List<Feature> features = result.preview().stream().map(ImportView::feature).toList();
        return new ImportView(result.regionId(), result.stored(), report, calendar, bounds,
                new Preview("FeatureCollection", features));
    }

    private static Feature feature(Precinct p) {
        return new Feature("Feature", p.getId(), p.getGeometry(), new Properties(p.getId(), p.getName(),
                p.getRegisteredVoters(), p.getExpectedTurnout(), p.getSupportShare(), p.getDistrictIds(),
                p.getRequiredLanguages().stream().sorted().toList()));
    }
}
