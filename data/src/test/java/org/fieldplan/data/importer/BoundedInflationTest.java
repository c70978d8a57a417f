package org.fieldplan.data.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zip bombs built by the test ({@link ZipBombs}: 3 GiB of zeros in 3 MB) are refused before or while inflating,
 * with what was written bounded by the limits and deleted, and a message naming the upload, never a server path.
 */
class BoundedInflationTest {

    private static final long MIB = 1 << 20;

    @TempDir
    Path temp;

    @Test
    void aBombDeclaringItsSizeIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path zip = temp.resolve("bomb.zip");
        long inflated = ZipBombs.write(zip, "precincts.shp", 3 * 1024, true);
        assertThat(inflated).isGreaterThan(3L << 30);
        assertThat(Files.size(zip)).isLessThan(8 * MIB);
        Path out = Files.createDirectory(temp.resolve("out"));

        assertThatThrownBy(() -> new BoundedInflation(ArchiveLimits.DEFAULT, "bomb.zip").unzip(zip, out))
                .isInstanceOfSatisfying(ArchiveRefusedException.class, e -> {
                    assertThat(e.bytesWritten()).isZero();
                    assertThat(e.getMessage()).startsWith("bomb.zip refused: entry precincts.shp would inflate to "
                            + "3,072 MB, more than the 1,024 MB allowed per file").doesNotContain(temp.toString());
                });
        assertThat(bytesIn(out)).isZero();
    }

    @Test
    void aBombLyingAboutItsSizeIsStoppedByTheCountWhileCopyingAndWhatWasWrittenIsDeleted() throws IOException {
        Path zip = temp.resolve("liar.zip");
        ZipBombs.write(zip, "precincts.shp", 3 * 1024, false);
        Path out = Files.createDirectory(temp.resolve("out"));
        // The ratio check would stop it first (at 200 × 3 MB); without it the per-file limit does.
        ArchiveLimits limits = new ArchiveLimits(64 * MIB, 32 * MIB, 100, 1_000_000);

        assertThatThrownBy(() -> new BoundedInflation(limits, "liar.zip").unzip(zip, out))
                .isInstanceOfSatisfying(ArchiveRefusedException.class, e -> {
                    assertThat(e.bytesWritten()).isBetween(31 * MIB, 32 * MIB);
                    assertThat(e.getMessage()).isEqualTo("liar.zip refused: precincts.shp inflates to more than "
                            + "the 32 MB allowed per file; nothing was imported");
                });
        assertThat(bytesIn(out)).isZero();
    }

    @Test
    void theCompressionRatioStopsALiarLongBeforeTheByteLimits() throws IOException {
        Path zip = temp.resolve("liar.zip");
        ZipBombs.write(zip, "precincts.dbf", 256, false);
        Path out = Files.createDirectory(temp.resolve("out"));
        long archiveBytes = Files.size(zip);

        assertThatThrownBy(() -> new BoundedInflation(ArchiveLimits.DEFAULT, "liar.zip").unzip(zip, out))
                .isInstanceOfSatisfying(ArchiveRefusedException.class, e -> {
                    assertThat(e.bytesWritten()).isLessThanOrEqualTo(200 * archiveBytes);
                    assertThat(e.getMessage()).contains("precincts.dbf inflates more than 200 times");
                });
        assertThat(bytesIn(out)).isZero();
    }

    @Test
    void tooManyEntriesAreRefusedBeforeExtracting() throws IOException {
        Path zip = temp.resolve("many.zip");
        ZipBombs.manyEntries(zip, 101);
        Path out = Files.createDirectory(temp.resolve("out"));

        assertThatThrownBy(() -> new BoundedInflation(ArchiveLimits.DEFAULT, "many.zip").unzip(zip, out))
                .hasMessage("many.zip refused: has 101 entries, more than the 100 allowed; nothing was imported");
        assertThat(bytesIn(out)).isZero();
    }

    @Test
    void aGzipBombIsCountedWithoutWritingAndRefused() throws IOException {
        Path gz = temp.resolve("precincts.geojson.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            byte[] zeros = new byte[(int) MIB];
            for (int i = 0; i < 8; i++) {
                out.write(zeros);
            }
        }
        ArchiveLimits limits = new ArchiveLimits(4 * MIB, 4 * MIB, 100, 1_000_000);

        assertThatThrownBy(() -> new BoundedInflation(limits, "precincts.geojson.gz").checkGzip(gz))
                .isInstanceOfSatisfying(ArchiveRefusedException.class,
                        e -> assertThat(e.bytesWritten()).isZero())
                .hasMessage("precincts.geojson.gz refused: inflates to more than the 4 MB allowed per file; nothing "
                        + "was imported");
    }

    private static long bytesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
