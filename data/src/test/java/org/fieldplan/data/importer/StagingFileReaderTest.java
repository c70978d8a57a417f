package org.fieldplan.data.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.fieldplan.data.io.TestFiles;
import org.fieldplan.data.mapping.MappingException;
import org.fieldplan.data.mapping.StagingMapping;
import org.fieldplan.domain.StagingLocation;
import org.fieldplan.domain.StagingLocation.OpeningHours;
import org.junit.jupiter.api.Test;

/** Staging locations from a CSV through the documented mapping: read as mapped, or rejected naming row and column. */
class StagingFileReaderTest {

    static final StagingMapping MAPPING = StagingMapping.load(
            TestFiles.repositoryRoot().resolve(Path.of("docs", "mappings", "staging-offices.json")));
    static final String HEADER = "SITE,SITE_NAME,STREET,TOWN,LAT,LON,ROOMS,HOURS\n";

    @Test
    void rowsBecomeStagingLocationsAsTheMappingSays() {
        List<StagingLocation> read = StagingFileReader.read(HEADER
                + "Fox Point 1,Fox Point office,12 Wickenden St,Providence,41.818,-71.402,3,"
                + "2026-10-31 08:00-18:00; 2026-11-01 09:00-17:00\n"
                + "garage,,,Cranston,41.77,-71.44,9,\n", "offices.csv", MAPPING);

        assertThat(read).extracting(StagingLocation::id).containsExactly("S-fox-point-1", "S-garage");
        StagingLocation office = read.get(0);
        assertThat(office.name()).isEqualTo("Fox Point office");
        assertThat(office.address()).isEqualTo("12 Wickenden St, Providence");
        assertThat(office.point().getX()).isEqualTo(-71.402);
        assertThat(office.teamsPerSlot()).isEqualTo(6);
        assertThat(office.hours()).containsExactly(
                new OpeningHours(LocalDate.of(2026, 10, 31), LocalTime.of(8, 0), LocalTime.of(18, 0)),
                new OpeningHours(LocalDate.of(2026, 11, 1), LocalTime.of(9, 0), LocalTime.of(17, 0)));
        assertThat(read.get(1).name()).as("no name: the id").isEqualTo("S-garage");
        assertThat(read.get(1).address()).isEqualTo("Cranston");
        assertThat(read.get(1).teamsPerSlot()).as("min(ROOMS * 2, 12)").isEqualTo(12);
        assertThat(read.get(1).hours()).as("always open").isEmpty();
    }

    @Test
    void everyBadRowIsNamedWithItsColumn() {
        assertThatThrownBy(() -> StagingFileReader.read(HEADER
                + "a,A,,,41.8,-271.4,3,\n"
                + "b,B,,,north,-71.4,3,\n"
                + "c,C,,,41.8,-71.4,0,\n"
                + "d,D,,,41.8,-71.4,2,2026-10-31 18:00-08:00\n"
                + "e,E,,,41.8,-71.4,2,Saturday all day\n"
                + "f,F,,,41.8,-71.4,3,\n"
                + "f,F again,,,41.8,-71.4,3,\n", "offices.csv", MAPPING))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.errors())
                        .extracting(RowError::toString).satisfiesExactly(
                                error -> assertThat(error).startsWith("row 2: lon/lat (LON, LAT): "),
                                error -> assertThat(error).isEqualTo(
                                        "row 3: lat (LAT): column LAT is not a number: \"north\""),
                                error -> assertThat(error).isEqualTo(
                                        "row 4: teamsPerSlot (min(ROOMS * 2, 12)): must be at least 1, was 0.0"),
                                error -> assertThat(error).startsWith("row 5: hours (column HOURS): ")
                                        .contains("after open"),
                                error -> assertThat(error).isEqualTo("row 6: hours (column HOURS): \"Saturday all "
                                        + "day\" is not like 2026-10-31 08:00-18:00"),
                                error -> assertThat(error).isEqualTo(
                                        "row 8: id: \"S-f\" appears twice in the file")));
    }

    @Test
    void aHeaderWithoutAMappedColumnAndABadMappingAreNamed() {
        assertThatThrownBy(() -> StagingFileReader.read("SITE,LAT,LON\na,41.8,-71.4\n", "offices.csv", MAPPING))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.errors().get(0).toString())
                        .isEqualTo("row 1: the header lacks the columns HOURS, ROOMS, SITE_NAME, STREET, TOWN that the "
                                + "mapping reads"));
        assertThatThrownBy(() -> StagingMapping.read(("{\"id\": \"SITE\", \"lon\": \"LON\", \"lat\": \"LAT *\", "
                + "\"teamsPerSlot\": \"2\"}").getBytes(StandardCharsets.UTF_8), "m.json"))
                .isInstanceOf(MappingException.class).hasMessageStartingWith("mapping m.json: lat: ");
        assertThatThrownBy(() -> StagingMapping.read(("{\"id\": \"SITE\", \"lon\": \"LON\", \"lat\": \"LAT\", "
                + "\"teams\": \"2\"}").getBytes(StandardCharsets.UTF_8), "m.json"))
                .isInstanceOf(MappingException.class).hasMessageContaining("teams: unknown field");
    }
}
