package org.fieldplan.data.travel.road;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fieldplan.data.TestRegions.allWeekends;
import static org.fieldplan.data.TestRegions.point;
import static org.fieldplan.data.TestRegions.precinct;
import static org.fieldplan.data.TestRegions.slots;
import static org.fieldplan.data.TestRegions.square;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.fieldplan.domain.District;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Skill;
import org.fieldplan.domain.TravelMode;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.travel.GreatCircleTravelTimeMatrix;
import org.fieldplan.travel.PrecinctTravel;
import org.fieldplan.domain.TravelParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Road travel on {@link RiverTown}: one river, one bridge, a home and a precinct outside the streets. */
class RoadTravelTest {

    @TempDir
    static Path folder;
    static Path extract;
    static Path cache;

    /** Just west of the river, at the south end: the bridge is 2 km north. */
    static final Volunteer WEST_DRIVER = volunteer("V-west", RiverTown.WEST_BANK_LON - 0.0005,
            RiverTown.SOUTH_LAT + 0.0001, TravelMode.CAR);
    /** Walks; lives in the west grid too. */
    static final Volunteer WEST_WALKER = volunteer("V-walker", RiverTown.WEST_LON + 0.0101,
            RiverTown.SOUTH_LAT + 0.0001, TravelMode.WALK);
    /** 25 km east of the town: no street near, and the town is out of reach in a straight line too. */
    static final Volunteer FAR_EAST = volunteer("V-far", RiverTown.EAST_LON + 0.3, RiverTown.SOUTH_LAT + 0.001,
            TravelMode.CAR);

    /** Across the river from {@link #WEST_DRIVER}, 430 m in a straight line. */
    static final Precinct ACROSS = meetingPoint("P-across", RiverTown.EAST_LON + 0.0005, RiverTown.SOUTH_LAT + 0.0001);
    /** On the driver's own side, about as far in a straight line as {@link #ACROSS}. */
    static final Precinct SAME_SIDE = meetingPoint("P-same", RiverTown.WEST_BANK_LON - 0.0055,
            RiverTown.SOUTH_LAT + 0.0001);
    /** Beside {@link #FAR_EAST}, past the streets as well. */
    static final Precinct OUTSIDE = meetingPoint("P-outside", RiverTown.EAST_LON + 0.305,
            RiverTown.SOUTH_LAT + 0.001);

    static RoadTravelTable table;

    @BeforeAll
    static void computeOnce() throws IOException {
        extract = RiverTown.write(folder);
        cache = folder.resolve("graphs");
        try (RoadNetwork network = RoadNetwork.open(extract, cache, RiverTown.SIZE)) {
            table = new RoadTravelTimes(network).compute(problem());
        }
    }

    @Test
    void theRoadAcrossTheRiverGoesByTheBridgeAndTakesLongerThanTheStraightLine() {
        double straightLine = greatCircle().minutes(WEST_DRIVER, ACROSS);
        double byRoad = table.matrix().minutes(WEST_DRIVER, ACROSS);
        // Up to the bridge, across and back down: about 4.8 km against 0.43 km in a straight line.
        assertThat(byRoad).isGreaterThan(5 * straightLine);
        double sameSide = table.matrix().minutes(WEST_DRIVER, SAME_SIDE);
        assertThat(sameSide).isLessThan(byRoad / 3)
                .isLessThan(3 * greatCircle().minutes(WEST_DRIVER, SAME_SIDE));
    }

    @Test
    void onlyPairsWithinEachVolunteersLimitAreKept() {
        // 4.8 km on foot is about an hour: past the walker's 30 minutes, while the same side is minutes away.
        assertThat(table.byVolunteer().get("V-walker")).extracting(p -> p.precinct().getId())
                .contains("P-same").doesNotContain("P-across");
        table.byVolunteer().forEach((volunteerId, pairs) -> assertThat(pairs)
                .allSatisfy(p -> assertThat(p.minutes()).isLessThanOrEqualTo(30)));
    }

    @Test
    void pointsOutsideTheStreetsKeepTheStraightLineEstimateAndAreReported() {
        assertThat(table.report().volunteersEstimated()).containsExactly("V-far");
        assertThat(table.report().precinctsEstimated()).containsExactly("P-outside");
        assertThat(table.byVolunteer().get("V-far")).extracting(PrecinctTravel::precinct).containsExactly(OUTSIDE);
        assertThat(table.matrix().minutes(FAR_EAST, OUTSIDE)).isEqualTo(greatCircle().minutes(FAR_EAST, OUTSIDE));
        assertThat(table.report().pairsEstimated()).isEqualTo(1);
        assertThat(String.join("\n", table.report().lines()))
                .contains("1 of 3 volunteers' homes (V-far)", "1 of 3 precincts' meeting points (P-outside)");
    }

    @Test
    void theGraphIsBuiltOnceAndFoundAgainByTheExtractsHash() throws IOException {
        Path renamed = Files.copy(extract, folder.resolve("same-town-other-name.osm"));
        try (RoadNetwork again = RoadNetwork.open(renamed, cache, RiverTown.SIZE)) {
            assertThat(again.loadedFromCache()).isTrue();
            assertThat(again.sha256()).isEqualTo(table.report().osmSha256()).hasSize(64);
            assertThat(new RoadTravelTimes(again).compute(problem()).byVolunteer()).isEqualTo(table.byVolunteer());
        }
        assertThat(table.report().graphFromCache()).isFalse();
    }

    @Test
    void aFileThatIsNotAnExtractIsRefusedNamingIt() throws IOException {
        Path notOsm = Files.writeString(folder.resolve("notes.osm"), "these are not roads");
        assertThatThrownBy(() -> RoadNetwork.open(notOsm, folder.resolve("other-graphs"), RiverTown.SIZE))
                .isInstanceOf(RoadNetworkException.class).hasMessageContaining("notes.osm");
        assertThatThrownBy(() -> RoadNetwork.open(folder.resolve("missing.osm.pbf"), cache, RiverTown.SIZE))
                .isInstanceOf(RoadNetworkException.class).hasMessageContaining("missing.osm.pbf");
    }

    static FieldPlanProblem problem() {
        return new FieldPlanProblem("River town", "America/New_York", null, TravelParameters.DEFAULTS,
                List.of(new District("HD-1", 0.5)), slots(), List.of(ACROSS, SAME_SIDE, OUTSIDE),
                List.of(WEST_DRIVER, WEST_WALKER, FAR_EAST), null, null);
    }

    static GreatCircleTravelTimeMatrix greatCircle() {
        return new GreatCircleTravelTimeMatrix(List.of(ACROSS, SAME_SIDE, OUTSIDE), TravelParameters.DEFAULTS);
    }

    private static Volunteer volunteer(String id, double lon, double lat, TravelMode mode) {
        return new Volunteer(id, null, point(lon, lat), Set.of(Skill.CANVASS), Set.of("en"), mode, 30, allWeekends(),
                3, 2, "org-a", 0.8, Set.of());
    }

    /** A small square precinct whose interior point is (lon, lat). */
    private static Precinct meetingPoint(String id, double lon, double lat) {
        return precinct(id, null, square(lon - 0.0003, lat - 0.0003, 0.0006));
    }
}
