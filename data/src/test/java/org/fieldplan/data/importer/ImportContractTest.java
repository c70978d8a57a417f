package org.fieldplan.data.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.fieldplan.data.DataStores;
import org.fieldplan.data.StoreException;
import org.fieldplan.data.region.ProblemQuery;
import org.fieldplan.data.region.RegionSummary;
import org.fieldplan.data.testing.SharedData;
import org.fieldplan.domain.AvailabilityWindow;
import org.fieldplan.domain.Carpool;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Skill;
import org.fieldplan.domain.TravelMode;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.data.generator.RegionSize;
import org.fieldplan.data.mapping.ImportReport;
import org.fieldplan.data.mapping.PrecinctMapping;
import org.fieldplan.validation.IdAlphabet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What every store must show for the importers: real precinct files, volunteer sheets and generated regions go in
 * whole, and a bad row keeps the whole file out. Each test imports into its own freshly named region.
 */
abstract class ImportContractTest {

    static final Path RI_GEOJSON = SharedData.file("precincts/ri-precincts.geojson");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = String.join(",", VolunteerCsvImporter.COLUMNS) + "\n";

    @TempDir
    Path temp;

    DataStores stores;
    String regionId;

    /** The stores under test; may be the same database for every test. */
    protected abstract DataStores createStores();

    @BeforeEach
    void setUp() {
        stores = createStores();
        regionId = "import-" + UUID.randomUUID();
    }

    FieldPlanProblem loadAll(String region) {
        return stores.regions().load(ProblemQuery.of(region, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
    }

    @Test
    void rhodeIslandPrecinctsAreStoredWithTheirRawElectionAttributes() {
        ImportReport report = new PrecinctImporter(stores.regions())
                .importFile(regionId, RI_GEOJSON, PrecinctMapping.preset("rhode-island"), ImportOptions.DEFAULT);

        assertThat(report.outcome()).isEqualTo(ImportReport.Outcome.STORED);
        assertThat(report.precincts()).hasSize(419);
        FieldPlanProblem stored = loadAll(regionId);
        assertThat(stored.precincts()).hasSize(419);
        assertThat(stored.timeSlots()).isNotEmpty();
        assertThat(stored.precincts()).allSatisfy(p -> assertThat(p.getGeometry().isValid()).isTrue());
        assertThat(stores.regions().electionAttributes(regionId, "RI-3206")).hasValueSatisfying(raw -> {
            assertThat(raw).containsEntry("REGVOT18", 2803).containsEntry("GOV18D", 577).containsEntry("HDIST", "035");
            assertThat(raw).containsEntry("PRENAME", "South Kingstown 3206");
        });
    }

    @Test
    void newHampshirePrecinctsAreStored() {
        new PrecinctImporter(stores.regions()).importFile(regionId, SharedData.file("precincts/nh-precincts.geojson"),
                PrecinctMapping.preset("new-hampshire"), ImportOptions.DEFAULT);

        assertThat(stores.regions().list()).filteredOn(r -> r.id().equals(regionId))
                .extracting(RegionSummary::precincts).containsExactly(320);
    }

    @Test
    void volunteersFromASheetAreAddedWithEveryColumn() throws IOException {
        new SampleRegions(stores.regions()).generated(regionId, RegionSize.S, 3);
        Path sheet = write("""
                id,name,phone,lat,lon,skills,languages,travel_mode,max_travel_minutes,availability,max_shifts,\
                max_shifts_per_day,organizer_id,attendance_probability,preferred_precincts
                S1,"Doe, Jane",+1 401 555 0101,41.82,-71.41,CANVASS;driver,en;es,car,30,\
                2026-10-31T09:00/2026-10-31T16:00;2026-11-01T09:00/2026-11-01T12:00,3,2,ORG-1,0.8,P0001;P0002
                S2,,,41.5,-71.3,,,walk,15,,1,1,,1,
                """);

        int added = new VolunteerCsvImporter(stores.regions()).importCsv(regionId, sheet);

        assertThat(added).isEqualTo(2);
        List<Volunteer> volunteers = loadAll(regionId).volunteers();
        assertThat(volunteers).hasSize(RegionSize.S.volunteerCount() + 2);
        Volunteer jane = volunteers.get(volunteers.size() - 2);
        assertThat(jane.getId()).isEqualTo("S1");
        assertThat(jane.getName()).isEqualTo("Doe, Jane");
        assertThat(jane.getHome().getY()).isEqualTo(41.82);
        assertThat(jane.getHome().getX()).isEqualTo(-71.41);
        assertThat(jane.getSkills()).containsExactlyInAnyOrder(Skill.CANVASS, Skill.DRIVER);
        assertThat(jane.getLanguages()).containsExactlyInAnyOrder("en", "es");
        assertThat(jane.getTravelMode()).isEqualTo(TravelMode.CAR);
        assertThat(jane.getMaxTravelMinutes()).isEqualTo(30);
        assertThat(jane.getAvailability()).containsExactly(
                new AvailabilityWindow(LocalDateTime.parse("2026-10-31T09:00"), LocalDateTime.parse("2026-10-31T16:00")),
                new AvailabilityWindow(LocalDateTime.parse("2026-11-01T09:00"), LocalDateTime.parse("2026-11-01T12:00")));
        assertThat(jane.getMaxShifts()).isEqualTo(3);
        assertThat(jane.getMaxShiftsPerDay()).isEqualTo(2);
        assertThat(jane.getOrganizerId()).isEqualTo("ORG-1");
        assertThat(jane.getAttendanceProbability()).isEqualTo(0.8);
        assertThat(jane.getPreferredPrecinctIds()).isEqualTo(Set.of("P0001", "P0002"));
        assertThat(stores.regions().phone(regionId, "S1")).contains("+1 401 555 0101");
        Volunteer s2 = volunteers.get(volunteers.size() - 1);
        assertThat(s2.getName()).isEqualTo("S2");
        assertThat(s2.getAvailability()).isEmpty();
        assertThat(stores.regions().phone(regionId, "S2")).isEmpty();
    }

    @Test
    void carpoolColumnsAreOptionalAndStored() throws IOException {
        new SampleRegions(stores.regions()).generated(regionId, RegionSize.S, 3);
        Path sheet = write(HEADER.strip() + ",seats,detour_minutes,can_ride\n"
                + "C1,Dee,,41.82,-71.41,,,CAR,60,,3,2,,0.8,,3,15,false\n"
                + "C2,Eli,,41.83,-71.42,,,WALK,20,,3,2,,0.8,,,,true\n");

        new VolunteerCsvImporter(stores.regions()).importCsv(regionId, sheet);

        List<Volunteer> volunteers = loadAll(regionId).volunteers();
        assertThat(volunteers.get(volunteers.size() - 2).getCarpool()).isEqualTo(new Carpool(3, 15, false));
        assertThat(volunteers.get(volunteers.size() - 1).getCarpool()).isEqualTo(new Carpool(0, 0, true));
        assertThat(volunteers.get(0).getCarpool()).isEqualTo(Carpool.NONE);
    }

    @Test
    void seatsWithoutACarAreARowError() throws IOException {
        new SampleRegions(stores.regions()).generated(regionId, RegionSize.S, 3);
        Path sheet = write(HEADER.strip() + ",seats,detour_minutes,can_ride\n"
                + "C1,Dee,,41.82,-71.41,,,WALK,20,,3,2,,0.8,,2,10,maybe\n");

        assertThatThrownBy(() -> new VolunteerCsvImporter(stores.regions()).importCsv(regionId, sheet))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.errors())
                        .extracting(RowError::reason)
                        .containsExactly("can_ride: must be true or false, was \"maybe\"",
                                "seats: only a volunteer who travels by car can offer seats, travel_mode is WALK"));
    }

    @Test
    void aSheetWithBadRowsIsRejectedWholeListingEveryBadRow() throws IOException {
        new SampleRegions(stores.regions()).generated(regionId, RegionSize.S, 3);
        Path sheet = write(HEADER
                + "S1,Ann,,41.82,-71.41,,,CAR,30,2026-10-31T09:00/2026-10-31T16:00,3,2,,0.8,\n"
                + "S2,Bob,,north,-71.41,,,CAR,30,,3,2,,0.8,\n"
                + "S3,Cy,,41.82,-71.41,JUGGLING,,CAR,30,2026-10-31T16:00/2026-10-31T09:00,3,2,,1.5,\n"
                + "S1,Ann again,,41.82,-71.41,,,CAR,30,,3,2,,0.8,\n");

        assertThatThrownBy(() -> new VolunteerCsvImporter(stores.regions()).importCsv(regionId, sheet))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.errors())
                        .extracting(RowError::row, RowError::reason)
                        .containsExactly(
                                tuple(3, "lat: not a number: \"north\""),
                                tuple(4, "skills: unknown value \"JUGGLING\"; allowed: "
                                        + "[CANVASS, PHONE, DRIVER, TEAM_LEAD, DATA_ENTRY]"),
                                tuple(4, "availability: window "
                                        + "\"2026-10-31T16:00/2026-10-31T09:00\" ends before it starts"),
                                tuple(4,
                                        "attendance_probability: must be between 0 and 1, was 1.5"),
                                tuple(5, "id: \"S1\" appears twice in the file")));
        assertThat(loadAll(regionId).volunteers()).hasSize(RegionSize.S.volunteerCount());
    }

    @Test
    void idsOutsideTheIdAlphabetAreRowErrorsNamingTheColumn() throws IOException {
        new SampleRegions(stores.regions()).generated(regionId, RegionSize.S, 3);
        Path sheet = write(HEADER
                + "S/1,Ann,,41.82,-71.41,,,CAR,30,,3,2,,0.8,\n"
                + "<img src=x onerror=alert(1)>,Bob,,41.82,-71.41,,,CAR,30,,3,2,,0.8,\n"
                + "S3,Cy,,41.82,-71.41,,,CAR,30,,3,2,org;3,0.8,\n");

        assertThatThrownBy(() -> new VolunteerCsvImporter(stores.regions()).importCsv(regionId, sheet))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.errors())
                        .extracting(RowError::row, RowError::reason)
                        .containsExactly(
                                tuple(2, "id: contains '/' (" + IdAlphabet.RULE + ")"),
                                tuple(3, "id: contains '<' at its start (" + IdAlphabet.RULE + ")"),
                                tuple(4, "organizer_id: contains ';' (" + IdAlphabet.RULE + ")")));
        assertThat(loadAll(regionId).volunteers()).hasSize(RegionSize.S.volunteerCount());
    }

    @Test
    void aSheetRowOverTheProblemFormatsLimitsIsRejectedNamingTheColumn() throws IOException {
        new SampleRegions(stores.regions()).generated(regionId, RegionSize.S, 3);
        Path sheet = write(HEADER
                + "S1," + "n".repeat(300) + ",,41.82,-71.41," + "CANVASS;".repeat(100_000) + ",,CAR,30,,3,2,,0.8,\n");

        assertThatThrownBy(() -> new VolunteerCsvImporter(stores.regions()).importCsv(regionId, sheet))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.errors())
                        .extracting(RowError::row, RowError::reason)
                        .containsExactly(
                                tuple(2, "name: is 300 characters long, at most 200 are allowed"),
                                tuple(2, "skills: lists 100,000 entries, at most 20 are allowed")));
        assertThat(loadAll(regionId).volunteers()).hasSize(RegionSize.S.volunteerCount());
    }

    @Test
    void aSheetReusingAStoredIdOrNamingNoRegionAddsNothing() throws IOException {
        FieldPlanProblem region = new SampleRegions(stores.regions()).generated(regionId, RegionSize.S, 3);
        String takenId = region.volunteers().get(0).getId();
        Path sheet = write(HEADER + "S1,Ann,,41.82,-71.41,,,CAR,30,,3,2,,0.8,\n"
                + takenId + ",Bob,,41.82,-71.41,,,CAR,30,,3,2,,0.8,\n");

        VolunteerCsvImporter importer = new VolunteerCsvImporter(stores.regions());
        assertThatThrownBy(() -> importer.importCsv(regionId, sheet)).isInstanceOf(StoreException.class);
        assertThat(loadAll(regionId).volunteers()).hasSize(RegionSize.S.volunteerCount());
        assertThatThrownBy(() -> importer.importCsv("no-such-region-" + regionId, sheet))
                .isInstanceOf(StoreException.class).hasMessageContaining("unknown region");
    }

    @Test
    void aSheetWithoutTheDocumentedHeaderIsRejected() throws IOException {
        new SampleRegions(stores.regions()).generated(regionId, RegionSize.S, 3);
        Path sheet = write("id,name,lat,lon\nS1,Ann,41.8,-71.4\n");

        assertThatThrownBy(() -> new VolunteerCsvImporter(stores.regions()).importCsv(regionId, sheet))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessageContaining("row 1: the header lacks the columns phone, skills");
    }

    @Test
    void aGeneratedRegionIsStoredWhole() {
        FieldPlanProblem generated = new SampleRegions(stores.regions()).generated(regionId, RegionSize.M, 7);

        assertThat(stores.regions().list()).contains(new RegionSummary(regionId, generated.name(),
                generated.precincts().size(), generated.volunteers().size(), generated.timeSlots().size()));
        FieldPlanProblem stored = loadAll(regionId);
        assertThat(stored.precincts()).extracting(p -> p.getId())
                .isEqualTo(generated.precincts().stream().map(p -> p.getId()).toList());
        assertThat(stored.volunteers()).hasSize(RegionSize.M.volunteerCount());
        assertThat(stored.districts()).isEqualTo(generated.districts());
    }

    private Path write(String csv) throws IOException {
        Path file = temp.resolve("volunteers.csv");
        Files.writeString(file, csv);
        return file;
    }
}
