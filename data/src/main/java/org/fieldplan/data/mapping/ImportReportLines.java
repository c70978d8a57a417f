package org.fieldplan.data.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@link ImportReport} as text: a summary line, then one line per finding, errors first. */
final class ImportReportLines {

    /** Lists of ids longer than this are shortened, with the count kept. */
    private static final int IDS_SHOWN = 10;

    private ImportReportLines() {
    }

    static List<String> of(ImportReport report) {
        List<String> lines = new ArrayList<>();
        lines.add(summary(report));
        report.fileErrors().forEach(e -> lines.add("error: " + e));
        String rowLabel = report.skippedRows() ? "skipped: " : "error: ";
        report.rowErrors().forEach(e -> lines.add(rowLabel + e));
        if (report.join() != null) {
            lines.addAll(join(report.join()));
        }
        for (ImportReport.ProxyUse proxy : report.proxies()) {
            lines.add(String.format(Locale.ROOT, "proxy: %s = %s for %d precincts (%s)", proxy.field(),
                    proxy.expression(), proxy.precincts(), proxy.note()));
        }
        if (!report.turnoutCappedIds().isEmpty()) {
            lines.add(String.format(Locale.ROOT, "warning: turnout capped at 1 in %d of %s (%s): %s",
                    report.turnoutCappedIds().size(), outOf(report), report.turnoutCapReason(),
                    ids(report.turnoutCappedIds())));
        }
        if (!report.repairedIds().isEmpty()) {
            lines.add(String.format(Locale.ROOT, "repaired: %d invalid polygons (self-intersections) made valid: %s",
                    report.repairedIds().size(), ids(report.repairedIds())));
        }
        if (!report.zeroVoterIds().isEmpty()) {
            lines.add(String.format(Locale.ROOT, "warning: %d precincts have no registered voters (no doors): %s",
                    report.zeroVoterIds().size(), ids(report.zeroVoterIds())));
        }
        if (!report.dissolved().isEmpty()) {
            int parts = report.dissolved().stream().mapToInt(d -> d.features().size()).sum();
            lines.add(String.format(Locale.ROOT, "dissolved: %d precincts from %d features sharing their ids: %s",
                    report.dissolved().size(), parts, dissolved(report.dissolved())));
        }
        report.warnings().forEach(w -> lines.add("warning: " + w));
        return lines;
    }

    /** The match count, then the table's rows no precinct matched and the keys that are not unique. */
    private static List<String> join(JoinSummary join) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "join: %d of %d precincts matched one row of %s (%d of %d rows%s)",
                join.matched(), join.precincts(), join.table(), join.rowsKept(), join.rowsRead(),
                join.filter() == null ? "" : " kept by " + join.filter()));
        if (!join.unmatchedRows().isEmpty()) {
            lines.add(String.format(Locale.ROOT, "warning: join: %d rows of %s match no precinct: %s",
                    join.unmatchedRows().size(), join.table(), ids(join.unmatchedRows())));
        }
        if (!join.duplicateKeys().isEmpty()) {
            lines.add(String.format(Locale.ROOT, "warning: join: %d keys are not unique: %s",
                    join.duplicateKeys().size(), ids(join.duplicateKeys())));
        }
        if (!join.shadowedColumns().isEmpty()) {
            lines.add("warning: join: columns in both files, the precinct file's values are used: "
                    + String.join(", ", join.shadowedColumns()));
        }
        return lines;
    }

    private static String summary(ImportReport report) {
        int rows = report.rowErrors().stream().mapToInt(ImportReport.RowProblem::index).distinct().toArray().length;
        return switch (report.outcome()) {
            case REJECTED -> String.format(Locale.ROOT, "%s rejected, nothing stored: %d file errors, %d row errors "
                    + "in %d of %d features%s", report.source(), report.fileErrors().size(),
                    report.rowErrors().size(), rows, report.featuresRead(),
                    report.fileErrors().isEmpty() ? " (--skip-bad-rows imports the rest)" : "");
            case DRY_RUN, READY -> String.format(Locale.ROOT, "%s: dry run, nothing stored: would import %d of %d "
                    + "precincts%s", report.source(), report.precincts().size(), report.featuresRead(),
                    skipped(rows));
            case STORED -> String.format(Locale.ROOT, "%s: imported %d of %d precincts%s", report.source(),
                    report.precincts().size(), report.featuresRead(), skipped(rows));
        };
    }

    /** What findings are counted against: the precincts, or, when the file is rejected (none), its features. */
    private static String outOf(ImportReport report) {
        return report.accepted() ? report.precincts().size() + " precincts" : report.featuresRead() + " features";
    }

    private static String skipped(int rows) {
        return rows == 0 ? "" : String.format(Locale.ROOT, ", %d skipped", rows);
    }

    private static String dissolved(List<ImportReport.Dissolved> dissolved) {
        List<String> shown = dissolved.stream().limit(IDS_SHOWN).map(d -> d.id() + " (features " + String.join(", ",
                d.features().stream().map(String::valueOf).toList()) + ")").toList();
        return String.join(", ", shown) + (dissolved.size() > IDS_SHOWN ? ", … (" + (dissolved.size() - IDS_SHOWN)
                + " more)" : "");
    }

    private static String ids(List<String> ids) {
        return ids.size() <= IDS_SHOWN ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, IDS_SHOWN)) + ", … (" + (ids.size() - IDS_SHOWN) + " more)";
    }
}
