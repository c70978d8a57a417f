package org.fieldplan.data.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Numbers written as text, as real files hold them: {@code "597.0"} (shapefile exports), {@code "1,042"} (thousands
 * separators) and {@code "60.27%"} (a percentage, read as the fraction 0.6027). Counted per column and kind so the
 * import report can say what was read how; text in the columns of a joined table is expected (a CSV has no types)
 * and only its separators and percentages are reported.
 */
final class TextNumbers {

    /** US thousands separators: {@code 1,042} and {@code 12,345.5}, never {@code 1,04}. */
    private static final Pattern THOUSANDS = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    private enum Kind { TEXT, THOUSANDS, PERCENT }

    private final Set<String> untypedColumns;
    private final Map<String, Map<Kind, Integer>> counts = new LinkedHashMap<>();

    /** @param untypedColumns columns whose values are text by nature (a joined CSV's) */
    TextNumbers(Set<String> untypedColumns) {
        this.untypedColumns = Set.copyOf(untypedColumns);
    }

    /** Reads {@code text} of {@code column} as a number. @throws RowValueException when it is none */
    double parse(String column, String text) {
        String number = text.strip();
        Kind kind = Kind.TEXT;
        if (number.endsWith("%")) {
            number = number.substring(0, number.length() - 1).strip();
            kind = Kind.PERCENT;
        }
        if (THOUSANDS.matcher(number).matches()) {
            number = number.replace(",", "");
            kind = kind == Kind.PERCENT ? kind : Kind.THOUSANDS;
        }
        double value;
        try {
            value = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new RowValueException("column " + column + " must be a number, was \"" + text + "\"");
        }
        if (kind != Kind.TEXT || !untypedColumns.contains(column)) {
            counts.computeIfAbsent(column, c -> new LinkedHashMap<>()).merge(kind, 1, Integer::sum);
        }
        return kind == Kind.PERCENT ? value / 100 : value;
    }

    /** One report warning per column and kind. */
    List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        counts.forEach((column, kinds) -> kinds.forEach((kind, count) -> warnings.add("column " + column + ": "
                + count + switch (kind) {
                    case TEXT -> " values were text (e.g. \"597.0\") and were read as numbers";
                    case THOUSANDS -> " numbers with thousands separators read (\"1,042\" is 1042)";
                    case PERCENT -> " percentages read as fractions (\"60.27%\" is 0.6027)";
                })));
        return warnings;
    }
}
