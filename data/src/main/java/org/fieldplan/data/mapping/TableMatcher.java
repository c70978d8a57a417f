package org.fieldplan.data.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Matches each precinct feature to one row of a joined table by the declared key ({@link TableJoin}), and gives
 * the feature's properties with the row's columns added. A precinct with no row, or whose key is on several rows
 * or shared with another precinct, has a problem instead (an error of its row); rows no precinct matched and
 * duplicated keys are listed in the {@link JoinSummary}. Without a join every feature keeps its own properties.
 */
final class TableMatcher {

    /** Where a join problem is reported: the mapping field. */
    static final String FIELD = "join";

    private final TableJoin join;
    private final JoinTable table;
    private final JoinKeys keys;
    private final Map<Integer, ObjectNode> joined = new HashMap<>();
    private final Map<Integer, String> problems = new HashMap<>();
    private final List<String> fileErrors = new ArrayList<>();
    private JoinSummary summary;

    private TableMatcher(TableJoin join, JoinTable table) {
        this.join = join;
        this.table = table;
        this.keys = join == null ? null : join.keys();
    }

    /**
     * The mapping's join with its table; without a join ({@code join} null) every feature keeps its own properties.
     *
     * @param table the table, or null when none was given: then a {@link #check file error}
     */
    static TableMatcher of(TableJoin join, JoinTable table) {
        return new TableMatcher(join, join == null ? null : table);
    }

    /** The table's columns, which the mapping may name too; empty without a join. */
    Set<String> columns() {
        return table == null ? Set.of() : table.columns();
    }

    /**
     * Mistakes of the declaration against these files (no table, a key or filter column neither has); empty when
     * none. {@code features} is the file's GeoJSON feature array.
     */
    List<String> check(JsonNode features) {
        if (join == null) {
            return List.of();
        }
        if (table == null) {
            fileErrors.add("the mapping joins a table (join), but no table file was given");
            return fileErrors;
        }
        Set<String> tableColumns = table.columns();
        Set<String> precinctColumns = new LinkedHashSet<>();
        features.forEach(f -> f.path("properties").fieldNames().forEachRemaining(precinctColumns::add));
        missing("join.tableKey", join.tableKey(), tableColumns, "the table " + table.source());
        missing("join.filter", join.filter().keySet(), tableColumns, "the table " + table.source());
        missing("join.precinctKey", join.precinctKey(), precinctColumns, "the precinct file");
        if (!fileErrors.isEmpty()) {
            summary = new JoinSummary(table.source(), join.filterText(), table.rows().size(), 0, features.size(),
                    0, List.of(), List.of(), List.of());
        }
        return fileErrors;
    }

    /**
     * The properties of the feature at {@code position} with its row's columns (its own without a join), or null
     * when it has a {@link #problem}.
     */
    JsonNode properties(int position, JsonNode feature) {
        return join == null ? feature.path("properties") : joined.get(position);
    }

    /** Why the feature has no row, or null. */
    String problem(int position) {
        return problems.get(position);
    }

    /** What was matched, or null without a join. */
    JoinSummary summary() {
        return summary;
    }

    /**
     * Matches the features (after {@link #check}; those of a dissolved precinct merged into one) to the table's
     * rows, by their position in {@code features}.
     *
     * @param fileIndexes each feature's index in the file, for messages
     */
    void match(List<JsonNode> features, List<Integer> fileIndexes) {
        if (join == null) {
            return;
        }
        Set<String> tableColumns = table.columns();
        Set<String> precinctColumns = new LinkedHashSet<>();
        features.forEach(f -> f.path("properties").fieldNames().forEachRemaining(precinctColumns::add));
        Map<String, List<Integer>> rowsByKey = new LinkedHashMap<>();
        List<Integer> unmatched = new ArrayList<>();
        int kept = 0;
        for (int r = 0; r < table.rows().size(); r++) {
            JsonNode row = table.rows().get(r);
            if (!kept(row)) {
                continue;
            }
            kept++;
            String key = key(row, join.tableKey());
            if (key != null) {
                rowsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            } else {
                unmatched.add(r); // a kept row without a key can match nothing
            }
        }
        Map<String, List<Integer>> featuresByKey = new LinkedHashMap<>();
        for (int i = 0; i < features.size(); i++) {
            String key = key(features.get(i).path("properties"), join.precinctKey());
            if (key == null) {
                problems.put(i, "key columns " + join.precinctKey() + " are empty");
            } else {
                featuresByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        featuresByKey.forEach((key, positions) -> attach(key, positions, rowsByKey.get(key), features, fileIndexes));
        List<String> duplicates = new ArrayList<>();
        rowsByKey.forEach((key, rows) -> {
            if (!featuresByKey.containsKey(key)) {
                unmatched.addAll(rows);
            }
            if (rows.size() > 1) {
                duplicates.add(key + ": rows " + rows.stream().map(r -> String.valueOf(r + 1))
                        .collect(Collectors.joining(", ")));
            }
        });
        featuresByKey.forEach((key, positions) -> {
            if (positions.size() > 1) {
                duplicates.add(key + ": features " + positions.stream().map(i -> "[" + fileIndexes.get(i) + "]")
                        .collect(Collectors.joining(", ")));
            }
        });
        List<String> shadowed = tableColumns.stream().filter(precinctColumns::contains).toList();
        summary = new JoinSummary(table.source(), join.filterText(), table.rows().size(), kept, features.size(),
                joined.size(), unmatched.stream().sorted().map(this::rowLabel).toList(), duplicates, shadowed);
    }

    /** One precinct key's features get its row when both sides have exactly one. */
    private void attach(String key, List<Integer> positions, List<Integer> rows, List<JsonNode> features,
            List<Integer> fileIndexes) {
        if (rows == null) {
            positions.forEach(i -> problems.put(i, "no row of " + table.source() + keptBy() + " has key " + key
                    + " (normalised from " + original(features.get(i).path("properties")) + ")"));
        } else if (rows.size() > 1) {
            positions.forEach(i -> problems.put(i, "key " + key + " is on " + rows.size() + " rows of "
                    + table.source() + " (" + rows.stream().map(this::rowLabel).collect(Collectors.joining(", "))
                    + "): make the key or the filter unique"));
        } else if (positions.size() > 1) {
            List<Integer> sharing = positions.stream().map(fileIndexes::get).toList();
            positions.forEach(i -> problems.put(i, "key " + key + " is shared by features " + sharing
                    + ": each precinct needs a key of its own"));
        } else {
            int index = positions.get(0);
            ObjectNode properties = ((ObjectNode) features.get(index).path("properties")).deepCopy();
            table.rows().get(rows.get(0)).fields().forEachRemaining(column -> {
                if (!properties.has(column.getKey())) {
                    properties.set(column.getKey(), column.getValue());
                }
            });
            joined.put(index, properties);
        }
    }

    private boolean kept(JsonNode row) {
        for (Map.Entry<String, List<String>> condition : join.filter().entrySet()) {
            JsonNode value = row.get(condition.getKey());
            String text = value == null || value.isNull() ? "" : value.asText().strip();
            if (condition.getValue().stream().noneMatch(wanted -> wanted.strip().equalsIgnoreCase(text))) {
                return false;
            }
        }
        return true;
    }

    /** The normalised key, or null when its columns are empty. */
    private String key(JsonNode properties, List<String> columns) {
        String raw = raw(properties, columns);
        if (raw.isBlank()) {
            return null;
        }
        String key = keys.normalize(raw);
        return key.isEmpty() ? null : key;
    }

    private static String raw(JsonNode properties, List<String> columns) {
        List<String> parts = new ArrayList<>();
        for (String column : columns) {
            JsonNode value = properties.get(column);
            parts.add(value == null || value.isNull() ? "" : value.asText());
        }
        return String.join(" ", parts).strip();
    }

    private String original(JsonNode properties) {
        return "'" + raw(properties, join.precinctKey()) + "'";
    }

    private String rowLabel(int row) {
        return "row " + (row + 1) + " (" + raw(table.rows().get(row), join.tableKey()) + ")";
    }

    private String keptBy() {
        return join.filter().isEmpty() ? "" : " with " + join.filterText();
    }

    private void missing(String field, Iterable<String> wanted, Set<String> present, String where) {
        for (String column : wanted) {
            if (!present.contains(column)) {
                fileErrors.add(String.format(Locale.ROOT, "%s: column %s is not in %s (columns: %s)", field, column,
                        where, String.join(", ", present)));
            }
        }
    }
}
