package org.fieldplan.data.streets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.fieldplan.data.Geometries;
import org.fieldplan.data.importer.ServerPaths;
import org.fieldplan.data.importer.TemporaryDirectory;
import org.locationtech.jts.geom.Coordinate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the roads of an OpenStreetMap extract ({@code .osm.pbf} or {@code .osm} XML): every way with a
 * {@code highway} tag, with its name and class, through GDAL's OSM driver ({@code ogr2ogr}, Debian package
 * {@code gdal-bin}, the same tool that reads precinct files). Custom indexing is off, so extracts whose node ids are
 * not in increasing order are read too.
 */
public final class OsmStreetReader {

    /** Why an extract could not be read, in one line naming the file as the user named it. */
    public static final class UnreadableExtractException extends RuntimeException {
        UnreadableExtractException(String message) {
            super(message);
        }
    }

    private static final long TIMEOUT_MINUTES = 10;
    private static final Pattern CLOSED = Pattern.compile("\"access\"=>\"(?:no|private)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private OsmStreetReader() {
    }

    /**
     * @param displayName the file's name for messages (never a server path)
     * @throws UnreadableExtractException when GDAL cannot read the file or it has no roads
     */
    public static List<Street> read(Path extract, String displayName) {
        try (TemporaryDirectory work = TemporaryDirectory.create("fieldplan-osm")) {
            Path output = work.path().resolve("lines.geojsonl");
            Path log = work.path().resolve("ogr2ogr.log");
            List<String> command = List.of("ogr2ogr", "--config", "OSM_USE_CUSTOM_INDEXING", "NO", "-f",
                    "GeoJSONSeq", "-lco", "RS=NO", "-select", "name,highway,other_tags", "-where",
                    "highway IS NOT NULL", output.toString(), extract.toString(), "lines");
            if (run(command, log, displayName) != 0 || !Files.isRegularFile(output)) {
                throw new UnreadableExtractException("GDAL cannot read " + displayName + " as an OpenStreetMap "
                        + "extract: " + oneLine(log));
            }
            List<Street> streets = parse(output);
            if (streets.isEmpty()) {
                throw new UnreadableExtractException(displayName + " has no roads (no way with a highway tag)");
            }
            return streets;
        }
    }

    private static List<Street> parse(Path geoJsonLines) {
        List<Street> streets = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(geoJsonLines, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode feature = JSON.readTree(line);
                JsonNode coordinates = feature.path("geometry").path("coordinates");
                if (!"LineString".equals(feature.path("geometry").path("type").asText()) || coordinates.size() < 2) {
                    continue;
                }
                Coordinate[] points = new Coordinate[coordinates.size()];
                for (int i = 0; i < points.length; i++) {
                    points[i] = new Coordinate(coordinates.get(i).get(0).asDouble(),
                            coordinates.get(i).get(1).asDouble());
                }
                JsonNode properties = feature.path("properties");
                String name = properties.path("name").isTextual() ? properties.path("name").asText() : null;
                boolean open = !CLOSED.matcher(properties.path("other_tags").asText("")).find();
                streets.add(new Street(name, properties.path("highway").asText(), open,
                        Geometries.FACTORY.createLineString(points)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the roads GDAL wrote", e);
        }
        return streets;
    }

    private static int run(List<String> command, Path log, String displayName) {
        try {
            Process process = new ProcessBuilder(command).redirectOutput(log.toFile()).redirectErrorStream(true)
                    .start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new UnreadableExtractException("ogr2ogr did not read " + displayName + " within "
                        + TIMEOUT_MINUTES + " minutes");
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UnreadableExtractException(
                    "cannot run ogr2ogr: install GDAL with scripts/ensure-gdal.sh (Debian package gdal-bin)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreadableExtractException("interrupted while reading " + displayName);
        }
    }

    private static String oneLine(Path log) {
        try {
            String text = ServerPaths.hide(Files.readString(log, StandardCharsets.UTF_8));
            String line = String.join(" ", text.lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("->")).toList());
            return line.length() <= 300 ? line : line.substring(0, 300) + " …";
        } catch (IOException e) {
            return "";
        }
    }
}
