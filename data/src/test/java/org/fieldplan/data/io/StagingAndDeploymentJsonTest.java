package org.fieldplan.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fieldplan.domain.DeploymentOffer;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.StagingLocation;
import org.fieldplan.domain.StagingLocation.OpeningHours;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.validation.ProblemValidationException;
import org.fieldplan.validation.ValidationError;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/** Staging locations and deployment offers in the problem JSON: written, read back the same, and checked. */
class StagingAndDeploymentJsonTest {

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
    private static final LocalDate SATURDAY = LocalDate.of(2026, 10, 31);

    private static FieldPlanProblem withStagingAndOffer(int minSlots, LocalTime close) {
        FieldPlanProblem example = ProblemJson.read(TestFiles.example("problem-small.json"));
        List<Volunteer> volunteers = new ArrayList<>(example.volunteers());
        Volunteer v = volunteers.get(0);
        volunteers.set(0, new Volunteer(v.getId(), v.getName(), v.getHome(), v.getSkills(), v.getLanguages(),
                v.getTravelMode(), v.getMaxTravelMinutes(), v.getAvailability(), v.getMaxShifts(),
                v.getMaxShiftsPerDay(), v.getOrganizerId(), v.getAttendanceProbability(),
                v.getPreferredPrecinctIds(), List.of(new DeploymentOffer(SATURDAY, 90, minSlots))));
        StagingLocation office = new StagingLocation("S1", "Fox Point office", "12 Wickenden St",
                WGS84.createPoint(new Coordinate(-71.40, 41.82)),
                List.of(new OpeningHours(SATURDAY, LocalTime.of(8, 0), close)), 6);
        return new FieldPlanProblem(example.name(), example.timeZone(), example.voteModel(), example.travel(),
                example.districts(), example.timeSlots(), example.precincts(), volunteers, example.weights(),
                example.assignments(), Map.of(), List.of(office));
    }

    @Test
    void stagingLocationsAndOffersSurviveARoundTrip() {
        String json = ProblemJson.toJson(withStagingAndOffer(3, LocalTime.of(18, 0)));
        FieldPlanProblem read = ProblemJson.fromJson(json);

        assertThat(ProblemJson.toJson(read)).isEqualTo(json);
        StagingLocation office = read.stagingLocations().get(0);
        assertThat(office.name()).isEqualTo("Fox Point office");
        assertThat(office.address()).isEqualTo("12 Wickenden St");
        assertThat(office.teamsPerSlot()).isEqualTo(6);
        assertThat(office.hours()).containsExactly(new OpeningHours(SATURDAY, LocalTime.of(8, 0), LocalTime.of(18, 0)));
        assertThat(read.volunteers().get(0).getDeploymentOffers())
                .containsExactly(new DeploymentOffer(SATURDAY, 90, 3));
        assertThat(read.volunteers().get(0).travelLimitOn(SATURDAY)).isEqualTo(90);
    }

    @Test
    void withoutThemTheJsonHasNeitherField() {
        String json = ProblemJson.toJson(ProblemJson.read(TestFiles.example("problem-small.json")));
        assertThat(json).doesNotContain("stagingLocations").doesNotContain("deploymentOffers");
    }

    @Test
    void badOffersAndHoursAreNamedByPath() {
        String json = ProblemJson.toJson(withStagingAndOffer(0, LocalTime.of(7, 0)));
        assertThatThrownBy(() -> ProblemJson.fromJson(json))
                .isInstanceOfSatisfying(ProblemValidationException.class, e -> assertThat(e.getErrors())
                        .extracting(ValidationError::path)
                        .contains("volunteers[0] (id \"V01\").deploymentOffers[0].minSlots",
                                "stagingLocations[0] (id \"S1\").hours[0].close"));
    }
}
