package org.fieldplan.data.mapping;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A second table joined to the precinct shapes by key, declared in the mapping's {@code join} field: most states
 * publish results apart from the shapes, under other spellings of the precinct names. The table's columns become
 * columns of the matched precinct, so the mapping's expressions read them like the shapes' own.
 *
 * @param description what table and election it is, for the report
 * @param precinctKey the shapes' column(s) forming the key (joined with a space)
 * @param tableKey the table's column(s) forming the key (joined with a space)
 * @param filter only table rows whose column equals one of the values (trimmed, any case) take part, e.g.
 *     {@code county = Franklin} in a statewide file; empty for every row
 * @param normalize how both keys are made comparable
 * @param aliases words or phrases (as whole words) replaced in both keys before comparing, e.g.
 *     {@code COLS → COLUMBUS}
 * @param layer the layer to read from a table file with several, or null
 */
public record TableJoin(
        String description,
        List<String> precinctKey,
        List<String> tableKey,
        Map<String, List<String>> filter,
        Set<KeyRule> normalize,
        Map<String, String> aliases,
        String layer) {

    /** A way two spellings of a key are made equal. */
    public enum KeyRule {
        /** Letters compared without case ({@code Columbus} = {@code COLUMBUS}). */
        CASE("case"),
        /** Runs of white space count as one, and none at the ends ({@code " A  1"} = {@code "A 1"}). */
        SPACES("spaces"),
        /** Punctuation and spaces are ignored ({@code 01-A} = {@code 01 A} = {@code 01A}). */
        PUNCTUATION("punctuation"),
        /** Numbers compared without leading zeros ({@code 01-A} = {@code 1-A}). */
        LEADING_ZEROS("leadingZeros"),
        /** Letters compared without accents ({@code Peñasco} = {@code Penasco}). */
        ACCENTS("accents");

        private final String json;

        KeyRule(String json) {
            this.json = json;
        }

        /** Its name in a mapping file. */
        public String json() {
            return json;
        }

        /** The rule a mapping file names, or null. */
        static KeyRule of(String json) {
            for (KeyRule rule : values()) {
                if (rule.json.equals(json)) {
                    return rule;
                }
            }
            return null;
        }
    }

    /** Without a {@code normalize} field: case and spaces, the differences no one means. */
    public static final Set<KeyRule> DEFAULT_RULES = EnumSet.of(KeyRule.CASE, KeyRule.SPACES);

    public TableJoin {
        precinctKey = List.copyOf(precinctKey);
        tableKey = List.copyOf(tableKey);
        filter = Map.copyOf(new LinkedHashMap<>(filter));
        normalize = normalize.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(normalize));
        aliases = Map.copyOf(aliases);
        if (precinctKey.isEmpty() || tableKey.isEmpty()) {
            throw new IllegalArgumentException("a join needs key columns on both sides");
        }
        if (precinctKey.size() != tableKey.size()) {
            throw new IllegalArgumentException("precinctKey and tableKey must name as many columns ("
                    + precinctKey.size() + " and " + tableKey.size() + ")");
        }
    }

    /** The filter as text, e.g. {@code county = Franklin}, or null without one. */
    public String filterText() {
        if (filter.isEmpty()) {
            return null;
        }
        return String.join(" and ", filter.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " = " + String.join(" or ", e.getValue())).toList());
    }

    /** The key normaliser of this declaration. */
    public JoinKeys keys() {
        return new JoinKeys(normalize, aliases);
    }
}
