package org.fieldplan.data.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;

import org.fieldplan.domain.Precinct;
import org.fieldplan.data.io.TestFiles;
import org.fieldplan.data.mapping.ImportReport.Outcome;
import org.junit.jupiter.api.Test;

class MappedPrecinctReaderTest {

    @Test
    void readsRhodeIslandRepairingItsInvalidPolygons() {
        ImportReport ri = new MappedPrecinctReader(PrecinctMapping.preset("rhode-island"), false)
                .read(TestFiles.sharedData("precincts/ri-precincts.geojson"), "ri").report();

        assertThat(ri.outcome()).isEqualTo(Outcome.READY);
        assertThat(ri.precincts()).hasSize(419);
        assertThat(ri.repairedIds()).hasSize(41);
        assertAllValidAreasWithUniqueIds(ri.precincts());
        // Every RI precinct has registered voters in the 2018 columns (smallest: Providence 2807, 12 voters).
        assertThat(ri.zeroVoterIds()).isEmpty();
        // East Providence 1004 reports 1327 ballots for 238 registered voters.
        assertThat(ri.turnoutCappedIds()).containsExactly("RI-1004");
        assertThat(ri.proxies()).isEmpty();
        Precinct southKingstown = byId(ri.precincts(), "RI-3206");
        assertThat(southKingstown.getName()).isEqualTo("South Kingstown 3206");
        assertThat(southKingstown.getRegisteredVoters()).isEqualTo(2803);
        assertThat(southKingstown.getExpectedTurnout()).isEqualTo(1064.0 / 2803);
        assertThat(southKingstown.getSupportShare()).isEqualTo(577.0 / (577 + 357));
        assertThat(southKingstown.getDistrictIds()).containsExactly("HDIST-035", "SENDIST-037");
        assertThat(southKingstown.getRequiredLanguages()).isEmpty();
        assertThat(ri.precincts()).anySatisfy(p -> assertThat(p.getRequiredLanguages()).containsExactly("es"));
    }

    @Test
    void readsNewHampshireAndReportsItsProxies() {
        ImportReport nh = new MappedPrecinctReader(PrecinctMapping.preset("new-hampshire"), false)
                .read(TestFiles.sharedData("precincts/nh-precincts.geojson"), "nh").report();

        assertThat(nh.precincts()).hasSize(320);
        assertAllValidAreasWithUniqueIds(nh.precincts());
        // Unpopulated townships and grants have no voting-age population, hence no (proxy) voters.
        assertThat(nh.zeroVoterIds()).contains("NH-bean-s-purchase-entire").hasSizeGreaterThan(5);
        assertThat(nh.proxies()).extracting(ImportReport.ProxyUse::field, ImportReport.ProxyUse::expression,
                ImportReport.ProxyUse::precincts)
                .containsExactly(tuple("registeredVoters", "VAP", 320), tuple("ballots", "PRES20D + PRES20R", 320));
        assertThat(nh.lines()).anyMatch(line -> line.startsWith("proxy: registeredVoters = VAP for 320 precincts"));
        assertThat(nh.turnoutCapReason()).contains("a proxy that undercounts");
        Precinct bethlehem = byId(nh.precincts(), "NH-bethlehem-entire");
        assertThat(bethlehem.getRegisteredVoters()).isEqualTo(1997);
        assertThat(bethlehem.getExpectedTurnout()).isEqualTo((1021.0 + 620) / 1997);
        assertThat(bethlehem.getSupportShare()).isEqualTo(1021.0 / (1021 + 620));
        assertThat(bethlehem.getDistrictIds()).containsExactly("HDIST-401", "SEND-001");
    }

    @Test
    void zeroVotesAndVotersGiveNeutralShareAndNoTurnout() throws IOException {
        ImportReport result = read(feature("Pond", 0, 0, 0, 0, 0, 0));

        Precinct pond = result.precincts().get(0);
        assertThat(pond.getExpectedTurnout()).isZero();
        assertThat(pond.getSupportShare()).isEqualTo(0.5);
        assertThat(result.zeroVoterIds()).containsExactly("T-pond");
        assertThat(result.lines()).anyMatch(line -> line.contains("1 precincts have no registered voters"));
    }

    @Test
    void spanishIsRequiredFromTheThreshold() throws IOException {
        ImportReport result = read(feature("A", 100, 50, 30, 20, 30, 100) + "," + feature("B", 100, 50, 30, 20, 29, 100));

        assertThat(result.precincts().get(0).getRequiredLanguages()).containsExactly("es");
        assertThat(result.precincts().get(1).getRequiredLanguages()).isEmpty();
    }

    @Test
    void repairsABowTieIntoAValidMultiPolygon() throws IOException {
        ImportReport result = read(feature("Bow", 100, 50, 30, 20, 0, 100).replace(SQUARE,
                "[[[-71.41,41.81],[-71.39,41.83],[-71.39,41.81],[-71.41,41.83],[-71.41,41.81]]]"));

        assertThat(result.repairedIds()).containsExactly("T-bow");
        assertThat(result.precincts().get(0).getGeometry().isValid()).isTrue();
        assertThat(result.precincts().get(0).getGeometry().getGeometryType()).isEqualTo("MultiPolygon");
    }

    @Test
    void strictReadRejectsTheFileListingEachBadRowOnce() throws IOException {
        String missingVoters = feature("A", 100, 50, 30, 20, 0, 100).replace("\"REG\":100,", "\"REG\":null,");
        String duplicate = feature("B", 100, 50, 30, 20, 0, 100);

        ImportReport report = read(missingVoters + "," + duplicate + "," + duplicate);

        assertThat(report.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(report.precincts()).isEmpty();
        assertThat(report.errorLines()).containsExactly(
                "features[0] (id T-a) registeredVoters: column REG is null (coalesce(REG, 0) would read it as 0)",
                "features[2] (id T-b) id: duplicate id, also features[1]: choose id columns that are unique together");
        assertThat(report.lines().get(0)).contains("rejected, nothing stored: 0 file errors, 2 row errors in 2 of 3");
    }

    @Test
    void skippingBadRowsImportsTheRestAndListsTheSkipped() throws IOException {
        String bad = feature("A", 100, 50, 30, 20, 0, 100).replace("\"D\":30", "\"D\":\"thirty\"");

        ImportReport report = read(true, bad + "," + feature("B", 100, 50, 30, 20, 0, 100));

        assertThat(report.outcome()).isEqualTo(Outcome.READY);
        assertThat(report.precincts()).extracting(Precinct::getId).containsExactly("T-b");
        assertThat(report.lines()).contains(
                "skipped: features[0] (id T-a) support: column D must be a number, was \"thirty\"");
    }

    @Test
    void numbersWrittenAsTextAreReadAndReported() throws IOException {
        ImportReport report = read(feature("A", 100, 50, 30, 20, 0, 100).replace("\"REG\":100", "\"REG\":\"100.0\""));

        assertThat(report.precincts().get(0).getRegisteredVoters()).isEqualTo(100);
        assertThat(report.warnings()).contains(
                "column REG: 1 values were text (e.g. \"597.0\") and were read as numbers");
    }

    @Test
    void withoutDistrictsTheReportSaysEveryPrecinctIsWeighedByTheMappedRaceOverTheRegion() throws IOException {
        // 30 of 50 and 10 of 50 ballots for our side: 40 %, a 60/40 race: pivotality exp(-0.2²/0.02) = 0.14.
        ImportReport report = read(feature("A", 100, 50, 30, 20, 0, 100) + "," + feature("B", 100, 50, 10, 40, 0,
                100));

        assertThat(report.warnings()).filteredOn(w -> w.startsWith("DISTRICTS NOT MAPPED")).singleElement()
                .asString().contains("our side 40.0 % of its ballots: pivotality 0.14 of a toss-up's")
                .contains("map \"districts\"");
        assertThat(report.lines()).anyMatch(line -> line.startsWith("warning: DISTRICTS NOT MAPPED"));
    }

    @Test
    void aPrecinctAtSeaIsAnErrorOfItsRowAndMostAtSeaRejectTheFile() throws IOException {
        // 200 km off Cape Hatteras: inside the United States' longitude and latitude ranges, in no state.
        String atSea = feature("Sea", 100, 50, 30, 20, 0, 100).replace(SQUARE,
                "[[[-73.41,34.81],[-73.39,34.81],[-73.39,34.83],[-73.41,34.83],[-73.41,34.81]]]");

        ImportReport one = read(atSea + "," + feature("A", 100, 50, 30, 20, 0, 100) + ","
                + feature("B", 100, 50, 30, 20, 0, 100));
        ImportReport most = read(atSea + "," + atSea.replace("Sea", "Sea2") + "," + feature("A", 100, 50, 30, 20, 0,
                100));

        assertThat(one.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(one.rowErrors()).singleElement().asString().isEqualTo("features[0] (id T-sea) geometry: lies at "
                + "(-73.40000, 34.82000), in no US state or territory (at sea or abroad): is the reference system "
                + "right? (sourceCrs in the mapping; declare the mapping's state to check against it)");
        assertThat(most.fileErrors()).singleElement().asString().startsWith("2 of 3 features are out of place");
    }

    @Test
    void aDeclaredStateRefusesPrecinctsOutsideItsBoxAndAnUnknownStateIsAMappingError() throws IOException {
        PrecinctMapping connecticut = PrecinctMapping.read(new ByteArrayInputStream(TEST_MAPPING
                .replace("{\"idPrefix\"", "{\"state\": \"09\", \"idPrefix\"").getBytes(StandardCharsets.UTF_8)),
                "ct");
        String collection = "{\"type\":\"FeatureCollection\",\"features\":[" + feature("A", 100, 50, 30, 20, 0,
                100) + "]}";

        // The test square lies in Providence, Rhode Island.
        ImportReport report = new MappedPrecinctReader(connecticut, false)
                .read(new ByteArrayInputStream(collection.getBytes(StandardCharsets.UTF_8)), "t.geojson").report();

        assertThat(report.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(report.fileErrors()).singleElement().asString().contains("outside the mapping's state "
                + "Connecticut (CT, -73.73…-71.78, 40.98…42.05)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PrecinctMapping.read(new ByteArrayInputStream(
                TEST_MAPPING.replace("{\"idPrefix\"", "{\"state\": \"Conneticut\", \"idPrefix\"")
                        .getBytes(StandardCharsets.UTF_8)), "ct"))
                .hasMessageStartingWith("mapping ct: state: is not a US state's or territory's USPS or FIPS code: "
                        + "\"Conneticut\"");
    }

    @Test
    void aStatedSourceCrsWithoutAnExpectedAreaIsWarnedAboutAsOnlyLooselyChecked() throws IOException {
        PrecinctMapping withCrs = PrecinctMapping.read(new ByteArrayInputStream(TEST_MAPPING
                .replace("{\"idPrefix\"", "{\"sourceCrs\": \"EPSG:4269\", \"idPrefix\"")
                .getBytes(StandardCharsets.UTF_8)), "crs");
        String collection = "{\"type\":\"FeatureCollection\",\"features\":[" + feature("A", 100, 50, 30, 20, 0,
                100) + "]}";

        ImportReport report = new MappedPrecinctReader(withCrs, false)
                .read(new ByteArrayInputStream(collection.getBytes(StandardCharsets.UTF_8)), "t.geojson").report();

        assertThat(report.outcome()).isEqualTo(Outcome.READY);
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).startsWith("LOCATION CHECKED ONLY LOOSELY: the "
                + "mapping states sourceCrs EPSG:4269 but neither state nor expectedBounds"));
        assertThat(read(feature("A", 100, 50, 30, 20, 0, 100)).warnings())
                .noneMatch(w -> w.startsWith("LOCATION CHECKED ONLY LOOSELY"));
    }

    @Test
    void theStateBoxesHoldEveryRealPrecinctOfRhodeIslandAndNewHampshire() {
        for (String[] presetAndState : new String[][] {{"rhode-island", "RI"}, {"new-hampshire", "NH"}}) {
            String file = presetAndState[0].equals("rhode-island") ? "ri-precincts.geojson" : "nh-precincts.geojson";
            ImportReport report = new MappedPrecinctReader(PrecinctMapping.preset(presetAndState[0]), false)
                    .read(TestFiles.sharedData("precincts/" + file), file).report();
            StateBounds.State state = StateBounds.of(presetAndState[1]).orElseThrow();
            assertThat(report.precincts()).isNotEmpty().allSatisfy(p -> assertThat(state.contains(
                    p.getGeometry().getInteriorPoint().getX(), p.getGeometry().getInteriorPoint().getY()))
                    .as(p.getId()).isTrue());
        }
    }

    @Test
    void anUnclosedRingIsReportedWithItsFeature() throws IOException {
        String unclosed = feature("Open", 100, 50, 30, 20, 0, 100).replace(SQUARE,
                "[[[-71.41,41.81],[-71.39,41.81],[-71.39,41.83],[-71.41,41.83]]]");

        ImportReport report = read(feature("A", 100, 50, 30, 20, 0, 100) + "," + unclosed);

        assertThat(report.errorLines()).singleElement().asString()
                .startsWith("features[1] (id T-open) geometry: is not GeoJSON").contains("closed");
    }

    /** A rejected file has no precincts: its findings count against the features read, never "6 of 0". */
    @Test
    void findingsOfARejectedFileAreCountedAgainstItsFeaturesNotAgainstNoPrecincts() throws IOException {
        String overTurnout = feature("Over", 100, 150, 30, 20, 0, 100);
        String missingVoters = feature("Bad", 100, 50, 30, 20, 0, 100).replace("\"REG\":100,", "\"REG\":null,");

        ImportReport report = read(overTurnout + "," + feature("Fine", 100, 50, 30, 20, 0, 100) + "," + missingVoters);

        assertThat(report.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(report.lines()).anyMatch(l -> l.startsWith("warning: turnout capped at 1 in 1 of 3 features"))
                .noneMatch(l -> l.contains(" of 0 "));
    }

    /** A {@code coalesce} proxy stands in only where the column it falls back from has no value. */
    @Test
    void aCoalesceProxyIsReportedForTheRowsItReplacedOnly() throws IOException {
        String mapping = TEST_MAPPING.replace("\"registeredVoters\": \"REG\"", "\"registeredVoters\": "
                + "{\"expression\": \"coalesce(REG, VAP * 0.7)\", \"proxy\": \"70 % of VAP where REG is blank\"}");
        String blank = feature("Blank", 0, 50, 30, 20, 0, 100).replace("\"REG\":0,", "\"REG\":null,");

        ImportReport report = read(mapping, false, feature("A", 100, 50, 30, 20, 0, 100) + "," + blank + ","
                + feature("B", 90, 50, 30, 20, 0, 100));

        assertThat(report.precincts()).extracting(Precinct::getRegisteredVoters).containsExactly(100, 70, 90);
        assertThat(report.proxies()).extracting(ImportReport.ProxyUse::field, ImportReport.ProxyUse::precincts)
                .containsExactly(tuple("registeredVoters", 1));
        assertThat(report.lines()).contains("proxy: registeredVoters = coalesce(REG, VAP * 0.7) for 1 precincts "
                + "(70 % of VAP where REG is blank)");

        ImportReport none = read(mapping, false, feature("A", 100, 50, 30, 20, 0, 100));
        assertThat(none.proxies()).as("replaced nothing: not reported").isEmpty();
    }

    /**
     * A precinct split over two features (two squares side by side) is one precinct with {@code dissolve}: the
     * union of the polygons, and the counts summed ({@code sum}) or the first part's ({@code first}).
     */
    @Test
    void aPrecinctSplitOverTwoFeaturesIsDissolvedIntoOne() throws IOException {
        String west = feature("Split", 100, 50, 30, 10, 0, 100);
        String east = feature("Split", 60, 30, 10, 10, 40, 60).replace(SQUARE,
                "[[[-71.39,41.81],[-71.37,41.81],[-71.37,41.83],[-71.39,41.83],[-71.39,41.81]]]");
        String features = west + "," + feature("Other", 10, 5, 3, 2, 0, 10) + "," + east;

        ImportReport summed = read(TEST_MAPPING.replace("\"idPrefix\"", "\"dissolve\": \"sum\", \"idPrefix\""),
                false, features);

        assertThat(summed.errorLines()).isEmpty();
        assertThat(summed.precincts()).extracting(Precinct::getId).containsExactly("T-split", "T-other");
        Precinct split = summed.precincts().get(0);
        assertThat(split.getRegisteredVoters()).isEqualTo(160);
        assertThat(split.getExpectedTurnout()).isEqualTo(80.0 / 160);
        assertThat(split.getSupportShare()).isEqualTo(40.0 / 60);
        assertThat(split.getRequiredLanguages()).as("HVAP 40 of VAP 160 is 25 %: below 30 %").isEmpty();
        assertThat(split.getGeometry().getGeometryType()).isEqualTo("Polygon");
        assertThat(split.getGeometry().getArea()).isCloseTo(2 * 0.02 * 0.02, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(summed.dissolved()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo("T-split");
            assertThat(d.features()).containsExactly(0, 2);
        });
        assertThat(summed.lines()).contains("dissolved: 1 precincts from 2 features sharing their ids: T-split "
                + "(features 0, 2)");

        ImportReport first = read(TEST_MAPPING.replace("\"idPrefix\"", "\"dissolve\": \"first\", \"idPrefix\""),
                false, features);
        assertThat(first.precincts().get(0).getRegisteredVoters()).isEqualTo(100);
        assertThat(first.precincts().get(0).getGeometry().getArea()).isEqualTo(split.getGeometry().getArea());

        assertThat(read(features).errorLines()).as("without dissolve a repeated id stays an error")
                .singleElement().asString().contains("duplicate id, also features[0]");
    }

    static final String SQUARE = "[[[-71.41,41.81],[-71.39,41.81],[-71.39,41.83],[-71.41,41.83],[-71.41,41.81]]]";

    static final String TEST_MAPPING = """
            {"idPrefix": "T-", "id": ["N"], "name": "N", "registeredVoters": "REG", "ballots": "BAL",
             "support": {"dem": "D", "rep": "R"},
             "languages": [{"language": "es", "when": "ratio(HVAP, VAP, 0) >= 0.3"}]}""";

    private static ImportReport read(String features) throws IOException {
        return read(false, features);
    }

    private static ImportReport read(boolean skipBadRows, String features) throws IOException {
        return read(TEST_MAPPING, skipBadRows, features);
    }

    private static ImportReport read(String mappingJson, boolean skipBadRows, String features) throws IOException {
        PrecinctMapping mapping = PrecinctMapping.read(
                new ByteArrayInputStream(mappingJson.getBytes(StandardCharsets.UTF_8)), "test");
        String collection = "{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}";
        return new MappedPrecinctReader(mapping, skipBadRows)
                .read(new ByteArrayInputStream(collection.getBytes(StandardCharsets.UTF_8)), "test.geojson").report();
    }

    static String feature(String name, int registered, int ballots, int dem, int rep, int hvap, int vap) {
        return """
                {"type":"Feature","properties":{"N":"%s","REG":%d,"BAL":%d,"D":%d,"R":%d,"HVAP":%d,"VAP":%d},
                 "geometry":{"type":"Polygon","coordinates":%s}}"""
                .formatted(name, registered, ballots, dem, rep, hvap, vap, SQUARE);
    }

    private static void assertAllValidAreasWithUniqueIds(List<Precinct> precincts) {
        assertThat(precincts).allSatisfy(p -> {
            assertThat(p.getGeometry().isValid()).as(p.getId()).isTrue();
            assertThat(p.getGeometry().isEmpty()).as(p.getId()).isFalse();
            assertThat(p.getGeometry().getGeometryType()).isIn("Polygon", "MultiPolygon");
        });
        assertThat(new HashSet<>(precincts.stream().map(Precinct::getId).toList())).hasSize(precincts.size());
    }

    private static Precinct byId(List<Precinct> precincts, String id) {
        return precincts.stream().filter(p -> p.getId().equals(id)).findFirst().orElseThrow();
    }
}
