package org.fieldplan.data.importer;

import java.util.List;
import java.util.stream.Stream;

import org.fieldplan.data.mapping.ImportReport;

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

    /** A rejected import report's errors: file errors for the whole file, row errors by feature index. */
    public static List<RowError> of(ImportReport report) {
        return Stream.concat(
                report.fileErrors().stream().map(error -> new RowError(WHOLE_FILE, error)),
                report.rowErrors().stream().map(error -> new RowError(error.index(),
                        (error.id() == null ? "" : "id " + error.id() + ", ") + error.field() + ": "
                                + error.message()))).toList();
    }

    @Override
    public String toString() {
        return row == WHOLE_FILE ? reason : "row " + row + ": " + reason;
    }
}
