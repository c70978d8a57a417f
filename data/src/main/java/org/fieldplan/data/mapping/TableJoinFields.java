package org.fieldplan.data.mapping;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fieldplan.data.mapping.TableJoin.KeyRule;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads a mapping file's {@code join} field; every error names the field's path ({@code join.aliases.COLS}). */
final class TableJoinFields {

    /** The fields of {@code join}; {@code precinct-mapping.schema.json} declares the same. */
    static final Set<String> FIELDS = Set.of("description", "precinctKey", "tableKey", "filter",
            "normalize", "aliases", "layer");

    private final MappingFiles.Fields fields;

    TableJoinFields(MappingFiles.Fields fields) {
        this.fields = fields;
    }

    /** The declared join, or null when the mapping has none. */
    TableJoin join(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        fields.onlyFields(node, "join", FIELDS);
        try {
            return new TableJoin(fields.optionalText(node, "description"), columns(node, "precinctKey"),
                    columns(node, "tableKey"), filter(node.get("filter")), rules(node.get("normalize")),
                    aliases(node.get("aliases")), node.has("layer") ? fields.text(node, "layer", "join.") : null);
        } catch (IllegalArgumentException e) {
            throw fields.error("join", e.getMessage());
        }
    }

    private List<String> columns(JsonNode join, String field) {
        JsonNode node = join.get(field);
        String path = "join." + field;
        if (node == null) {
            throw fields.error(path, "is required: the column (or list of columns) holding the precinct's key");
        }
        List<String> columns = new ArrayList<>();
        for (JsonNode column : node.isArray() ? node : List.of(node)) {
            if (!column.isTextual() || column.asText().isBlank()) {
                throw fields.error(path, "must be a column name or a list of column names, found " + column);
            }
            columns.add(column.asText());
        }
        if (columns.isEmpty()) {
            throw fields.error(path, "must name at least one column");
        }
        return columns;
    }

    /** {@code {"county": "Franklin"}} or {@code {"county": ["Franklin", "Delaware"]}}. */
    private Map<String, List<String>> filter(JsonNode node) {
        Map<String, List<String>> filter = new LinkedHashMap<>();
        if (node == null) {
            return filter;
        }
        if (!node.isObject()) {
            throw fields.error("join.filter", "must be an object of column → value, e.g. {\"county\": \"Franklin\"}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> condition = it.next();
            String path = "join.filter." + condition.getKey();
            List<String> values = new ArrayList<>();
            JsonNode given = condition.getValue();
            for (JsonNode value : given.isArray() ? given : List.of(given)) {
                if (!(value.isTextual() || value.isNumber())) {
                    throw fields.error(path, "must be a value or a list of values, found " + value);
                }
                values.add(value.asText());
            }
            if (values.isEmpty()) {
                throw fields.error(path, "must list at least one value");
            }
            filter.put(condition.getKey(), values);
        }
        return filter;
    }

    private Set<KeyRule> rules(JsonNode node) {
        if (node == null) {
            return TableJoin.DEFAULT_RULES;
        }
        if (!node.isArray()) {
            throw fields.error("join.normalize", "must be a list of rules: " + known());
        }
        Set<KeyRule> rules = EnumSet.noneOf(KeyRule.class);
        for (JsonNode rule : node) {
            KeyRule known = rule.isTextual() ? KeyRule.of(rule.asText()) : null;
            if (known == null) {
                throw fields.error("join.normalize", "unknown rule " + rule + " (known: " + known() + ")");
            }
            rules.add(known);
        }
        return rules;
    }

    /** {@code {"COLS": "COLUMBUS"}}: each text a plain line, so the report stays one line per finding. */
    private Map<String, String> aliases(JsonNode node) {
        Map<String, String> aliases = new LinkedHashMap<>();
        if (node == null) {
            return aliases;
        }
        if (!node.isObject()) {
            throw fields.error("join.aliases", "must be an object of short form → long form, e.g. {\"COLS\": "
                    + "\"COLUMBUS\"}");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            String path = "join.aliases.";
            String value = fields.text(node, name, path);
            if (name.codePoints().anyMatch(Character::isISOControl)
                    || name.codePoints().noneMatch(Character::isLetterOrDigit)) {
                throw fields.error(path + name, "must be a word or phrase of letters or digits");
            }
            aliases.put(name, value);
        }
        return aliases;
    }

    private static String known() {
        return String.join(", ", EnumSet.allOf(KeyRule.class).stream().map(KeyRule::json).toList());
    }
}
