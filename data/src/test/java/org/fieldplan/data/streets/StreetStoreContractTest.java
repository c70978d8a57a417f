package org.fieldplan.data.streets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.fieldplan.data.TestRegions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

/** What every street store does; each test stores its own region. */
abstract class StreetStoreContractTest {

    @TempDir
    Path dir;

    /** A store, with a stored region of this id where the store needs one. */
    abstract StreetStore newStore(String regionId);

    @Test
    void keepsRoadsAndMeetingPointsAndAnswersByBoxAndClass() {
        String region = "streets-" + UUID.randomUUID().toString().substring(0, 8);
        StreetStore store = newStore(region);
        List<Street> streets = OsmStreetReader.read(StreetFixture.write(dir), "fixture.osm");
        MeetingPoint point = new MeetingPoint("P1", TestRegions.point(-83.001, 40.0011), StreetFixture.HIGH_STREET,
                84.5);
        MeetingPoint unnamed = new MeetingPoint("P2", TestRegions.point(-83.0002, 40.001), null, 17);

        store.replace(region, streets, List.of(point, unnamed));

        Envelope all = new Envelope(-84, -82, 39, 41);
        assertThat(store.streets(region, all, false, 100)).hasSize(6);
        // Major classes first, so a limit drops minor roads.
        assertThat(store.streets(region, all, false, 2)).extracting(Street::major).containsOnly(true);
        assertThat(store.streets(region, all, true, 100)).extracting(Street::name)
                .containsExactlyInAnyOrder(StreetFixture.INTERSTATE, StreetFixture.BROAD_STREET);
        Envelope eastOnly = new Envelope(-82.99, -82.97, 39.99, 40.01);
        assertThat(store.streets(region, eastOnly, false, 100)).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo(StreetFixture.BROAD_STREET);
            assertThat(s.roadClass()).isEqualTo("primary");
            assertThat(s.line().getCoordinates()).isEqualTo(streets.get(5).line().getCoordinates());
        });
        assertThat(store.streets(region, all, false, 100)).filteredOn(s -> "Private Lane".equals(s.name()))
                .singleElement().satisfies(s -> assertThat(s.publicAccess()).isFalse());
        assertThat(store.meetingPoints(region)).containsOnlyKeys("P1", "P2");
        assertThat(store.meetingPoints(region).get("P1")).isEqualTo(point);
        assertThat(store.meetingPoints(region).get("P2").street()).isNull();
        assertThat(store.streets("another-region", all, false, 100)).isEmpty();
        assertThat(store.meetingPoints("another-region")).isEmpty();

        store.replace(region, streets.subList(5, 6), List.of());

        assertThat(store.streets(region, all, false, 100)).extracting(Street::name)
                .containsExactly(StreetFixture.BROAD_STREET);
        assertThat(store.meetingPoints(region)).isEmpty();
    }
}
