package org.fieldplan.data.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.fieldplan.data.DataStores;
import org.fieldplan.validation.ValidationError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An uploaded zip bomb is refused while it is being unpacked, and no error of an upload shows where the server
 * keeps its temporary files.
 */
class RegionUploadArchiveTest {

    private static final String TEMPORARY = System.getProperty("java.io.tmpdir");

    @TempDir
    Path temp;

    private final RegionUpload upload = new RegionUpload(DataStores.inMemory().regions());

    private UploadRejectedException rejected(Path file, String name) throws IOException {
        RegionUpload.Upload files = new RegionUpload.Upload(Files.readAllBytes(file), name,
                "rhode-island".getBytes(StandardCharsets.UTF_8), null, null, false);
        return (UploadRejectedException) catchThrowable(
                () -> upload.check("bomb", files));
    }

    @Test
    void aZipBombLyingAboutItsSizeIsRefusedWhileUnpackingWithoutAServerPath() throws IOException {
        Path zip = temp.resolve("bomb.zip");
        long inflated = ZipBombs.write(zip, "precincts.shp", 512, false);
        assertThat(inflated).isGreaterThan(512L << 20);

        UploadRejectedException e = rejected(zip, "precincts.zip");

        assertThat(e).isNotNull();
        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.path()).isEqualTo("precincts");
            assertThat(error.message()).startsWith("precincts.zip refused: precincts.shp inflates more than 200 "
                    + "times its compressed size").doesNotContain(TEMPORARY);
        });
    }

    @Test
    void gdalsMessagesAboutAnUploadNameTheFileNotTheServersCopy() throws IOException {
        Path garbage = Files.writeString(temp.resolve("state.gpkg"), "not a GeoPackage");

        UploadRejectedException e = rejected(garbage, "state.gpkg");

        assertThat(e.errors()).extracting(ValidationError::message).singleElement().asString()
                .startsWith("GDAL cannot read state.gpkg: ").contains("Unable to open datasource `state.gpkg'")
                .doesNotContain(TEMPORARY).doesNotContain("fieldplan-");
        assertThat(e.getMessage()).doesNotContain(TEMPORARY);
    }
}
