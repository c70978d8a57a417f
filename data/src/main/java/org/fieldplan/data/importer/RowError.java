package org.fieldplan.data.importer;

/**
 * Why one row of an import file was rejected.
 *
 * @param row which row: for a CSV file its line number (the header is line 1), for a GeoJSON file the feature's
 *     index in {@code features} (0-based, as in {@code features[3]}); {@link #WHOLE_FILE} when the problem is not
 *     one row's (e.g. a missing header)
 * @param reason what is wrong, naming the field
 */
public record RowError(int row, String reason) {

    public static final int WHOLE_FILE = -1;

    @Override
    public String toString() {
        return row == WHOLE_FILE ? reason : "row " + row + ": " + reason;
    }
}
