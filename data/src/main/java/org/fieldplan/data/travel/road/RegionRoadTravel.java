package org.fieldplan.data.travel.road;

import java.time.LocalDate;

import org.fieldplan.data.DataStores;
import org.fieldplan.data.region.ProblemQuery;
import org.fieldplan.data.region.RegionCalendar;
import org.fieldplan.domain.FieldPlanProblem;

/**
 * Road travel for a region over an open {@link RoadNetwork} (opened before anything is imported, so a bad extract
 * stores nothing): the minutes of every volunteer, either stored with a stored region (every later solve and repair
 * reuses them) or stated in a problem document.
 */
public final class RegionRoadTravel {

    private final RoadNetwork network;

    public RegionRoadTravel(RoadNetwork network) {
        this.network = network;
    }

    /** Computes the minutes of every volunteer of the stored region and stores them with it, replacing older ones. */
    public RoadTravelReport computeAndStore(DataStores stores, String regionId) {
        RegionCalendar calendar = stores.regions().calendar(regionId);
        LocalDate today = LocalDate.now();
        FieldPlanProblem region = stores.regions().load(ProblemQuery.of(regionId,
                calendar.firstDay().orElse(today), calendar.lastDay().orElse(today)));
        RoadTravelTable table = new RoadTravelTimes(network).compute(region);
        stores.travelMinutes().replace(regionId, table.report().osmSha256(), table.minutes());
        return table.report();
    }

    /** The problem with its road travel minutes stated, and the report. */
    public Stated state(FieldPlanProblem problem) {
        RoadTravelTable table = new RoadTravelTimes(network).compute(problem);
        return new Stated(problem.withTravelMinutes(table.minutes()), table.report());
    }

    /** A problem with stated road travel minutes, and how they were found. */
    public record Stated(FieldPlanProblem problem, RoadTravelReport report) {
    }
}
