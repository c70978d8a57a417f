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
import java.util.concurrent.TimeUnit;
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

    private VectorFileConverter() {
    }

    /**
     * The file as WGS84 GeoJSON: {@code file} itself when it already is, else a converted copy in
     * {@code workDirectory}.
     *
     * @param sourceCrs the mapping's override of the source's reference system, or null
     * @param layer the layer to read from a multi-layer file, or null
     * @throws UnreadableFileException when GDAL cannot read or transform the file
     */
    static Path toWgs84GeoJson(Path file, String sourceCrs, String layer, Path workDirectory) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if ((name.endsWith(".geojson") || name.endsWith(".json")) && sourceCrs == null && layer == null
                && !statesForeignCrs(file)) {
            return file;
        }
        if (name.endsWith(".zip")) {
            try (ShapefileBundle shapefile = ShapefileBundle.unzip(file)) {
                return ogr2ogr(shapefile.shp(), file, sourceCrs, layer, workDirectory);
            }
        }
        return ogr2ogr(file, file, sourceCrs, layer, workDirectory);
    }

    /**
     * A table of any format GDAL reads (CSV, spreadsheet, DBF, GeoPackage …) as GeoJSON whose features' properties
     * are its rows, for a declared join. A CSV's values all stay text: keys keep their leading zeros, and the
     * mapping's expressions read the numbers.
     *
     * @throws UnreadableFileException when GDAL cannot read the table
     */
    static Path tableToGeoJson(Path table, String layer, Path workDirectory) {
        List<String> command = new ArrayList<>(List.of("ogr2ogr", "-f", "GeoJSON"));
        if (table.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            command.addAll(List.of("-oo", "AUTODETECT_TYPE=NO"));
        }
        return run(command, table, table, layer, workDirectory.resolve("table.geojson"), null);
    }

    private static Path ogr2ogr(Path input, Path original, String statedCrs, String layer, Path workDirectory) {
        boolean csv = input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
        String sourceCrs = statedCrs == null && csv ? "EPSG:4326" : statedCrs;
        Path output = workDirectory.resolve("converted.geojson");
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
        return run(command, input, original, layer, output, statedCrs);
    }

    /** Runs {@code ogr2ogr} with {@code options}, writing {@code output} from {@code input}'s {@code layer}. */
    private static Path run(List<String> options, Path input, Path original, String layer, Path output,
            String statedCrs) {
        Path log = output.resolveSibling(output.getFileName() + ".log");
        List<String> command = new ArrayList<>(options);
        command.add(output.toString());
        command.add(input.toString());
        if (layer != null) {
            command.add(layer);
        }
        try {
            Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(log.toFile()).start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new UnreadableFileException("ogr2ogr did not convert " + original.getFileName() + " within "
                        + TIMEOUT_MINUTES + " minutes");
            }
            String messages = Files.readString(log, StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0 || !Files.isRegularFile(output)) {
                throw new UnreadableFileException("GDAL cannot read " + original.getFileName() + ": "
                        + oneLine(messages) + hint(messages, statedCrs));
            }
            return output;
        } catch (IOException e) {
            throw new UnreadableFileException("cannot run ogr2ogr (" + e.getMessage()
                    + "): install GDAL with scripts/ensure-gdal.sh (Debian package gdal-bin)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreadableFileException("interrupted while converting " + original.getFileName());
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
            throw new UncheckedIOException("cannot read " + geoJson, e);
        }
    }
}
