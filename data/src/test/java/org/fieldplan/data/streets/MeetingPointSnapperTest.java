package org.fieldplan.data.streets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.fieldplan.data.TestRegions;
import org.fieldplan.domain.Precinct;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.junit.jupiter.api.io.TempDir;

/** The extract read through GDAL's OSM driver, and meeting points put on its streets. */
class MeetingPointSnapperTest {

    @TempDir
    Path dir;

    @Test
    void readsEveryRoadWithItsNameClassAndAccess() {
        List<Street> streets = OsmStreetReader.read(StreetFixture.write(dir), "fixture.osm");

        assertThat(streets).extracting(Street::name).containsExactlyInAnyOrder(StreetFixture.INTERSTATE,
                "Private Lane", null, "Oak Path", StreetFixture.HIGH_STREET, StreetFixture.BROAD_STREET);
        assertThat(streets).filteredOn(Street::meetable).extracting(Street::name)
                .containsExactlyInAnyOrder(null, StreetFixture.HIGH_STREET, StreetFixture.BROAD_STREET);
        assertThat(streets).filteredOn(Street::major).extracting(Street::roadClass)
                .containsExactlyInAnyOrder("motorway", "primary");
        assertThat(streets).filteredOn(s -> StreetFixture.HIGH_STREET.equals(s.name())).singleElement()
                .satisfies(s -> assertThat(s.line().getNumPoints()).isEqualTo(20));
    }

    @Test
    void theMeetingPointIsOnTheNearestNamedStreetWhereCanvassersCanMeet() {
        Precinct near = TestRegions.precinct("near", "Near", TestRegions.square(-83.0005, 40.0005, 0.001));
        Precinct far = TestRegions.precinct("far", "Far", TestRegions.square(-82.9, 40.05, 0.001));
        MeetingPointSnapper snapper = new MeetingPointSnapper(OsmStreetReader.read(StreetFixture.write(dir),
                "fixture.osm"));

        Map<String, MeetingPoint> points = snapper.snap(List.of(near, far));

        // Not the motorway, the private lane, the unnamed service road or the footway, though each is nearer.
        MeetingPoint point = points.get("near");
        assertThat(point.street()).isEqualTo(StreetFixture.HIGH_STREET);
        assertThat(point.label()).isEqualTo(StreetFixture.HIGH_STREET);
        assertThat(point.point().getX()).isCloseTo(-83.0010, within(0.00002));
        assertThat(point.point().getY()).isCloseTo(near.getCentroid().getY(), within(0.0001));
        assertThat(point.metres()).isBetween(70.0, 100.0);
        // No road within 500 m: no meeting point, the precinct keeps its interior point.
        assertThat(points).doesNotContainKey("far");
    }

    @Test
    void anUnnamedRoadIsTakenWhenNoNamedStreetIsNearAndShownByItsCoordinates() {
        Street service = new Street(null, "service", true, TestRegions.GEOMETRY.createLineString(
                new Coordinate[] {new Coordinate(-83.0002, 40.0), new Coordinate(-83.0002, 40.002)}));
        MeetingPoint point = new MeetingPointSnapper(List.of(service)).snap("p", TestRegions.point(-83.0, 40.001),
                null);

        assertThat(point.street()).isNull();
        assertThat(point.label()).isEqualTo("40.00100, -83.00020");
    }

    @Test
    void aStreetThroughThePrecinctCountsBeyondTheBoundedDistance() {
        // A precinct 2.5 km wide whose only street runs 1 km west of its interior point.
        Street through = new Street("Long Road", "residential", true, TestRegions.GEOMETRY.createLineString(
                new Coordinate[] {new Coordinate(-83.012, 39.99), new Coordinate(-83.012, 40.02)}));
        Street outside = new Street("Far Road", "residential", true, TestRegions.GEOMETRY.createLineString(
                new Coordinate[] {new Coordinate(-82.98, 39.99), new Coordinate(-82.98, 40.02)}));
        Precinct wide = TestRegions.precinct("wide", "Wide", TestRegions.GEOMETRY.createPolygon(new Coordinate[] {
                new Coordinate(-83.015, 40.0), new Coordinate(-82.985, 40.0), new Coordinate(-82.985, 40.01),
                new Coordinate(-83.015, 40.01), new Coordinate(-83.015, 40.0)}));

        MeetingPoint point = new MeetingPointSnapper(List.of(through, outside)).snap(List.of(wide)).get("wide");

        assertThat(point.street()).isEqualTo("Long Road");
        assertThat(point.metres()).isGreaterThan(MeetingPointSnapper.MAX_METRES);
    }

    @Test
    void aFileThatIsNoExtractIsRefusedNamingIt() throws Exception {
        Path junk = Files.writeString(dir.resolve("roads.osm.pbf"), "not an extract");

        assertThatThrownBy(() -> OsmStreetReader.read(junk, "roads.osm.pbf"))
                .isInstanceOf(OsmStreetReader.UnreadableExtractException.class)
                .hasMessageStartingWith("GDAL cannot read roads.osm.pbf")
                .hasMessageNotContaining(dir.toString());
    }
}
