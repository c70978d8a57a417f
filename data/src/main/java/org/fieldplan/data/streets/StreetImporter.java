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
                    + "%d on an unnamed road, %d at the precinct's interior point (no road through it or within "
                    + "%.0f m)", roads, extract, named, precincts, unnamed, precincts - named - unnamed,
                    MeetingPointSnapper.MAX_METRES);
        }
    }

    private final StreetStore store;

    public StreetImporter(StreetStore store) {
        this.store = store;
    }

    /**
     * Reads the extract and stores its roads and the precincts' meeting points.
     *
     * @param displayName the extract's name as the user gave it (for messages)
     * @throws OsmStreetReader.UnreadableExtractException when the extract cannot be read; nothing is stored then
     */
    public Result importExtract(String regionId, List<Precinct> precincts, Path extract, String displayName) {
        long start = System.nanoTime();
        return store(regionId, precincts, OsmStreetReader.read(extract, displayName), displayName, start);
    }

    /** Stores roads already read ({@link OsmStreetReader}) and the precincts' meeting points on them. */
    public Result store(String regionId, List<Precinct> precincts, List<Street> streets, String displayName) {
        return store(regionId, precincts, streets, displayName, System.nanoTime());
    }

    private Result store(String regionId, List<Precinct> precincts, List<Street> streets, String displayName,
            long start) {
        Map<String, MeetingPoint> points = new MeetingPointSnapper(streets).snap(precincts);
        store.replace(regionId, streets, points.values());
        return result(precincts, streets, points, displayName, start);
    }

    /** What {@link #store} would do, storing nothing (a dry run). */
    public static Result check(List<Precinct> precincts, List<Street> streets, String displayName) {
        long start = System.nanoTime();
        return result(precincts, streets, new MeetingPointSnapper(streets).snap(precincts), displayName, start);
    }

    private static Result result(List<Precinct> precincts, List<Street> streets, Map<String, MeetingPoint> points,
            String displayName, long start) {
        int named = (int) points.values().stream().filter(p -> p.street() != null).count();
        return new Result(displayName, streets.size(), precincts.size(), named, points.size() - named,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** The same for a stored region's precincts. */
    public Result importExtract(RegionStore regions, String regionId, Path extract, String displayName) {
        return importExtract(regionId, precinctsOf(regions, regionId), extract, displayName);
    }

    /** Every precinct of a stored region. */
    public static List<Precinct> precinctsOf(RegionStore regions, String regionId) {
        // Every precinct is in any problem of the region, whatever its days.
        LocalDate day = regions.calendar(regionId).firstDay().orElse(LocalDate.EPOCH);
        return regions.load(ProblemQuery.of(regionId, day, day)).precincts();
    }
}
