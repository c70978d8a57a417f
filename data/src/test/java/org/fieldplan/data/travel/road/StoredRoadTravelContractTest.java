package org.fieldplan.data.travel.road;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fieldplan.data.DataStores;
import org.fieldplan.data.TestRegions;
import org.fieldplan.data.region.ProblemQuery;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.solver.ProblemPreparer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Road travel stored with a region: every problem built from it afterwards (each solve, re-solve and repair) carries
 * the road minutes, without routing again; a volunteer added later gets the estimate until the next computation.
 */
abstract class StoredRoadTravelContractTest {

    @TempDir
    static Path folder;
    static Path extract;

    protected abstract DataStores stores();

    @BeforeAll
    static void writeTown() throws IOException {
        extract = RiverTown.write(folder);
    }

    @Test
    void problemsBuiltFromTheRegionCarryTheStoredRoadMinutes() {
        DataStores stores = stores();
        String regionId = "roads-" + UUID.randomUUID();
        stores.regions().save(regionId, RoadTravelTest.problem());
        // The town has more than GraphHopper's 200 junctions: the product's own settings route it.
        RoadTravelReport report;
        try (RoadNetwork network = RoadNetwork.open(extract, folder.resolve("graphs"))) {
            report = new RegionRoadTravel(network).computeAndStore(stores, regionId);
        }
        assertThat(report.volunteersEstimated()).containsExactly("V-far");

        stores.regions().addVolunteers(regionId, List.of(TestRegions.volunteer("V-late", null,
                TestRegions.point(RiverTown.WEST_BANK_LON - 0.0005, RiverTown.SOUTH_LAT + 0.0002), "org-a",
                TestRegions.allWeekends())), Map.of());
        FieldPlanProblem built = stores.problemBuilder().build(ProblemQuery.of(regionId, TestRegions.SAT.toLocalDate(),
                TestRegions.SAT.toLocalDate().plusDays(7))).problem();

        // V-far lives outside the streets and V-late came later: both keep the estimate, stated nowhere.
        assertThat(built.travelMinutes()).containsOnlyKeys("V-west", "V-walker");
        double across = built.travelMinutes().get("V-west").get("P-across");
        assertThat(across).isGreaterThan(5 * RoadTravelTest.greatCircle().minutes(RoadTravelTest.WEST_DRIVER,
                RoadTravelTest.ACROSS));
        assertThat(built.travelMinutes().get("V-walker")).doesNotContainKey("P-across");

        FieldPlan prepared = ProblemPreparer.prepare(built);
        Volunteer west = volunteer(prepared, "V-west");
        Precinct acrossPrecinct = west.getCandidatePrecincts().stream()
                .filter(p -> p.getId().equals("P-across")).findFirst().orElseThrow();
        assertThat(west.travelMinutesTo(acrossPrecinct)).isEqualTo((int) Math.round(across));
        // The late volunteer lives beside V-west but has no stored minutes: the straight line says the far bank is
        // a minute away.
        Volunteer late = volunteer(prepared, "V-late");
        Precinct lateAcross = late.getCandidatePrecincts().stream()
                .filter(p -> p.getId().equals("P-across")).findFirst().orElseThrow();
        assertThat(late.travelMinutesTo(lateAcross)).isLessThan((int) Math.round(across) / 5);
    }

    private static Volunteer volunteer(FieldPlan plan, String id) {
        return plan.getVolunteers().stream().filter(v -> v.getId().equals(id)).findFirst().orElseThrow();
    }
}
