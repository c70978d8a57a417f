package org.fieldplan.data.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.fieldplan.data.DataStores;
import org.fieldplan.data.StoreException;
import org.fieldplan.data.testing.SharedData;
import org.fieldplan.data.testing.TestDatabase;
import org.fieldplan.domain.Precinct;
import org.fieldplan.io.PrecinctColumnMapping;
import org.junit.jupiter.api.Test;

/** The import contract on PostGIS, plus what only PostGIS does: validity checked by PostGIS, shapefile import. */
class PostgisImportTest extends ImportContractTest {

    private static DataSource dataSource;
    private static DataStores stores;

    @Override
    protected synchronized DataStores createStores() {
        if (stores == null) {
            dataSource = TestDatabase.dataSource();
            stores = DataStores.postgis(dataSource);
        }
        return stores;
    }

    @Test
    void everyImportedRhodeIslandPrecinctIsValidForPostgis() throws SQLException {
        new PrecinctImporter(stores.regions()).importGeoJson(regionId, RI_GEOJSON, PrecinctColumnMapping.RHODE_ISLAND);

        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT count(*) AS stored, count(*) FILTER (WHERE ST_IsValid(geom)) AS valid,
                            count(*) FILTER (WHERE election_attributes ->> 'REGVOT18' IS NOT NULL) AS with_attributes
                        FROM precinct WHERE region_id = ?""")) {
            select.setString(1, regionId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                assertThat(rows.getInt("stored")).isEqualTo(419);
                assertThat(rows.getInt("valid")).isEqualTo(419);
                assertThat(rows.getInt("with_attributes")).isEqualTo(419);
            }
        }
    }

    @Test
    void theShapefileGivesTheSamePrecinctsAsTheGeoJson() {
        String shapefileRegion = regionId + "-shp";
        PrecinctImporter importer = new PrecinctImporter(stores.regions());
        importer.importGeoJson(regionId, RI_GEOJSON, PrecinctColumnMapping.RHODE_ISLAND);
        new ShapefileImporter(dataSource, importer).importZip(shapefileRegion,
                SharedData.file("precincts/RI_precincts.zip"), PrecinctColumnMapping.RHODE_ISLAND);

        List<Precinct> fromGeoJson = loadAll(regionId).precincts();
        Map<String, Precinct> fromShapefile = loadAll(shapefileRegion).precincts().stream()
                .collect(Collectors.toMap(Precinct::getId, Function.identity()));
        assertThat(fromShapefile).hasSize(419);
        assertThat(fromShapefile.keySet()).isEqualTo(fromGeoJson.stream().map(Precinct::getId)
                .collect(Collectors.toSet()));
        for (Precinct geoJson : fromGeoJson) {
            Precinct shapefile = fromShapefile.get(geoJson.getId());
            assertThat(shapefile.getRegisteredVoters()).as(geoJson.getId()).isEqualTo(geoJson.getRegisteredVoters());
            assertThat(shapefile.getSupportShare()).as(geoJson.getId()).isEqualTo(geoJson.getSupportShare());
            assertThat(shapefile.getGeometry().getArea()).as(geoJson.getId())
                    .isCloseTo(geoJson.getGeometry().getArea(), within(geoJson.getGeometry().getArea() * 0.005));
        }
        assertThat(stores.regions().electionAttributes(shapefileRegion, "RI-3206"))
                .hasValueSatisfying(raw -> assertThat(raw).containsEntry("PRENAME", "South Kingstown 3206"));
    }

    @Test
    void aShapefileArchiveWithoutAShapefileIsRejected() throws Exception {
        Path zip = temp.resolve("empty.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("no shapefile here".getBytes(StandardCharsets.UTF_8));
        }

        assertThatThrownBy(() -> new ShapefileImporter(dataSource, new PrecinctImporter(stores.regions()))
                .importZip(regionId, zip, PrecinctColumnMapping.RHODE_ISLAND))
                .isInstanceOf(StoreException.class).hasMessageContaining("expected one .shp file, found 0");
        assertThat(stores.regions().list()).noneMatch(r -> r.id().equals(regionId));
    }
}
