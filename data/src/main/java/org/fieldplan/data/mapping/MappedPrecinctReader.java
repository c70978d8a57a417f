package org.fieldplan.data.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.fieldplan.domain.Precinct;
import org.fieldplan.data.mapping.ImportReport.RowProblem;
import org.fieldplan.validation.GeometryRules;
import org.fieldplan.validation.IdAlphabet;
import org.fieldplan.vote.MarginalVoteModel;
import org.fieldplan.domain.VoteModelParameters;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads precincts from a GeoJSON FeatureCollection in longitude/latitude (WGS84) through a {@link PrecinctMapping}:
 * one {@link Precinct} per usable feature, and an {@link ImportReport} of everything found. The reader never
 * throws for bad data: every problem is in the report, whose outcome says whether the precincts may be stored
 * (strict: any row error rejects the file; with {@code skipBadRows} the bad rows are left out and listed).
 *
 * <p>Derived values: registered voters rounded to a whole number; turnout = ballots ÷ registered voters (0 without
 * voters) or the stated rate, capped at 1 and reported; support = dem ÷ (dem + rep) (0.5 when neither side got a
 * vote) or the stated share; districts {@code COLUMN-value}; languages where their rule holds. Invalid polygons,
 * common in real shapefiles, are repaired with JTS {@link GeometryFixer} and reported.
 *
 * <p>Longer than most classes (~430 lines): it is the per-row mapping of every field with its checks, all reporting
 * into one {@link ImportReport}; the join of a second table ({@code TableMatcher}), the proxies ({@code ProxyUses})
 * and the expressions ({@code ExpressionParser}) are classes of their own.
 */
public final class MappedPrecinctReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** WGS84 longitude/latitude, the only coordinate system RFC 7946 allows. */
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
    private static final Envelope LONGITUDE_LATITUDE = new Envelope(-180, 180, -90, 90);
    private static final TypeReference<Map<String, Object>> PROPERTIES = new TypeReference<>() {
    };

    private final PrecinctMapping mapping;
    private final boolean skipBadRows;

    /**
     * @param skipBadRows leave unusable features out (and list them) instead of rejecting the whole file
     */
    public MappedPrecinctReader(PrecinctMapping mapping, boolean skipBadRows) {
        this.mapping = mapping;
        this.skipBadRows = skipBadRows;
    }

    /** What a read gives: the report, and each imported precinct's feature properties (raw election attributes). */
    public record Result(ImportReport report, Map<String, Map<String, Object>> attributes) {
    }

    public Result read(Path geoJson, String source) {
        return read(geoJson, source, null);
    }

    /** Reads precincts with the rows of {@code table} (null when the mapping declares no join) joined to them. */
    public Result read(Path geoJson, String source, JoinTable table) {
        try (InputStream in = Files.newInputStream(geoJson)) {
            return read(in, source, table);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    /** Reads a FeatureCollection from the stream (which is not closed); {@code source} names it in the report. */
    public Result read(InputStream geoJson, String source) throws IOException {
        return read(geoJson, source, null);
    }

    /** As {@link #read(Path, String, JoinTable)}, from a stream (which is not closed). */
    public Result read(InputStream geoJson, String source, JoinTable table) throws IOException {
        Read read = new Read(source, table);
        JsonNode collection;
        try {
            collection = JSON.readTree(geoJson);
        } catch (JsonProcessingException e) {
            read.fileErrors.add("not JSON at line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
            return read.result(0);
        }
        JsonNode features = collection == null ? null : collection.get("features");
        if (features == null || !features.isArray()) {
            read.fileErrors.add("not a GeoJSON FeatureCollection");
            return read.result(0);
        }
        return read.features(features);
    }

    /** The state of one read. */
    private final class Read {
        private final String source;
        private final List<Precinct> precincts = new ArrayList<>();
        private final Map<String, Map<String, Object>> attributes = new HashMap<>();
        private final List<String> fileErrors = new ArrayList<>();
        private final List<RowProblem> rowErrors = new ArrayList<>();
        private final List<RowProblem> locationErrors = new ArrayList<>();
        private final List<String> repaired = new ArrayList<>();
        private final List<String> zeroVoters = new ArrayList<>();
        private final List<String> turnoutCapped = new ArrayList<>();
        private final Map<String, Integer> firstIndexById = new HashMap<>();
        private final ProxyUses proxyUses = new ProxyUses(mapping);
        private final List<ImportReport.Dissolved> dissolved = new ArrayList<>();
        private final TableMatcher join;
        private final TextNumbers textNumbers;

        Read(String source, JoinTable table) {
            this.source = source;
            this.join = TableMatcher.of(mapping.join(), table);
            this.textNumbers = new TextNumbers(join.columns());
        }

        Result features(JsonNode features) {
            if (features.isEmpty()) {
                fileErrors.add("the file has no features: an empty collection would make an empty region");
                return result(0);
            }
            fileErrors.addAll(join.check(features)); // a missing table or key column
            if (fileErrors.isEmpty()) { // without the table, every column it would bring is missing
                missingColumns(features);
            }
            if (!fileErrors.isEmpty()) {
                return result(features.size());
            }
            // Split precincts are merged first: the table has one row for the whole precinct.
            FeatureDissolver.Result parts = mapping.dissolve() == null ? FeatureDissolver.none(features)
                    : FeatureDissolver.dissolve(features, this::idOrNull,
                            mapping.dissolve() == PrecinctMapping.Dissolve.SUM ? mapping.countColumns() : Set.of());
            dissolved.addAll(parts.merged());
            join.match(parts.features(), parts.indexes());
            for (int i = 0; i < parts.features().size(); i++) {
                feature(parts.indexes().get(i), parts.features().get(i), i);
            }
            locationVerdict(parts.features().size());
            return result(features.size());
        }

        /** A feature's id, or null when it cannot be formed (its row error comes when the feature is read). */
        private String idOrNull(JsonNode feature) {
            try {
                return id(new FeatureRow(feature.path("properties"), new TextNumbers(Set.of())));
            } catch (RowValueException e) {
                return null;
            }
        }

        /** A column the mapping names that no feature has is a mistake of the mapping, not of rows. */
        private void missingColumns(JsonNode features) {
            Set<String> present = new LinkedHashSet<>();
            for (JsonNode feature : features) {
                feature.path("properties").fieldNames().forEachRemaining(present::add);
            }
            present.addAll(join.columns());
            for (String column : mapping.columns()) {
                if (!present.contains(column)) {
                    fileErrors.add("the mapping names column " + column + ", which no feature has (columns: "
                            + String.join(", ", present) + ")");
                }
            }
        }

        /** @param position the feature's place among those read (after dissolving), which the join goes by */
        private void feature(int index, JsonNode feature, int position) {
            JsonNode properties = join.properties(position, feature);
            if (properties == null) {
                rowErrors.add(new RowProblem(index, null, TableMatcher.FIELD, join.problem(position)));
                return;
            }
            FeatureRow row = new FeatureRow(properties, textNumbers);
            List<RowProblem> problems = new ArrayList<>();
            String id = value(problems, index, null, "id", () -> id(row));
            if (id != null && firstIndexById.putIfAbsent(id, index) != null) {
                problems.add(new RowProblem(index, id, "id", "duplicate id, also features[" + firstIndexById.get(id)
                        + "]: choose id columns that are unique together"));
            }
            String name = mapping.nameColumn() == null ? id
                    : value(problems, index, id, "name", () -> row.text(mapping.nameColumn()));
            Double registered = value(problems, index, id, "registeredVoters",
                    () -> mapping.registeredVoters().expression().evaluate(row));
            Double ballotsOrRate = mapping.ballots() != null
                    ? value(problems, index, id, "ballots", () -> mapping.ballots().expression().evaluate(row))
                    : value(problems, index, id, "turnout", () -> mapping.turnout().expression().evaluate(row));
            Double support = value(problems, index, id, "support", () -> support(row));
            List<String> districts = value(problems, index, id, "districts", () -> mapping.districtColumns().stream()
                    .map(column -> district(column, row.text(column))).toList());
            Set<String> languages = value(problems, index, id, "languages", () -> languages(row));
            Double targetDoors = optional(problems, index, id, mapping.targetDoors(), row);
            Double capacity = optional(problems, index, id, mapping.capacityPerSlot(), row);
            Geometry geometry = geometry(problems, index, id, feature.get("geometry"));
            if (!problems.isEmpty()) {
                rowErrors.addAll(problems);
                return;
            }
            int voters = (int) Math.round(registered);
            double turnout = mapping.ballots() != null ? (voters == 0 ? 0 : ballotsOrRate / voters) : ballotsOrRate;
            if (voters == 0) {
                zeroVoters.add(id);
            }
            if (turnout > 1) {
                turnoutCapped.add(id);
                turnout = 1;
            }
            precincts.add(new Precinct(id, name, geometry, voters, turnout, support, districts, null,
                    targetDoors == null ? null : (int) Math.round(targetDoors), languages, null,
                    capacity == null ? null : (int) Math.round(capacity), null, 0));
            attributes.put(id, JSON.convertValue(properties, PROPERTIES));
            proxyUses.count(row);
        }

        private String id(FeatureRow row) {
            List<String> parts = new ArrayList<>();
            for (String column : mapping.idColumns()) {
                parts.add(row.text(column));
            }
            String slug = IdAlphabet.slug(String.join("-", parts));
            if (slug.isEmpty()) {
                throw new RowValueException("id columns " + mapping.idColumns() + " give no letters or digits");
            }
            String id = mapping.idPrefix() + slug;
            IdAlphabet.problem(id).ifPresent(problem -> {
                throw new RowValueException("id " + problem);
            });
            return id;
        }

        /**
         * {@code COLUMN-value} ({@code HDIST-035}), kept to the id alphabet: a run of other characters in the value
         * becomes one {@code -} ({@code "12 B"} → {@code HDIST-12-B}).
         */
        private String district(String column, String value) {
            String id = column + "-" + value.strip().replaceAll("[^A-Za-z0-9_-]+", "-");
            IdAlphabet.problem(id).ifPresent(problem -> {
                throw new RowValueException("district id " + problem);
            });
            return id;
        }

        private double support(FeatureRow row) {
            PrecinctMapping.Support support = mapping.support();
            if (support.share() != null) {
                double share = support.share().expression().evaluate(row);
                if (share > 1) {
                    throw new RowValueException("share " + share + " is above 1 (" + support.share().expression().text()
                            + ")");
                }
                return share;
            }
            double dem = support.dem().expression().evaluate(row);
            double rep = support.rep().expression().evaluate(row);
            return dem + rep == 0 ? 0.5 : dem / (dem + rep);
        }

        private Set<String> languages(FeatureRow row) {
            Set<String> languages = new TreeSet<>();
            for (PrecinctMapping.LanguageRule rule : mapping.languages()) {
                if (rule.when().evaluate(row) != 0) {
                    languages.add(rule.language());
                }
            }
            return languages;
        }

        private Double optional(List<RowProblem> problems, int index, String id, PrecinctMapping.Quantity quantity,
                FeatureRow row) {
            return quantity == null ? null
                    : value(problems, index, id, quantity.field(), () -> quantity.expression().evaluate(row));
        }

        /** The field's value, or null after recording the row's problem with it. */
        private <T> T value(List<RowProblem> problems, int index, String id, String field,
                Supplier<T> compute) {
            try {
                T value = compute.get();
                if (value instanceof Double d && !(Double.isFinite(d) && d >= 0)) {
                    problems.add(new RowProblem(index, id, field, "is " + d + ", must be a non-negative number"));
                    return null;
                }
                return value;
            } catch (RowValueException e) {
                problems.add(new RowProblem(index, id, field, e.getMessage()));
                return null;
            }
        }

        /** A valid (Multi)Polygon in range, repaired if need be; null after recording why not. */
        private Geometry geometry(List<RowProblem> problems, int index, String id, JsonNode node) {
            if (node == null || node.isNull()) {
                problems.add(new RowProblem(index, id, "geometry", "is missing"));
                return null;
            }
            Geometry geometry;
            try {
                geometry = new GeoJsonReader(WGS84).read(node.toString());
            } catch (ParseException e) {
                // JTS wraps the specific reason (e.g. an unclosed ring) in a generic "Could not parse Polygon".
                problems.add(new RowProblem(index, id, "geometry", "is not GeoJSON: " + e.getMessage()
                        + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")")));
                return null;
            }
            boolean fixed = false;
            if (!geometry.isEmpty() && !geometry.isValid()) {
                geometry = polygonal(GeometryFixer.fix(geometry));
                fixed = true;
            }
            var problem = GeometryRules.precinctProblem(geometry);
            if (problem.isPresent()) {
                RowProblem invalid = new RowProblem(index, id, "geometry", problem.get());
                problems.add(invalid);
                if (!LONGITUDE_LATITUDE.contains(geometry.getEnvelopeInternal())) {
                    locationErrors.add(invalid); // projected coordinates read as degrees: a reference-system error
                }
                return null;
            }
            Point inside = geometry.getInteriorPoint();
            String location = LocationChecks.outsideUs(inside);
            if (location == null) {
                location = LocationChecks.outsideBounds(inside, mapping.expectedBounds());
            }
            if (location == null) {
                location = LocationChecks.outsideState(inside, mapping.state());
            }
            if (location == null && !declaresArea()) {
                location = LocationChecks.inNoState(inside);
            }
            if (location != null) {
                RowProblem outside = new RowProblem(index, id, "geometry", location);
                problems.add(outside);
                locationErrors.add(outside);
                return null;
            }
            if (fixed) {
                repaired.add(id);
            }
            return geometry;
        }

        /**
         * When most features lie in the wrong place, the file's reference system or axis order is wrong: one error
         * for the file says so better than hundreds of row errors.
         */
        private void locationVerdict(int featureCount) {
            if (locationErrors.size() * 2 > featureCount) {
                rowErrors.removeAll(locationErrors);
                fileErrors.add(locationErrors.size() + " of " + featureCount + " features are out of place, e.g. "
                        + locationErrors.get(0));
            }
        }

        Result result(int featureCount) {
            if (featureCount > 0 && fileErrors.isEmpty() && precincts.isEmpty()) {
                fileErrors.add("no feature is usable");
            }
            boolean rejected = !fileErrors.isEmpty() || !rowErrors.isEmpty() && !skipBadRows;
            List<String> allWarnings = new ArrayList<>();
            allWarnings.addAll(textNumbers.warnings());
            allWarnings.addAll(LocationChecks.outliers(precincts));
            if (!rejected && mapping.districtColumns().isEmpty() && !precincts.isEmpty()) {
                allWarnings.add(districtsNotMapped(precincts));
            }
            if (!rejected && mapping.sourceCrs() != null && !declaresArea() && !precincts.isEmpty()) {
                allWarnings.add(LocationChecks.checkedLoosely(mapping.sourceCrs()));
            }
            ImportReport report = new ImportReport(source,
                    rejected ? ImportReport.Outcome.REJECTED : ImportReport.Outcome.READY, featureCount,
                    rejected ? List.of() : precincts, fileErrors, rowErrors, skipBadRows && !rowErrors.isEmpty(),
                    allWarnings, proxyUses.report(rejected), turnoutCapped, capReason(), repaired, zeroVoters, dissolved,
                    join.summary());
            return new Result(report, rejected ? Map.of() : attributes);
        }

        /** Without districts the model weighs every precinct by the mapped race over the whole region. */
        private String districtsNotMapped(List<Precinct> all) {
            double share = MarginalVoteModel.regionWideSupportShare(all);
            double weight = new MarginalVoteModel(VoteModelParameters.DEFAULTS).pivotality(share);
            return String.format(Locale.ROOT, "DISTRICTS NOT MAPPED: every precinct is weighed by the closeness of "
                    + "the mapped race over the whole region (our side %.1f %% of its ballots: pivotality %.2f of a "
                    + "toss-up's, the same everywhere), not by its own districts' races; map \"districts\" (e.g. "
                    + "state house, senate, congressional district columns) so that volunteers go where a race is "
                    + "close (docs/model.md)", 100 * share, weight);
        }

        private boolean declaresArea() {
            return mapping.expectedBounds() != null || mapping.state() != null;
        }

        private String capReason() {
            String ballots = mapping.ballots() != null ? "ballots (" + mapping.ballots().expression().text() + ")"
                    : "the stated turnout (" + mapping.turnout().expression().text() + ")";
            String reason = ballots + " exceed registered voters (" + mapping.registeredVoters().expression().text()
                    + ")";
            return mapping.registeredVoters().isProxy() ? reason + ", a proxy that undercounts there" : reason;
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

}
