package org.fieldplan.data.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fieldplan.data.importer.CsvRecords.CsvRecord;
import org.fieldplan.data.mapping.Expression;
import org.fieldplan.data.mapping.StagingMapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A point file of any vector format GDAL reads (GeoJSON, GeoPackage, zipped shapefile …, in any reference system) as
 * the table {@link StagingFileReader} reads through a staging mapping: one row per feature, its attributes as columns,
 * plus the point's WGS84 longitude and latitude as the columns {@code X} and {@code Y} (GDAL's names for a point in a
 * table). A mapping written for a CSV reads such a file as it is: when its {@code lon} or {@code lat} reads one column
 * the file lacks (e.g. {@code LON}), that column is the point's. Rows are numbered by feature index (0-based).
 */
final class StagingPointFile {

    static final String X = "X";
    static final String Y = "Y";
    private static final ObjectMapper JSON = new ObjectMapper();

    private StagingPointFile() {
    }

    /** Whether the file is read as a point file rather than as a CSV table (by its name). */
    static boolean isPointFile(String fileName) {
        String name = fileName.toLowerCase(java.util.Locale.ROOT);
        return !(name.endsWith(".csv") || name.endsWith(".txt"));
    }

    /**
     * The header (first record) and one record per feature.
     *
     * @param displayName the file's name for messages (never a server path)
     * @throws ImportRejectedException when GDAL cannot read the file, or a feature is not a point
     */
    static List<CsvRecord> records(Path file, String displayName, StagingMapping mapping) {
        JsonNode features;
        try (TemporaryDirectory work = TemporaryDirectory.create("fieldplan-staging")) {
            Path geoJson = VectorFileConverter.toWgs84GeoJson(file, displayName, null, null, work.path(),
                    ArchiveLimits.DEFAULT);
            features = JSON.readTree(geoJson.toFile()).path("features");
        } catch (VectorFileConverter.UnreadableFileException | ArchiveRefusedException e) {
            throw new ImportRejectedException(displayName, List.of(new RowError(RowError.WHOLE_FILE,
                    e.getMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the converted " + displayName, e);
        }
        List<String> columns = new ArrayList<>(List.of(X, Y));
        for (JsonNode feature : features) {
            feature.path("properties").fieldNames().forEachRemaining(name -> {
                if (!columns.contains(name)) {
                    columns.add(name);
                }
            });
        }
        String lonColumn = missingColumn(mapping.lon(), columns);
        String latColumn = missingColumn(mapping.lat(), columns);
        List<String> header = new ArrayList<>(columns);
        for (String extra : new String[] {lonColumn, latColumn}) {
            if (extra != null && !header.contains(extra)) {
                header.add(extra);
            }
        }
        List<CsvRecord> records = new ArrayList<>();
        records.add(new CsvRecord(RowError.WHOLE_FILE, header));
        List<RowError> errors = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            JsonNode feature = features.get(i);
            JsonNode geometry = feature.path("geometry");
            if (!"Point".equals(geometry.path("type").asText())) {
                errors.add(new RowError(i, "geometry: is " + (geometry.isMissingNode() || geometry.isNull() ? "missing"
                        : "a " + geometry.path("type").asText()) + ", a staging location is a point"));
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            JsonNode properties = feature.path("properties");
            for (String column : columns) {
                JsonNode value = properties.path(column);
                cells.put(column, value.isMissingNode() || value.isNull() ? "" : value.asText());
            }
            String x = geometry.path("coordinates").path(0).asText();
            String y = geometry.path("coordinates").path(1).asText();
            cells.put(X, x);
            cells.put(Y, y);
            if (lonColumn != null) {
                cells.put(lonColumn, x);
            }
            if (latColumn != null) {
                cells.put(latColumn, y);
            }
            records.add(new CsvRecord(i, header.stream().map(column -> cells.getOrDefault(column, "")).toList()));
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(displayName, errors);
        }
        return records;
    }

    /** The one column {@code expression} reads when the file lacks it (it is then the point's), else null. */
    private static String missingColumn(Expression expression, List<String> columns) {
        Set<String> read = expression.columns();
        return read.size() == 1 && !columns.contains(read.iterator().next()) ? read.iterator().next() : null;
    }
}
