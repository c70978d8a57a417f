package org.fieldplan.data.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.fieldplan.data.DataStores;
import org.fieldplan.data.testing.TestDatabase;
import org.fieldplan.data.mapping.PrecinctMapping;
import org.junit.jupiter.api.Test;

/** The import contract on PostGIS, plus what only PostGIS can check: every imported polygon is valid for PostGIS. */
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
        new PrecinctImporter(stores.regions()).importFile(regionId, RI_GEOJSON, PrecinctMapping.preset("rhode-island"),
                ImportOptions.DEFAULT);

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
}
