package org.fieldplan.data.mapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How a table of staging locations (a CSV of field offices, supporters' garages) maps onto staging locations: the same
 * kind of mapping file as precincts' ({@code docs/import.md}): columns by name, numbers by the safe expression
 * language ({@link ExpressionParser}). Every mistake names the file and the field.
 *
 * @param idColumns columns joined with {@code -} and made URL-safe ({@code IdAlphabet.slug}), behind {@code idPrefix}
 * @param nameColumn the name shown to volunteers, or null (the id)
 * @param addressColumns joined with {@code ", "}, empty cells left out; empty list for none
 * @param teamsPerSlot teams the location sends out per slot (rounded down)
 * @param hoursColumn opening hours {@code 2026-10-31 08:00-18:00; 2026-11-01 09:00-17:00}, or null (always open)
 */
public record StagingMapping(String description, String idPrefix, List<String> idColumns, String nameColumn,
        List<String> addressColumns, Expression lon, Expression lat, Expression teamsPerSlot, String hoursColumn) {

    static final Set<String> FIELDS = Set.of("$schema", "description", "idPrefix", "id", "name", "address", "lon",
            "lat", "teamsPerSlot", "hours");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @throws MappingException naming the file and the field */
    public static StagingMapping load(Path file) {
        try {
            return read(Files.readAllBytes(file), file.getFileName().toString());
        } catch (IOException e) {
            throw new MappingException("mapping " + file + ": cannot read it (" + e.getMessage() + ")", e);
        }
    }

    /** @throws MappingException naming {@code source} and the field */
    public static StagingMapping read(byte[] json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MappingException("mapping " + source + ": not JSON at line " + e.getLocation().getLineNr()
                    + " (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new MappingException("mapping " + source + ": cannot read it (" + e.getMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new MappingException("mapping " + source + ": must be a JSON object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new MappingException("mapping " + source + ": " + name + ": unknown field (known: "
                        + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
            }
        }
        List<String> id = columns(root, "id", source);
        if (id.isEmpty()) {
            throw new MappingException("mapping " + source + ": id: is required: the column(s) of a unique id");
        }
        return new StagingMapping(text(root, "description", source), text(root, "idPrefix", source), id,
                text(root, "name", source), columns(root, "address", source), expression(root, "lon", source),
                expression(root, "lat", source), expression(root, "teamsPerSlot", source),
                text(root, "hours", source));
    }

    private static String text(JsonNode root, String field, String source) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank() || node.asText().chars().anyMatch(Character::isISOControl)) {
            throw new MappingException("mapping " + source + ": " + field + ": must be one line of text");
        }
        return node.asText();
    }

    /** A column name or a list of them. */
    private static List<String> columns(JsonNode root, String field, String source) {
        JsonNode node = root.get(field);
        List<String> columns = new ArrayList<>();
        if (node == null || node.isNull()) {
            return columns;
        }
        if (node.isTextual()) {
            columns.add(text(root, field, source));
            return columns;
        }
        if (!node.isArray()) {
            throw new MappingException("mapping " + source + ": " + field + ": must be a column name or a list of them");
        }
        for (JsonNode item : node) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw new MappingException("mapping " + source + ": " + field + ": must list column names");
            }
            columns.add(item.asText());
        }
        return columns;
    }

    private static Expression expression(JsonNode root, String field, String source) {
        String text = text(root, field, source);
        if (text == null) {
            throw new MappingException("mapping " + source + ": " + field + ": is required (a column or an expression)");
        }
        try {
            return ExpressionParser.parse(text);
        } catch (IllegalArgumentException e) {
            throw new MappingException("mapping " + source + ": " + field + ": " + e.getMessage());
        }
    }
}
