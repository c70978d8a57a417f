package org.fieldplan.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.fieldplan.domain.Assignment;
import org.fieldplan.domain.Carpool;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.validation.ProblemValidationException;
import org.fieldplan.validation.ValidationError;
import org.junit.jupiter.api.Test;

/** Carpool terms and rides in the problem JSON: written, read back the same, and checked by field path. */
class CarpoolJsonTest {

    /** The small example with V02 (CAR) offering seats and V06 (WALK) riding with V02 in the morning. */
    private static FieldPlanProblem withCarpool(int seats, String rideWith) {
        FieldPlanProblem example = ProblemJson.read(TestFiles.example("problem-small.json"));
        List<Volunteer> volunteers = new ArrayList<>(example.volunteers());
        volunteers.set(1, withCarpool(volunteers.get(1), new Carpool(seats, 10, false)));
        volunteers.set(5, withCarpool(volunteers.get(5), new Carpool(0, 0, true)));
        List<Assignment> assignments = new ArrayList<>(example.assignments());
        assignments.add(new Assignment("V02", "2026-10-31-am", "P0002", false));
        assignments.add(new Assignment("V06", "2026-10-31-am", "P0002", false, rideWith));
        return example.withVolunteer(volunteers.get(1)).withVolunteer(volunteers.get(5)).withAssignments(assignments);
    }

    private static Volunteer withCarpool(Volunteer v, Carpool carpool) {
        return new Volunteer(v.getId(), v.getName(), v.getHome(), v.getSkills(), v.getLanguages(), v.getTravelMode(),
                v.getMaxTravelMinutes(), v.getAvailability(), v.getMaxShifts(), v.getMaxShiftsPerDay(),
                v.getOrganizerId(), v.getAttendanceProbability(), v.getPreferredPrecinctIds(), v.getDeploymentOffers(),
                carpool);
    }

    @Test
    void seatsDetourRidersAndRidesSurviveARoundTrip() {
        String json = ProblemJson.toJson(withCarpool(3, "V02"));
        FieldPlanProblem read = ProblemJson.fromJson(json);

        assertThat(ProblemJson.toJson(read)).isEqualTo(json);
        assertThat(read.volunteers().get(1).getCarpool()).isEqualTo(new Carpool(3, 10, false));
        assertThat(read.volunteers().get(5).getCarpool().canRide()).isTrue();
        assertThat(read.assignments()).contains(new Assignment("V06", "2026-10-31-am", "P0002", false, "V02"));
        assertThat(json).contains("\"seats\" : 3", "\"detourMinutes\" : 10", "\"canRide\" : true",
                "\"rideWith\" : \"V02\"");
    }

    @Test
    void withoutCarpoolsTheJsonHasNoCarpoolField() {
        String json = ProblemJson.toJson(ProblemJson.read(TestFiles.example("problem-small.json")));
        assertThat(json).doesNotContain("detourMinutes").doesNotContain("canRide").doesNotContain("\"rideWith\"");
    }

    @Test
    void badSeatsAndUnknownDriversAreNamedByPath() {
        FieldPlanProblem bad = withCarpool(-1, "V99");
        String json = ProblemJson.toJson(bad);
        assertThatThrownBy(() -> ProblemJson.fromJson(json))
                .isInstanceOfSatisfying(ProblemValidationException.class, e -> assertThat(e.getErrors())
                        .extracting(ValidationError::path)
                        .contains("volunteers[1] (id \"V02\").seats", "assignments[3].rideWith"));
    }

    @Test
    void onlyACarDriverOffersSeats() {
        FieldPlanProblem example = ProblemJson.read(TestFiles.example("problem-small.json"));
        Volunteer walker = withCarpool(example.volunteers().get(5), new Carpool(2, 5, false));
        String json = ProblemJson.toJson(example.withVolunteer(walker));
        assertThatThrownBy(() -> ProblemJson.fromJson(json))
                .isInstanceOfSatisfying(ProblemValidationException.class, e -> assertThat(e.getErrors())
                        .extracting(ValidationError::path).contains("volunteers[5] (id \"V06\").seats"));
    }
}
