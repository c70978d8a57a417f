package org.fieldplan.data.io;

import java.util.List;
import java.util.Locale;

import org.fieldplan.data.io.ProblemDto.PrecinctDto;
import org.fieldplan.data.io.ProblemDto.VolunteerDto;
import org.fieldplan.validation.ErrorPath;
import org.fieldplan.validation.ValidationError;

/**
 * Upper bounds on the lists and strings of a problem's volunteers and precincts ({@code docs/problem-format.md}),
 * checked as read, before duplicates collapse: 100,000 copies of one skill are an error naming the field, not a
 * volunteer that costs every later read. The volunteer sheet (CSV) importer applies the same limits.
 */
public final class InputLimits {

    /** Ids (volunteers, precincts, slots, districts, organizers). */
    public static final int MAX_ID_LENGTH = 128;
    /** Names and other free text. */
    public static final int MAX_TEXT_LENGTH = 200;
    /** A language tag (BCP 47 tags are at most 35 characters in practice). */
    public static final int MAX_LANGUAGE_LENGTH = 35;
    /** Skills, languages, required skills and languages, districts of one item. */
    public static final int MAX_SHORT_LIST = 20;
    /** Availability windows of one volunteer: several a day over the longest calendar. */
    public static final int MAX_WINDOWS = 1_000;
    /** Preferred precincts of one volunteer. */
    public static final int MAX_PREFERRED_PRECINCTS = 100;

    private final List<ValidationError> errors;

    InputLimits(List<ValidationError> errors) {
        this.errors = errors;
    }

    void volunteer(String path, VolunteerDto dto) {
        text(path, "id", dto.id(), MAX_ID_LENGTH);
        text(path, "name", dto.name(), MAX_TEXT_LENGTH);
        text(path, "organizerId", dto.organizerId(), MAX_ID_LENGTH);
        list(path, "skills", dto.skills(), MAX_SHORT_LIST);
        strings(path, "languages", dto.languages(), MAX_SHORT_LIST, MAX_LANGUAGE_LENGTH);
        list(path, "availability", dto.availability(), MAX_WINDOWS);
        strings(path, "preferredPrecinctIds", dto.preferredPrecinctIds(), MAX_PREFERRED_PRECINCTS, MAX_ID_LENGTH);
    }

    void precinct(String path, PrecinctDto dto) {
        text(path, "id", dto.id(), MAX_ID_LENGTH);
        text(path, "name", dto.name(), MAX_TEXT_LENGTH);
        strings(path, "districtIds", dto.districtIds(), MAX_SHORT_LIST, MAX_ID_LENGTH);
        strings(path, "requiredLanguages", dto.requiredLanguages(), MAX_SHORT_LIST, MAX_LANGUAGE_LENGTH);
        list(path, "requiredSkills", dto.requiredSkills(), MAX_SHORT_LIST);
    }

    /** An id of a slot, district or the problem's name and zone. */
    void text(String path, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new ValidationError(ErrorPath.field(path, field), String.format(Locale.ROOT,
                    "is %,d characters long, at most %d are allowed", value.length(), max)));
        }
    }

    private void list(String path, String field, List<?> values, int max) {
        if (values != null && values.size() > max) {
            errors.add(new ValidationError(ErrorPath.field(path, field), String.format(Locale.ROOT,
                    "lists %,d entries, at most %,d are allowed", values.size(), max)));
        }
    }

    private void strings(String path, String field, List<String> values, int maxEntries, int maxLength) {
        list(path, field, values, maxEntries);
        if (values == null || values.size() > maxEntries) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            text(path, field + "[" + i + "]", values.get(i), maxLength);
        }
    }
}
