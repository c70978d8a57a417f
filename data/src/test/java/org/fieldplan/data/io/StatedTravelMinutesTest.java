package org.fieldplan.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.solver.ProblemPreparer;
import org.fieldplan.validation.ProblemValidationException;
import org.fieldplan.validation.ValidationError;
import org.junit.jupiter.api.Test;

/** The problem document's optional {@code travelMinutes}: what an outside tool reads is what the solver uses. */
class StatedTravelMinutesTest {

    private static final Map<String, Map<String, Double>> BY_ROAD = Map.of("V02", Map.of("P0001", 12.5, "P0002", 31.0));

    @Test
    void statedMinutesRoundTripAndDecideTheVolunteersCandidates() {
        FieldPlanProblem stated = ProblemJson.read(TestFiles.example("problem-small.json")).withTravelMinutes(BY_ROAD);
        FieldPlanProblem reread = ProblemJson.fromJson(ProblemJson.toJson(stated));
        assertThat(reread.travelMinutes()).isEqualTo(BY_ROAD);

        FieldPlan withRoads = ProblemPreparer.prepare(reread);
        FieldPlan estimated = ProblemPreparer.prepare(ProblemJson.read(TestFiles.example("problem-small.json")));
        // V02 drives at most 30 minutes: P0002 at 31 is out of reach, P0001 at 12.5 the one candidate.
        Volunteer v02 = volunteer(withRoads, "V02");
        assertThat(v02.getCandidatePrecincts()).extracting(Precinct::getId).containsExactly("P0001");
        assertThat(v02.travelMinutesTo(v02.getCandidatePrecincts().get(0))).isEqualTo(13);
        // Everyone else keeps the estimate.
        assertThat(volunteer(withRoads, "V01").getCandidatePrecincts()).extracting(Precinct::getId)
                .isEqualTo(volunteer(estimated, "V01").getCandidatePrecincts().stream().map(Precinct::getId).toList());
    }

    @Test
    void minutesForUnknownVolunteersOrPrecinctsOrOutOfRangeAreRefusedByPath() {
        String json = ProblemJson.toJson(ProblemJson.read(TestFiles.example("problem-small.json"))
                .withTravelMinutes(Map.of("V99", Map.of("P0001", 3.0), "V01", Map.of("P0404", 3.0, "P0002", -1.0))));
        assertThatThrownBy(() -> ProblemJson.fromJson(json)).isInstanceOfSatisfying(ProblemValidationException.class,
                e -> assertThat(e.getErrors()).extracting(ValidationError::path).containsExactlyInAnyOrder(
                        "travelMinutes.V99", "travelMinutes.V01.P0404", "travelMinutes.V01.P0002"));
    }

    private static Volunteer volunteer(FieldPlan plan, String id) {
        return plan.getVolunteers().stream().filter(v -> v.getId().equals(id)).findFirst().orElseThrow();
    }
}
