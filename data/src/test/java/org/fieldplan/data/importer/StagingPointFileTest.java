package org.fieldplan.data.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.fieldplan.domain.StagingLocation;
import org.junit.jupiter.api.Test;

/**
 * Staging locations from point files through GDAL and the same mapping as a CSV (docs/mappings/staging-offices.json):
 * a GeoJSON in web Mercator, a GeoPackage made from it, and a file whose feature is not a point.
 */
public class StagingPointFileTest {

    /** Fox Point office and a garage, in EPSG:3857, with the mapping's columns but no LAT/LON: the point gives them. */
    public static String mercatorOffices() {
        return """
                {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "EPSG:3857"}},
                 "features": [%s, %s]}""".formatted(
                feature("Fox Point 1", "Fox Point office", "12 Wickenden St", 3, "2026-10-31 08:00-18:00", -71.402,
                        41.818),
                feature("garage", "", "", 9, "", -71.44, 41.77));
    }

    private static String feature(String site, String name, String street, int rooms, String hours, double lon,
            double lat) {
        double x = Math.toRadians(lon) * 6378137;
        double y = Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2)) * 6378137;
        return String.format(Locale.ROOT, """
                {"type": "Feature", "geometry": {"type": "Point", "coordinates": [%.3f, %.3f]},
                 "properties": {"SITE": "%s", "SITE_NAME": "%s", "STREET": "%s", "TOWN": "Providence", "ROOMS": %d,
                  "HOURS": "%s"}}""", x, y, site, name, street, rooms, hours);
    }

    @Test
    void aGeoJsonInAnotherReferenceSystemIsReadThroughTheCsvMapping() {
        List<StagingLocation> read = StagingFileReader.read(mercatorOffices().getBytes(StandardCharsets.UTF_8),
                "offices.geojson", StagingFileReaderTest.MAPPING);

        assertThat(read).extracting(StagingLocation::id).containsExactly("S-fox-point-1", "S-garage");
        assertThat(read.get(0).point().getX()).isCloseTo(-71.402, within(1e-6));
        assertThat(read.get(0).point().getY()).isCloseTo(41.818, within(1e-6));
        assertThat(read.get(0).name()).isEqualTo("Fox Point office");
        assertThat(read.get(0).address()).isEqualTo("12 Wickenden St, Providence");
        assertThat(read.get(0).teamsPerSlot()).isEqualTo(6);
        assertThat(read.get(0).hours()).hasSize(1);
        assertThat(read.get(1).teamsPerSlot()).as("min(ROOMS * 2, 12)").isEqualTo(12);
    }

    @Test
    void aGeoPackageIsReadAsTheSameLocations() throws IOException {
        Path geoJson = Files.createTempFile("offices", ".geojson");
        try {
            Files.writeString(geoJson, mercatorOffices());
            Path gpkg = BadPrecinctFiles.ogr2ogr(geoJson, "offices.gpkg", "GPKG", "-nln", "offices");
            List<StagingLocation> read = StagingFileReader.read(gpkg, "offices.gpkg", StagingFileReaderTest.MAPPING);
            assertThat(read).extracting(StagingLocation::id).containsExactly("S-fox-point-1", "S-garage");
            assertThat(read.get(1).point().getX()).isCloseTo(-71.44, within(1e-6));
            assertThat(read.get(1).point().getY()).isCloseTo(41.77, within(1e-6));
        } finally {
            Files.deleteIfExists(geoJson);
        }
    }

    @Test
    void aFeatureThatIsNotAPointIsNamedByItsIndex() {
        String polygon = mercatorOffices().replaceFirst("\"type\": \"Point\", \"coordinates\": \\[([^]]*)]",
                "\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [1, 0], [1, 1], [0, 0]]]");
        assertThatThrownBy(() -> StagingFileReader.read(polygon.getBytes(StandardCharsets.UTF_8), "offices.json",
                StagingFileReaderTest.MAPPING))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.errors())
                        .extracting(RowError::toString)
                        .containsExactly("row 0: geometry: is a Polygon, a staging location is a point"));
        assertThatThrownBy(() -> StagingFileReader.read("not a vector file".getBytes(StandardCharsets.UTF_8),
                "offices.gpkg", StagingFileReaderTest.MAPPING))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.errors()).hasSize(1)
                        .allSatisfy(error -> assertThat(error.row()).isEqualTo(RowError.WHOLE_FILE)));
    }
}
