package org.fieldplan.data.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.fieldplan.data.StoreException;

/**
 * An ESRI shapefile unpacked from a zip archive into a temporary directory: the {@code .shp} with its
 * {@code .shx}/{@code .dbf}/{@code .prj}/{@code .cpg} beside it, for GDAL to read. {@link #close()} deletes the
 * directory.
 */
final class ShapefileBundle implements AutoCloseable {

    private final TemporaryDirectory directory;
    private final Path shp;

    private ShapefileBundle(TemporaryDirectory directory, Path shp) {
        this.directory = directory;
        this.shp = shp;
    }

    /**
     * Unpacks the archive, which must hold exactly one shapefile.
     *
     * @throws StoreException when it does not
     */
    static ShapefileBundle unzip(Path zip) {
        TemporaryDirectory directory = TemporaryDirectory.create("fieldplan-shapefile");
        try {
            extract(zip, directory.path());
            return new ShapefileBundle(directory, single(directory.path(), zip));
        } catch (IOException e) {
            directory.close();
            throw new StoreException(zip.getFileName() + " is not a readable zip archive: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    Path shp() {
        return shp;
    }

    @Override
    public void close() {
        directory.close();
    }
    private static void extract(Path zip, Path directory) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = directory.resolve(entry.getName()).normalize();
                // An entry named ../x would write outside the directory ("zip slip").
                if (!target.startsWith(directory)) {
                    throw new StoreException(zip + ": entry " + entry.getName() + " points outside the archive");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
        }
    }

    /** The one .shp, ignoring macOS resource forks ({@code __MACOSX/}, {@code ._name}). */
    private static Path single(Path directory, Path zip) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            List<Path> shps = files
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".shp"))
                    .filter(p -> !p.toString().contains("__MACOSX") && !p.getFileName().toString().startsWith("._"))
                    .toList();
            if (shps.size() != 1) {
                throw new StoreException(zip + ": expected one .shp file, found " + shps.size());
            }
            return shps.get(0);
        }
    }
}
