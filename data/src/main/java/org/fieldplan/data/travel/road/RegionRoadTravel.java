package org.fieldplan.data.travel.road;

import java.nio.file.Path;
import java.time.LocalDate;

import org.fieldplan.data.DataStores;
import org.fieldplan.data.region.ProblemQuery;
import org.fieldplan.data.region.RegionCalendar;
import org.fieldplan.domain.FieldPlanProblem;

/**
 * Road travel for a region: the minutes of every volunteer over an OSM extract's road network, either stored with a
 * stored region (so every later solve and repair reuses them) or stated in a problem document.
 */
public final class RegionRoadTravel {

    private final Path cacheRoot;

    /** @param cacheRoot where routing graphs are kept, one folder per extract's SHA-256 */
    public RegionRoadTravel(Path cacheRoot) {
        this.cacheRoot = cacheRoot;
    }

    /** Computes the minutes of every volunteer of the stored region and stores them with it, replacing older ones. */
    public RoadTravelReport computeAndStore(DataStores stores, String regionId, Path extract) {
        RegionCalendar calendar = stores.regions().calendar(regionId);
        LocalDate today = LocalDate.now();
        FieldPlanProblem region = stores.regions().load(ProblemQuery.of(regionId,
                calendar.firstDay().orElse(today), calendar.lastDay().orElse(today)));
        RoadTravelTable table = compute(region, extract);
        stores.travelMinutes().replace(regionId, table.report().osmSha256(), table.minutes());
        return table.report();
    }

    /** The problem with its road travel minutes stated, and the report. */
    public Stated state(FieldPlanProblem problem, Path extract) {
        RoadTravelTable table = compute(problem, extract);
        return new Stated(problem.withTravelMinutes(table.minutes()), table.report());
    }

    private RoadTravelTable compute(FieldPlanProblem problem, Path extract) {
        try (RoadNetwork network = RoadNetwork.open(extract, cacheRoot)) {
            return new RoadTravelTimes(network).compute(problem);
        }
    }

    /** A problem with stated road travel minutes, and how they were found. */
    public record Stated(FieldPlanProblem problem, RoadTravelReport report) {
    }
}
