package org.fieldplan.benchmarks.figures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.fieldplan.benchmarks.suite.SuiteResult;
import org.fieldplan.benchmarks.suite.SuiteResult.InstanceResult;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The current-figures table of {@code docs/benchmarks.md}: kept as rows in a JSON file
 * ({@code benchmarks/figures.json}) and rendered into the block between {@link #START} and {@link #END} of the
 * document, so the table is regenerated, never edited by hand. The tracked suite refreshes the rows it measures.
 */
public final class FiguresDoc {

    public static final String START = "<!-- figures:start -->";
    public static final String END = "<!-- figures:end -->";
    /** The suite result fields a {@code suite:INSTANCE:FIELD} row may name, with how each value is written. */
    static final Map<String, Function<InstanceResult, String>> SUITE_FIELDS = Map.of(
            "percentOfBound", r -> String.format(Locale.ROOT, "%.2f %%", r.percentOfBound()),
            "gainOverGreedyPercent", r -> String.format(Locale.ROOT, "%+.2f %%", r.gainOverGreedyPercent()),
            "millisToFirstFeasible", r -> String.format(Locale.ROOT, "%.2f s", r.millisToFirstFeasible() / 1000.0),
            "peakHeapBytes", r -> String.format(Locale.ROOT, "%,d MiB", r.peakHeapBytes() >> 20),
            "scoreCalculationSpeed", r -> String.format(Locale.ROOT, "%,d /s", r.scoreCalculationSpeed()),
            "hardViolations", r -> Long.toString(r.hardViolations()));

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private FiguresDoc() {
    }

    public static List<FigureRow> read(Path figures) {
        try {
            return JSON.readValue(figures.toFile(), new TypeReference<List<FigureRow>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read figures " + figures, e);
        }
    }

    public static void write(List<FigureRow> rows, Path figures) {
        try {
            JSON.writeValue(figures.toFile(), rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write figures " + figures, e);
        }
    }

    /** The rows with every {@code suite:} row of an instance in {@code result} measured anew. */
    public static List<FigureRow> refreshed(List<FigureRow> rows, SuiteResult result, String load) {
        Map<String, InstanceResult> instances = result.instances().stream()
                .collect(Collectors.toMap(InstanceResult::name, Function.identity()));
        String date = result.date().length() >= 16 ? result.date().substring(0, 16).replace('T', ' ')
                : result.date();
        String commit = result.gitCommit().length() > 7 && !result.gitCommit().equals("unknown")
                ? result.gitCommit().substring(0, 7) + (result.gitCommit().endsWith("+dirty") ? "+dirty" : "")
                : result.gitCommit();
        List<FigureRow> updated = new ArrayList<>();
        for (FigureRow row : rows) {
            String[] parts = row.id().split(":");
            InstanceResult measured = parts.length == 3 && parts[0].equals("suite") ? instances.get(parts[1]) : null;
            if (measured == null) {
                updated.add(row);
                continue;
            }
            Function<InstanceResult, String> format = SUITE_FIELDS.get(parts[2]);
            if (format == null) {
                throw new IllegalArgumentException("figure " + row.id() + ": unknown suite field " + parts[2]
                        + " (known: " + SUITE_FIELDS.keySet() + ")");
            }
            updated.add(row.measured(format.apply(measured), date, commit, load));
        }
        return updated;
    }

    /** The Markdown table of the rows, one per line, cells escaped for a table. */
    public static String table(List<FigureRow> rows) {
        StringBuilder table = new StringBuilder(
                "| figure | value | target | date (UTC) | commit | load | command |\n|---|---|---|---|---|---|---|\n");
        for (FigureRow row : rows) {
            table.append("| ").append(String.join(" | ", cell(row.figure()), cell(row.value()), cell(row.target()),
                    cell(row.date()), code(row.commit()), cell(row.load()), code(row.command()))).append(" |\n");
        }
        return table.toString();
    }

    /**
     * The document with the block between the markers replaced by the table; the rest is left as it was.
     *
     * @throws IllegalArgumentException when the markers are missing, repeated or out of order
     */
    public static String withTable(String document, List<FigureRow> rows) {
        int start = document.indexOf(START);
        int end = document.indexOf(END);
        if (start < 0 || end < start || document.indexOf(START, start + 1) >= 0
                || document.indexOf(END, end + 1) >= 0) {
            throw new IllegalArgumentException("the document needs exactly one " + START + " followed by one " + END);
        }
        return document.substring(0, start + START.length()) + "\n" + table(rows) + document.substring(end);
    }

    /** Rewrites the document's block from the figures file. */
    public static void render(Path figures, Path document) {
        try {
            String text = Files.readString(document, StandardCharsets.UTF_8);
            Files.writeString(document, withTable(text, read(figures)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + document, e);
        }
    }

    private static String cell(String text) {
        return text == null || text.isBlank() ? "—" : text.replace("|", "\\|").replace("\n", " ");
    }

    private static String code(String text) {
        return text == null || text.isBlank() ? "—" : "`" + text.replace("`", "'").replace("|", "\\|") + "`";
    }
}
