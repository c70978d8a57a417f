package org.fieldplan.data.mapping;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One feature's properties as an expression {@link Expression.Row}. Numbers written as text ({@code "597.0"},
 * {@code "1,042"}, {@code "60.27%"}) are read as numbers by {@link TextNumbers}, which counts them for the report;
 * a missing, null, negative or non-numeric value is an error of the row naming the column.
 */
final class FeatureRow implements Expression.Row {

    private final JsonNode properties;
    private final TextNumbers textNumbers;

    FeatureRow(JsonNode properties, TextNumbers textNumbers) {
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
            number = textNumbers.parse(column, value.asText());
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
}
