package org.fieldplan.data.mapping;

import java.util.List;

/**
 * What a declared join matched, for the import report: the precincts without a row are row errors of the report;
 * this lists the other side and the keys that are not unique.
 *
 * @param table the joined table's file
 * @param filter the declared filter as text, or null
 * @param rowsRead rows in the table
 * @param rowsKept rows the filter kept (all without a filter)
 * @param precincts precinct features
 * @param matched precincts matched to exactly one row
 * @param unmatchedRows kept rows no precinct matched, e.g. {@code row 12 (COLS 99-Z)}; row 1 is the first after
 *     the header
 * @param duplicateKeys keys on several rows or several precincts, e.g. {@code COLUMBUS1A: rows 3, 9}
 * @param shadowedColumns table columns the precinct file also has: the precinct file's values are used
 */
public record JoinSummary(String table, String filter, int rowsRead, int rowsKept, int precincts, int matched,
        List<String> unmatchedRows, List<String> duplicateKeys, List<String> shadowedColumns) {

    public JoinSummary {
        unmatchedRows = List.copyOf(unmatchedRows);
        duplicateKeys = List.copyOf(duplicateKeys);
        shadowedColumns = List.copyOf(shadowedColumns);
    }
}
