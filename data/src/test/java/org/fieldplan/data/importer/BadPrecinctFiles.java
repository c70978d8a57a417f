package org.fieldplan.data.importer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.fieldplan.data.testing.SharedData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The table of bad precinct files and rows for {@link PrecinctFileContractTest}: each case is the first five Rhode
 * Island precincts (real data) with one defect, or a file GDAL is given in a broken form, and the one error (its
 * row, or the whole file) or warning the import must report. Files are made with real tools (Jackson, GDAL's
 * {@code ogr2ogr}), never mocked.
 */
final class BadPrecinctFiles {

    /** {@link Case#row()} of a case that imports with a stated warning. */
    static final int WARNING = -2;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIRECTORY = directory();
    /** Rhode Island's features, read once: every case copies the few it needs. */
    private static ArrayNode riFeatures;

    /** Makes the case's file. */
    interface FileMaker {
        Path make() throws Exception;
    }

    /**
     * @param mapping the mapping's JSON, or null for the {@code rhode-island} preset
     * @param row the feature index the single row error must name, {@link RowError#WHOLE_FILE} for one file error,
     *     {@link #WARNING} for an import with a warning
     * @param message what the error or warning must say
     */
    record Case(String name, FileMaker file, String mapping, boolean skipBadRows, int row, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    private BadPrecinctFiles() {
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(row("a number written as text is read, with a warning", WARNING,
                "column GOV18D: 1 values were text", f -> props(f, 1).put("GOV18D", "577.0")));
        cases.add(row("text that is no number", 1, "column REGVOT18 must be a number, was \"n/a\"",
                f -> props(f, 1).put("REGVOT18", "n/a")));
        cases.add(row("a null vote count", 2, "column GOV18R is null", f -> props(f, 2).putNull("GOV18R")));
        cases.add(row("a column missing from one feature", 3, "column TOTVOT18 is missing",
                f -> props(f, 3).remove("TOTVOT18")));
        cases.add(row("negative registered voters", 0, "column REGVOT18 must be a non-negative number",
                f -> props(f, 0).put("REGVOT18", -1)));
        cases.add(row("two features with the same id", 2, "duplicate id, also features[1]",
                f -> props(f, 2).set("NAME", props(f, 1).get("NAME"))));
        cases.add(new Case("an empty id", () -> geoJson(features(f -> props(f, 1).put("NAME", " "))), null, false,
                1, "column NAME is empty"));
        cases.add(file("every feature as [lat, lon] (swapped axes, in range)", "look like [lat, lon]",
                f -> f.forEach(feature -> eachPosition(feature, BadPrecinctFiles::swap))));
        cases.add(row("one feature as [lat, lon]", 4, "look like [lat, lon]",
                f -> eachPosition(f.get(4), BadPrecinctFiles::swap)));
        cases.add(row("a southern state's square as [lat, lon] lands in Antarctica", 1,
                "outside the United States (longitude -180…-64, latitude 13…72): the coordinates look like [lat, lon]",
                f -> geometry(f, 1, "Polygon", "[[[27.0,-81.0],[27.1,-81.0],[27.1,-80.9],[27.0,-80.9],[27.0,-81.0]]]")));
        cases.add(row("latitude 200", 3, "outside longitude [-180, 180] / latitude [-90, 90]",
                f -> secondPosition(f.get(3)).set(1, 200.0)));
        cases.add(row("an unclosed ring", 1, "closed", f -> geometry(f, 1, "Polygon",
                "[[[-71.41,41.81],[-71.39,41.81],[-71.39,41.83],[-71.41,41.83]]]")));
        cases.add(row("a Point geometry", 2, "must be a Polygon or MultiPolygon, not a Point",
                f -> geometry(f, 2, "Point", "[-71.4,41.8]")));
        cases.add(row("a feature without geometry", 0, "geometry: is missing",
                f -> ((ObjectNode) f.get(0)).putNull("geometry")));
        cases.add(row("a precinct outside the mapping's expectedBounds (Boston in a Rhode Island file)", 1,
                "outside the mapping's expectedBounds", f -> geometry(f, 1, "Polygon",
                        "[[[-71.07,42.35],[-71.05,42.35],[-71.05,42.37],[-71.07,42.37],[-71.07,42.35]]]")));
        cases.add(new Case("an empty FeatureCollection", () -> geoJson(JSON.createArrayNode(), "empty.geojson"), null,
                false, RowError.WHOLE_FILE, "the file has no features"));
        cases.add(new Case("a file that is not JSON", () -> text("not-json.geojson", "{\"type\": \"Feature"), null,
                false, RowError.WHOLE_FILE, "not JSON at line 1"));
        cases.add(new Case("one Feature, not a FeatureCollection", () -> text("feature.geojson",
                riFeatures(1).get(0).toString()), null, false, RowError.WHOLE_FILE,
                "not a GeoJSON FeatureCollection"));
        cases.add(new Case("a mapping naming a column the file does not have", () -> geoJson(riFeatures(5),
                "five.geojson"), RI_MAPPING.replace("\"REGVOT18\"", "\"REGVOT20\""), false, RowError.WHOLE_FILE,
                "the mapping names column REGVOT20, which no feature has"));
        cases.add(new Case("an expression dividing by zero", () -> geoJson(features(f -> props(f, 2).put("VAP", 0))),
                RI_MAPPING.replace("ratio(HVAP, VAP, 0)", "HVAP / VAP"), false, 2, "division by zero: VAP is 0"));
        cases.add(new Case("a .prj GDAL does not understand (unknown CRS)", () -> shapefile(riFeatures(5),
                "PROJCS[\"nonsense\",FOO[1]]"), null, false, RowError.WHOLE_FILE, "GDAL cannot read"));
        cases.add(new Case("a projected shapefile without .prj and no sourceCrs", () -> shapefile(riFeatures(5), null),
                null, false, RowError.WHOLE_FILE, "state the file's reference system as sourceCrs in the mapping"));
        cases.add(new Case("a wrong sourceCrs (state-plane metres read as degrees)", () -> shapefile(riFeatures(5),
                null), RI_MAPPING.replace("\"idPrefix\"", "\"sourceCrs\": \"EPSG:4326\", \"idPrefix\""), false,
                RowError.WHOLE_FILE, "5 of 5 features are out of place"));
        cases.add(new Case("a CSV of lon/lat points (no areas)", () -> ogr2ogr(geoJson(features(f -> f.forEach(
                feature -> ((ObjectNode) feature).set("geometry", JSON.createObjectNode().put("type", "Point")
                        .set("coordinates", JSON.createArrayNode().add(-71.4).add(41.8)))))), "points.csv", "CSV",
                "-lco", "GEOMETRY=AS_XY"), null, true, RowError.WHOLE_FILE, "no feature is usable"));
        cases.add(new Case("a zip without a shapefile", () -> zip("readme.txt", "no shapefile here"), null, false,
                RowError.WHOLE_FILE, "expected one .shp file, found 0"));
        cases.add(new Case("a zip entry pointing outside the archive (zip slip)", () -> zip("../evil.shp", "x"), null,
                false, RowError.WHOLE_FILE, "points outside the archive"));
        cases.add(new Case("skipping bad rows when every row is bad", () -> geoJson(features(f -> f.forEach(
                feature -> ((ObjectNode) feature).putNull("geometry")))), null, true, RowError.WHOLE_FILE,
                "no feature is usable"));
        return cases;
    }

    /** The Rhode Island preset's declaration, to vary one field per case. */
    static final String RI_MAPPING = """
            {"idPrefix": "RI-", "id": ["NAME"], "name": "PRENAME", "registeredVoters": "REGVOT18",
             "ballots": "TOTVOT18", "support": {"dem": "GOV18D", "rep": "GOV18R"}, "districts": ["HDIST", "SENDIST"],
             "languages": [{"language": "es", "when": "ratio(HVAP, VAP, 0) >= 0.3"}],
             "expectedBounds": {"west": -72.0, "south": 41.0, "east": -71.0, "north": 42.1}}""";

    private static Case row(String name, int row, String message, Consumer<ArrayNode> defect) {
        return new Case(name, () -> geoJson(features(defect)), null, false, row, message);
    }

    private static Case file(String name, String message, Consumer<ArrayNode> defect) {
        return new Case(name, () -> geoJson(features(defect)), null, false, RowError.WHOLE_FILE, message);
    }

    /** The first {@code count} features of Rhode Island's real precinct file. */
    static synchronized ArrayNode riFeatures(int count) throws IOException {
        if (riFeatures == null) {
            riFeatures = (ArrayNode) JSON.readTree(SharedData.file("precincts/ri-precincts.geojson").toFile())
                    .get("features");
        }
        ArrayNode features = JSON.createArrayNode();
        for (int i = 0; i < count; i++) {
            features.add(riFeatures.get(i).deepCopy());
        }
        return features;
    }

    private static ArrayNode features(Consumer<ArrayNode> defect) throws IOException {
        ArrayNode features = riFeatures(5);
        defect.accept(features);
        return features;
    }

    private static ObjectNode props(ArrayNode features, int index) {
        return (ObjectNode) features.get(index).get("properties");
    }

    private static void geometry(ArrayNode features, int index, String type, String coordinates) {
        try {
            ((ObjectNode) features.get(index)).set("geometry", JSON.createObjectNode().put("type", type)
                    .set("coordinates", JSON.readTree(coordinates)));
        } catch (IOException e) {
            throw new IllegalArgumentException(coordinates, e);
        }
    }

    /** Applies {@code change} to every [x, y] position of the feature's (Multi)Polygon. */
    private static void eachPosition(JsonNode feature, Consumer<ArrayNode> change) {
        positions(feature.get("geometry").get("coordinates"), change);
    }

    /** The second position of the feature's outer ring (changing it keeps the ring closed). */
    private static ArrayNode secondPosition(JsonNode feature) {
        JsonNode ring = feature.get("geometry").get("coordinates").get(0);
        return (ArrayNode) (ring.get(0).get(0).isNumber() ? ring.get(1) : ring.get(0).get(1));
    }

    private static void positions(JsonNode node, Consumer<ArrayNode> change) {
        if (node.isArray() && node.size() > 0 && node.get(0).isNumber()) {
            change.accept((ArrayNode) node);
        } else {
            node.forEach(child -> positions(child, change));
        }
    }

    private static void swap(ArrayNode position) {
        double x = position.get(0).asDouble();
        position.set(0, position.get(1).asDouble());
        position.set(1, x);
    }

    private static Path geoJson(ArrayNode features) throws IOException {
        return geoJson(features, "features.geojson");
    }

    static Path geoJson(ArrayNode features, String name) throws IOException {
        ObjectNode collection = JSON.createObjectNode().put("type", "FeatureCollection");
        collection.set("features", features);
        Path file = fresh(name);
        JSON.writeValue(file.toFile(), collection);
        return file;
    }

    private static Path text(String name, String content) throws IOException {
        return Files.writeString(fresh(name), content);
    }

    /** The features as a zipped shapefile in Rhode Island state plane (EPSG:32130), its .prj replaced or left out. */
    private static Path shapefile(ArrayNode features, String prj) throws IOException, InterruptedException {
        Path shp = ogr2ogr(geoJson(features), "precincts.shp", "ESRI Shapefile", "-t_srs", "EPSG:32130");
        Path prjFile = shp.resolveSibling("precincts.prj");
        if (prj == null) {
            Files.delete(prjFile);
        } else {
            Files.writeString(prjFile, prj);
        }
        Path zip = fresh("precincts.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String extension : List.of("shp", "shx", "dbf", "prj")) {
                Path part = shp.resolveSibling("precincts." + extension);
                if (Files.exists(part)) {
                    out.putNextEntry(new ZipEntry(part.getFileName().toString()));
                    Files.copy(part, out);
                }
            }
        }
        return zip;
    }

    private static Path zip(String entry, String content) throws IOException {
        Path zip = fresh("archive.zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry(entry));
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return zip;
    }

    /** Converts {@code source} with GDAL into a new file {@code name} of the given driver. */
    static Path ogr2ogr(Path source, String name, String driver, String... options)
            throws IOException {
        Path target = fresh(name);
        List<String> command = new ArrayList<>(List.of("ogr2ogr", "-f", driver));
        command.addAll(List.of(options));
        command.add(target.toString());
        command.add(source.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new AssertionError("ogr2ogr failed (scripts/ensure-gdal.sh installs it): " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return target;
    }

    /** A path in a new directory of its own, so that files of several cases never meet. */
    private static Path fresh(String name) throws IOException {
        return Files.createDirectories(DIRECTORY.resolve(UUID.randomUUID().toString())).resolve(name);
    }

    private static Path directory() {
        try {
            Path directory = Files.createTempDirectory("bad-precinct-files");
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
