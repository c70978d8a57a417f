package org.fieldplan.data.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.fieldplan.domain.Precinct;
import org.fieldplan.data.mapping.ImportReport;
import org.fieldplan.data.mapping.PrecinctMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forms of precinct files beyond one plain file of one layer: gzip-compressed files read through GDAL's
 * {@code /vsigzip/}, and files of several layers, where the user is told the layers' names and what to set.
 */
class PrecinctFileFormatsTest {

    @TempDir
    Path temp;

    private static final PrecinctMapping RHODE_ISLAND = PrecinctMapping.preset("rhode-island");

    private static List<String> ids(ImportReport report) {
        return report.precincts().stream().map(Precinct::getId).toList();
    }

    private Path gzip(Path file) throws IOException {
        Path gz = temp.resolve(file.getFileName() + ".gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(file, out);
        }
        return gz;
    }

    @Test
    void gzipCompressedGeoJsonAndCsvReadAsTheirPlainFiles() throws IOException {
        Path geoJson = BadPrecinctFiles.geoJson(BadPrecinctFiles.riFeatures(5), "five.geojson");
        Path csv = BadPrecinctFiles.ogr2ogr(geoJson, "five.csv", "CSV", "-lco", "GEOMETRY=AS_WKT");
        ImportReport plain = PrecinctImporter.read(geoJson, RHODE_ISLAND, false).report();
        assertThat(plain.precincts()).hasSize(5);

        for (Path file : List.of(gzip(geoJson), gzip(csv))) {
            ImportReport compressed = PrecinctImporter.read(file, RHODE_ISLAND, false).report();
            assertThat(compressed.errorLines()).as(file.getFileName().toString()).isEmpty();
            assertThat(ids(compressed)).as(file.getFileName().toString()).isEqualTo(ids(plain));
            assertThat(compressed.precincts()).extracting(Precinct::getRegisteredVoters)
                    .isEqualTo(plain.precincts().stream().map(Precinct::getRegisteredVoters).toList());
        }
    }

    @Test
    void aFileOfTwoLayersWithoutALayerSetNamesTheLayersAndTheField() throws Exception {
        Path geoJson = BadPrecinctFiles.geoJson(BadPrecinctFiles.riFeatures(5), "five.geojson");
        Path gpkg = BadPrecinctFiles.ogr2ogr(geoJson, "two.gpkg", "GPKG", "-nln", "precincts");
        Process second = new ProcessBuilder("ogr2ogr", "-f", "GPKG", "-update", "-nln", "wards", gpkg.toString(),
                geoJson.toString()).inheritIO().start();
        assertThat(second.waitFor()).as("ogr2ogr adds a second layer").isZero();

        ImportReport report = PrecinctImporter.read(gpkg, RHODE_ISLAND, false).report();

        assertThat(report.accepted()).isFalse();
        assertThat(report.fileErrors()).containsExactly("the file has layers precincts, wards: set `layer` in the "
                + "mapping");

        assertThat(PrecinctImporter.read(gpkg, withLayer("wards"), false).report().precincts()).hasSize(5);
        assertThat(PrecinctImporter.read(gpkg, withLayer("streets"), false).report().fileErrors()).containsExactly(
                "the file has no layer streets (`layer` in the mapping); its layers: precincts, wards");
    }

    private static PrecinctMapping withLayer(String layer) {
        String json = BadPrecinctFiles.RI_MAPPING.replace("\"idPrefix\"", "\"layer\": \"" + layer + "\", \"idPrefix\"");
        return PrecinctMapping.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "layered.json");
    }
}
