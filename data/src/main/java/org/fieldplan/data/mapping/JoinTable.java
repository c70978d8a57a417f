package org.fieldplan.data.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The rows of a table to join to the precincts, each row's values by column, as GDAL gives any table: a GeoJSON
 * FeatureCollection whose features' properties are the rows (geometry ignored). Values of a CSV are all text;
 * the expressions read numbers from text, thousands separators and percentages included.
 *
 * @param source the table's file as the user named it, for the report
 * @param rows each row's values, in file order
 */
public record JoinTable(String source, List<JsonNode> rows) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public JoinTable {
        rows = List.copyOf(rows);
    }

    /** Reads the rows of a FeatureCollection. @throws IllegalArgumentException when it is not one */
    public static JoinTable fromGeoJson(Path geoJson, String source) {
        try (InputStream in = Files.newInputStream(geoJson)) {
            JsonNode features = JSON.readTree(in).path("features");
            if (!features.isArray()) {
                throw new IllegalArgumentException("the table " + source + " has no rows");
            }
            List<JsonNode> rows = new ArrayList<>();
            features.forEach(feature -> rows.add(feature.path("properties")));
            return new JoinTable(source, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the table " + source, e);
        }
    }

    /** Every column some row has. */
    public Set<String> columns() {
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(row -> row.fieldNames().forEachRemaining(columns::add));
        return columns;
    }
}
