package org.fieldplan.data.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.fieldplan.data.importer.CsvRecords.CsvRecord;
import org.junit.jupiter.api.Test;

/** RFC 4180 splitting, with the line each record starts on. */
class CsvRecordsTest {

    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
        List<CsvRecord> records = CsvRecords.parse("a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\n\nlast,\n", "t.csv");

        assertThat(records).containsExactly(
                new CsvRecord(1, List.of("a", "b")),
                new CsvRecord(2, List.of("x, \"y\"", "two\nlines")),
                new CsvRecord(5, List.of("last", "")));
    }

    @Test
    void anUnclosedQuoteNamesTheLineItStartsOn() {
        assertThatThrownBy(() -> CsvRecords.parse("a,b\n1,\"open\n2,3\n", "t.csv"))
                .isInstanceOfSatisfying(ImportRejectedException.class,
                        e -> assertThat(e.errors()).extracting(RowError::row).containsExactly(2));
    }
}
