package org.fieldplan.data.mapping;

/**
 * A row's value cannot be computed: a column is missing, null or not a number, or an expression divides by zero.
 * The message names the column or expression; the reader adds the row's index and id.
 */
public class RowValueException extends RuntimeException {

    public RowValueException(String message) {
        super(message);
    }
}
