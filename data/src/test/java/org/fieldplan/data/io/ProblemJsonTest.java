package org.fieldplan.data.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.fieldplan.domain.Assignment;
import org.fieldplan.domain.AvailabilityWindow;
import org.fieldplan.domain.District;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.FieldPlanWeights;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Skill;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.TravelMode;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.domain.TravelParameters;
import org.fieldplan.domain.VoteModelParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

class ProblemJsonTest {

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    @Test
    void readsTheSmallExample() {
        FieldPlanProblem problem = ProblemJson.read(TestFiles.example("problem-small.json"));

        assertThat(problem.precincts()).hasSize(3);
        assertThat(problem.volunteers()).hasSize(6);
        assertThat(problem.timeSlots()).hasSize(3);
        assertThat(problem.voteModel()).isEqualTo(VoteModelParameters.DEFAULTS);
        assertThat(problem.travel()).isEqualTo(TravelParameters.DEFAULTS);
        assertThat(problem.weights().getTravelTime()).isEqualTo(HardMediumSoftLongScore.ofSoft(200));
        assertThat(problem.weights().getFairLoad()).isEqualTo(new FieldPlanWeights().getFairLoad());
        Precinct mountHope = problem.precincts().get(2);
        assertThat(mountHope.getGeometry().getGeometryType()).isEqualTo("MultiPolygon");
        assertThat(mountHope.getDistrictIds()).containsExactly("HD-12", "HD-13");
        assertThat(mountHope.getStatedTargetDoors()).isEqualTo(1200);
        assertThat(mountHope.getDoorsAlreadyKnocked()).isEqualTo(150);
        assertThat(problem.precincts().get(0).getStatedCapacityPerSlot()).isNull();
        Volunteer ben = problem.volunteers().get(1);
        assertThat(ben.getAvailability()).hasSize(2);
        assertThat(ben.getPreferredPrecinctIds()).containsExactly("P0003");
        assertThat(ben.getHome().getX()).isEqualTo(-71.40);
        assertThat(problem.assignments()).containsExactly(
                new Assignment("V01", "2026-10-31-am", "P0002", true),
                new Assignment("V05", "2026-10-31-am", "P0002", false));
    }

    @Test
    void writingWhatWasReadGivesTheSameTextAgain() {
        String once = ProblemJson.toJson(ProblemJson.read(TestFiles.example("problem-small.json")));
        String twice = ProblemJson.toJson(ProblemJson.fromJson(once));

        assertThat(twice).isEqualTo(once);
    }

    @Test
    void writingIntoAFolderThatDoesNotExistYetCreatesIt(@TempDir Path dir) {
        Path file = dir.resolve("out").resolve("s.json");

        ProblemJson.write(awkwardProblem(), file);

        assertThat(ProblemJson.read(file).name()).isEqualTo(awkwardProblem().name());
    }

    @Test
    void roundTripKeepsEveryFieldExactly(@TempDir Path dir) {
        FieldPlanProblem original = awkwardProblem();
        Path file = dir.resolve("problem.json");

        ProblemJson.write(original, file);
        FieldPlanProblem read = ProblemJson.read(file);

        assertThat(read.name()).isEqualTo(original.name());
        assertThat(read.timeZone()).isEqualTo(original.timeZone());
        assertThat(read.voteModel()).isEqualTo(original.voteModel());
        assertThat(read.travel()).isEqualTo(original.travel());
        assertThat(read.districts()).isEqualTo(original.districts());
        assertThat(read.assignments()).isEqualTo(original.assignments());
        assertThat(WeightsFormat.format(read.weights())).isEqualTo(WeightsFormat.format(original.weights()));
        assertThat(read.weights().getIdleVolunteer()).isEqualTo(HardMediumSoftLongScore.of(0, 1, 5));
        TimeSlot slot = read.timeSlots().get(0);
        assertThat(slot.getId()).isEqualTo("s1");
        assertThat(slot.getStart()).isEqualTo(LocalDateTime.of(2026, 10, 31, 9, 0, 30));
        Precinct precinct = read.precincts().get(0);
        Precinct stated = original.precincts().get(0);
        assertThat(precinct.getGeometry().equalsExact(stated.getGeometry())).isTrue();
        assertThat(precinct.getExpectedTurnout()).isEqualTo(stated.getExpectedTurnout());
        assertThat(precinct.getSupportShare()).isEqualTo(stated.getSupportShare());
        assertThat(precinct.getStatedPivotality()).isEqualTo(stated.getStatedPivotality());
        assertThat(precinct.getStatedDoorsPerHour()).isEqualTo(stated.getStatedDoorsPerHour());
        assertThat(precinct.getRequiredSkills()).isEqualTo(stated.getRequiredSkills());
        assertThat(precinct.getRequiredLanguages()).isEqualTo(stated.getRequiredLanguages());
        Volunteer volunteer = read.volunteers().get(0);
        Volunteer statedVolunteer = original.volunteers().get(0);
        assertThat(volunteer.getHome().equalsExact(statedVolunteer.getHome())).isTrue();
        assertThat(volunteer.getSkills()).isEqualTo(statedVolunteer.getSkills());
        assertThat(volunteer.getLanguages()).isEqualTo(statedVolunteer.getLanguages());
        assertThat(volunteer.getTravelMode()).isEqualTo(TravelMode.BIKE);
        assertThat(volunteer.getAvailability()).isEqualTo(statedVolunteer.getAvailability());
        assertThat(volunteer.getAttendanceProbability()).isEqualTo(statedVolunteer.getAttendanceProbability());
        assertThat(volunteer.getPreferredPrecinctIds()).isEqualTo(statedVolunteer.getPreferredPrecinctIds());
        assertThat(ProblemJson.toJson(read)).isEqualTo(ProblemJson.toJson(original));
    }

    @Test
    void parameterObjectsOverrideOnlyTheFieldsGiven() {
        String json = minimalJson("\"voteModel\": {\"contactRate\": 0.3}, \"travel\": {\"carKmh\": 35},"
                + " \"weights\": {\"buddyRule\": \"0\", \"preference\": \"0hard/0medium/10soft\"},");

        FieldPlanProblem problem = ProblemJson.fromJson(json);

        assertThat(problem.voteModel().contactRate()).isEqualTo(0.3);
        assertThat(problem.voteModel().votesPerContact()).isEqualTo(VoteModelParameters.DEFAULTS.votesPerContact());
        assertThat(problem.travel().carKmh()).isEqualTo(35);
        assertThat(problem.travel().walkKmh()).isEqualTo(TravelParameters.DEFAULTS.walkKmh());
        assertThat(problem.weights().isBuddyRuleEnabled()).isFalse();
        assertThat(problem.weights().getPreference()).isEqualTo(HardMediumSoftLongScore.ofSoft(10));
    }

    @Test
    void readUnvalidatedAcceptsWhatOnlyTheValidatorRejects() {
        String json = minimalJson("").replace("\"supportShare\": 0.5", "\"supportShare\": 1.5");

        assertThat(ProblemJson.readUnvalidated(new java.io.StringReader(json)).precincts().get(0).getSupportShare())
                .isEqualTo(1.5);
    }

    /** One slot, one precinct, no volunteers; {@code extra} is inserted after the time zone. */
    static String minimalJson(String extra) {
        return """
                {"name": "minimal", "timeZone": "America/New_York", %s
                 "timeSlots": [{"id": "s1", "start": "2026-10-31T09:00", "end": "2026-10-31T12:00"}],
                 "precincts": [{"id": "P1", "geometry": {"type": "Polygon", "coordinates":
                     [[[-71.41, 41.81], [-71.39, 41.81], [-71.39, 41.83], [-71.41, 41.81]]]},
                   "registeredVoters": 100, "expectedTurnout": 0.5, "supportShare": 0.5}]}
                """.formatted(extra);
    }

    /** Values that a lossy writer would change: long decimals, seconds, full-form weights, every optional field. */
    private static FieldPlanProblem awkwardProblem() {
        Polygon square = WGS84.createPolygon(new Coordinate[] {new Coordinate(-71.41234567890123, 41.8),
                new Coordinate(-71.3, 41.80000000000001), new Coordinate(-71.3, 41.9),
                new Coordinate(-71.41234567890123, 41.8)});
        Precinct precinct = new Precinct("P1", "Östliche Vorstadt", square, 1234, 0.1 + 0.2, 1.0 / 3,
                List.of("D2", "D1"), 0.75, 900, Set.of("pt", "es"), Set.of(Skill.DRIVER, Skill.CANVASS), 4, 17.5, 12);
        Volunteer volunteer = new Volunteer("V1", "Zoë",
                WGS84.createPoint(new Coordinate(-71.400000001, 41.8123456789)),
                Set.of(Skill.TEAM_LEAD, Skill.CANVASS), Set.of("es", "en"), TravelMode.BIKE, 25,
                List.of(new AvailabilityWindow(LocalDateTime.of(2026, 10, 31, 9, 0, 30),
                        LocalDateTime.of(2026, 10, 31, 12, 0))),
                3, 2, "org-7", 0.6000000000000001, Set.of("P1"));
        FieldPlanWeights weights = new FieldPlanWeights();
        weights.setIdleVolunteer(HardMediumSoftLongScore.of(0, 1, 5));
        weights.setTravelTime(HardMediumSoftLongScore.ZERO);
        return new FieldPlanProblem("awkward \"quoted\" name", "Europe/Lisbon",
                new VoteModelParameters(0.3, 1.0 / 14, 25, 15, 4000, 1000, 1.7, 0.12, 10, 3.5),
                new TravelParameters(1.25, 5, 16, 20, 42, 30),
                List.of(new District("D1", 0.5), new District("D2", 0.123456789)),
                List.of(new TimeSlot("s1", LocalDateTime.of(2026, 10, 31, 9, 0, 30),
                        LocalDateTime.of(2026, 10, 31, 12, 0))),
                List.of(precinct), List.of(volunteer), weights, List.of(new Assignment("V1", "s1", "P1", true)));
    }

    @Test
    void weightsRoundTripOnTheirOwn() {
        FieldPlanWeights weights = new FieldPlanWeights();
        weights.setIdleVolunteer(HardMediumSoftLongScore.of(0, 1, 5));
        weights.setTravelTime(HardMediumSoftLongScore.ofSoft(7));

        FieldPlanWeights read = ProblemJson.weightsFromJson(ProblemJson.weightsToJson(weights));

        assertThat(WeightsFormat.format(read)).isEqualTo(WeightsFormat.format(weights));
        assertThat(ProblemJson.weightsFromJson("{\"travelTime\":\"3soft\"}").getFairLoad())
                .isEqualTo(new FieldPlanWeights().getFairLoad());
    }
}
