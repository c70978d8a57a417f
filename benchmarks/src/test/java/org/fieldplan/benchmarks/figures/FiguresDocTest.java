package org.fieldplan.benchmarks.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.fieldplan.benchmarks.suite.SuiteResult;
import org.fieldplan.benchmarks.suite.SuiteResult.InstanceResult;
import org.fieldplan.benchmarks.suite.SuiteResult.Machine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The figures table on a small document: rendered between the markers, suite rows refreshed, nothing else touched. */
class FiguresDocTest {

    private static final String DOC = """
            # Benchmarks

            Intro stays.

            <!-- figures:start -->
            | old | table |
            <!-- figures:end -->

            ## Method
            Stays too.
            """;

    private static final FigureRow NH = new FigureRow("suite:NH_VOTES:percentOfBound",
            "NH votes-only, % of the flow bound at 60 s", "99.40 %", "≥ 99 %", "2026-12-02 06:01", "8402197",
            "5.1", "bash scripts/bench-suite.sh --only NH_VOTES --seconds 60");
    private static final FigureRow PAIRS = new FigureRow("candidate-pairs-L-postgis",
            "candidate pairs at L on PostGIS (best of 3)", "4.66 s", "≤ 5 s", "2026-12-02 03:04", "4e9ce53",
            "0.1 at the start", "bash scripts/benchmark-candidate-pairs.sh");

    private static InstanceResult instance(String name, double percentOfBound, long millisToFirstFeasible) {
        return new InstanceResult(name, 320, 2600, 8671, 60, 1200, 300, 91.5, "0hard/0medium/1soft",
                millisToFirstFeasible, "0hard/0medium/2soft", 0, 94.8, 3.6, 20_812, 900L << 20, List.of(), 90.0,
                95.37, 4000, percentOfBound, 98.56, 99.30, 95.95);
    }

    private static SuiteResult suite(InstanceResult... instances) {
        return new SuiteResult(SuiteResult.SCHEMA_VERSION, "0123456789abcdef0123456789abcdef01234567",
                "2026-12-06T13:05:42.123Z", new Machine(2, 8L << 30, "17.0.15", "Linux"), "BenchmarkSuite",
                List.of(instances));
    }

    @Test
    void theTableReplacesOnlyTheMarkedBlock() {
        String updated = FiguresDoc.withTable(DOC, List.of(NH, PAIRS));

        assertThat(updated).startsWith("# Benchmarks\n\nIntro stays.\n\n<!-- figures:start -->\n"
                + "| figure | value | target | date (UTC) | commit | load | command |\n")
                .contains("| NH votes-only, % of the flow bound at 60 s | 99.40 % | ≥ 99 % | 2026-12-02 06:01 | "
                        + "`8402197` | 5.1 | `bash scripts/bench-suite.sh --only NH_VOTES --seconds 60` |\n")
                .contains("| candidate pairs at L on PostGIS (best of 3) | 4.66 s |")
                .endsWith("<!-- figures:end -->\n\n## Method\nStays too.\n")
                .doesNotContain("| old | table |");
        assertThat(FiguresDoc.withTable(updated, List.of(NH, PAIRS))).as("idempotent").isEqualTo(updated);
    }

    @Test
    void aSuiteRunRefreshesItsRowsWithDateCommitAndLoadAndLeavesTheOthers() {
        List<FigureRow> rows = FiguresDoc.refreshed(List.of(NH, PAIRS), suite(instance("NH_VOTES", 99.4567, 1234)),
                "1-min load average 0.4 → 1.9 on 2 cores");

        assertThat(rows.get(0)).isEqualTo(new FigureRow(NH.id(), NH.figure(), "99.46 %", "≥ 99 %",
                "2026-12-06 13:05", "0123456", "1-min load average 0.4 → 1.9 on 2 cores", NH.command()));
        assertThat(rows.get(1)).isEqualTo(PAIRS);
    }

    @Test
    void rowsOfInstancesNotRunStayAsTheyWere() {
        assertThat(FiguresDoc.refreshed(List.of(NH), suite(instance("RI_VOTES", 99.7, 80)), "1.0"))
                .containsExactly(NH);
    }

    @Test
    void anUnknownSuiteFieldOrMissingMarkersAreErrors() {
        FigureRow typo = new FigureRow("suite:NH_VOTES:percentOfBund", "x", "1", "", "", "", "", "");
        assertThatThrownBy(() -> FiguresDoc.refreshed(List.of(typo), suite(instance("NH_VOTES", 99, 1)), "1"))
                .hasMessageContaining("unknown suite field percentOfBund");
        assertThatThrownBy(() -> FiguresDoc.withTable("# no markers\n", List.of(NH)))
                .hasMessageContaining("<!-- figures:start -->");
    }

    @Test
    void theFiguresFileRoundTripsAndRendersIntoTheDocument(@TempDir Path dir) throws Exception {
        Path figures = dir.resolve("figures.json");
        Path doc = Files.writeString(dir.resolve("benchmarks.md"), DOC);
        FiguresDoc.write(List.of(NH, PAIRS), figures);

        FiguresDoc.render(figures, doc);

        assertThat(FiguresDoc.read(figures)).containsExactly(NH, PAIRS);
        assertThat(Files.readString(doc)).isEqualTo(FiguresDoc.withTable(DOC, List.of(NH, PAIRS)));
    }
}
