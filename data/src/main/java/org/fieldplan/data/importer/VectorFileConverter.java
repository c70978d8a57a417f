package org.fieldplan.data.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a precinct file of any vector format GDAL reads — zipped shapefile (its {@code .prj} in any form, ESRI WKT
 * without an EPSG code included), GeoJSON, GeoPackage, CSV with a WKT column or lon/lat columns — into a GeoJSON
 * FeatureCollection in WGS84 longitude/latitude with GDAL's {@code ogr2ogr} (Debian package {@code gdal-bin},
 * installed by {@code scripts/ensure-gdal.sh}). The source's own reference system is used; a mapping's
 * {@code sourceCrs} overrides it ({@code -s_srs}), and a CSV, which has none, is taken as WGS84 unless the mapping
 * says otherwise.
 *
 * <p>A GeoJSON file that states no other reference system is already what the reader needs and is read as it is,
 * so its coordinates are kept bit for bit.
 */
final class VectorFileConverter {

    /** Why a file could not be converted, in one line; the import report shows it as a file error. */
    static final class UnreadableFileException extends RuntimeException {
        UnreadableFileException(String message) {
            super(message);
        }
    }

    private static final long TIMEOUT_MINUTES = 10;
    /** A GeoJSON "crs" member naming anything but WGS84 longitude/latitude. */
    private static final Pattern FOREIGN_CRS = Pattern.compile(
            "\"crs\"\\s*:\\s*\\{[^}]*\"name\"\\s*:\\s*\"(?!urn:ogc:def:crs:OGC:1\\.3:CRS84\"|EPSG:4326\""
                    + "|urn:ogc:def:crs:EPSG::4326\")");
    private static final int CRS_PEEK_BYTES = 4096;
    private static final int MAX_MESSAGE_CHARS = 500;
    /** A line of {@code ogrinfo -q}: {@code 1: precincts (Multi Polygon)}. */
    private static final Pattern LAYER_LINE = Pattern.compile("^\\d+: (.+?)(?: \\([^)]*\\))?$");

    private VectorFileConverter() {
    }

    /**
     * The file as WGS84 GeoJSON: {@code file} itself when it already is, else a converted copy in
     * {@code workDirectory}. A zipped shapefile is unpacked and a gzip-compressed file ({@code .geojson.gz},
     * {@code .csv.gz} …) read through GDAL's {@code /vsigzip/}, both within {@code limits}.
     *
     * @param displayName the file's name for messages (as the user named it: never a server path)
     * @param sourceCrs the mapping's override of the source's reference system, or null
     * @param layer the layer to read from a multi-layer file, or null
     * @throws UnreadableFileException when GDAL cannot read or transform the file
     * @throws ArchiveRefusedException when a compressed file inflates past {@code limits}
     */
    static Path toWgs84GeoJson(Path file, String displayName, String sourceCrs, String layer, Path workDirectory,
            ArchiveLimits limits) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if ((name.endsWith(".geojson") || name.endsWith(".json")) && sourceCrs == null && layer == null
                && !statesForeignCrs(file)) {
            return file;
        }
        Conversion conversion = new Conversion(displayName, sourceCrs, layer, workDirectory);
        if (name.endsWith(".zip")) {
            try (ShapefileBundle shapefile = ShapefileBundle.unzip(file, displayName, limits)) {
                return conversion.run(shapefile.shp().toString(), name);
            }
        }
        if (name.endsWith(".gz")) {
            new BoundedInflation(limits, displayName).checkGzip(file);
            return conversion.run("/vsigzip/" + file.toAbsolutePath(), name.substring(0, name.length() - 3));
        }
        return conversion.run(file.toString(), name);
    }

    /**
     * A table of any format GDAL reads (CSV, spreadsheet, DBF, GeoPackage …) as GeoJSON whose features' properties
     * are its rows, for a declared join. A CSV's values all stay text: keys keep their leading zeros, and the
     * mapping's expressions read the numbers. A gzip-compressed table is read through {@code /vsigzip/} within
     * {@code limits}; a zip archive is refused (the table is one file).
     *
     * @param displayName the table's name for messages (as the user named it: never a server path)
     * @param layer the layer to read from a table file with several ({@code join.layer}), or null
     * @throws UnreadableFileException when GDAL cannot read the table
     * @throws ArchiveRefusedException when a compressed table inflates past {@code limits}
     */
    static Path tableToGeoJson(Path table, String displayName, String layer, Path workDirectory,
            ArchiveLimits limits) {
        String name = table.getFileName().toString().toLowerCase(Locale.ROOT);
        Conversion conversion = new Conversion(displayName, null, layer, "join.layer", workDirectory);
        if (name.endsWith(".zip")) {
            throw new UnreadableFileException("the joined table " + displayName
                    + " is a zip archive: give the table itself (CSV, spreadsheet, DBF …)");
        }
        if (name.endsWith(".gz")) {
            new BoundedInflation(limits, displayName).checkGzip(table);
            return conversion.table("/vsigzip/" + table.toAbsolutePath(), name.substring(0, name.length() - 3));
        }
        return conversion.table(table.toString(), name);
    }

    /**
     * One ogr2ogr run and the reading of what it says.
     *
     * @param layerField the mapping field that chooses the layer, for messages
     */
    private record Conversion(String displayName, String statedCrs, String layer, String layerField,
            Path workDirectory) {

        Conversion(String displayName, String statedCrs, String layer, Path workDirectory) {
            this(displayName, statedCrs, layer, "layer", workDirectory);
        }

        /**
         * @param input what GDAL opens (a path, or a {@code /vsigzip/} one)
         * @param format the file name whose extension tells the format ({@code .gz} taken off)
         */
        Path run(String input, String format) {
            boolean csv = format.endsWith(".csv");
            String sourceCrs = statedCrs == null && csv ? "EPSG:4326" : statedCrs;
            List<String> command = new ArrayList<>(List.of("ogr2ogr", "-f", "GeoJSON", "-t_srs", "EPSG:4326",
                    "-dim", "XY", "-lco", "RFC7946=NO", "-lco", "COORDINATE_PRECISION=9"));
            if (sourceCrs != null) {
                command.addAll(List.of("-s_srs", sourceCrs));
            }
            if (csv) {
                // A CSV's geometry is a WKT column or a pair of lon/lat columns, under any of the usual names.
                command.addAll(List.of("-oo", "GEOM_POSSIBLE_NAMES=wkt,WKT,geometry,GEOMETRY,geom,the_geom",
                        "-oo", "X_POSSIBLE_NAMES=lon,LON,longitude,LONGITUDE,Longitude,x,X",
                        "-oo", "Y_POSSIBLE_NAMES=lat,LAT,latitude,LATITUDE,Latitude,y,Y",
                        "-oo", "KEEP_GEOM_COLUMNS=NO", "-oo", "AUTODETECT_TYPE=YES",
                        // Quoted values stay text: district "035" must not become 35.
                        "-oo", "QUOTED_FIELDS_AS_STRING=YES"));
            }
            return convert(command, input, workDirectory.resolve("converted.geojson"));
        }

        /**
         * A table's rows as GeoJSON features: a CSV's values all stay text.
         *
         * @param format the file name whose extension tells the format ({@code .gz} taken off)
         */
        Path table(String input, String format) {
            List<String> command = new ArrayList<>(List.of("ogr2ogr", "-f", "GeoJSON"));
            if (format.endsWith(".csv")) {
                command.addAll(List.of("-oo", "AUTODETECT_TYPE=NO"));
            }
            return convert(command, input, workDirectory.resolve("table.geojson"));
        }

        /** Runs {@code options} writing {@code output} from {@code input}'s layer. */
        private Path convert(List<String> options, String input, Path output) {
            Path log = workDirectory.resolve(output.getFileName() + ".log");
            List<String> command = new ArrayList<>(options);
            command.add(output.toString());
            command.add(input);
            if (layer != null) {
                command.add(layer);
            }
            if (gdal(command, log) != 0 || !Files.isRegularFile(output)) {
                throw new UnreadableFileException(layerProblem(input).orElseGet(() -> "GDAL cannot read "
                        + displayName + ": " + oneLine(read(log)) + hint(read(log), statedCrs)));
            }
            return output;
        }

        /**
         * GDAL's own message for a file of several layers and none chosen (or a wrong one) names its internals;
         * the user needs the layers' names and the mapping field to set.
         */
        private Optional<String> layerProblem(String input) {
            Path log = workDirectory.resolve("ogrinfo.log");
            if (gdal(List.of("ogrinfo", "-ro", "-q", input), log) != 0) {
                return Optional.empty();
            }
            List<String> layers = read(log).lines().map(LAYER_LINE::matcher).filter(Matcher::find)
                    .map(m -> m.group(1).strip()).toList();
            if (layer == null && layers.size() > 1) {
                return Optional.of("the file has layers " + String.join(", ", layers) + ": set `" + layerField
                        + "` in the mapping");
            }
            if (layer != null && !layers.contains(layer)) {
                return Optional.of("the file has no layer " + layer + " (`" + layerField
                        + "` in the mapping); its layers: " + String.join(", ", layers));
            }
            return Optional.empty();
        }

        /** Runs a GDAL tool, its messages to {@code log}; the exit code. */
        private int gdal(List<String> command, Path log) {
            try {
                Process process = new ProcessBuilder(command).redirectOutput(log.toFile())
                        .redirectErrorStream(true).start();
                if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new UnreadableFileException(command.get(0) + " did not read " + displayName + " within "
                            + TIMEOUT_MINUTES + " minutes");
                }
                return process.exitValue();
            } catch (IOException e) {
                throw new UnreadableFileException("cannot run " + command.get(0)
                        + ": install GDAL with scripts/ensure-gdal.sh (Debian package gdal-bin)");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UnreadableFileException("interrupted while converting " + displayName);
            }
        }

        /** GDAL's messages, with the server's directories taken out of the paths they name. */
        private String read(Path log) {
            try {
                return ServerPaths.hide(Files.readString(log, StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                return "";
            }
        }
    }

    private static String hint(String messages, String statedCrs) {
        if (statedCrs == null && messages.toLowerCase(Locale.ROOT).contains("coordinate system")) {
            return " (state the file's reference system as sourceCrs in the mapping, e.g. \"EPSG:26956\")";
        }
        return "";
    }

    /** GDAL's messages on one line, without the list of drivers it tried ("  -> `FITS'" …). */
    private static String oneLine(String messages) {
        String line = String.join(" ", messages.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("->")).toList());
        return line.length() <= MAX_MESSAGE_CHARS ? line : line.substring(0, MAX_MESSAGE_CHARS) + " …";
    }

    private static boolean statesForeignCrs(Path geoJson) {
        try (InputStream in = Files.newInputStream(geoJson)) {
            String head = new String(in.readNBytes(CRS_PEEK_BYTES), StandardCharsets.UTF_8);
            return FOREIGN_CRS.matcher(head).find();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + geoJson.getFileName(), e);
        }
    }
}
