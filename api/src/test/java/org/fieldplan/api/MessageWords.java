package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * The small example with surnames, and what a message to one of its volunteers must say: their first name, each of
 * their shifts in local time with precinct, meeting point and teammates' first names, the link and its expiry in
 * words; and nothing about anyone else (no surname, no home coordinates).
 */
final class MessageWords {

    static final Map<String, String> SURNAMES = Map.of("Ana", "Whitfield", "Ben", "Okonkwo", "Carla",
            "Lindqvist", "Dev", "Raghunathan", "Elena", "Moreau", "Femi", "Adeyemi");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    private MessageWords() {
    }

    /** The words every message to a volunteer must have, and nothing about anyone else. */
    static void assertOwnWords(String text, String firstName, JsonNode shifts, String jobId) {
        assertOwnWordsLinked(text, firstName, shifts, "/volunteer.html#job=" + jobId + "&token=");
    }

    /** The same, with the link's start given (e.g. a live plan's {@code /volunteer.html#region=…&token=}). */
    static void assertOwnWordsLinked(String text, String firstName, JsonNode shifts, String link) {
        assertThat(text).startsWith("Hi " + firstName + ",").doesNotContain("Hi Volunteer");
        assertThat(text).contains(link);
        assertThat(text).containsPattern("works until (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) "
                + "\\d{1,2} [A-Z][a-z]+ 20\\d\\d at \\d\\d:\\d\\d \\(America/New_York\\)");
        assertThat(text).as("no raw timestamps").doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d");
        for (JsonNode shift : shifts) {
            assertThat(text).contains(when(shift) + ": " + shift.at("/precinct/name").asText()
                    + "; meeting point: the precinct's centre");
            shift.get("buddies").forEach(b -> assertThat(text).contains(b.get("name").asText().split(" ")[0]));
        }
        assertNoOneElse(text, firstName);
    }

    static void assertNoOneElse(String text, String firstName) {
        SURNAMES.forEach((first, surname) -> assertThat(text).as("surname of " + first).doesNotContain(surname));
        // Homes of the example's volunteers are at two decimals: none appears as coordinates.
        assertThat(text).doesNotContainPattern("-71\\.\\d\\d[,\\s]").doesNotContainPattern("41\\.\\d\\d[,\\s]");
    }

    static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return part.getContent().toString().replace("\r\n", "\n");
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static String problemWithSurnames() {
        String problem = ApiClient.smallProblem();
        for (Map.Entry<String, String> e : SURNAMES.entrySet()) {
            problem = problem.replace("\"name\": \"" + e.getKey() + "\"", "\"name\": \"" + e.getKey() + " "
                    + e.getValue() + "\"");
        }
        assertThat(problem).contains("Ana Whitfield");
        return problem;
    }

    static String idOf(String firstName) {
        return switch (firstName) {
            case "Ana" -> "V01";
            case "Ben" -> "V02";
            case "Carla" -> "V03";
            case "Dev" -> "V04";
            case "Elena" -> "V05";
            default -> "V06";
        };
    }

    static String firstName(String id) {
        return SURNAMES.keySet().stream().filter(first -> idOf(first).equals(id)).findFirst().orElseThrow();
    }

    /** The small example's precincts, id → name. */
    static Map<String, String> precinctNames() {
        Map<String, String> names = new LinkedHashMap<>();
        try {
            ApiClient.JSON.readTree(ApiClient.smallProblem()).get("precincts").forEach(p -> names.put(
                    p.get("id").asText(), p.get("name").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    static String recipient(MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "Saturday 31 October, 13:00–16:00", as the messages say it. */
    static String when(JsonNode shift) {
        LocalDateTime start = LocalDateTime.parse(shift.get("start").asText());
        LocalDateTime end = LocalDateTime.parse(shift.get("end").asText());
        return DAY.format(start) + ", " + start.toLocalTime() + "–" + end.toLocalTime();
    }

    /** The same for a slot of the small example (its afternoons, 13:00–16:00). */
    static String when(String slotId) {
        LocalDateTime start = LocalDateTime.parse(slotId.substring(0, 10) + "T13:00");
        assertThat(slotId).endsWith("-pm");
        return DAY.format(start) + ", 13:00–16:00";
    }
}
