package org.fieldplan.data.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.fieldplan.domain.Precinct;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

class LocationChecksTest {

    private static final GeometryFactory WGS84 = new GeometryFactory();

    @Test
    void precinctsFarFromEveryVolunteerHomeGiveOneWarning() throws IOException {
        List<Precinct> providence = precincts();
        Point inProvidence = WGS84.createPoint(new Coordinate(-71.41, 41.82));
        Point inColumbus = WGS84.createPoint(new Coordinate(-83.0, 39.96));

        assertThat(LocationChecks.farFromVolunteers(providence, List.of(inProvidence))).isEmpty();
        assertThat(LocationChecks.farFromVolunteers(providence, List.of(inColumbus))).singleElement().asString()
                .startsWith("1 of 1 precincts lie more than 50 km from every volunteer home").endsWith("e.g. T-a");
        assertThat(LocationChecks.farFromVolunteers(providence, List.of())).isEmpty();
    }

    private static List<Precinct> precincts() throws IOException {
        PrecinctMapping mapping = PrecinctMapping.read(new ByteArrayInputStream(
                MappedPrecinctReaderTest.TEST_MAPPING.getBytes(StandardCharsets.UTF_8)), "test");
        String collection = "{\"type\":\"FeatureCollection\",\"features\":["
                + MappedPrecinctReaderTest.feature("A", 100, 50, 30, 20, 0, 100) + "]}";
        return new MappedPrecinctReader(mapping, false)
                .read(new ByteArrayInputStream(collection.getBytes(StandardCharsets.UTF_8)), "t").report().precincts();
    }
}
