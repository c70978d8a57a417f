package org.fieldplan.data.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

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
     * Unpacks the archive, which must hold exactly one shapefile, within {@code limits}.
     *
     * @param displayName the archive's name for messages (as uploaded: never a server path)
     * @throws ArchiveRefusedException when it inflates past the limits
     * @throws StoreException when it is not a zip archive or holds no single shapefile
     */
    static ShapefileBundle unzip(Path zip, String displayName, ArchiveLimits limits) {
        TemporaryDirectory directory = TemporaryDirectory.create("fieldplan-shapefile");
        try {
            new BoundedInflation(limits, displayName).unzip(zip, directory.path());
            return new ShapefileBundle(directory, single(directory.path(), displayName));
        } catch (IOException e) {
            directory.close();
            throw new StoreException(displayName + " is not a readable zip archive", e);
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

    /** The one .shp, ignoring macOS resource forks ({@code __MACOSX/}, {@code ._name}). */
    private static Path single(Path directory, String displayName) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            List<Path> shps = files
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".shp"))
                    .filter(p -> !p.toString().contains("__MACOSX") && !p.getFileName().toString().startsWith("._"))
                    .toList();
            if (shps.size() != 1) {
                throw new StoreException(displayName + ": expected one .shp file, found " + shps.size());
            }
            return shps.get(0);
        }
    }
}
