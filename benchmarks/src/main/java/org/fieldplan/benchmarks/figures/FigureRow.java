package org.fieldplan.benchmarks.figures;

/**
 * One current figure of {@code docs/benchmarks.md}: what is measured, its value, the target it is held to, and when,
 * at which commit, under which load and with which command it was measured.
 *
 * @param id {@code suite:INSTANCE:FIELD} for a figure the tracked suite measures (refreshed from its result, FIELD
 *     one of {@link FiguresDoc#SUITE_FIELDS}), any other id for a figure measured by another command
 */
public record FigureRow(String id, String figure, String value, String target, String date, String commit,
        String load, String command) {

    FigureRow measured(String newValue, String newDate, String newCommit, String newLoad) {
        return new FigureRow(id, figure, newValue, target, newDate, newCommit, newLoad, command);
    }
}
