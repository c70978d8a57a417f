package org.fieldplan.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.fieldplan.data.io.ProblemJson;
import org.fieldplan.data.io.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Each bad input, made by editing the valid small example, must be rejected with an error that names the item
 * and field and says what is wrong. The cases go through {@link ProblemJson} so that JSON-level and semantic
 * errors are checked the same way.
 */
class ProblemValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String P1 = "precincts[0] (id \"P0001\")";
    private static final String P3 = "precincts[2] (id \"P0003\")";
    private static final String V1 = "volunteers[0] (id \"V01\")";
    private static final String V2 = "volunteers[1] (id \"V02\")";

    record Case(String name, Consumer<ObjectNode> edit, String path, String problem) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> badInputs() {
        return Stream.of(
                // missing required fields
                new Case("missing name", p -> p.remove("name"), "name", "is missing"),
                new Case("missing precinct field", p -> precinct(p, 0).remove("registeredVoters"),
                        P1 + ".registeredVoters", "missing required field"),
                new Case("missing volunteer home", p -> volunteer(p, 0).remove("home"), V1 + ".home",
                        "missing required field"),
                new Case("missing slot id", p -> slot(p, 1).remove("id"), "timeSlots[1].id", "missing required field"),
                new Case("missing precincts", p -> p.remove("precincts"), "precincts", "missing required field"),
                // duplicate ids
                new Case("duplicate precinct", p -> precinct(p, 1).put("id", "P0001"),
                        "precincts[1] (id \"P0001\")", "duplicate id"),
                new Case("duplicate volunteer", p -> volunteer(p, 2).put("id", "V01"),
                        "volunteers[2] (id \"V01\")", "duplicate id"),
                new Case("duplicate slot", p -> slot(p, 2).put("id", "2026-10-31-am"),
                        "timeSlots[2] (id \"2026-10-31-am\")", "duplicate id"),
                // ids outside the id alphabet (they travel in URLs, CSV cells and the page's markup)
                new Case("precinct id with markup", p -> precinct(p, 0).put("id", "<img src=x onerror=alert(1)>"),
                        "precincts[0] (id \"<img src=x onerror=alert(1)>\").id", "contains '<' at its start"),
                new Case("volunteer id with a slash", p -> volunteer(p, 0).put("id", "V/01"),
                        "volunteers[0] (id \"V/01\").id", "contains '/'"),
                new Case("volunteer id with dots", p -> volunteer(p, 0).put("id", ".."),
                        "volunteers[0] (id \"..\").id", "contains '.' at its start"),
                new Case("slot id with a semicolon", p -> slot(p, 0).put("id", "am;pm"),
                        "timeSlots[0] (id \"am;pm\").id", "contains ';'"),
                new Case("organizer id with a line break", p -> volunteer(p, 1).put("organizerId", "org\n1"),
                        V2 + ".organizerId", "contains the character U+000A"),
                new Case("district id with a space", p -> ((ArrayNode) precinct(p, 0).get("districtIds")).add("HD 1"),
                        P1 + ".districtIds", "contains the character U+0020"),
                // unknown references
                new Case("assignment to unknown precinct", p -> assignment(p, 0).put("precinctId", "P9999"),
                        "assignments[0].precinctId", "unknown precinct \"P9999\""),
                new Case("assignment of unknown volunteer", p -> assignment(p, 1).put("volunteerId", "V99"),
                        "assignments[1].volunteerId", "unknown volunteer \"V99\""),
                new Case("assignment in unknown slot", p -> assignment(p, 1).put("slotId", "sunday"),
                        "assignments[1].slotId", "unknown time slot \"sunday\""),
                new Case("second assignment in a slot", p -> assignment(p, 1).put("volunteerId", "V01"),
                        "assignments[1]", "second assignment of volunteer \"V01\""),
                new Case("unknown preferred precinct", p -> ((ArrayNode) volunteer(p, 1).get("preferredPrecinctIds"))
                        .add("P0404"), V2 + ".preferredPrecinctIds", "unknown precinct \"P0404\""),
                // geometry
                new Case("self-intersecting precinct", p -> precinct(p, 0).set("geometry", geoJson(
                        "{\"type\":\"Polygon\",\"coordinates\":[[[-71.41,41.81],[-71.39,41.83],[-71.39,41.81],"
                                + "[-71.41,41.83],[-71.41,41.81]]]}")),
                        P1 + ".geometry", "self-intersection at (-71.4, 41.82)"),
                new Case("empty geometry", p -> precinct(p, 0).set("geometry",
                        geoJson("{\"type\":\"Polygon\",\"coordinates\":[]}")), P1 + ".geometry", "is empty"),
                new Case("point as precinct", p -> precinct(p, 0).set("geometry",
                        geoJson("{\"type\":\"Point\",\"coordinates\":[-71.4,41.8]}")),
                        P1 + ".geometry", "must be a Polygon or MultiPolygon, not a Point"),
                new Case("unknown geometry type", p -> precinct(p, 0).set("geometry",
                        geoJson("{\"type\":\"Blob\",\"coordinates\":[]}")),
                        P1 + ".geometry", "is not a GeoJSON Polygon or MultiPolygon geometry"),
                new Case("polygon home", p -> volunteer(p, 0).set("home", precinct(p, 0).get("geometry")),
                        V1 + ".home", "must be a GeoJSON Point, not a Polygon"),
                new Case("latitude out of range", p -> ring(p, 2).set(1, geoJson("[-71.395, 95]")),
                        P3 + ".geometry", "coordinate (-71.395, 95) is outside"),
                new Case("home longitude out of range", p -> ((ArrayNode) volunteer(p, 0).get("home")
                        .get("coordinates")).set(0, -200), V1 + ".home", "coordinate (-200, 41.82) is outside"),
                // periods
                new Case("slot ends before it starts", p -> slot(p, 0).put("end", "2026-10-31T08:00"),
                        "timeSlots[0] (id \"2026-10-31-am\").end", "must be after start"),
                new Case("slot ends when it starts", p -> slot(p, 0).put("end", "2026-10-31T09:00"),
                        "timeSlots[0] (id \"2026-10-31-am\").end", "must be after start"),
                new Case("slot 30 days long", p -> slot(p, 0).put("end", "2026-11-30T09:00"),
                        "timeSlots[0] (id \"2026-10-31-am\").end", "a slot may last at most 12 hours"),
                new Case("overlapping slots", p -> slot(p, 1).put("start", "2026-10-31T11:00"),
                        "timeSlots[1] (id \"2026-10-31-pm\").start", "overlaps slot \"2026-10-31-am\""),
                new Case("availability ends before it starts",
                        p -> ((ObjectNode) volunteer(p, 1).get("availability").get(1)).put("end", "2026-11-01T12:00"),
                        V2 + ".availability[1].end", "must be after start"),
                // negative counts
                new Case("negative voters", p -> precinct(p, 0).put("registeredVoters", -1),
                        P1 + ".registeredVoters", "must not be negative, was -1"),
                new Case("negative target doors", p -> precinct(p, 2).put("targetDoors", -5),
                        P3 + ".targetDoors", "must not be negative"),
                new Case("negative capacity", p -> precinct(p, 1).put("capacityPerSlot", -2),
                        "precincts[1] (id \"P0002\").capacityPerSlot", "must not be negative"),
                new Case("negative doors knocked", p -> precinct(p, 2).put("doorsAlreadyKnocked", -150),
                        P3 + ".doorsAlreadyKnocked", "must not be negative"),
                new Case("negative max shifts", p -> volunteer(p, 0).put("maxShifts", -1), V1 + ".maxShifts",
                        "must not be negative"),
                new Case("negative max shifts per day", p -> volunteer(p, 0).put("maxShiftsPerDay", -1),
                        V1 + ".maxShiftsPerDay", "must not be negative"),
                new Case("negative travel minutes", p -> volunteer(p, 0).put("maxTravelMinutes", -20),
                        V1 + ".maxTravelMinutes", "must not be negative"),
                // shares and probabilities
                new Case("support share above 1", p -> precinct(p, 0).put("supportShare", 1.2),
                        P1 + ".supportShare", "must be between 0 and 1, was 1.2"),
                new Case("negative turnout", p -> precinct(p, 0).put("expectedTurnout", -0.1),
                        P1 + ".expectedTurnout", "must be between 0 and 1"),
                new Case("pivotality above 1", p -> precinct(p, 0).put("pivotality", 1.1),
                        P1 + ".pivotality", "must be between 0 and 1"),
                new Case("attendance above 1", p -> volunteer(p, 0).put("attendanceProbability", 1.5),
                        V1 + ".attendanceProbability", "must be between 0 and 1"),
                new Case("district share above 1", p -> ((ObjectNode) p.get("districts").get(0))
                        .put("expectedSupportShare", 2), "districts[0] (id \"HD-12\").expectedSupportShare",
                        "must be between 0 and 1"),
                new Case("contact rate above 1", p -> ((ObjectNode) p.get("voteModel")).put("contactRate", 3),
                        "voteModel.contactRate", "must be between 0 and 1"),
                // empty collections
                new Case("no time slots", p -> {
                    p.putArray("timeSlots");
                    p.remove("assignments");
                }, "timeSlots", "must list at least one slot"),
                new Case("no precincts", p -> {
                    p.putArray("precincts");
                    p.remove("assignments");
                }, "precincts", "must list at least one precinct"),
                // JSON-level: wrong types, unknown enum values and fields, weights
                new Case("unknown travel mode", p -> volunteer(p, 0).put("travelMode", "JETPACK"),
                        V1 + ".travelMode", "cannot read \"JETPACK\" as one of WALK, BIKE, TRANSIT, CAR"),
                new Case("unknown skill", p -> ((ArrayNode) volunteer(p, 1).get("skills")).add("JUGGLING"),
                        V2 + ".skills[1]", "cannot read \"JUGGLING\" as one of CANVASS"),
                new Case("text for a count", p -> precinct(p, 0).put("registeredVoters", "many"),
                        P1 + ".registeredVoters", "expected a whole number"),
                new Case("fraction for a count", p -> volunteer(p, 0).put("maxShifts", 2.5),
                        V1 + ".maxShifts", "cannot read 2.5 as a whole number"),
                new Case("object for a list", p -> precinct(p, 0).putObject("districtIds"),
                        P1 + ".districtIds", "expected an array"),
                new Case("bad date", p -> slot(p, 0).put("start", "Saturday morning"),
                        "timeSlots[0] (id \"2026-10-31-am\").start",
                        "cannot read \"Saturday morning\" as a local date-time"),
                new Case("misspelt field", p -> precinct(p, 1).put("registeredVoter", 3),
                        "precincts[1] (id \"P0002\").registeredVoter", "unknown field \"registeredVoter\""),
                new Case("unknown vote model field", p -> ((ObjectNode) p.get("voteModel")).put("contactRatio", 0.3),
                        "voteModel.contactRatio", "unknown field"),
                new Case("unknown weight", p -> ((ObjectNode) p.get("weights")).put("travelTme", "1soft"),
                        "weights.travelTme", "unknown weight \"travelTme\"; known weights: availability"),
                new Case("unreadable weight", p -> ((ObjectNode) p.get("weights")).put("travelTime", "lots"),
                        "weights.travelTime", "\"lots\" is not a weight"),
                new Case("negative weight", p -> ((ObjectNode) p.get("weights")).put("travelTime", "-5soft"),
                        "weights.travelTime", "must not be negative"),
                new Case("number as a string", p -> precinct(p, 0).put("registeredVoters", "12"),
                        P1 + ".registeredVoters", "expected a whole number"),
                new Case("whole number too large", p -> volunteer(p, 0).put("maxShifts", 3_000_000_000L),
                        V1 + ".maxShifts", "whole number"),
                // found by ProblemInputProperties: a null list item crashed the reader
                new Case("null in a list", p -> ((ArrayNode) precinct(p, 0).get("districtIds")).insert(0,
                        (String) null), P1 + ".districtIds[0]", "must not be null"),
                new Case("bad time zone", p -> p.put("timeZone", "Eastern"), "timeZone", "not a time-zone id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void rejectsBadInputNamingPathAndProblem(Case bad) {
        ObjectNode problem = example();
        bad.edit().accept(problem);

        ProblemValidationException e = catchThrowableOfType(ProblemValidationException.class,
                () -> ProblemJson.read(new StringReader(problem.toString())));

        assertThat(e).as("no exception for " + bad.name()).isNotNull();
        assertThat(e.getErrors()).as(e.getMessage())
                .anySatisfy(error -> {
                    assertThat(error.path()).isEqualTo(bad.path());
                    assertThat(error.message()).contains(bad.problem());
                });
        assertThat(e.getMessage()).contains(bad.path() + ": ");
    }

    @Test
    void aDuplicateKeyIsRejectedNamingIt() {
        String duplicated = example().toString().replaceFirst("\"name\":", "\"name\":\"first\",\"name\":");

        assertThatThrownBy(() -> ProblemJson.read(new StringReader(duplicated)))
                .isInstanceOf(ProblemValidationException.class).hasMessageContaining("name: malformed JSON").hasMessageContaining("Duplicate field 'name'");
    }

    @Test
    void theUneditedExampleIsValid() {
        assertThat(ProblemValidator.validate(ProblemJson.read(TestFiles.example("problem-small.json")))).isEmpty();
    }

    @Test
    void reportsEveryErrorAtOnce() {
        ObjectNode problem = example();
        precinct(problem, 0).put("supportShare", 2);
        volunteer(problem, 3).put("maxShifts", -1);

        assertThatThrownBy(() -> ProblemJson.read(new StringReader(problem.toString())))
                .isInstanceOf(ProblemValidationException.class)
                .hasMessageContaining("2 errors")
                .hasMessageContaining(P1 + ".supportShare")
                .hasMessageContaining("volunteers[3] (id \"V04\").maxShifts");
    }

    @Test
    void malformedJsonNamesWhereTheParserStopped() {
        String broken = example().toString().replace("\"registeredVoters\":2400,", "\"registeredVoters\":2400,,");

        ProblemValidationException e = catchThrowableOfType(ProblemValidationException.class,
                () -> ProblemJson.read(new StringReader(broken)));

        assertThat(e.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.path()).startsWith("precincts[0]");
            assertThat(error.message()).startsWith("malformed JSON at line 1, column");
        });
    }

    @Test
    void aDocumentThatIsNotAnObjectIsRejected() {
        assertThatThrownBy(() -> ProblemJson.fromJson("[1, 2]"))
                .isInstanceOf(ProblemValidationException.class)
                .hasMessageContaining("(document): must be a JSON object");
    }

    private static ObjectNode example() {
        try {
            return (ObjectNode) JSON.readTree(Files.readString(TestFiles.example("problem-small.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode geoJson(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode precinct(ObjectNode problem, int index) {
        return (ObjectNode) problem.get("precincts").get(index);
    }

    /** The outer ring of the first polygon of a MultiPolygon precinct. */
    private static ArrayNode ring(ObjectNode problem, int index) {
        return (ArrayNode) precinct(problem, index).get("geometry").get("coordinates").get(0).get(0);
    }

    private static ObjectNode volunteer(ObjectNode problem, int index) {
        return (ObjectNode) problem.get("volunteers").get(index);
    }

    private static ObjectNode slot(ObjectNode problem, int index) {
        return (ObjectNode) problem.get("timeSlots").get(index);
    }

    private static ObjectNode assignment(ObjectNode problem, int index) {
        return (ObjectNode) problem.get("assignments").get(index);
    }
}
