package org.fieldplan.io;

import java.util.List;

import org.fieldplan.domain.Precinct;

/**
 * What {@link PrecinctGeoJsonReader} read, and what it had to correct or an author should look at.
 *
 * @param precincts in file order, every geometry a valid Polygon or MultiPolygon
 * @param repairedIds precincts whose polygon was invalid (e.g. self-intersecting) and was repaired
 * @param zeroRegisteredIds precincts with no registered voters (water, parks, unpopulated grants): they have no
 *     doors to knock and the vote model gives them no value
 * @param turnoutCappedIds precincts with more ballots than registered voters, whose turnout was capped at 1
 */
public record PrecinctImport(List<Precinct> precincts, List<String> repairedIds, List<String> zeroRegisteredIds,
        List<String> turnoutCappedIds) {

    public PrecinctImport {
        precincts = List.copyOf(precincts);
        repairedIds = List.copyOf(repairedIds);
        zeroRegisteredIds = List.copyOf(zeroRegisteredIds);
        turnoutCappedIds = List.copyOf(turnoutCappedIds);
    }

    public int repairedCount() {
        return repairedIds.size();
    }
}
