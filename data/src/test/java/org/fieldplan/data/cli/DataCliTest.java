package org.fieldplan.data.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fieldplan.data.importer.VolunteerCsvImporter;
import org.fieldplan.data.testing.RepositoryFiles;
import org.fieldplan.data.testing.SharedData;
import org.fieldplan.data.travel.road.RoadNetwork;
import org.fieldplan.data.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data CLI against the test database: imports succeed with a summary, user errors are one line and exit 2. */
class DataCliTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> environment, String... args) {
        return new DataCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment).run(args);
    }

    private int runOnTestDatabase(String... args) {
        TestDatabase.dataSource(); // fails the test loudly when there is no database
        return run(System.getenv(), args);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void importsAGeneratedRegionThenRejectsABadVolunteerSheetInOneLine() throws IOException {
        String region = "cli-" + UUID.randomUUID();

        assertThat(runOnTestDatabase("import-generated", "--region", region, "--size", "S", "--seed", "5")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("imported region " + region + ": 50 precincts, "
                + "100 volunteers");

        Path sheet = temp.resolve("volunteers.csv");
        Files.writeString(sheet, String.join(",", VolunteerCsvImporter.COLUMNS) + "\n"
                + "S1,Ann,,91,-71.41,,,CAR,30,,3,2,,0.8,\n");
        assertThat(runOnTestDatabase("import-volunteers", "--region", region, "--csv", sheet.toString()))
                .isEqualTo(2);
        assertThat(errors().lines().toList()).containsExactly(
                "fieldplan-data: " + sheet + " rejected, nothing imported: 1 error",
                "  row 2: lat: must be between -90 and 90, was 91");
    }

    @Test
    void aRegionIdTakenTwiceIsOneLineWithoutAStackTrace() {
        String region = "cli-" + UUID.randomUUID();
        runOnTestDatabase("import-generated", "--region", region, "--size", "S", "--seed", "5");

        assertThat(runOnTestDatabase("import-generated", "--region", region, "--size", "S", "--seed", "5"))
                .isEqualTo(2);
        assertThat(errors()).startsWith("fieldplan-data: import of region " + region + " failed")
                .doesNotContain("\tat ").hasLineCount(1);
    }

    @Test
    void userErrorsAreOneLineAndExit2BeforeTouchingTheDatabase() {
        Map<String, String> noDatabase = Map.of();

        assertThat(run(noDatabase, "import-precincts", "--region", "r", "--file", "missing.geojson", "--mapping",
                "rhode-island")).isEqualTo(2);
        assertThat(run(noDatabase, "import-generated", "--region", "r", "--size", "HUGE", "--seed", "1"))
                .isEqualTo(2);
        assertThat(run(noDatabase, "import-generated", "--region", "r", "--size", "S", "--seed", "1")).isEqualTo(2);
        assertThat(run(noDatabase, "export")).isEqualTo(2);
        assertThat(run(noDatabase, "import-generated", "--region", "../etc", "--size", "S", "--seed", "1"))
                .isEqualTo(2);

        assertThat(errors().lines().toList()).containsExactly(
                "fieldplan-data: --file missing.geojson: no such file",
                "fieldplan-data: --size must be one of [S, M, L, XL], got 'HUGE'",
                "fieldplan-data: FIELDPLAN_DB_URL is not set (e.g. jdbc:postgresql://127.0.0.1:5432/fieldplan)",
                "fieldplan-data: unknown command 'export' (try: fieldplan-data help)",
                "fieldplan-data: --region contains '.' at its start (ids are 1-128 letters (A-Z, a-z), digits, '-' or"
                        + " '_', starting with a letter or digit)");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void everyCommandAnswersHelpWithItsUsageAndExitCode0WithoutADatabase() {
        for (String command : List.of("import-precincts", "import-volunteers", "import-generated", "import-real",
                "set-calendar", "show-calendar", "place-volunteers")) {
            out.reset();
            assertThat(run(Map.of(), command, "--help")).as(command).isZero();
            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(printed).as(command).startsWith("usage: fieldplan-data " + command + " [options]\n  "
                    + command + " ").contains("FIELDPLAN_DB_URL");
        }
        assertThat(errors()).isEmpty();
    }

    @Test
    void aDryRunOfConnecticutPrintsTheReportWithItsProxiesWithoutADatabase() {
        assertThat(run(Map.of(), "import-precincts", "--region", "ct", "--file",
                SharedData.file("precincts/CT_precincts.zip").toString(), "--mapping",
                RepositoryFiles.file("docs/mappings/connecticut.json").toString(), "--dry-run"))
                .isZero();

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).endsWith("CT_precincts.zip: dry run, nothing stored: would import 739 of 739 precincts");
        assertThat(lines).anyMatch(l -> l.startsWith("proxy: registeredVoters = VAP * 0.79 for 739 precincts"))
                .anyMatch(l -> l.startsWith("proxy: ballots = GOV18D + GOV18R for 739 precincts"));
        assertThat(errors()).isEmpty();
    }

    @Test
    void aDryRunOfFranklinJoinsItsResultsFromTheTableFile() {
        assertThat(run(Map.of(), "import-precincts", "--region", "franklin", "--file",
                SharedData.file("precincts/OH_franklin_precincts.zip").toString(), "--mapping",
                RepositoryFiles.file("docs/mappings/ohio-franklin.json").toString(), "--join-file",
                SharedData.file("results/ohio_2018_results.csv").toString(), "--dry-run"))
                .isZero();

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).endsWith("would import 863 of 863 precincts");
        assertThat(lines).anyMatch(l -> l.startsWith("join: 863 of 863 precincts matched one row of ")
                && l.endsWith("ohio_2018_results.csv (863 of 8904 rows kept by county = Franklin)"));
        assertThat(errors()).isEmpty();
    }

    @Test
    void anOsmFileWithoutRoadsStopsTheImportBeforeAnythingIsWrittenInOneLine() throws IOException {
        Path notRoads = Files.writeString(temp.resolve("notes.osm"), "these are not roads");
        Path problem = temp.resolve("franklin.json");
        assertThat(run(Map.of(RoadNetwork.CACHE_VARIABLE, temp.resolve("graphs").toString()), "import-real",
                "--region", "franklin", "--file", SharedData.file("precincts/OH_franklin_precincts.zip").toString(),
                "--mapping", RepositoryFiles.file("docs/mappings/ohio-franklin.json").toString(), "--join-file",
                SharedData.file("results/ohio_2018_results.csv").toString(), "--census",
                SharedData.file("census/cenpop2020_bg_OH_franklin.csv").toString(), "--volunteers", "10", "--seed",
                "7", "--osm", notRoads.toString(), "--out", problem.toString())).isEqualTo(2);
        assertThat(errors().lines().toList()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("fieldplan-data: OSM extract " + notRoads + " could not be read as a road network"));
        assertThat(problem).doesNotExist();
    }

    @Test
    void aJoinWithoutItsTableFileOrATableWithoutAJoinIsOneLine() {
        String shapes = SharedData.file("precincts/OH_franklin_precincts.zip").toString();
        assertThat(run(Map.of(), "import-precincts", "--region", "franklin", "--file", shapes, "--mapping",
                RepositoryFiles.file("docs/mappings/ohio-franklin.json").toString(), "--dry-run")).isEqualTo(2);
        assertThat(errors().lines().toList()).containsExactly("fieldplan-data: --join-file is required: the mapping "
                + "joins a table (join.tableKey [precinct_name]), e.g. the election results");

        err.reset();
        assertThat(run(Map.of(), "import-precincts", "--region", "ct", "--file", shapes, "--mapping",
                RepositoryFiles.file("docs/mappings/connecticut.json").toString(), "--join-file", shapes,
                "--dry-run")).isEqualTo(2);
        assertThat(errors().lines().toList()).containsExactly(
                "fieldplan-data: --join-file is given but the mapping declares no join (see docs/import.md)");
    }

    @Test
    void aCalendarOfAPastElectionOrOfAZoneFarFromThePrecinctsRejectsTheImportInOneLine() throws IOException {
        String ri = SharedData.file("precincts/ri-precincts.geojson").toString();
        Path paris = Files.writeString(temp.resolve("paris.json"),
                "{\"timeZone\": \"Europe/Paris\", \"electionDay\": \"2026-11-03\"}");
        Path eastern = Files.writeString(temp.resolve("eastern.json"),
                "{\"timeZone\": \"America/New_York\", \"electionDay\": \"2026-11-03\"}");

        assertThat(run(Map.of("FIELDPLAN_NOW", "2026-10-31T08:00"), "import-precincts", "--region", "r", "--file", ri,
                "--mapping", "rhode-island", "--calendar", paris.toString(), "--dry-run")).isEqualTo(2);
        assertThat(errors()).contains("error: calendar.timeZone: time zone Europe/Paris (standard time UTC+01:00) is "
                + "5.8 hours from the region's solar time");
        err.reset();
        assertThat(run(Map.of("FIELDPLAN_NOW", "2026-11-10T08:00"), "import-precincts", "--region", "r", "--file", ri,
                "--mapping", "rhode-island", "--calendar", eastern.toString(), "--dry-run")).isEqualTo(2);
        assertThat(errors()).isEqualTo("fieldplan-data: " + eastern + ": electionDay: 2026-11-03 is in the past "
                + "(today is 2026-11-10 in America/New_York): give the coming election's day" + System.lineSeparator());
        err.reset();
        assertThat(run(Map.of("FIELDPLAN_NOW", "2026-10-31T08:00"), "import-precincts", "--region", "r", "--file", ri,
                "--mapping", "rhode-island", "--calendar", eastern.toString(), "--dry-run")).isZero();
        err.reset();
        assertThat(run(Map.of("FIELDPLAN_NOW", "31/10/2026"), "import-precincts", "--region", "r", "--file", ri,
                "--mapping", "rhode-island", "--calendar", eastern.toString(), "--dry-run")).isEqualTo(2);
        assertThat(errors()).isEqualTo("fieldplan-data: FIELDPLAN_NOW is not a local date-time such as "
                + "2026-10-31T08:00: \"31/10/2026\"" + System.lineSeparator());
    }

    @Test
    void aRejectedPrecinctFilePrintsEachErrorOnceOnALineOfItsOwnAndExits2() throws IOException {
        Path file = temp.resolve("bad.geojson");
        String square = "[[[-71.41,41.81],[-71.39,41.81],[-71.39,41.83],[-71.41,41.83],[-71.41,41.81]]]";
        String feature = "{\"type\":\"Feature\",\"properties\":{\"N\":\"%s\",\"REG\":%s,\"BAL\":5,\"D\":1,"
                + "\"R\":1},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + square + "}}";
        Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":[" + feature.formatted("a", "null")
                + "," + feature.formatted("b", "10") + "," + feature.formatted("b", "10") + "]}");
        Path mapping = Files.writeString(temp.resolve("mapping.json"), """
                {"id": "N", "registeredVoters": "REG", "ballots": "BAL", "support": {"dem": "D", "rep": "R"}}""");

        assertThat(run(Map.of(), "import-precincts", "--region", "r", "--file", file.toString(), "--mapping",
                mapping.toString(), "--dry-run")).isEqualTo(2);

        assertThat(errors().lines().toList()).containsExactly(
                file + " rejected, nothing stored: 0 file errors, 2 row errors in 2 of 3 features "
                        + "(--skip-bad-rows imports the rest)",
                "error: features[0] (id a) registeredVoters: column REG is null (coalesce(REG, 0) would read it as 0)",
                "error: features[2] (id b) id: duplicate id, also features[1]: choose id columns that are unique "
                        + "together");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void importRealSkipsBadRowsWhenAskedAsTheOtherImportsDo() throws IOException {
        Path file = temp.resolve("one-bad.geojson");
        String square = "[[[-71.41,41.81],[-71.39,41.81],[-71.39,41.83],[-71.41,41.83],[-71.41,41.81]]]";
        String feature = "{\"type\":\"Feature\",\"properties\":{\"N\":\"%s\",\"REG\":%s,\"BAL\":5,\"D\":1,"
                + "\"R\":1},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + square + "}}";
        Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":[" + feature.formatted("a", "10")
                + "," + feature.formatted("b", "null") + "," + feature.formatted("c", "12") + "]}");
        Path mapping = Files.writeString(temp.resolve("mapping.json"), """
                {"id": "N", "registeredVoters": "REG", "ballots": "BAL", "support": {"dem": "D", "rep": "R"}}""");
        Path problem = temp.resolve("problem.json");
        String[] command = {"import-real", "--region", "r", "--file", file.toString(), "--mapping",
                mapping.toString(), "--census", SharedData.file("census/cenpop2020_bg_RI.csv").toString(),
                "--volunteers", "4", "--seed", "1", "--out", problem.toString()};

        assertThat(run(Map.of(), command)).isEqualTo(2);
        assertThat(errors()).contains("id b, registeredVoters: column REG is null");

        String[] skipping = java.util.stream.Stream.concat(java.util.Arrays.stream(command),
                java.util.stream.Stream.of("--skip-bad-rows")).toArray(String[]::new);
        assertThat(run(Map.of(), skipping)).as(errors()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList())
                .contains("skipped: features[1] (id b) registeredVoters: column REG is null (coalesce(REG, 0) would "
                        + "read it as 0)")
                .anyMatch(l -> l.startsWith("wrote " + problem + ": 2 precincts, 4 volunteers"));
    }

    /** Expressions that overflowed the parser's stack are one line naming the mapping field, exit 2. */
    @Test
    void aMappingExpressionOfTenThousandTermsIsOneLineNamingTheField() throws IOException {
        Path file = temp.resolve("p.geojson");
        Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":[]}");
        for (String expression : List.of(String.join("+", java.util.Collections.nCopies(10_000, "REG")),
                "(".repeat(5_000) + "REG" + ")".repeat(5_000), "-".repeat(10_000) + "REG")) {
            err.reset();
            Path mapping = Files.writeString(temp.resolve("hostile.json"), "{\"id\": \"N\", \"registeredVoters\": \""
                    + expression + "\", \"ballots\": \"BAL\", \"support\": {\"dem\": \"D\", \"rep\": \"R\"}}");

            assertThat(run(Map.of(), "import-precincts", "--region", "r", "--file", file.toString(), "--mapping",
                    mapping.toString(), "--dry-run")).isEqualTo(2);

            assertThat(errors()).startsWith("fieldplan-data: mapping " + mapping + ": registeredVoters: is ")
                    .contains("characters long, more than the 2000 allowed").hasLineCount(1);
        }
    }
}
