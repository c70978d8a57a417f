package org.fieldplan.data.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.fieldplan.data.testing.RepositoryFiles;
import org.fieldplan.data.testing.SharedData;
import org.fieldplan.domain.Precinct;
import org.fieldplan.data.mapping.ImportReport;
import org.fieldplan.data.mapping.JoinSummary;
import org.fieldplan.data.mapping.MappedPrecinctReader;
import org.fieldplan.data.mapping.PrecinctMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Franklin County, Ohio: shapes with names only, votes in Ohio's statewide 2018 results CSV under abbreviated
 * names, joined by the declaration in {@code docs/mappings/ohio-franklin.json} (real data, GDAL reads both files).
 */
class FranklinResultsJoinTest {

    private static final Path SHAPES = SharedData.file("precincts/OH_franklin_precincts.zip");
    private static final Path RESULTS = SharedData.file("results/ohio_2018_results.csv");
    private static final Path MAPPING = RepositoryFiles.file("docs/mappings/ohio-franklin.json");

    @TempDir
    Path temp;

    @Test
    void joinsAll863PrecinctsToTheirResults() {
        MappedPrecinctReader.Result read = PrecinctImporter.read(SHAPES, RESULTS, PrecinctMapping.load(MAPPING),
                false);
        ImportReport report = read.report();

        assertThat(report.errorLines()).isEmpty();
        assertThat(report.precincts()).hasSize(863);
        JoinSummary join = report.join();
        assertThat(join.matched()).isEqualTo(863);
        assertThat(join.precincts()).isEqualTo(863);
        assertThat(join.rowsRead()).isEqualTo(8904);
        assertThat(join.rowsKept()).isEqualTo(863);
        assertThat(join.unmatchedRows()).isEmpty();
        assertThat(join.duplicateKeys()).isEmpty();
        // The table is named by its file name: an upload's temporary directory stays out of the report.
        assertThat(report.lines()).contains("join: 863 of 863 precincts matched one row of ohio_2018_results.csv"
                + " (863 of 8904 rows kept by county = Franklin)");

        Map<String, Precinct> byId = report.precincts().stream()
                .collect(Collectors.toMap(Precinct::getId, Function.identity()));
        // Franklin,COLS 01-A,…,"1,270",663,52.20%,511,141,…,cd 3,…,hd 18,…,sd 15
        Precinct columbus = byId.get("OH-columbus-01-a");
        assertThat(columbus.getName()).isEqualTo("COLUMBUS 01-A");
        assertThat(columbus.getRegisteredVoters()).isEqualTo(1270);
        assertThat(columbus.getExpectedTurnout()).isCloseTo(0.522, within(1e-12));
        assertThat(columbus.getSupportShare()).isEqualTo(511.0 / (511 + 141));
        assertThat(columbus.getDistrictIds()).containsExactly("cd-3", "hd-18", "sd-15");
        assertThat(read.attributes().get("OH-columbus-01-a")).containsEntry("precinct_code", "25-P-AAN");
        // The phrase alias: CANAL WIN-A is CANAL WINCHESTER-A, registered "1,266".
        assertThat(byId.get("OH-canal-winchester-a").getRegisteredVoters()).isEqualTo(1266);
        Set<String> congressional = report.precincts().stream().flatMap(p -> p.getDistrictIds().stream())
                .filter(d -> d.startsWith("cd-")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(congressional).containsExactly("cd-12", "cd-15", "cd-3");
    }

    @Test
    void withoutTheAliasesTheReportListsTheUnmatchedOnBothSides() throws IOException {
        String text = Files.readString(MAPPING);
        Path noAliases = Files.writeString(temp.resolve("no-aliases.json"),
                text.replaceAll("(?s)\"aliases\": \\{[^}]*}", "\"aliases\": {}"));

        ImportReport report = PrecinctImporter.read(SHAPES, RESULTS, PrecinctMapping.load(noAliases), true)
                .report();

        JoinSummary join = report.join();
        assertThat(join.matched()).isLessThan(863).isEqualTo(report.precincts().size());
        assertThat(report.rowErrors()).hasSize(863 - join.matched())
                .anySatisfy(error -> assertThat(error.message()).isEqualTo("no row of ohio_2018_results.csv"
                        + " with county = Franklin has key COLUMBUS1A (normalised from 'COLUMBUS 01-A')"));
        assertThat(join.unmatchedRows()).anySatisfy(row -> assertThat(row).endsWith("(COLS 01-A)"));
        assertThat(report.lines()).anyMatch(line -> line.startsWith("warning: join: " + join.unmatchedRows().size()
                + " rows of ohio_2018_results.csv match no precinct: row "));
    }
}
