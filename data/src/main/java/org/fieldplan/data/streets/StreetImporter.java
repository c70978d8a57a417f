package org.fieldplan.data.streets;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fieldplan.data.region.ProblemQuery;
import org.fieldplan.data.region.RegionStore;
import org.fieldplan.domain.Precinct;

/**
 * Stores a region's roads from its OpenStreetMap extract and puts each precinct's meeting point on a street
 * ({@link MeetingPointSnapper}). Replaces what the region had.
 */
public final class StreetImporter {

    /**
     * What an import did.
     *
     * @param named precincts whose meeting point is on a named street
     * @param unnamed precincts whose meeting point is on a road OSM does not name
     * @param took reading, snapping and storing
     */
    public record Result(String extract, int roads, int precincts, int named, int unnamed, Duration took) {

        /** One line for the import report. */
        public String line() {
            return String.format("streets: %d roads from %s; meeting points of %d of %d precincts on a named street, "
                    + "%d on an unnamed road, %d at the precinct's interior point (no road within %.0f m)", roads,
                    extract, named, precincts, unnamed, precincts - named - unnamed, MeetingPointSnapper.MAX_METRES);
        }
    }

    private final StreetStore store;

    public StreetImporter(StreetStore store) {
        this.store = store;
    }

    /**
     * @param displayName the extract's name as the user gave it (for messages)
     * @throws OsmStreetReader.UnreadableExtractException when the extract cannot be read; nothing is stored then
     */
    public Result importExtract(String regionId, List<Precinct> precincts, Path extract, String displayName) {
        long start = System.nanoTime();
        List<Street> streets = OsmStreetReader.read(extract, displayName);
        Map<String, MeetingPoint> points = new MeetingPointSnapper(streets).snap(precincts);
        store.replace(regionId, streets, points.values());
        int named = (int) points.values().stream().filter(p -> p.street() != null).count();
        return new Result(displayName, streets.size(), precincts.size(), named, points.size() - named,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** The same for a stored region's precincts. */
    public Result importExtract(RegionStore regions, String regionId, Path extract, String displayName) {
        // Every precinct is in any problem of the region, whatever its days.
        LocalDate day = regions.calendar(regionId).firstDay().orElse(LocalDate.EPOCH);
        List<Precinct> precincts = regions.load(ProblemQuery.of(regionId, day, day)).precincts();
        return importExtract(regionId, precincts, extract, displayName);
    }
}
