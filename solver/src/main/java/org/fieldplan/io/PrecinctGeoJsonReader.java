package org.fieldplan.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.fieldplan.domain.Precinct;
import org.fieldplan.validation.ErrorPath;
import org.fieldplan.validation.GeometryRules;
import org.fieldplan.validation.ProblemValidationException;
import org.fieldplan.validation.ValidationError;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads real precinct boundaries and election results from a GeoJSON FeatureCollection (WGS84), one
 * {@link Precinct} per feature, as described by a {@link PrecinctColumnMapping}.
 *
 * <p>Derived values: turnout = ballots ÷ registered voters (0 without voters, capped at 1); support share
 * q = D ÷ (D + R) (0.5 when neither side got a vote); districts from the district properties; Spanish required
 * where Hispanic voting-age population reaches the mapping's threshold. Invalid polygons, common in real
 * shapefiles, are repaired with JTS {@link GeometryFixer} and reported. Problems that cannot be repaired
 * (missing properties, duplicate ids, geometries that are not areas or not in longitude/latitude) throw a
 * {@link ProblemValidationException} listing every offending feature.
 */
public final class PrecinctGeoJsonReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrecinctColumnMapping mapping;

    public PrecinctGeoJsonReader(PrecinctColumnMapping mapping) {
        this.mapping = mapping;
    }

    public PrecinctImport read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Reads a FeatureCollection from the stream (which is not closed). */
    public PrecinctImport read(InputStream geoJson) throws IOException {
        JsonNode collection;
        try {
            collection = JSON.readTree(geoJson);
        } catch (JsonProcessingException e) {
            throw JsonErrors.malformed(e);
        }
        JsonNode features = collection == null ? null : collection.get("features");
        if (features == null || !features.isArray()) {
            throw new ProblemValidationException(
                    List.of(new ValidationError(ErrorPath.ROOT, "is not a GeoJSON FeatureCollection")));
        }
        return new Import().read(features);
    }

    /** The state of one read: the precincts so far, what was corrected, and what could not be. */
    private final class Import {
        private final List<Precinct> precincts = new ArrayList<>();
        private final List<String> repaired = new ArrayList<>();
        private final List<String> zeroRegistered = new ArrayList<>();
        private final List<String> turnoutCapped = new ArrayList<>();
        private final List<ValidationError> errors = new ArrayList<>();
        private final Set<String> ids = new HashSet<>();

        PrecinctImport read(JsonNode features) {
            for (int i = 0; i < features.size(); i++) {
                feature(i, features.get(i));
            }
            if (!errors.isEmpty()) {
                throw new ProblemValidationException(errors);
            }
            return new PrecinctImport(precincts, repaired, zeroRegistered, turnoutCapped);
        }

        private void feature(int index, JsonNode feature) {
            JsonNode properties = feature.path("properties");
            String id = id(properties);
            String path = ErrorPath.item("features", index, id);
            int errorsBefore = errors.size();
            if (id != null && !ids.add(id)) {
                error(path, "duplicate id; choose id properties that are unique together");
            }
            String name = text(path, properties, mapping.nameProperty());
            double registered = number(path, properties, mapping.registeredVotersProperty());
            double ballots = mapping.ballotsProperties().stream()
                    .mapToDouble(property -> number(path, properties, property)).sum();
            double dem = number(path, properties, mapping.demVotesProperty());
            double rep = number(path, properties, mapping.repVotesProperty());
            double hispanicVap = number(path, properties, mapping.hispanicVapProperty());
            double vap = number(path, properties, mapping.vapProperty());
            List<String> districtIds = mapping.districtProperties().stream()
                    .map(property -> property + "-" + text(path, properties, property)).toList();
            Geometry geometry = geometry(path, id, feature.get("geometry"));
            if (errors.size() > errorsBefore) {
                return;
            }
            int voters = (int) Math.round(registered);
            if (voters == 0) {
                zeroRegistered.add(id);
            }
            double turnout = voters == 0 ? 0 : ballots / voters;
            if (turnout > 1) {
                turnoutCapped.add(id);
                turnout = 1;
            }
            double supportShare = dem + rep == 0 ? 0.5 : dem / (dem + rep);
            Set<String> languages = vap > 0 && hispanicVap / vap >= mapping.spanishThreshold() ? Set.of("es")
                    : Set.of();
            precincts.add(new Precinct(id, name, geometry, voters, turnout, supportShare, districtIds, null, null,
                    languages, null, null, null, 0));
        }

        /** The feature's id, or null (after recording why) when an id property is missing. */
        private String id(JsonNode properties) {
            List<String> parts = new ArrayList<>();
            for (String property : mapping.idProperties()) {
                JsonNode value = properties.get(property);
                if (value == null || value.isNull() || value.asText().isBlank()) {
                    return null;
                }
                parts.add(value.asText());
            }
            return mapping.idPrefix() + slug(String.join("-", parts));
        }

        /** A valid (Multi)Polygon, repaired if need be; null after recording an error when impossible. */
        private Geometry geometry(String path, String id, JsonNode node) {
            String geometryPath = ErrorPath.field(path, "geometry");
            if (node == null || node.isNull()) {
                error(geometryPath, "is missing");
                return null;
            }
            Geometry geometry;
            try {
                geometry = new GeoJsonReader(GeoJsonGeometryModule.WGS84).read(node.toString());
            } catch (ParseException e) {
                // JTS wraps the specific reason (e.g. an unclosed ring) in a generic "Could not parse Polygon".
                error(geometryPath, "is not GeoJSON: " + e.getMessage()
                        + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
                return null;
            }
            if (!geometry.isEmpty() && !geometry.isValid()) {
                geometry = polygonal(GeometryFixer.fix(geometry));
                repaired.add(id);
            }
            var problem = GeometryRules.precinctProblem(geometry);
            if (problem.isPresent()) {
                error(geometryPath, problem.get());
                return null;
            }
            return geometry;
        }

        private String text(String path, JsonNode properties, String property) {
            JsonNode value = properties.get(property);
            if (value == null || value.isNull()) {
                error(ErrorPath.field(path, "properties." + property), "is missing");
                return "";
            }
            return value.asText().trim();
        }

        private double number(String path, JsonNode properties, String property) {
            JsonNode value = properties.get(property);
            if (value == null || !value.isNumber() || value.asDouble() < 0) {
                error(ErrorPath.field(path, "properties." + property),
                        value == null || value.isNull() ? "is missing" : "must be a non-negative number, was " + value);
                return 0;
            }
            return value.asDouble();
        }

        private void error(String path, String message) {
            errors.add(new ValidationError(path, message));
        }
    }

    /**
     * Only the areas of a repaired geometry: fixing a bow-tie can leave collapsed lines or points beside the
     * polygons, which are not turf.
     */
    private static Geometry polygonal(Geometry fixed) {
        @SuppressWarnings("unchecked")
        List<Polygon> polygons = PolygonExtracter.getPolygons(fixed);
        return fixed.getFactory().buildGeometry(polygons);
    }

    /** {@code "Bethlehem - Entire"} → {@code "bethlehem-entire"}: ids that need no quoting in URLs or CSVs. */
    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
