package org.fieldplan.data.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fieldplan.data.mapping.PrecinctMapping.Quantity;

/**
 * One column read as two different numeric fields is a copy-paste slip that imports silently: dem and rep from one
 * column give 50 % support everywhere; registered voters and ballots from one column give 100 % turnout and no
 * doors. Two fields whose expressions are the same (the same bare column, or the same formula) are refused, naming
 * both, unless one of them is a declared proxy: a proxy's note states on purpose what it stands for.
 */
final class SharedColumns {

    private SharedColumns() {
    }

    /** The first such pair as a message naming both fields, or empty. */
    static Optional<String> conflict(PrecinctMapping mapping) {
        List<Quantity> fields = new ArrayList<>(mapping.quantities());
        fields.addAll(mapping.support().quantities());
        for (int i = 0; i < fields.size(); i++) {
            for (int j = i + 1; j < fields.size(); j++) {
                Quantity a = fields.get(i);
                Quantity b = fields.get(j);
                if (!a.isProxy() && !b.isProxy() && normalized(a).equals(normalized(b))) {
                    return Optional.of(a.field() + " and " + b.field() + " both read " + what(a) + ": one column "
                            + "cannot be two fields (the same value in both makes support 50 % or turnout 100 % "
                            + "everywhere); map each field to its own column, or declare one a proxy with a note "
                            + "saying why");
                }
            }
        }
        return Optional.empty();
    }

    /** The expression without spaces and without the brackets around a bare column name. */
    private static String normalized(Quantity quantity) {
        String text = quantity.expression().text().replaceAll("\\s+", "");
        return text.startsWith("[") && text.endsWith("]") && text.indexOf(']') == text.length() - 1
                ? text.substring(1, text.length() - 1) : text;
    }

    private static String what(Quantity quantity) {
        var columns = quantity.expression().columns();
        return columns.size() == 1 && normalized(quantity).equals(columns.iterator().next())
                ? "column " + columns.iterator().next() : "the same expression " + quantity.expression().text();
    }
}
