package org.fieldplan.data.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.fieldplan.data.mapping.PrecinctMapping.Bounds;
import org.fieldplan.data.mapping.PrecinctMapping.LanguageRule;
import org.fieldplan.data.mapping.PrecinctMapping.Quantity;
import org.fieldplan.data.mapping.PrecinctMapping.Support;
import org.fieldplan.validation.IdAlphabet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads mapping files (JSON) into {@link PrecinctMapping}s, field by field, so that every mistake — an unknown
 * field (a typo), a missing one, an expression that does not parse — is one message naming the file and field.
 * The rules are those of {@code precinct-mapping.schema.json}.
 */
final class MappingFiles {

    /** The presets shipped as resources beside this class ({@code presets/NAME.json}). */
    static final List<String> PRESETS = List.of("rhode-island", "new-hampshire");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    private static final int MAX_PREFIX = 32;
    /** Fields passed to {@code ogr2ogr} as option values. */
    private static final Set<String> COMMAND_ARGUMENTS = Set.of("sourceCrs", "layer", "join.layer");
    /** The fields a mapping file may have; {@code precinct-mapping.schema.json} declares the same. */
    static final Set<String> FIELDS = Set.of("$schema", "description", "idPrefix", "id", "name",
            "registeredVoters", "ballots", "turnout", "support", "districts", "languages", "targetDoors",
            "capacityPerSlot", "sourceCrs", "layer", "expectedBounds", "dissolve", "state", "join");

    private MappingFiles() {
    }

    static PrecinctMapping load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new MappingException("mapping " + file + ": cannot read it (" + e.getMessage() + ")", e);
        }
    }

    static PrecinctMapping preset(String name) {
        try (InputStream in = MappingFiles.class.getResourceAsStream("presets/" + name + ".json")) {
            if (in == null || !PRESETS.contains(name)) {
                throw new MappingException("no preset mapping '" + name + "' (presets: " + String.join(", ", PRESETS)
                        + "; or give a mapping file's path)");
            }
            return read(in, "preset " + name);
        } catch (IOException e) {
            throw new MappingException("preset " + name + ": cannot read it", e);
        }
    }

    static PrecinctMapping resolve(String presetOrPath) {
        if (PRESETS.contains(presetOrPath)) {
            return preset(presetOrPath);
        }
        Path path = Path.of(presetOrPath);
        if (!Files.isRegularFile(path)) {
            throw new MappingException("mapping '" + presetOrPath + "' is neither a preset ("
                    + String.join(", ", PRESETS) + ") nor a file");
        }
        return load(path);
    }

    static PrecinctMapping read(InputStream json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MappingException("mapping " + source + ": not JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + " (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new MappingException("mapping " + source + ": cannot read it (" + e.getMessage() + ")", e);
        }
        return new Fields(source).mapping(root);
    }

    /** Reading one file's fields; every error names {@code source} and the field's path. */
    record Fields(String source) {

        PrecinctMapping mapping(JsonNode root) {
            if (root == null || !root.isObject()) {
                throw error("(document)", "must be a JSON object");
            }
            for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!FIELDS.contains(name)) {
                    throw error(name, "unknown field (known: " + String.join(", ", FIELDS.stream().sorted().toList())
                            + ")");
                }
            }
            PrecinctMapping mapping;
            try {
                mapping = new PrecinctMapping(
                        optionalText(root, "description"),
                        idPrefix(root),
                        columns(root, "id", true),
                        optionalText(root, "name"),
                        quantity(root, "registeredVoters", true),
                        quantity(root, "ballots", false),
                        quantity(root, "turnout", false),
                        support(root),
                        districtColumns(root),
                        languages(root),
                        quantity(root, "targetDoors", false),
                        quantity(root, "capacityPerSlot", false),
                        optionalText(root, "sourceCrs"),
                        optionalText(root, "layer"),
                        bounds(root),
                        dissolve(root),
                        state(root),
                        new TableJoinFields(this).join(root.get("join")));
            } catch (IllegalArgumentException e) {
                throw error("(document)", e.getMessage());
            }
            SharedColumns.conflict(mapping).ifPresent(message -> {
                throw new MappingException("mapping " + source + ": " + message);
            });
            return mapping;
        }

        /** Prepended to ids made URL-safe, so it must be in the id alphabet itself (it is not made safe). */
        private String idPrefix(JsonNode root) {
            if (!root.has("idPrefix")) {
                return "";
            }
            String prefix = text(root, "idPrefix");
            if (!prefix.isEmpty() && !IdAlphabet.isSafe(prefix)) {
                throw error("idPrefix", IdAlphabet.problem(prefix).orElseThrow() + ", e.g. \"CT-\"");
            }
            if (prefix.length() > MAX_PREFIX) {
                throw error("idPrefix", "is longer than " + MAX_PREFIX + " characters");
            }
            return prefix;
        }

        /** District ids are {@code COLUMN-value}: the column's name is the start of an id. */
        private List<String> districtColumns(JsonNode root) {
            List<String> columns = columns(root, "districts", false);
            for (String column : columns) {
                IdAlphabet.problem(column).ifPresent(problem -> {
                    throw error("districts", "column " + column + " cannot start a district id: it " + problem);
                });
            }
            return columns;
        }

        private Support support(JsonNode root) {
            JsonNode node = root.get("support");
            if (node == null || !node.isObject()) {
                throw error("support", "is required: {\"dem\": \"GOV18D\", \"rep\": \"GOV18R\"} or {\"share\": …}");
            }
            onlyFields(node, "support", Set.of("dem", "rep", "share"));
            try {
                return new Support(quantity(node, "dem", false, "support."), quantity(node, "rep", false, "support."),
                        quantity(node, "share", false, "support."));
            } catch (IllegalArgumentException e) {
                throw error("support", e.getMessage());
            }
        }

        private List<LanguageRule> languages(JsonNode root) {
            JsonNode node = root.get("languages");
            if (node == null) {
                return List.of();
            }
            if (!node.isArray()) {
                throw error("languages", "must be a list of {\"language\": \"es\", \"when\": \"HVAP / VAP >= 0.3\"}");
            }
            List<LanguageRule> rules = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                String path = "languages[" + i + "]";
                JsonNode rule = node.get(i);
                if (!rule.isObject()) {
                    throw error(path, "must be an object with language and when");
                }
                onlyFields(rule, path, Set.of("language", "when"));
                String language = text(rule, "language", path + ".");
                if (!LANGUAGE.matcher(language).matches()) {
                    throw error(path + ".language", "must be a language code such as es or zh-Hant");
                }
                Expression when = expression(text(rule, "when", path + "."), path + ".when");
                if (!when.isCondition()) {
                    throw error(path + ".when", "must be a condition, e.g. ratio(HVAP, VAP, 0) >= 0.3");
                }
                rules.add(new LanguageRule(language, when));
            }
            return rules;
        }

        private PrecinctMapping.Dissolve dissolve(JsonNode root) {
            String dissolve = optionalText(root, "dissolve");
            if (dissolve == null) {
                return null;
            }
            return switch (dissolve) {
                case "sum" -> PrecinctMapping.Dissolve.SUM;
                case "first" -> PrecinctMapping.Dissolve.FIRST;
                default -> throw error("dissolve", "must be \"sum\" (each part counts its own voters and votes) or "
                        + "\"first\" (each part repeats the whole precinct's figures), not \"" + dissolve + "\"");
            };
        }

        private StateBounds.State state(JsonNode root) {
            String code = optionalText(root, "state");
            if (code == null) {
                return null;
            }
            return StateBounds.of(code).orElseThrow(() -> error("state", "is not a US state's or territory's USPS "
                    + "or FIPS code: \"" + code + "\" (e.g. CT or 09; codes: " + String.join(", ", StateBounds.codes())
                    + ")"));
        }

        private Bounds bounds(JsonNode root) {
            JsonNode node = root.get("expectedBounds");
            if (node == null) {
                return null;
            }
            onlyFields(node, "expectedBounds", Set.of("west", "south", "east", "north"));
            double[] values = new double[4];
            String[] names = {"west", "south", "east", "north"};
            for (int i = 0; i < 4; i++) {
                JsonNode value = node.get(names[i]);
                if (value == null || !value.isNumber()) {
                    throw error("expectedBounds." + names[i], "must be a number (degrees)");
                }
                values[i] = value.asDouble();
            }
            try {
                return new Bounds(values[0], values[1], values[2], values[3]);
            } catch (IllegalArgumentException e) {
                throw error("expectedBounds", e.getMessage());
            }
        }

        private Quantity quantity(JsonNode parent, String field, boolean required) {
            return quantity(parent, field, required, "");
        }

        /** A numeric field: {@code "VAP * 0.7"} or {@code {"expression": "VAP * 0.7", "proxy": "why"}}. */
        private Quantity quantity(JsonNode parent, String field, boolean required, String prefix) {
            JsonNode node = parent.get(field);
            String path = prefix + field;
            if (node == null || node.isNull()) {
                if (required) {
                    throw error(path, "is required");
                }
                return null;
            }
            if (node.isTextual() || node.isNumber()) {
                return new Quantity(path, numeric(node.asText(), path), null);
            }
            if (!node.isObject()) {
                throw error(path, "must be an expression or {\"expression\": …, \"proxy\": \"why\"}");
            }
            onlyFields(node, path, Set.of("expression", "proxy"));
            String proxy = optionalText(node, "proxy");
            if (proxy != null && proxy.isBlank()) {
                throw error(path + ".proxy", "must say what the proxy stands for and why");
            }
            return new Quantity(path, numeric(text(node, "expression", path + "."), path + ".expression"), proxy);
        }

        private Expression numeric(String text, String path) {
            Expression expression = expression(text, path);
            if (expression.isCondition()) {
                throw error(path, "must be a number, not a condition");
            }
            return expression;
        }

        private Expression expression(String text, String path) {
            try {
                return ExpressionParser.parse(text);
            } catch (IllegalArgumentException e) {
                throw error(path, e.getMessage());
            }
        }

        private List<String> columns(JsonNode root, String field, boolean required) {
            JsonNode node = root.get(field);
            if (node == null) {
                if (required) {
                    throw error(field, "is required: the column(s) whose values form the precinct id");
                }
                return List.of();
            }
            if (node.isTextual()) {
                return List.of(node.asText());
            }
            if (!node.isArray() || (required && node.isEmpty())) {
                throw error(field, "must be a column name or a list of column names");
            }
            List<String> columns = new ArrayList<>();
            for (JsonNode column : node) {
                if (!column.isTextual() || column.asText().isBlank()) {
                    throw error(field, "must list column names, found " + column);
                }
                columns.add(column.asText());
            }
            return columns;
        }

        void onlyFields(JsonNode node, String path, Set<String> allowed) {
            if (!node.isObject()) {
                throw error(path, "must be an object with " + String.join(", ", allowed));
            }
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    throw error(path + "." + name, "unknown field (known: " + String.join(", ", allowed) + ")");
                }
            }
        }

        private String text(JsonNode node, String field) {
            return text(node, field, "");
        }

        String text(JsonNode node, String field, String prefix) {
            JsonNode value = node.get(field);
            if (value == null || !value.isTextual()) {
                throw error(prefix + field, value == null ? "is required" : "must be a string");
            }
            String text = value.asText();
            // Text of a mapping reaches the report, the page and GDAL's command line: one plain line, never an
            // option of the command.
            if (text.codePoints().anyMatch(Character::isISOControl)) {
                throw error(prefix + field, "must not contain control characters (line breaks, tabs, ...)");
            }
            if (COMMAND_ARGUMENTS.contains(prefix + field) && text.startsWith("-")) {
                throw error(prefix + field, "must not start with '-'");
            }
            return text;
        }

        String optionalText(JsonNode node, String field) {
            return node.has(field) && !node.get(field).isNull() ? text(node, field) : null;
        }

        MappingException error(String path, String message) {
            return new MappingException("mapping " + source + ": " + path + ": " + message);
        }
    }
}
