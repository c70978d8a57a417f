package org.fieldplan.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;

import org.fieldplan.domain.Precinct;
import org.fieldplan.validation.ProblemValidationException;
import org.junit.jupiter.api.Test;

class PrecinctGeoJsonReaderTest {

    @Test
    void readsRhodeIslandRepairingItsInvalidPolygons() {
        PrecinctImport ri = new PrecinctGeoJsonReader(PrecinctColumnMapping.RHODE_ISLAND)
                .read(TestFiles.sharedData("precincts/ri-precincts.geojson"));

        assertThat(ri.precincts()).hasSize(419);
        assertThat(ri.repairedCount()).isEqualTo(41);
        assertAllValidAreasWithUniqueIds(ri.precincts());
        // Every RI precinct has registered voters in the 2018 columns (smallest: Providence 2807, 12 voters).
        assertThat(ri.zeroRegisteredIds()).isEmpty();
        // East Providence 1004 reports 1327 ballots for 238 registered voters.
        assertThat(ri.turnoutCappedIds()).containsExactly("RI-1004");
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
    void readsNewHampshireWithItsProxies() {
        PrecinctImport nh = new PrecinctGeoJsonReader(PrecinctColumnMapping.NEW_HAMPSHIRE)
                .read(TestFiles.sharedData("precincts/nh-precincts.geojson"));

        assertThat(nh.precincts()).hasSize(320);
        assertAllValidAreasWithUniqueIds(nh.precincts());
        // Unpopulated townships and grants have no voting-age population, hence no (proxy) voters.
        assertThat(nh.zeroRegisteredIds()).contains("NH-bean-s-purchase-entire").hasSizeGreaterThan(5);
        Precinct bethlehem = byId(nh.precincts(), "NH-bethlehem-entire");
        assertThat(bethlehem.getRegisteredVoters()).isEqualTo(1997);
        assertThat(bethlehem.getExpectedTurnout()).isEqualTo((1021.0 + 620) / 1997);
        assertThat(bethlehem.getSupportShare()).isEqualTo(1021.0 / (1021 + 620));
        assertThat(bethlehem.getDistrictIds()).containsExactly("HDIST-401", "SEND-001");
    }

    @Test
    void zeroVotesAndVotersGiveNeutralShareAndNoTurnout() throws IOException {
        PrecinctImport result = read(feature("Pond", 0, 0, 0, 0, 0, 0, SQUARE));

        Precinct pond = result.precincts().get(0);
        assertThat(pond.getExpectedTurnout()).isZero();
        assertThat(pond.getSupportShare()).isEqualTo(0.5);
        assertThat(result.zeroRegisteredIds()).containsExactly("T-pond");
    }

    @Test
    void spanishIsRequiredFromTheThreshold() throws IOException {
        PrecinctImport result = read(feature("A", 100, 50, 30, 20, 30, 100, SQUARE) + ","
                + feature("B", 100, 50, 30, 20, 29, 100, SQUARE));

        assertThat(result.precincts().get(0).getRequiredLanguages()).containsExactly("es");
        assertThat(result.precincts().get(1).getRequiredLanguages()).isEmpty();
    }

    @Test
    void repairsABowTieIntoAValidMultiPolygon() throws IOException {
        PrecinctImport result = read(feature("Bow", 100, 50, 30, 20, 0, 100,
                "[[[-71.41,41.81],[-71.39,41.83],[-71.39,41.81],[-71.41,41.83],[-71.41,41.81]]]"));

        assertThat(result.repairedIds()).containsExactly("T-bow");
        assertThat(result.precincts().get(0).getGeometry().isValid()).isTrue();
        assertThat(result.precincts().get(0).getGeometry().getGeometryType()).isEqualTo("MultiPolygon");
    }

    @Test
    void reportsEveryUnusableFeature() {
        String missingVoters = feature("A", 100, 50, 30, 20, 0, 100, SQUARE).replace("\"REG\":100,", "");
        String duplicate = feature("B", 100, 50, 30, 20, 0, 100, SQUARE);

        assertThatThrownBy(() -> read(missingVoters + "," + duplicate + "," + duplicate))
                .isInstanceOf(ProblemValidationException.class)
                .hasMessageContaining("features[0] (id \"T-a\").properties.REG: is missing")
                .hasMessageContaining("features[2] (id \"T-b\"): duplicate id");
    }

    @Test
    void anUnclosedRingIsReportedWithItsFeatureInsteadOfThrown() {
        String unclosed = feature("Open", 100, 50, 30, 20, 0, 100,
                "[[[-71.41,41.81],[-71.39,41.81],[-71.39,41.83],[-71.41,41.83]]]");

        assertThatThrownBy(() -> read(feature("A", 100, 50, 30, 20, 0, 100, SQUARE) + "," + unclosed))
                .isInstanceOf(ProblemValidationException.class)
                .hasMessageContaining("features[1] (id \"T-open\").geometry: is not GeoJSON")
                .hasMessageContaining("closed");
    }

    private static final String SQUARE =
            "[[[-71.41,41.81],[-71.39,41.81],[-71.39,41.83],[-71.41,41.83],[-71.41,41.81]]]";

    private static final PrecinctColumnMapping TEST_MAPPING = new PrecinctColumnMapping("T-", List.of("N"), "N",
            "REG", List.of("BAL"), "D", "R", List.of(), "HVAP", "VAP", PrecinctColumnMapping.DEFAULT_SPANISH_THRESHOLD);

    private static PrecinctImport read(String features) throws IOException {
        String collection = "{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}";
        return new PrecinctGeoJsonReader(TEST_MAPPING)
                .read(new ByteArrayInputStream(collection.getBytes(StandardCharsets.UTF_8)));
    }

    private static String feature(String name, int registered, int ballots, int dem, int rep, int hvap, int vap,
            String polygonCoordinates) {
        return """
                {"type":"Feature","properties":{"N":"%s","REG":%d,"BAL":%d,"D":%d,"R":%d,"HVAP":%d,"VAP":%d},
                 "geometry":{"type":"Polygon","coordinates":%s}}"""
                .formatted(name, registered, ballots, dem, rep, hvap, vap, polygonCoordinates);
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
