package org.fieldplan.data.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.fieldplan.data.TestRegions;
import org.fieldplan.data.testing.RepositoryFiles;
import org.fieldplan.data.testing.TestDatabase;
import org.fieldplan.domain.StagingLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fieldplan import staging}: checked without a database, added to a stored region, a bad row named. */
class StagingImportCommandTest {

    @TempDir
    Path temp;

    private final CliRun cli = new CliRun();

    private Path csv(String rows) throws IOException {
        Path file = temp.resolve("offices-" + UUID.randomUUID() + ".csv");
        Files.writeString(file, "SITE,SITE_NAME,STREET,TOWN,LAT,LON,ROOMS,HOURS\n" + rows);
        return file;
    }

    private static String mapping() {
        return RepositoryFiles.file("docs/mappings/staging-offices.json").toString();
    }

    @Test
    void aDryRunChecksWithoutADatabaseAndAnImportAddsToTheRegion() throws IOException {
        Path file = csv("hq,Field office,1 Main St,Providence,41.82,-71.41,2,2026-10-03 08:00-18:00\n"
                + "garage,Ana's garage,,Cranston,41.77,-71.44,1,\n");

        assertThat(cli.run(Map.of(), "import", "staging", "--region", "ri", "--file", file.toString(), "--mapping",
                mapping(), "--dry-run")).isZero();
        assertThat(cli.out()).contains("checked 2 staging locations; nothing stored");

        String region = "staging-cli-" + UUID.randomUUID().toString().substring(0, 8);
        TestDatabase.stores().regions().save(region, TestRegions.small());
        assertThat(cli.run(System.getenv(), "import", "staging", "--region", region, "--file", file.toString(),
                "--mapping", mapping())).isZero();
        assertThat(cli.out()).contains("added 2 staging locations to region " + region);
        assertThat(TestDatabase.stores().regions().stagingLocations(region)).extracting(StagingLocation::id)
                .containsExactly("S-hq", "S-garage");
    }

    @Test
    void aPointFileIsCheckedThroughTheSameMapping() throws IOException {
        Path file = temp.resolve("offices.geojson");
        Files.writeString(file, org.fieldplan.data.importer.StagingPointFileTest.mercatorOffices());

        assertThat(cli.run(Map.of(), "import", "staging", "--region", "ri", "--file", file.toString(), "--mapping",
                mapping(), "--dry-run")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("checked 2 staging locations; nothing stored");
    }

    @Test
    void aBadRowIsRefusedNamingRowAndColumnWithExitCodeOne() throws IOException {
        Path file = csv("hq,Field office,1 Main St,Providence,91.82,-71.41,2,\n");

        assertThat(cli.run(Map.of(), "import", "staging", "--region", "ri", "--file", file.toString(), "--mapping",
                mapping(), "--dry-run")).isEqualTo(1);
        assertThat(cli.err()).contains("rejected, nothing imported: row 2: lon/lat (LON, LAT): ");
    }
}
