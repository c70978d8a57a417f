package org.fieldplan.data.mapping;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.fieldplan.domain.Precinct;

/**
 * What an import did or would do, for the data person to read before solving: counts, every row problem with its
 * feature index and id, whole-file problems, proxies applied, turnout capped, polygons repaired, zero-voter
 * precincts and location warnings. {@link #lines()} gives it as text, one finding per line.
 *
 * <p>Rule: errors reject the file (or, with skip-bad-rows, only their rows); warnings never do.
 *
 * @param source the file read, as the user named it
 * @param outcome what happened
 * @param featuresRead features in the file
 * @param precincts the precincts imported (or that a dry run would import), in file order
 * @param fileErrors problems of the whole file (no features, a mapped column no feature has, most precincts
 *     outside the US …): each rejects the file
 * @param rowErrors problems of single features: they reject the file, or with skip-bad-rows their rows are skipped
 * @param skippedRows whether {@code rowErrors}' rows were skipped (skip-bad-rows) rather than rejecting the file
 * @param warnings findings that import anyway (text numbers read, outliers, zero voters …)
 * @param proxies each proxy the mapping declares and to how many precincts it was applied
 * @param turnoutCappedIds precincts whose turnout came out above 1 and was capped at 1
 * @param turnoutCapReason why turnout can exceed 1 with this mapping
 * @param repairedIds precincts whose invalid polygon was repaired
 * @param zeroVoterIds precincts with no registered voters: no doors to knock
 * @param dissolved precincts merged from several features of the same id (the mapping's {@code dissolve})
 * @param join what the mapping's declared join matched, or null without one
 */
public record ImportReport(
        String source,
        Outcome outcome,
        int featuresRead,
        List<Precinct> precincts,
        List<String> fileErrors,
        List<RowProblem> rowErrors,
        boolean skippedRows,
        List<String> warnings,
        List<ProxyUse> proxies,
        List<String> turnoutCappedIds,
        String turnoutCapReason,
        List<String> repairedIds,
        List<String> zeroVoterIds,
        List<Dissolved> dissolved,
        JoinSummary join) {

    /** What an import did. */
    public enum Outcome {
        /** Read and checked, not (yet) stored: what a reader returns before the store decides. */
        READY,
        /** Stored as a region. */
        STORED,
        /** Checked only ({@code --dry-run}): nothing stored. */
        DRY_RUN,
        /** Rejected because of errors: nothing stored. */
        REJECTED
    }

    public ImportReport {
        Objects.requireNonNull(outcome, "outcome");
        precincts = List.copyOf(precincts);
        fileErrors = List.copyOf(fileErrors);
        rowErrors = List.copyOf(rowErrors);
        warnings = List.copyOf(warnings);
        proxies = List.copyOf(proxies);
        turnoutCappedIds = List.copyOf(turnoutCappedIds);
        repairedIds = List.copyOf(repairedIds);
        zeroVoterIds = List.copyOf(zeroVoterIds);
        dissolved = List.copyOf(dissolved);
    }

    /** A report without dissolved precincts or a join. */
    public ImportReport(String source, Outcome outcome, int featuresRead, List<Precinct> precincts,
            List<String> fileErrors, List<RowProblem> rowErrors, boolean skippedRows, List<String> warnings,
            List<ProxyUse> proxies, List<String> turnoutCappedIds, String turnoutCapReason, List<String> repairedIds,
            List<String> zeroVoterIds) {
        this(source, outcome, featuresRead, precincts, fileErrors, rowErrors, skippedRows, warnings, proxies,
                turnoutCappedIds, turnoutCapReason, repairedIds, zeroVoterIds, List.of(), null);
    }

    /** Whether the precincts may be stored: no file error, and no row error unless rows are skipped. */
    public boolean accepted() {
        return outcome != Outcome.REJECTED;
    }

    /** The precincts imported (or that would be). */
    public int importedCount() {
        return accepted() ? precincts.size() : 0;
    }

    /** The same report with another outcome (the store's decision). */
    public ImportReport withOutcome(Outcome newOutcome) {
        return new ImportReport(source, newOutcome, featuresRead, precincts, fileErrors, rowErrors, skippedRows,
                warnings, proxies, turnoutCappedIds, turnoutCapReason, repairedIds, zeroVoterIds, dissolved, join);
    }

    /** The same report naming the file otherwise (an upload's own name rather than the server's copy). */
    public ImportReport withSource(String newSource) {
        return new ImportReport(newSource, outcome, featuresRead, precincts, fileErrors, rowErrors, skippedRows,
                warnings, proxies, turnoutCappedIds, turnoutCapReason, repairedIds, zeroVoterIds, dissolved, join);
    }

    /** The same report with more warnings (e.g. checks that need the volunteers too). */
    public ImportReport withWarnings(List<String> more) {
        List<String> all = new java.util.ArrayList<>(warnings);
        all.addAll(more);
        return new ImportReport(source, outcome, featuresRead, precincts, fileErrors, rowErrors, skippedRows, all,
                proxies, turnoutCappedIds, turnoutCapReason, repairedIds, zeroVoterIds, dissolved, join);
    }

    /** The same report rejected for more whole-file errors (e.g. a calendar that does not fit the precincts). */
    public ImportReport rejectedFor(List<String> errors) {
        List<String> all = new java.util.ArrayList<>(fileErrors);
        all.addAll(errors);
        return new ImportReport(source, Outcome.REJECTED, featuresRead, List.of(), all, rowErrors, skippedRows,
                warnings, proxies, turnoutCappedIds, turnoutCapReason, repairedIds, zeroVoterIds, dissolved, join);
    }

    /** Every error, file errors first, each once, as one line of text. */
    public List<String> errorLines() {
        return Stream.concat(fileErrors.stream(), rowErrors.stream().map(RowProblem::toString))
                .toList();
    }

    /** The report as text, one finding per line. */
    public List<String> lines() {
        return ImportReportLines.of(this);
    }

    /**
     * One feature's problem.
     *
     * @param index the feature's 0-based index in the file ({@code features[index]}, the shapefile record order)
     * @param id the precinct id when it could be formed, else null
     * @param field the mapping field or geometry concerned, e.g. {@code registeredVoters}
     * @param message what is wrong, naming the column
     */
    public record RowProblem(int index, String id, String field, String message) {

        @Override
        public String toString() {
            return "features[" + index + "]" + (id == null ? "" : " (id " + id + ")") + " " + field + ": " + message;
        }
    }

    /**
     * A proxy the mapping declares (a value standing in for one the file lacks).
     *
     * @param field the mapping field, e.g. {@code registeredVoters}
     * @param expression how it is computed, e.g. {@code VAP * 0.79}
     * @param note the mapping's statement of what it stands for
     * @param precincts to how many imported precincts it was applied
     */
    public record ProxyUse(String field, String expression, String note, int precincts) {
    }

    /**
     * A precinct merged from several features with its id.
     *
     * @param id the precinct's id
     * @param features the 0-based indexes of its parts in the file
     */
    public record Dissolved(String id, List<Integer> features) {

        public Dissolved {
            features = List.copyOf(features);
        }
    }
}
