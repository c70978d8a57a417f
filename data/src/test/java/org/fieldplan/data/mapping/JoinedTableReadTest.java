package org.fieldplan.data.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.fieldplan.domain.Precinct;
import org.fieldplan.data.mapping.ImportReport.Outcome;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Precincts read with a results table joined by a declared key, as a statewide results CSV gives it (all text). */
class JoinedTableReadTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MAPPING = """
            {"idPrefix": "T-", "id": "NAME", "name": "NAME",
             "join": {"precinctKey": "NAME", "tableKey": "precinct", "filter": {"county": "Franklin"},
                      "normalize": ["case", "spaces", "punctuation", "leadingZeros"],
                      "aliases": {"COLS": "COLUMBUS"}},
             "registeredVoters": "registered", "turnout": "turnout", "support": {"dem": "dem", "rep": "rep"},
             "districts": ["cd"]}""";

    @Test
    void eachPrecinctTakesTheValuesOfItsRowReadFromText() throws IOException {
        ImportReport report = read(false, shapes("COLUMBUS 01-A", "COLUMBUS 02-B"),
                row("Franklin", "COLS 1-A", "\"1,042\"", "60.27%", "450", "157", "3"),
                row("Franklin", "cols 02 b", "980", "50%", "100", "300", "12"),
                row("Adams", "COLS 01-A", "5", "1%", "1", "1", "2"));

        assertThat(report.outcome()).isEqualTo(Outcome.READY);
        Precinct first = report.precincts().get(0);
        assertThat(first.getId()).isEqualTo("T-columbus-01-a");
        assertThat(first.getRegisteredVoters()).isEqualTo(1042);
        assertThat(first.getExpectedTurnout()).isEqualTo(0.6027, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(first.getSupportShare()).isEqualTo(450.0 / (450 + 157));
        assertThat(first.getDistrictIds()).containsExactly("cd-3");
        assertThat(report.precincts().get(1).getExpectedTurnout()).isEqualTo(0.5);
        // The Adams County row has the same key but is not kept by the filter: not a duplicate, not unmatched.
        assertThat(report.join()).extracting(JoinSummary::rowsRead, JoinSummary::rowsKept, JoinSummary::matched)
                .containsExactly(3, 2, 2);
        assertThat(report.lines()).contains(
                "join: 2 of 2 precincts matched one row of results.csv (2 of 3 rows kept by county = Franklin)",
                "warning: column registered: 1 numbers with thousands separators read (\"1,042\" is 1042)",
                "warning: column turnout: 2 percentages read as fractions (\"60.27%\" is 0.6027)");
        // A CSV's plain numbers are text by nature: no warning for them.
        assertThat(report.lines()).noneMatch(line -> line.contains("values were text"));
    }

    @Test
    void unmatchedRowsOnBothSidesAreListed() throws IOException {
        ImportReport strict = read(false, shapes("COLUMBUS 01-A", "BEXLEY 1-A"),
                row("Franklin", "COLS 01-A", "10", "50%", "1", "1", "3"),
                row("Franklin", "WHITEHALL 1-A", "10", "50%", "1", "1", "3"),
                row("Franklin", " ", "10", "50%", "1", "1", "3"));

        assertThat(strict.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(strict.errorLines()).containsExactly("features[1] join: no row of results.csv with county = "
                + "Franklin has key BEXLEY1A (normalised from 'BEXLEY 1-A')");
        assertThat(strict.lines()).contains(
                "warning: join: 2 rows of results.csv match no precinct: row 2 (WHITEHALL 1-A), row 3 ()");

        ImportReport skipping = read(true, shapes("COLUMBUS 01-A", "BEXLEY 1-A"),
                row("Franklin", "COLS 01-A", "10", "50%", "1", "1", "3"));
        assertThat(skipping.precincts()).extracting(Precinct::getId).containsExactly("T-columbus-01-a");
        assertThat(skipping.lines()).anyMatch(line -> line.startsWith("skipped: features[1] join: no row"));
    }

    @Test
    void aKeyOnSeveralRowsOrPrecinctsIsAnErrorOfThosePrecincts() throws IOException {
        ImportReport report = read(true, shapes("COLUMBUS 01-A", "Columbus 1A", "BEXLEY 1-A"),
                row("Franklin", "COLS 01-A", "10", "50%", "1", "1", "3"),
                row("Franklin", "BEXLEY 1-A", "10", "50%", "1", "1", "3"),
                row("Franklin", "BEXLEY 01 A", "12", "50%", "1", "1", "3"));

        assertThat(report.precincts()).isEmpty();
        assertThat(report.errorLines()).containsExactly("no feature is usable",
                "features[0] join: key COLUMBUS1A is shared by features [0, 1]: each precinct needs a key of its own",
                "features[1] join: key COLUMBUS1A is shared by features [0, 1]: each precinct needs a key of its own",
                "features[2] join: key BEXLEY1A is on 2 rows of results.csv (row 2 (BEXLEY 1-A), row 3 (BEXLEY 01 A))"
                        + ": make the key or the filter unique");
        assertThat(report.join().duplicateKeys()).containsExactly("BEXLEY1A: rows 2, 3",
                "COLUMBUS1A: features [0], [1]");
    }

    @Test
    void aMissingTableOrKeyColumnIsAnErrorOfTheFile() throws IOException {
        ImportReport noTable = reader(false).read(stream(shapes("COLUMBUS 01-A")), "shapes.geojson", null).report();
        assertThat(noTable.fileErrors()).containsExactly(
                "the mapping joins a table (join), but no table file was given");

        ObjectNode wrongColumns = JSON.createObjectNode().put("County", "Franklin").put("name", "COLS 01-A");
        ImportReport report = reader(false).read(stream(shapes("COLUMBUS 01-A")), "shapes.geojson",
                new JoinTable("results.csv", List.of(wrongColumns))).report();
        assertThat(report.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(report.fileErrors()).contains(
                "join.tableKey: column precinct is not in the table results.csv (columns: County, name)",
                "join.filter: column county is not in the table results.csv (columns: County, name)");
    }

    @Test
    void thePrecinctFilesOwnColumnWinsOverTheTablesAndIsReported() throws IOException {
        ImportReport report = read(false, shapes("COLUMBUS 01-A").replace("\"NAME\"", "\"cd\":\"15\",\"NAME\""),
                row("Franklin", "COLS 01-A", "10", "50%", "1", "1", "3"));

        assertThat(report.precincts().get(0).getDistrictIds()).containsExactly("cd-15");
        assertThat(report.lines()).contains(
                "warning: join: columns in both files, the precinct file's values are used: cd");
    }

    @Test
    void aPrecinctSplitOverSeveralFeaturesIsDissolvedFirstThenJoinedToItsOneRow() throws IOException {
        MappedPrecinctReader reader = new MappedPrecinctReader(PrecinctMapping.read(stream(
                MAPPING.replace("\"idPrefix\"", "\"dissolve\": \"sum\", \"idPrefix\"")), "test.json"), false);
        ImportReport report = reader.read(stream(shapes("COLUMBUS 01-A", "BEXLEY 1-A", "COLUMBUS 01-A")),
                "shapes.geojson", new JoinTable("results.csv", List.of(
                        row("Franklin", "COLS 01-A", "1,042", "50%", "450", "157", "3"),
                        row("Franklin", "BEXLEY 1-A", "10", "50%", "1", "1", "3")))).report();

        assertThat(report.errorLines()).isEmpty();
        assertThat(report.precincts()).extracting(Precinct::getId, Precinct::getRegisteredVoters)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("T-columbus-01-a", 1042),
                        org.assertj.core.groups.Tuple.tuple("T-bexley-1-a", 10));
        assertThat(report.dissolved()).singleElement().satisfies(d -> assertThat(d.features()).containsExactly(0, 2));
        assertThat(report.join()).extracting(JoinSummary::precincts, JoinSummary::matched).containsExactly(2, 2);
    }

    private static ImportReport read(boolean skipBadRows, String shapes, JsonNode... rows) throws IOException {
        return reader(skipBadRows).read(stream(shapes), "shapes.geojson", new JoinTable("results.csv",
                List.of(rows))).report();
    }

    private static MappedPrecinctReader reader(boolean skipBadRows) {
        return new MappedPrecinctReader(PrecinctMapping.read(stream(MAPPING), "test.json"), skipBadRows);
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A FeatureCollection of squares named {@code names}, with no other column. */
    private static String shapes(String... names) {
        List<String> features = new ArrayList<>();
        for (String name : names) {
            features.add("{\"type\":\"Feature\",\"properties\":{\"NAME\":\"" + name + "\"},\"geometry\":{\"type\":"
                    + "\"Polygon\",\"coordinates\":" + MappedPrecinctReaderTest.SQUARE + "}}");
        }
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    /** A results row as GDAL reads a CSV: every value text, quotes already removed. */
    private static JsonNode row(String county, String precinct, String registered, String turnout, String dem,
            String rep, String cd) {
        return JSON.createObjectNode().put("county", county).put("precinct", precinct)
                .put("registered", registered.replace("\"", "")).put("turnout", turnout).put("dem", dem)
                .put("rep", rep).put("cd", cd);
    }
}
