package org.fieldplan.data.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.fieldplan.data.Geometries;
import org.fieldplan.data.StoreException;

/**
 * An ESRI shapefile unpacked from a zip archive into a temporary directory: the {@code .shp} (with its
 * {@code .shx}/{@code .dbf} beside it), the reference system's SRID read from the {@code .prj} and the attribute
 * encoding from the {@code .cpg}. {@link #close()} deletes the directory.
 */
final class ShapefileBundle implements AutoCloseable {

    /** NAD83 longitude/latitude, the datum of US Census and most state GIS files. */
    static final int NAD83 = 4269;

    private static final Pattern EPSG = Pattern.compile("AUTHORITY\\[\"EPSG\",\\s*\"?(\\d+)\"?]\\s*]\\s*$");

    private final Path directory;
    private final Path shp;
    private final int srid;
    private final String encoding;

    private ShapefileBundle(Path directory, Path shp, int srid, String encoding) {
        this.directory = directory;
        this.shp = shp;
        this.srid = srid;
        this.encoding = encoding;
    }

    /**
     * Unpacks the archive, which must hold exactly one shapefile with a {@code .prj}.
     *
     * @throws StoreException when it does not, or the reference system is not one this importer knows
     */
    static ShapefileBundle unzip(Path zip) {
        Path directory;
        try {
            directory = Files.createTempDirectory("fieldplan-shapefile");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
        try {
            extract(zip, directory);
            Path shp = single(directory, zip);
            String base = shp.getFileName().toString().replaceFirst("(?i)\\.shp$", "");
            Path prj = shp.resolveSibling(base + ".prj");
            if (!Files.isRegularFile(prj)) {
                throw new StoreException(zip + ": " + base + ".prj is missing, so the reference system is unknown");
            }
            Path cpg = shp.resolveSibling(base + ".cpg");
            String encoding = Files.isRegularFile(cpg) ? Files.readString(cpg).strip() : "UTF-8";
            return new ShapefileBundle(directory, shp, srid(Files.readString(prj), zip), encoding);
        } catch (IOException e) {
            delete(directory);
            throw new UncheckedIOException("cannot unpack " + zip, e);
        } catch (RuntimeException e) {
            delete(directory);
            throw e;
        }
    }

    Path shp() {
        return shp;
    }

    int srid() {
        return srid;
    }

    String encoding() {
        return encoding;
    }

    @Override
    public void close() {
        delete(directory);
    }

    /**
     * The SRID of a {@code .prj} (OGC WKT): its EPSG authority code when it states one, else NAD83 or WGS84 for an
     * unprojected system on that datum (ESRI writes those without a code).
     */
    static int srid(String prj, Path source) {
        Matcher epsg = EPSG.matcher(prj);
        if (epsg.find()) {
            return Integer.parseInt(epsg.group(1));
        }
        String wkt = prj.toUpperCase(Locale.ROOT);
        if (wkt.startsWith("GEOGCS[")) {
            if (wkt.contains("NORTH_AMERICAN_1983")) {
                return NAD83;
            }
            if (wkt.contains("WGS_1984")) {
                return Geometries.WGS84;
            }
        }
        throw new StoreException(source + ": unknown reference system in the .prj (only EPSG-coded systems and "
                + "NAD83 or WGS84 longitude/latitude are recognised): " + prj.strip());
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

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is not worth failing an import for.
        }
    }
}
