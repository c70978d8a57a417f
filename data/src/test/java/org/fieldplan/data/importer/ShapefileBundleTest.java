package org.fieldplan.data.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.fieldplan.data.StoreException;
import org.junit.jupiter.api.Test;

/** Reading the reference system of a shapefile from its {@code .prj}. */
class ShapefileBundleTest {

    private static final Path SOURCE = Path.of("test.zip");

    @Test
    void esriGeographicSystemsWithoutACodeAreKnownByTheirDatum() {
        assertThat(ShapefileBundle.srid("GEOGCS[\"GCS_North_American_1983\",DATUM[\"D_North_American_1983\","
                + "SPHEROID[\"GRS_1980\",6378137,298.257222101]],PRIMEM[\"Greenwich\",0],"
                + "UNIT[\"Degree\",0.017453292519943295]]", SOURCE)).isEqualTo(4269);
        assertThat(ShapefileBundle.srid("GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\","
                + "6378137,298.257223563]],PRIMEM[\"Greenwich\",0],UNIT[\"Degree\",0.0174532925199433]]", SOURCE))
                .isEqualTo(4326);
    }

    @Test
    void aStatedEpsgCodeWins() {
        assertThat(ShapefileBundle.srid("PROJCS[\"NAD83 / Rhode Island\",GEOGCS[\"NAD83\"],"
                + "UNIT[\"metre\",1],AUTHORITY[\"EPSG\",\"32130\"]]", SOURCE)).isEqualTo(32130);
    }

    @Test
    void anUnknownProjectedSystemIsRejected() {
        assertThatThrownBy(() -> ShapefileBundle.srid("PROJCS[\"Somewhere_Local\",GEOGCS[\"GCS_North_American_1983\"]]",
                SOURCE)).isInstanceOf(StoreException.class).hasMessageContaining("unknown reference system");
    }
}
