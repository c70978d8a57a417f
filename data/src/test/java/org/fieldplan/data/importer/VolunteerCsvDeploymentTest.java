package org.fieldplan.data.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.fieldplan.domain.DeploymentOffer;
import org.junit.jupiter.api.Test;

/** The volunteer sheet's optional deployment columns: an offer per row, none for empty cells, bad cells named. */
class VolunteerCsvDeploymentTest {

    private static final String HEADER = "id,name,phone,lat,lon,skills,languages,travel_mode,max_travel_minutes,"
            + "availability,max_shifts,max_shifts_per_day,organizer_id,attendance_probability,preferred_precincts,"
            + "deploy_date,deploy_max_travel_minutes,deploy_min_slots\n";
    private static final String PERSON = ",,,41.82,-71.41,,,car,30,2026-10-31T09:00/2026-10-31T18:00,3,3,,0.8,,";

    @Test
    void aRowOffersADeploymentDayAndARowWithEmptyCellsNone() {
        var sheet = VolunteerCsvImporter.read(HEADER + "D1" + PERSON + "2026-10-31,90,2\nD2" + PERSON + ",,\n",
                "sheet.csv");

        assertThat(sheet.volunteers().get(0).getDeploymentOffers())
                .containsExactly(new DeploymentOffer(LocalDate.of(2026, 10, 31), 90, 2));
        assertThat(sheet.volunteers().get(1).getDeploymentOffers()).isEmpty();
    }

    @Test
    void badCellsAreReportedByRowAndColumn() {
        assertThatThrownBy(() -> VolunteerCsvImporter.read(HEADER + "D1" + PERSON + "31/10/2026,90,2\n"
                + "D2" + PERSON + "2026-10-31,,0\n", "sheet.csv"))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.errors())
                        .extracting(RowError::toString).containsExactly(
                                "row 2: deploy_date: \"31/10/2026\" is not a date like 2026-10-31",
                                "row 3: deploy_max_travel_minutes: is empty",
                                "row 3: deploy_min_slots: must be a whole number from 1, was 0"));
    }

    @Test
    void aHeaderWithOnlySomeDeploymentColumnsIsRefused() {
        String partial = HEADER.replace(",deploy_min_slots", "");
        assertThatThrownBy(() -> VolunteerCsvImporter.read(partial + "D1" + PERSON + "2026-10-31,90\n", "sheet.csv"))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.errors().get(0).reason())
                        .contains("deploy_min_slots"));
    }
}
