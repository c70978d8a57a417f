package org.fieldplan.data.travel.road;

import java.util.List;
import java.util.SortedSet;

/**
 * What a road travel computation did: which extract (by SHA-256), whether its graph was cached, and which homes and
 * meeting points lay outside the roads and kept the straight-line estimate.
 *
 * @param pairs every (volunteer, precinct) pair within the volunteer's limit
 * @param pairsEstimated those of them that kept the straight-line estimate (an end outside the roads)
 */
public record RoadTravelReport(String osmSha256, boolean graphFromCache, int volunteers, int precincts,
        SortedSet<String> volunteersEstimated, SortedSet<String> precinctsEstimated, long pairs, long pairsEstimated) {

    /** Examples named in {@link #lines()} per list, so a report stays readable for a whole county. */
    private static final int EXAMPLES = 5;

    /** The report as the command line prints it. */
    public List<String> lines() {
        return List.of(networkLine(osmSha256, graphFromCache),
                "travel pairs: " + pairs + " within the volunteers' limits, " + (pairs - pairsEstimated)
                        + " by road, " + pairsEstimated + " estimated in a straight line",
                "outside the roads (straight-line estimate): " + volunteersEstimated.size() + " of " + volunteers
                        + " volunteers' homes" + examples(volunteersEstimated) + ", " + precinctsEstimated.size()
                        + " of " + precincts + " precincts' meeting points" + examples(precinctsEstimated));
    }

    /** The report's first line: which extract, and whether its graph was built or found in the cache. */
    public static String networkLine(String osmSha256, boolean graphFromCache) {
        return "road network: OSM extract sha256 " + osmSha256 + (graphFromCache ? " (graph from cache)"
                : " (graph built)");
    }

    private static String examples(SortedSet<String> ids) {
        return ids.isEmpty() ? "" : " (" + String.join(", ", ids.stream().limit(EXAMPLES).toList())
                + (ids.size() > EXAMPLES ? ", …" : "") + ")";
    }
}
