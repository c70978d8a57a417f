package org.fieldplan.data.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts, per proxy the mapping declares, the imported precincts whose value it gave: a proxy with a fallback
 * ({@code coalesce}) stands in only where its fallback did, any other always.
 */
final class ProxyUses {

    private final List<PrecinctMapping.Quantity> proxies;
    private final Map<String, Integer> uses = new HashMap<>();

    ProxyUses(PrecinctMapping mapping) {
        List<PrecinctMapping.Quantity> quantities = new ArrayList<>(mapping.quantities());
        quantities.addAll(mapping.support().quantities());
        this.proxies = quantities.stream().filter(PrecinctMapping.Quantity::isProxy).toList();
    }

    /** Counts the proxies that gave an imported precinct's values. */
    void count(Expression.Row row) {
        for (PrecinctMapping.Quantity quantity : proxies) {
            Expression expression = quantity.expression();
            if (!expression.hasFallback() || expression.fellBack(row)) {
                uses.merge(quantity.field(), 1, Integer::sum);
            }
        }
    }

    /** Each proxy used (all, with no uses, when the file is rejected). */
    List<ImportReport.ProxyUse> report(boolean rejected) {
        List<ImportReport.ProxyUse> report = new ArrayList<>();
        for (PrecinctMapping.Quantity quantity : proxies) {
            int count = rejected ? 0 : uses.getOrDefault(quantity.field(), 0);
            // A fallback that never stood in is no proxy of this file.
            if (count > 0 || rejected || !quantity.expression().hasFallback()) {
                report.add(new ImportReport.ProxyUse(quantity.field(), quantity.expression().text(),
                        quantity.proxy(), count));
            }
        }
        return report;
    }
}
