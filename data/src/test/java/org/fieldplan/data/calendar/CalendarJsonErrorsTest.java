package org.fieldplan.data.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.fieldplan.validation.ProblemValidationException;
import org.fieldplan.validation.ValidationError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each bad calendar is refused with an error naming the field and the problem. */
class CalendarJsonErrorsTest {

    static Stream<Arguments> badCalendars() {
        String times = "\"times\": [{\"start\": \"09:00\", \"end\": \"12:00\"}]";
        return Stream.of(
                Arguments.of("not JSON", "{", "calendar", "not valid JSON"),
                Arguments.of("not an object", "[]", "calendar", "must be a JSON object"),
                Arguments.of("no time zone", "{\"electionDay\": \"2026-11-03\"}", "timeZone", "is required"),
                Arguments.of("unknown zone", "{\"timeZone\": \"America/Chicgo\", \"electionDay\": \"2026-11-03\"}",
                        "timeZone", "not an IANA time zone"),
                Arguments.of("offset instead of zone", "{\"timeZone\": \"-06:00\", \"electionDay\": \"2026-11-03\"}",
                        "timeZone", "not an IANA time zone"),
                Arguments.of("no dates", "{\"timeZone\": \"America/Chicago\"}", "from", "required unless"),
                Arguments.of("bad date", "{\"timeZone\": \"America/Chicago\", \"electionDay\": \"2026-13-03\"}",
                        "electionDay", "a date like"),
                Arguments.of("ends before start", "{\"timeZone\": \"America/Chicago\", \"from\": \"2026-11-03\", "
                        + "\"to\": \"2026-11-01\"}", "to", "is before from"),
                Arguments.of("too long", "{\"timeZone\": \"America/Chicago\", \"from\": \"2026-01-01\", "
                        + "\"to\": \"2027-11-01\"}", "to", "at most 366 days"),
                Arguments.of("typo'd field", "{\"timeZone\": \"America/Chicago\", \"electionDay\": \"2026-11-03\", "
                        + "\"timezone\": \"x\"}", "timezone", "not a calendar field"),
                Arguments.of("unknown weekday", "{\"timeZone\": \"America/Chicago\", \"electionDay\": \"2026-11-03\", "
                        + "\"slots\": [{\"days\": [\"Sonday\"], " + times + "}]}", "slots[0].days[0]",
                        "a day of the week"),
                Arguments.of("slot ends before it starts", "{\"timeZone\": \"America/Chicago\", \"electionDay\": "
                        + "\"2026-11-03\", \"slots\": [{\"times\": [{\"start\": \"20:00\", \"end\": \"17:00\"}]}]}",
                        "slots[0].times[0].end", "must be after start"),
                Arguments.of("missing start", "{\"timeZone\": \"America/Chicago\", \"electionDay\": \"2026-11-03\", "
                        + "\"slots\": [{\"times\": [{\"end\": \"17:00\"}]}]}", "slots[0].times[0].start",
                        "is required"),
                Arguments.of("no times", "{\"timeZone\": \"America/Chicago\", \"electionDay\": \"2026-11-03\", "
                        + "\"slots\": [{\"days\": [\"SAT\"]}]}", "slots[0].times", "non-empty list"),
                Arguments.of("no slot on any day", "{\"timeZone\": \"America/Chicago\", \"from\": \"2026-11-02\", "
                        + "\"to\": \"2026-11-03\", \"slots\": [{\"days\": [\"SAT\"], " + times + "}]}", "slots",
                        "no rule offers a slot"),
                Arguments.of("same id twice", "{\"timeZone\": \"America/Chicago\", \"electionDay\": \"2026-11-03\", "
                        + "\"slots\": [{\"times\": [{\"start\": \"09:00\", \"end\": \"12:00\", \"name\": \"a\"}, "
                        + "{\"start\": \"13:00\", \"end\": \"15:00\", \"name\": \"a\"}]}]}", "slots", "have the id"),
                Arguments.of("overlapping slots", "{\"timeZone\": \"America/Chicago\", \"electionDay\": "
                        + "\"2026-11-03\", \"slots\": [{\"times\": [{\"start\": \"15:00\", \"end\": \"18:00\"}, "
                        + "{\"start\": \"17:00\", \"end\": \"20:00\"}]}]}", "slots", "overlaps"),
                Arguments.of("slot longer than a shift may be", "{\"timeZone\": \"America/Chicago\", \"electionDay\": "
                        + "\"2026-11-03\", \"slots\": [{\"times\": [{\"start\": \"06:00\", \"end\": \"22:00\"}]}]}",
                        "slots", "at most 12"),
                Arguments.of("date rule outside the days", "{\"timeZone\": \"America/Chicago\", \"electionDay\": "
                        + "\"2026-11-03\", \"slots\": [{\"dates\": [\"2026-12-24\"], " + times + "}]}",
                        "slots[0].dates", "outside the calendar's days"),
                Arguments.of("slot in the spring-forward gap", "{\"timeZone\": \"America/Chicago\", \"from\": "
                        + "\"2026-03-08\", \"to\": \"2026-03-08\", \"slots\": [{\"times\": [{\"start\": \"02:30\", "
                        + "\"end\": \"04:00\"}]}]}", "slots", "does not exist in America/Chicago"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCalendars")
    void isRefusedNamingTheField(String what, String json, String path, String message) {
        ProblemValidationException e = catchThrowableOfType(
                () -> CalendarJson.read(json.getBytes(StandardCharsets.UTF_8)), ProblemValidationException.class);

        assertThat(e).as(what).isNotNull();
        assertThat(e.getErrors()).extracting(ValidationError::path).contains(path);
        assertThat(e.getErrors()).anySatisfy(error -> {
            assertThat(error.path()).isEqualTo(path);
            assertThat(error.message()).contains(message);
        });
    }
}
