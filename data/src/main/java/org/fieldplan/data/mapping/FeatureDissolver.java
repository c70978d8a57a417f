package org.fieldplan.data.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Merges the features of a precinct split over several ({@code "dissolve"} in the mapping): features whose id
 * columns give the same id become one, at the place of the first, with the union of their polygons. The count
 * columns (those the mapping's counts read: {@link PrecinctMapping#countColumns()}) are summed over the parts with
 * {@link PrecinctMapping.Dissolve#SUM} (each part counts its own voters and votes; a part without a value adds nothing) and taken
 * from the first part with {@link PrecinctMapping.Dissolve#FIRST} (each part repeats the whole precinct's figures); every other
 * column comes from the first part. Features whose id cannot be formed, or whose geometry cannot be read, are left
 * as they are, for the reader to report.
 */
final class FeatureDissolver {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    /**
     * The features after dissolving.
     *
     * @param features the features, merged ones at the place of their first part
     * @param indexes each feature's index in the file (its first part's)
     * @param merged each dissolved precinct: its id and the file indexes of its parts
     */
    record Result(List<JsonNode> features, List<Integer> indexes, List<ImportReport.Dissolved> merged) {
    }

    private FeatureDissolver() {
    }

    /** The features as they are, when the mapping dissolves nothing. */
    static Result none(JsonNode features) {
        List<JsonNode> all = new ArrayList<>();
        features.forEach(all::add);
        return new Result(all, java.util.stream.IntStream.range(0, all.size()).boxed().toList(), List.of());
    }

    /** @param idOf a feature's precinct id, or null when it cannot be formed */
    static Result dissolve(JsonNode features, Function<JsonNode, String> idOf, Set<String> summed) {
        Map<String, List<Integer>> partsById = new LinkedHashMap<>();
        for (int i = 0; i < features.size(); i++) {
            String id = idOf.apply(features.get(i));
            partsById.computeIfAbsent(id == null ? "\u0000" + i : id, k -> new ArrayList<>()).add(i);
        }
        List<JsonNode> result = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        List<ImportReport.Dissolved> merged = new ArrayList<>();
        partsById.forEach((id, parts) -> {
            JsonNode union = parts.size() == 1 ? null : merge(features, parts, summed);
            if (union == null) {
                parts.forEach(i -> {
                    result.add(features.get(i));
                    indexes.add(i);
                });
                return;
            }
            result.add(union);
            indexes.add(parts.get(0));
            merged.add(new ImportReport.Dissolved(id, parts));
        });
        // Back in file order: a merged feature takes its first part's place.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < result.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Integer.compare(indexes.get(a), indexes.get(b)));
        return new Result(order.stream().map(result::get).toList(), order.stream().map(indexes::get).toList(),
                merged);
    }

    /** One feature of the parts, or null when a part's geometry cannot be read (left to the reader to report). */
    private static JsonNode merge(JsonNode features, List<Integer> parts, Set<String> summed) {
        List<Geometry> geometries = new ArrayList<>();
        for (int i : parts) {
            JsonNode geometry = features.get(i).get("geometry");
            if (geometry == null || geometry.isNull()) {
                return null;
            }
            try {
                Geometry part = new GeoJsonReader(WGS84).read(geometry.toString());
                geometries.add(part.isValid() ? part : GeometryFixer.fix(part));
            } catch (ParseException e) {
                return null;
            }
        }
        ObjectNode feature = features.get(parts.get(0)).deepCopy();
        if (feature.path("properties") instanceof ObjectNode properties) {
            for (String column : summed) {
                sum(features, parts, column).ifPresent(total -> properties.put(column, total));
            }
        }
        GeoJsonWriter writer = new GeoJsonWriter();
        writer.setEncodeCRS(false);
        try {
            feature.set("geometry", JSON.readTree(writer.write(WGS84.buildGeometry(geometries).union())));
        } catch (JsonProcessingException e) {
            return null;
        }
        return feature;
    }

    /** The column's sum over the parts that hold a number there (text numbers read), empty when none does. */
    private static Optional<Double> sum(JsonNode features, List<Integer> parts, String column) {
        double total = 0;
        boolean any = false;
        for (int i : parts) {
            JsonNode value = features.get(i).path("properties").get(column);
            Double number = value == null ? null : value.isNumber() ? Double.valueOf(value.asDouble())
                    : value.isTextual() ? parse(value.asText()) : null;
            if (number != null) {
                total += number;
                any = true;
            }
        }
        return any ? Optional.of(total) : Optional.empty();
    }

    private static Double parse(String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
