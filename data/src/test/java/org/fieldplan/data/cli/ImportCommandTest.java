package org.fieldplan.data.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fieldplan.data.importer.VolunteerCsvImporter;
import org.fieldplan.data.streets.PostgisStreetStore;
import org.fieldplan.data.streets.StreetFixture;
import org.fieldplan.data.testing.RepositoryFiles;
import org.fieldplan.data.testing.SharedData;
import org.fieldplan.data.travel.road.RoadNetwork;
import org.fieldplan.data.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

/**
 * {@code fieldplan import …} against the test database: imports succeed with a summary, usage errors are one line
 * naming the option and exit 2, refused data exits 1.
 */
class ImportCommandTest {

    @TempDir
    Path temp;

    private final CliRun cli = new CliRun();

    private int run(Map<String, String> environment, String... args) {
        return cli.run(environment, args);
    }

    private int runOnTestDatabase(String... args) {
        TestDatabase.dataSource(); // fails the test loudly when there is no database
        return run(System.getenv(), args);
    }

    private String errors() {
        return cli.err();
    }

    private String output() {
        return cli.out();
    }

    @Test
    void importsAGeneratedRegionThenRejectsABadVolunteerSheetInOneLine() throws IOException {
        String region = "cli-" + UUID.randomUUID();

        assertThat(runOnTestDatabase("import", "generated", "--region", region, "--size", "S", "--seed", "5")).isZero();
        assertThat(output()).contains("imported region " + region + ": 50 precincts, "
                + "100 volunteers");

        Path sheet = temp.resolve("volunteers.csv");
        Files.writeString(sheet, String.join(",", VolunteerCsvImporter.COLUMNS) + "\n"
                + "S1,Ann,,91,-71.41,,,CAR,30,,3,2,,0.8,\n");
        assertThat(runOnTestDatabase("import", "volunteers", "--region", region, "--csv", sheet.toString()))
                .isEqualTo(1);
        assertThat(errors().lines().toList()).containsExactly("fieldplan import volunteers: " + sheet
                + " rejected, nothing imported: row 2: lat: must be between -90 and 90, was 91");
    }

    @Test
    void importStreetsStoresTheRoadsAndRefusesAFileThatIsNoExtractInOneLine() throws IOException {
        String region = "cli-" + UUID.randomUUID();
        runOnTestDatabase("import", "generated", "--region", region, "--size", "S", "--seed", "5");
        Path junk = Files.writeString(temp.resolve("roads.osm.pbf"), "no extract");

        assertThat(runOnTestDatabase("import", "roads", "--region", region, "--osm", junk.toString())).isEqualTo(1);
        assertThat(errors()).startsWith("fieldplan import roads: --osm GDAL cannot read roads.osm.pbf")
                .hasLineCount(1);

        // The extract lies in Ohio, the generated region in Rhode Island: no precinct has a road within 500 m.
        int exit = runOnTestDatabase("import", "roads", "--region", region, "--osm",
                StreetFixture.write(temp).toString());
        assertThat(exit).as(errors()).isZero();
        assertThat(output()).contains("streets: 6 roads from fixture.osm; meeting "
                + "points of 0 of 50 precincts on a named street, 0 on an unnamed road, 50 at the precinct's interior "
                + "point (no road through it or within 500 m)");
        assertThat(new PostgisStreetStore(TestDatabase.dataSource()).streets(region,
                new Envelope(-84, -82, 39, 41), false, 10)).hasSize(6);
    }

    @Test
    void aRegionIdTakenTwiceIsOneLineWithoutAStackTrace() {
        String region = "cli-" + UUID.randomUUID();
        runOnTestDatabase("import", "generated", "--region", region, "--size", "S", "--seed", "5");

        assertThat(runOnTestDatabase("import", "generated", "--region", region, "--size", "S", "--seed", "5"))
                .isEqualTo(1);
        assertThat(errors()).startsWith("fieldplan import generated: import of region " + region + " failed")
                .doesNotContain("\tat ").hasLineCount(1);
    }

    @Test
    void userErrorsAreOneLineNamingTheOptionAndExit2BeforeTouchingTheDatabase() {
        Map<String, String> noDatabase = Map.of();

        assertThat(run(noDatabase, "import", "precincts", "--region", "r", "--file", "missing.geojson", "--mapping",
                "rhode-island")).isEqualTo(2);
        assertThat(run(noDatabase, "import", "generated", "--region", "r", "--size", "HUGE", "--seed", "1"))
                .isEqualTo(2);
        assertThat(run(noDatabase, "import", "generated", "--region", "r", "--size", "S", "--seed", "1")).isEqualTo(2);
        assertThat(run(noDatabase, "import", "export")).isEqualTo(2);
        assertThat(run(noDatabase, "import", "generated", "--region", "../etc", "--size", "S", "--seed", "1"))
                .isEqualTo(2);

        assertThat(errors().lines().toList()).containsExactly(
                "fieldplan import precincts: --file missing.geojson: no such file (see fieldplan import precincts "
                        + "--help)",
                "fieldplan import generated: Invalid value for option '--size': expected one of [S, M, L, XL] "
                        + "(case-insensitive) but was 'HUGE' (see fieldplan import generated --help)",
                "fieldplan import generated: FIELDPLAN_DB_URL is not set (e.g. "
                        + "jdbc:postgresql://127.0.0.1:5432/fieldplan) (see fieldplan import generated --help)",
                "fieldplan import: Unmatched argument at index 1: 'export' (see fieldplan import --help)",
                "fieldplan import generated: --region contains '.' at its start (ids are 1-128 letters (A-Z, a-z), "
                        + "digits, '-' or '_', starting with a letter or digit) (see fieldplan import generated --help)");
        assertThat(output()).isEmpty();
    }

    @Test
    void everyDatabaseCommandNamesTheDatabaseSettingsInItsHelpAndNeedsNoneForIt() {
        for (String command : List.of("import precincts", "import volunteers", "import generated", "import real",
                "calendar set", "calendar show", "place-volunteers")) {
            cli.reset();
            assertThat(run(Map.of(), (command + " --help").split(" "))).as(command).isZero();
            assertThat(output()).as(command).startsWith("Usage: fieldplan " + command + " ")
                    .contains("Database: FIELDPLAN_DB_URL (e.g. jdbc:postgresql://127.0.0.1:5432/fieldplan),")
                    .contains("FIELDPLAN_DB_USER, FIELDPLAN_DB_PASSWORD.");
        }
        assertThat(errors()).isEmpty();
    }

    @Test
    void aDryRunOfConnecticutPrintsTheReportWithItsProxiesWithoutADatabase() {
        assertThat(run(Map.of(), "import", "precincts", "--region", "ct", "--file",
                SharedData.file("precincts/CT_precincts.zip").toString(), "--mapping",
                RepositoryFiles.file("docs/mappings/connecticut.json").toString(), "--dry-run"))
                .isZero();

        List<String> lines = output().lines().toList();
        assertThat(lines.get(0)).endsWith("CT_precincts.zip: dry run, nothing stored: would import 739 of 739 precincts");
        assertThat(lines).anyMatch(l -> l.startsWith("proxy: registeredVoters = VAP * 0.79 for 739 precincts"))
                .anyMatch(l -> l.startsWith("proxy: ballots = GOV18D + GOV18R for 739 precincts"));
        assertThat(errors()).isEmpty();
    }

    @Test
    void aDryRunOfFranklinJoinsItsResultsFromTheTableFileAndPutsMeetingPointsOnItsStreets() {
        assertThat(run(Map.of(), "import", "precincts", "--region", "franklin", "--file",
                SharedData.file("precincts/OH_franklin_precincts.zip").toString(), "--mapping",
                RepositoryFiles.file("docs/mappings/ohio-franklin.json").toString(), "--join-file",
                SharedData.file("results/ohio_2018_results.csv").toString(), "--osm",
                SharedData.file("osm/columbus.osm.pbf").toString(), "--dry-run"))
                .isZero();

        List<String> lines = output().lines().toList();
        assertThat(lines.get(0)).endsWith("would import 863 of 863 precincts");
        assertThat(lines).anyMatch(l -> l.startsWith("join: 863 of 863 precincts matched one row of ")
                && l.endsWith("ohio_2018_results.csv (863 of 8904 rows kept by county = Franklin)"));
        // The shared extract covers central Franklin County only, and sparsely (docs/benchmarks.md).
        assertThat(lines).anyMatch(l -> l.matches("streets: 11996 roads from columbus\\.osm\\.pbf; meeting points "
                + "of (4[5-9]\\d|5\\d\\d) of 863 precincts on a named street, .*"));
        assertThat(errors()).isEmpty();
    }

    @Test
    void anOsmFileWithoutRoadsStopsTheImportBeforeAnythingIsWrittenInOneLine() throws IOException {
        Path notRoads = Files.writeString(temp.resolve("notes.osm"), "these are not roads");
        Path problem = temp.resolve("franklin.json");
        assertThat(run(Map.of(RoadNetwork.CACHE_VARIABLE, temp.resolve("graphs").toString()), "import", "real",
                "--region", "franklin", "--file", SharedData.file("precincts/OH_franklin_precincts.zip").toString(),
                "--mapping", RepositoryFiles.file("docs/mappings/ohio-franklin.json").toString(), "--join-file",
                SharedData.file("results/ohio_2018_results.csv").toString(), "--census",
                SharedData.file("census/cenpop2020_bg_OH_franklin.csv").toString(), "--volunteers", "10", "--seed",
                "7", "--osm", notRoads.toString(), "--out", problem.toString())).isEqualTo(1);
        assertThat(errors().lines().toList()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("fieldplan import real: OSM extract " + notRoads + " could not be read as a road network"));
        assertThat(problem).doesNotExist();
    }

    @Test
    void aJoinWithoutItsTableFileOrATableWithoutAJoinIsOneLine() {
        String shapes = SharedData.file("precincts/OH_franklin_precincts.zip").toString();
        assertThat(run(Map.of(), "import", "precincts", "--region", "franklin", "--file", shapes, "--mapping",
                RepositoryFiles.file("docs/mappings/ohio-franklin.json").toString(), "--dry-run")).isEqualTo(2);
        assertThat(errors().lines().toList()).containsExactly("fieldplan import precincts: --join-file is required: "
                + "the mapping joins a table (join.tableKey [precinct_name]), e.g. the election results (see fieldplan "
                + "import precincts --help)");

        cli.reset();
        assertThat(run(Map.of(), "import", "precincts", "--region", "ct", "--file", shapes, "--mapping",
                RepositoryFiles.file("docs/mappings/connecticut.json").toString(), "--join-file", shapes,
                "--dry-run")).isEqualTo(2);
        assertThat(errors().lines().toList()).containsExactly(
                "fieldplan import precincts: --join-file is given but the mapping declares no join (see "
                        + "docs/import.md) (see fieldplan import precincts --help)");
    }

    @Test
    void aCalendarOfAPastElectionOrOfAZoneFarFromThePrecinctsRejectsTheImportInOneLine() throws IOException {
        String ri = SharedData.file("precincts/ri-precincts.geojson").toString();
        Path paris = Files.writeString(temp.resolve("paris.json"),
                "{\"timeZone\": \"Europe/Paris\", \"electionDay\": \"2026-11-03\"}");
        Path eastern = Files.writeString(temp.resolve("eastern.json"),
                "{\"timeZone\": \"America/New_York\", \"electionDay\": \"2026-11-03\"}");

        assertThat(run(Map.of("FIELDPLAN_NOW", "2026-10-31T08:00"), "import", "precincts", "--region", "r", "--file", ri,
                "--mapping", "rhode-island", "--calendar", paris.toString(), "--dry-run")).isEqualTo(1);
        assertThat(errors()).contains("error: calendar.timeZone: time zone Europe/Paris (standard time UTC+01:00) is "
                + "5.8 hours from the region's solar time");
        cli.reset();
        assertThat(run(Map.of("FIELDPLAN_NOW", "2026-11-10T08:00"), "import", "precincts", "--region", "r", "--file", ri,
                "--mapping", "rhode-island", "--calendar", eastern.toString(), "--dry-run")).isEqualTo(1);
        assertThat(errors()).isEqualTo("fieldplan import precincts: " + eastern + ": electionDay: 2026-11-03 is in the past "
                + "(today is 2026-11-10 in America/New_York): give the coming election's day" + System.lineSeparator());
        cli.reset();
        assertThat(run(Map.of("FIELDPLAN_NOW", "2026-10-31T08:00"), "import", "precincts", "--region", "r", "--file", ri,
                "--mapping", "rhode-island", "--calendar", eastern.toString(), "--dry-run")).isZero();
        cli.reset();
        assertThat(run(Map.of("FIELDPLAN_NOW", "31/10/2026"), "import", "precincts", "--region", "r", "--file", ri,
                "--mapping", "rhode-island", "--calendar", eastern.toString(), "--dry-run")).isEqualTo(2);
        assertThat(errors()).isEqualTo("fieldplan import precincts: FIELDPLAN_NOW is not a local date-time such as "
                + "2026-10-31T08:00: \"31/10/2026\" (see fieldplan import precincts --help)" + System.lineSeparator());
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

        assertThat(run(Map.of(), "import", "precincts", "--region", "r", "--file", file.toString(), "--mapping",
                mapping.toString(), "--dry-run")).isEqualTo(1);

        assertThat(errors().lines().toList()).containsExactly(
                file + " rejected, nothing stored: 0 file errors, 2 row errors in 2 of 3 features "
                        + "(--skip-bad-rows imports the rest)",
                "error: features[0] (id a) registeredVoters: column REG is null (coalesce(REG, 0) would read it as 0)",
                "error: features[2] (id b) id: duplicate id, also features[1]: choose id columns that are unique "
                        + "together");
        assertThat(output()).isEmpty();
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
        String[] command = {"import", "real", "--region", "r", "--file", file.toString(), "--mapping",
                mapping.toString(), "--census", SharedData.file("census/cenpop2020_bg_RI.csv").toString(),
                "--volunteers", "4", "--seed", "1", "--out", problem.toString()};

        assertThat(run(Map.of(), command)).isEqualTo(1);
        assertThat(errors()).contains("id b, registeredVoters: column REG is null");

        String[] skipping = java.util.stream.Stream.concat(java.util.Arrays.stream(command),
                java.util.stream.Stream.of("--skip-bad-rows")).toArray(String[]::new);
        assertThat(run(Map.of(), skipping)).as(errors()).isZero();
        assertThat(output().lines().toList())
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
            cli.reset();
            Path mapping = Files.writeString(temp.resolve("hostile.json"), "{\"id\": \"N\", \"registeredVoters\": \""
                    + expression + "\", \"ballots\": \"BAL\", \"support\": {\"dem\": \"D\", \"rep\": \"R\"}}");

            assertThat(run(Map.of(), "import", "precincts", "--region", "r", "--file", file.toString(), "--mapping",
                    mapping.toString(), "--dry-run")).isEqualTo(1);

            assertThat(errors()).startsWith("fieldplan import precincts: mapping " + mapping + ": registeredVoters: is ")
                    .contains("characters long, more than the 2000 allowed").hasLineCount(1);
        }
    }
}
