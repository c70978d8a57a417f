package org.fieldplan.data.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.fieldplan.data.DataStores;
import org.fieldplan.data.region.ProblemQuery;
import org.fieldplan.data.region.RegionSummary;
import org.fieldplan.data.testing.RepositoryFiles;
import org.fieldplan.data.testing.SharedData;
import org.fieldplan.domain.Precinct;
import org.fieldplan.data.mapping.ImportReport;
import org.fieldplan.data.mapping.ImportReport.Outcome;
import org.fieldplan.data.mapping.PrecinctMapping;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What every store must show for precinct files of any format read through mapping files: Connecticut's projected
 * shapefile with a mapping file only, the formats GDAL reads, dry runs and skipped rows, and a table of bad files
 * and rows ({@link BadPrecinctFiles}) that each give one clear error or a stated warning with nothing half-stored.
 */
abstract class PrecinctFileContractTest {

    DataStores stores;
    String regionId;

    /** The stores under test; may be the same database for every test. */
    protected abstract DataStores createStores();

    @BeforeEach
    void setUp() {
        stores = createStores();
        regionId = "file-" + UUID.randomUUID();
    }

    private ImportReport importFile(Path file, PrecinctMapping mapping, ImportOptions options) {
        return new PrecinctImporter(stores.regions()).importFile(regionId, file, mapping, options);
    }

    private List<Precinct> stored(String region) {
        return stores.regions().load(ProblemQuery.of(region, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))
                .precincts();
    }

    private boolean exists(String region) {
        return stores.regions().list().stream().map(RegionSummary::id).anyMatch(region::equals);
    }

    @Test
    void connecticutsProjectedShapefileImportsWithAMappingFileOnlyStatingEveryProxy() {
        PrecinctMapping mapping = PrecinctMapping.load(RepositoryFiles.file("docs/mappings/connecticut.json"));

        ImportReport report = importFile(SharedData.file("precincts/CT_precincts.zip"), mapping,
                ImportOptions.DEFAULT);

        assertThat(report.errorLines()).isEmpty();
        assertThat(report.outcome()).isEqualTo(Outcome.STORED);
        assertThat(report.precincts()).hasSize(739);
        assertThat(report.proxies()).extracting(ImportReport.ProxyUse::field, ImportReport.ProxyUse::precincts)
                .containsExactly(tuple("registeredVoters", 739), tuple("ballots", 739));
        assertThat(report.lines()).anyMatch(l -> l.startsWith("proxy: registeredVoters = VAP * 0.79 for 739"));
        List<Precinct> precincts = stored(regionId);
        assertThat(precincts).hasSize(739);
        // Reprojected from Connecticut state plane (metres) into longitude/latitude, inside the state.
        assertThat(precincts).allSatisfy(p -> {
            assertThat(p.getCentroid().getX()).isBetween(-73.8, -71.7);
            assertThat(p.getCentroid().getY()).isBetween(40.9, 42.1);
        });
        Precinct greenwich5 = precincts.stream().filter(p -> p.getId().equals("CT-greenwich-5")).findFirst()
                .orElseThrow();
        assertThat(greenwich5.getSupportShare()).isEqualTo(494.0 / (494 + 679));
        assertThat(greenwich5.getDistrictIds()).hasSize(3).allMatch(d -> d.matches("(CD|HDIST|SEND)-.+"));
        assertThat(stores.regions().electionAttributes(regionId, "CT-greenwich-5"))
                .hasValueSatisfying(raw -> assertThat(raw).containsEntry("GOV18D", 494));
    }

    @Test
    void aSourceCrsThatPutsConnecticutAtSeaIsRefusedAndNothingIsStored() throws Exception {
        // Massachusetts state plane in US feet read over Connecticut's metres: every precinct lands in the Atlantic,
        // off North Carolina, yet within the United States' longitude and latitude ranges. No expected area stated.
        String json = Files.readString(RepositoryFiles.file("docs/mappings/connecticut.json"))
                .replaceAll(",\\s*\"expectedBounds\"[^}]*}", "").replace("\"idPrefix\"",
                        "\"sourceCrs\": \"EPSG:2249\", \"idPrefix\"");
        PrecinctMapping wrong = PrecinctMapping.read(new ByteArrayInputStream(
                json.getBytes(StandardCharsets.UTF_8)), "wrong-crs.json");
        assertThat(wrong.expectedBounds()).isNull();

        ImportReport report = importFile(SharedData.file("precincts/CT_precincts.zip"), wrong, ImportOptions.DEFAULT);

        assertThat(report.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(report.fileErrors()).singleElement().asString().startsWith("739 of 739 features are out of place")
                .contains("in no US state or territory (at sea or abroad)");
        assertThat(exists(regionId)).isFalse();
    }

    @Test
    void newHampshireImportsThroughItsPresetFileWithItsProxies() {
        ImportReport report = importFile(SharedData.file("precincts/nh-precincts.geojson"),
                PrecinctMapping.load(RepositoryFiles.file(
                        "data/src/main/resources/org/fieldplan/data/mapping/presets/new-hampshire.json")),
                ImportOptions.DEFAULT);

        assertThat(report.outcome()).isEqualTo(Outcome.STORED);
        assertThat(stored(regionId)).hasSize(320);
        assertThat(report.proxies()).extracting(ImportReport.ProxyUse::precincts).containsExactly(320, 320);
        assertThat(report.zeroVoterIds()).isNotEmpty();
    }

    @Test
    void rhodeIslandsShapefileGivesTheSamePrecinctsAsItsGeoJson() {
        PrecinctMapping ri = PrecinctMapping.preset("rhode-island");
        importFile(SharedData.file("precincts/ri-precincts.geojson"), ri, ImportOptions.DEFAULT);
        String shapefileRegion = regionId + "-shp";
        new PrecinctImporter(stores.regions()).importFile(shapefileRegion, SharedData.file("precincts/RI_precincts.zip"),
                ri, ImportOptions.DEFAULT);

        List<Precinct> fromGeoJson = stored(regionId);
        Map<String, Precinct> fromShapefile = stored(shapefileRegion).stream()
                .collect(Collectors.toMap(Precinct::getId, Function.identity()));
        assertThat(fromShapefile).hasSize(419);
        for (Precinct geoJson : fromGeoJson) {
            Precinct shapefile = fromShapefile.get(geoJson.getId());
            assertThat(shapefile).as(geoJson.getId()).isNotNull();
            assertThat(shapefile.getRegisteredVoters()).as(geoJson.getId()).isEqualTo(geoJson.getRegisteredVoters());
            assertThat(shapefile.getSupportShare()).as(geoJson.getId()).isEqualTo(geoJson.getSupportShare());
            assertThat(shapefile.getDistrictIds()).as(geoJson.getId()).isEqualTo(geoJson.getDistrictIds());
            assertThat(shapefile.getGeometry().getArea()).as(geoJson.getId())
                    .isCloseTo(geoJson.getGeometry().getArea(), within(geoJson.getGeometry().getArea() * 0.005));
        }
    }

    @Test
    void geoPackageAndCsvWithWktGiveTheSamePrecinctsAsGeoJson() throws IOException {
        Path geoJson = BadPrecinctFiles.geoJson(BadPrecinctFiles.riFeatures(5), "five.geojson");
        Path gpkg = BadPrecinctFiles.ogr2ogr(geoJson, "five.gpkg", "GPKG");
        Path csv = BadPrecinctFiles.ogr2ogr(geoJson, "five.csv", "CSV", "-lco", "GEOMETRY=AS_WKT");
        PrecinctMapping ri = PrecinctMapping.preset("rhode-island");

        List<String> expected = importFile(geoJson, ri, ImportOptions.DEFAULT).precincts().stream()
                .map(PrecinctFileContractTest::summary).toList();
        for (Path file : List.of(gpkg, csv)) {
            String region = regionId + "-" + file.getFileName();
            ImportReport report = new PrecinctImporter(stores.regions()).importFile(region, file, ri,
                    ImportOptions.DEFAULT);
            assertThat(report.errorLines()).as(file.toString()).isEmpty();
            assertThat(stored(region).stream().map(PrecinctFileContractTest::summary).toList()).as(file.toString())
                    .isEqualTo(expected);
        }
    }

    @Test
    void aDryRunReportsWithoutStoring() {
        ImportReport report = importFile(SharedData.file("precincts/ri-precincts.geojson"),
                PrecinctMapping.preset("rhode-island"), new ImportOptions(true, false, null));

        assertThat(report.outcome()).isEqualTo(Outcome.DRY_RUN);
        assertThat(report.precincts()).hasSize(419);
        assertThat(report.lines().get(0)).endsWith("dry run, nothing stored: would import 419 of 419 precincts");
        assertThat(exists(regionId)).isFalse();
    }

    @Test
    void skippingBadRowsStoresTheRestAndListsTheSkipped() throws IOException {
        var features = BadPrecinctFiles.riFeatures(5);
        ((ObjectNode) features.get(2).get("properties")).putNull("GOV18R");

        ImportReport report = importFile(BadPrecinctFiles.geoJson(features, "skip.geojson"),
                PrecinctMapping.preset("rhode-island"), new ImportOptions(false, true, "Skipping"));

        assertThat(report.outcome()).isEqualTo(Outcome.STORED);
        assertThat(stored(regionId)).hasSize(4);
        assertThat(report.lines()).anyMatch(l -> l.startsWith("skipped: features[2] (id RI-")
                && l.contains("column GOV18R is null"));
        assertThat(report.lines().get(0)).endsWith("imported 4 of 5 precincts, 1 skipped");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.fieldplan.data.importer.BadPrecinctFiles#cases")
    void aBadFileOrRowGivesOneClearErrorOrAStatedWarningAndNothingHalfStored(BadPrecinctFiles.Case bad)
            throws Exception {
        Path file = bad.file().make();
        PrecinctMapping mapping = bad.mapping() == null ? PrecinctMapping.preset("rhode-island")
                : PrecinctMapping.read(new ByteArrayInputStream(bad.mapping().getBytes(StandardCharsets.UTF_8)),
                        bad.name());

        ImportReport report = importFile(file, mapping, new ImportOptions(false, bad.skipBadRows(), null));

        List<String> errors = report.errorLines();
        assertThat(errors).as("each error once").doesNotHaveDuplicates();
        if (bad.row() == BadPrecinctFiles.WARNING) {
            assertThat(report.outcome()).isEqualTo(Outcome.STORED);
            assertThat(errors).isEmpty();
            assertThat(report.lines()).anyMatch(l -> l.startsWith("warning: ") && l.contains(bad.message()));
            assertThat(stored(regionId)).hasSize(report.precincts().size());
            return;
        }
        assertThat(report.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(exists(regionId)).as("nothing stored").isFalse();
        if (bad.row() == RowError.WHOLE_FILE) {
            assertThat(report.fileErrors()).singleElement().asString().contains(bad.message());
        } else {
            assertThat(report.rowErrors()).singleElement().satisfies(e -> {
                assertThat(e.index()).isEqualTo(bad.row());
                assertThat(e.toString()).startsWith("features[" + bad.row() + "] ").contains(bad.message());
            });
        }
        assertThat(report.lines()).allSatisfy(l -> assertThat(l).doesNotContain("\n"));
    }

    private static String summary(Precinct p) {
        return p.getId() + " " + p.getRegisteredVoters() + " " + p.getExpectedTurnout() + " " + p.getSupportShare()
                + " " + p.getDistrictIds() + " " + Math.round(p.getGeometry().getArea() * 1e9);
    }
}
