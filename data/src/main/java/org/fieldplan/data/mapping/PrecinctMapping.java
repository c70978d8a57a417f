package org.fieldplan.data.mapping;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How one precinct file's columns become precincts: a declaration read from a mapping file (JSON, schema
 * {@code precinct-mapping.schema.json}, documented in {@code docs/import.md}), never code. Load one with
 * {@link #load(Path)}, {@link #read(InputStream, String)}, {@link #preset(String)} or {@link #resolve(String)}.
 *
 * @param description what file and election the mapping is for
 * @param idPrefix prepended to every id (e.g. {@code "CT-"}), so precincts of several states can share a problem
 * @param idColumns columns whose values, joined with {@code -} and made URL-safe, form a unique id
 * @param nameColumn the human-readable precinct name, or null to use the id
 * @param registeredVoters registered voters (rounded to a whole number)
 * @param ballots ballots cast in the reference election (turnout = ballots ÷ registered voters), or null when
 *     {@code turnout} is given instead
 * @param turnout the expected turnout rate itself, or null when {@code ballots} is given
 * @param support our side's support share
 * @param districtColumns each gives one district id per precinct, written {@code COLUMN-value}
 * @param languages rules naming languages canvassers of a precinct must include
 * @param targetDoors optional stated doors to knock
 * @param capacityPerSlot optional stated canvassers per slot
 * @param sourceCrs the source's reference system when its own (e.g. its {@code .prj}) is missing or wrong, e.g.
 *     {@code EPSG:26956}; null to use the file's own
 * @param layer the layer to read from a file with several (e.g. a GeoPackage), or null for the only one
 * @param expectedBounds where the precincts must lie (longitude/latitude), or null to check only US ranges and
 *     outliers
 * @param dissolve how features sharing an id are merged into one precinct, or null to refuse duplicate ids
 * @param state the US state (or territory) the precincts are in, by USPS or FIPS code, checked against its built-in
 *     bounding box ({@link StateBounds}); null when not declared
 * @param join a second table (e.g. the election results) joined to the shapes by key, or null
 */
public record PrecinctMapping(
        String description,
        String idPrefix,
        List<String> idColumns,
        String nameColumn,
        Quantity registeredVoters,
        Quantity ballots,
        Quantity turnout,
        Support support,
        List<String> districtColumns,
        List<LanguageRule> languages,
        Quantity targetDoors,
        Quantity capacityPerSlot,
        String sourceCrs,
        String layer,
        Bounds expectedBounds,
        Dissolve dissolve,
        StateBounds.State state,
        TableJoin join) {

    public PrecinctMapping {
        Objects.requireNonNull(idPrefix, "idPrefix");
        idColumns = List.copyOf(idColumns);
        Objects.requireNonNull(registeredVoters, "registeredVoters");
        Objects.requireNonNull(support, "support");
        districtColumns = List.copyOf(districtColumns);
        languages = List.copyOf(languages);
        if (idColumns.isEmpty()) {
            throw new IllegalArgumentException("a mapping needs at least one id column");
        }
        if ((ballots == null) == (turnout == null)) {
            throw new IllegalArgumentException("a mapping states either ballots or turnout");
        }
    }

    /**
     * How the parts of a precinct split over several features (the same id) are merged: polygons unioned, and the
     * count columns ({@link #countColumns()}) summed or taken from the first part.
     */
    public enum Dissolve {
        /** Each part counts its own voters and votes: the counts add up. */
        SUM,
        /** Each part repeats the whole precinct's figures: the first part's are the precinct's. */
        FIRST
    }

    /** Reads a mapping file. @throws MappingException naming the field and what is wrong */
    public static PrecinctMapping load(Path file) {
        return MappingFiles.load(file);
    }

    /** Reads a mapping from JSON; {@code source} names it in errors. @throws MappingException */
    public static PrecinctMapping read(InputStream json, String source) {
        return MappingFiles.read(json, source);
    }

    /** A mapping shipped with FieldPlan, e.g. {@code rhode-island}. @throws MappingException when unknown */
    public static PrecinctMapping preset(String name) {
        return MappingFiles.preset(name);
    }

    /** A preset by name, or else a mapping file by path. @throws MappingException when neither */
    public static PrecinctMapping resolve(String presetOrPath) {
        return MappingFiles.resolve(presetOrPath);
    }

    /** The presets' names. */
    public static List<String> presets() {
        return MappingFiles.PRESETS;
    }

    /** Every column the mapping reads, in declaration order. */
    public Set<String> columns() {
        Set<String> columns = new LinkedHashSet<>(idColumns);
        if (nameColumn != null) {
            columns.add(nameColumn);
        }
        for (Quantity quantity : quantities()) {
            columns.addAll(quantity.expression().columns());
        }
        columns.addAll(support.columns());
        columns.addAll(districtColumns);
        languages.forEach(rule -> columns.addAll(rule.when().columns()));
        return columns;
    }

    /**
     * The columns read by counts — registered voters, ballots, dem and rep votes, target doors, capacity and the
     * language rules (populations) —, which {@link Dissolve#SUM} adds up over a precinct's parts. Rates
     * ({@code turnout}, {@code support.share}) are not counts.
     */
    public Set<String> countColumns() {
        Set<String> columns = new LinkedHashSet<>();
        Stream.of(registeredVoters, ballots, support.dem(), support.rep(), targetDoors, capacityPerSlot)
                .filter(Objects::nonNull).forEach(q -> columns.addAll(q.expression().columns()));
        languages.forEach(rule -> columns.addAll(rule.when().columns()));
        return columns;
    }

    /** The numeric fields stated, by field name, for proxy reporting. */
    List<Quantity> quantities() {
        return Stream.of(registeredVoters, ballots, turnout, targetDoors, capacityPerSlot)
                .filter(Objects::nonNull).toList();
    }

    /**
     * A numeric field: an expression, and when it stands in for a value the file does not have, a proxy note
     * that the import report repeats (e.g. "voting-age population × 0.7: CT files have no registration").
     *
     * @param field the mapping field it fills, e.g. {@code registeredVoters}
     */
    public record Quantity(String field, Expression expression, String proxy) {

        public Quantity {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(expression, "expression");
        }

        public boolean isProxy() {
            return proxy != null;
        }
    }

    /**
     * Our side's support share: {@code dem ÷ (dem + rep)} of a race (0.5 when neither got a vote), or a stated
     * {@code share} in [0, 1]. Exactly one form is set.
     */
    public record Support(Quantity dem, Quantity rep, Quantity share) {

        public Support {
            if (share == null ? dem == null || rep == null : dem != null || rep != null) {
                throw new IllegalArgumentException("support states either dem and rep, or share");
            }
        }

        Set<String> columns() {
            Set<String> columns = new LinkedHashSet<>();
            for (Quantity q : Arrays.asList(dem, rep, share)) {
                if (q != null) {
                    columns.addAll(q.expression().columns());
                }
            }
            return columns;
        }

        List<Quantity> quantities() {
            return Stream.of(dem, rep, share).filter(Objects::nonNull).toList();
        }
    }

    /** Canvassers of a precinct must include a speaker of {@code language} where {@code when} holds. */
    public record LanguageRule(String language, Expression when) {

        public LanguageRule {
            Objects.requireNonNull(language, "language");
            if (!when.isCondition()) {
                throw new IllegalArgumentException("'when' must be a condition, e.g. HVAP / VAP >= 0.3");
            }
        }
    }

    /** A longitude/latitude box. */
    public record Bounds(double west, double south, double east, double north) {

        public Bounds {
            if (!(west < east && south < north)) {
                throw new IllegalArgumentException("bounds need west < east and south < north");
            }
        }

        public boolean contains(double lon, double lat) {
            return lon >= west && lon <= east && lat >= south && lat <= north;
        }
    }
}
