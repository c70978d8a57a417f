package org.fieldplan.mapping;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One feature's properties as an expression {@link Expression.Row}. Numbers written as text ({@code "597.0"}, common
 * in shapefile exports) are read as numbers and counted per column in {@code textNumbers}, so the report can say
 * so; a missing, null, negative or non-numeric value is an error of the row naming the column.
 */
final class FeatureRow implements Expression.Row {

    private final JsonNode properties;
    private final Map<String, Integer> textNumbers;

    FeatureRow(JsonNode properties, Map<String, Integer> textNumbers) {
        this.properties = properties;
        this.textNumbers = textNumbers;
    }

    @Override
    public double number(String column) {
        JsonNode value = properties.get(column);
        if (value == null) {
            throw new RowValueException("column " + column + " is missing");
        }
        if (value.isNull()) {
            throw new RowValueException("column " + column + " is null (coalesce(" + column
                    + ", 0) would read it as 0)");
        }
        double number;
        if (value.isNumber()) {
            number = value.asDouble();
        } else if (value.isTextual()) {
            number = parse(column, value.asText());
            textNumbers.merge(column, 1, Integer::sum);
        } else {
            throw new RowValueException("column " + column + " must be a number, was " + value);
        }
        if (!Double.isFinite(number) || number < 0) {
            throw new RowValueException("column " + column + " must be a non-negative number, was " + value);
        }
        return number;
    }

    @Override
    public boolean has(String column) {
        JsonNode value = properties.get(column);
        return value != null && !value.isNull() && !(value.isTextual() && value.asText().isBlank());
    }

    /** The column's value as text (ids, names, districts), or an error when it has none. */
    String text(String column) {
        JsonNode value = properties.get(column);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new RowValueException("column " + column + " is " + (value == null ? "missing" : "empty"));
        }
        return value.asText().trim();
    }

    private static double parse(String column, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new RowValueException("column " + column + " must be a number, was \"" + text + "\"");
        }
    }
}
