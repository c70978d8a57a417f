package org.fieldplan.data.mapping;

import java.util.Set;

/**
 * A small arithmetic expression or condition over one feature's columns, parsed by {@link ExpressionParser}: column
 * names, numbers, {@code + - * /}, parentheses, {@code min}, {@code max}, {@code ratio}, {@code coalesce},
 * comparisons and {@code and}/{@code or}. It can only compute a number from the row's values: there is no way to
 * call code, so a mapping file from anyone is safe to evaluate.
 */
public interface Expression {

    /** The value for one row (conditions give 1 for true, 0 for false). */
    double evaluate(Row row);

    /** Whether this is a condition (a comparison, {@code and}, {@code or}) rather than a number. */
    boolean isCondition();

    /** Every column the expression reads. */
    Set<String> columns();

    /** The expression as written. */
    String text();

    /** Whether the expression has a fallback ({@code coalesce}) that may stand in for a missing value. */
    default boolean hasFallback() {
        return false;
    }

    /** Whether a fallback ({@code coalesce}'s second value) stood in for a missing value in this row. */
    default boolean fellBack(Row row) {
        return false;
    }

    /** The column values of one row, as the expression reads them. */
    interface Row {

        /**
         * The column's numeric value.
         *
         * @throws RowValueException when the column is missing, null, or not a number
         */
        double number(String column);

        /** Whether the column holds a value (for {@code coalesce}). */
        boolean has(String column);
    }
}
