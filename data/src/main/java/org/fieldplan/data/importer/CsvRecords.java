package org.fieldplan.data.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text (RFC 4180: comma-separated, fields optionally in double quotes, {@code ""} for a quote inside
 * one, quoted fields may span lines) into records, each with the line it starts on.
 */
final class CsvRecords {

    /** One record and the 1-based line it starts on. */
    record CsvRecord(int line, List<String> fields) {
    }

    private CsvRecords() {
    }

    /**
     * @throws ImportRejectedException when a quoted field is never closed
     */
    static List<CsvRecord> parse(String text, String source) {
        List<CsvRecord> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                addUnlessBlank(records, recordLine, fields);
                fields = new ArrayList<>();
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new ImportRejectedException(source,
                    List.of(new RowError(recordLine, "a quoted field is not closed before the end of the file")));
        }
        fields.add(field.toString());
        addUnlessBlank(records, recordLine, fields);
        return records;
    }

    /** Blank lines (e.g. the one after a final line break) are no records. */
    private static void addUnlessBlank(List<CsvRecord> records, int line, List<String> fields) {
        if (fields.size() > 1 || !fields.get(0).isBlank()) {
            records.add(new CsvRecord(line, List.copyOf(fields)));
        }
    }
}
