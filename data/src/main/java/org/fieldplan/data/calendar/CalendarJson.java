package org.fieldplan.data.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.fieldplan.validation.ProblemValidationException;
import org.fieldplan.validation.ValidationError;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads and writes a {@link CampaignCalendar} as JSON ({@code docs/calendar-format.md}, schema
 * {@code org/fieldplan/data/calendar/calendar.schema.json}):
 *
 * <pre>{"timeZone": "America/Chicago", "electionDay": "2026-11-03", "from": "2026-10-24", "to": "2026-11-03",
 *  "slots": [{"days": ["SATURDAY", "SUNDAY"], "times": [{"start": "09:00", "end": "12:00", "name": "am"}]},
 *            {"dates": ["2026-11-03"], "times": [...]}]}</pre>
 *
 * <p>{@code from}/{@code to} may be left out when {@code electionDay} is given (from the Saturday before to election
 * day), {@code slots} when the default rules of {@link CampaignCalendar#defaultRules} will do. Every error, from
 * malformed JSON to an unknown time zone or a slot missing on a day the clocks go forward, is reported with the path
 * of its field in a {@link ProblemValidationException}. Writing gives the explicit form (dates and rules stated), which
 * reads back to the same calendar.
 */
public final class CalendarJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("$schema", "timeZone", "electionDay", "from", "to", "slots");
    private static final Set<String> RULE_FIELDS = Set.of("days", "dates", "times");
    private static final Set<String> TIME_FIELDS = Set.of("start", "end", "name");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,20}");

    private CalendarJson() {
    }

    /** Reads a calendar file. */
    public static CampaignCalendar read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Reads a calendar from UTF-8 JSON. */
    public static CampaignCalendar read(byte[] json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw invalid("calendar", "is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read(root);
    }

    /** Reads a calendar from a parsed JSON tree (e.g. part of a request). */
    public static CampaignCalendar read(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw invalid("calendar", "must be a JSON object with at least timeZone and electionDay or from/to");
        }
        List<ValidationError> errors = new ArrayList<>();
        unknownFields(root, FIELDS, "", errors);
        ZoneId zone = zone(root.get("timeZone"), errors);
        LocalDate electionDay = date(root.get("electionDay"), "electionDay", false, errors);
        LocalDate from = date(root.get("from"), "from", electionDay == null, errors);
        LocalDate to = date(root.get("to"), "to", electionDay == null, errors);
        if (electionDay != null) {
            from = from != null ? from : electionDay.with(TemporalAdjusters.previous(DayOfWeek.SATURDAY));
            to = to != null ? to : electionDay;
        }
        List<SlotRule> rules = root.has("slots") ? rules(root.get("slots"), errors)
                : CampaignCalendar.defaultRules(electionDay);
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new ValidationError("to", "is before from (" + from + ")"));
        } else if (from != null && to != null && from.plusDays(CampaignCalendar.MAX_DAYS).isBefore(to.plusDays(1))) {
            errors.add(new ValidationError("to", "the calendar may span at most " + CampaignCalendar.MAX_DAYS
                    + " days, " + from + " … " + to + " is longer"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemValidationException(errors);
        }
        CampaignCalendar calendar = new CampaignCalendar(zone, from, to, electionDay, rules);
        List<ValidationError> problems = calendar.problems();
        if (!problems.isEmpty()) {
            throw new ProblemValidationException(problems);
        }
        return calendar;
    }

    /** The calendar in its explicit form, pretty-printed. */
    public static String write(CampaignCalendar calendar) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toTree(calendar));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a calendar", e);
        }
    }

    /** The calendar in its explicit form as a JSON tree. */
    public static ObjectNode toTree(CampaignCalendar calendar) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("timeZone", calendar.timeZone().getId());
        if (calendar.electionDay() != null) {
            root.put("electionDay", calendar.electionDay().toString());
        }
        root.put("from", calendar.from().toString());
        root.put("to", calendar.to().toString());
        ArrayNode slots = root.putArray("slots");
        for (SlotRule rule : calendar.rules()) {
            ObjectNode node = slots.addObject();
            if (!rule.days().isEmpty()) {
                ArrayNode days = node.putArray("days");
                rule.days().stream().sorted().forEach(day -> days.add(day.name()));
            }
            if (!rule.dates().isEmpty()) {
                ArrayNode dates = node.putArray("dates");
                rule.dates().stream().sorted().forEach(date -> dates.add(date.toString()));
            }
            ArrayNode times = node.putArray("times");
            for (SlotTime time : rule.times()) {
                ObjectNode t = times.addObject().put("start", time.start().toString()).put("end", time.end().toString());
                if (time.name() != null) {
                    t.put("name", time.name());
                }
            }
        }
        return root;
    }

    private static ZoneId zone(JsonNode node, List<ValidationError> errors) {
        if (node == null || node.isNull()) {
            errors.add(new ValidationError("timeZone", "is required: an IANA time zone such as America/Chicago"));
            return null;
        }
        try {
            // ZoneId.of also takes offsets like +02:00, which know nothing of daylight saving time: only region ids.
            if (node.isTextual() && ZoneId.getAvailableZoneIds().contains(node.asText())) {
                return ZoneId.of(node.asText());
            }
        } catch (DateTimeException e) {
            // reported below
        }
        errors.add(new ValidationError("timeZone", "is not an IANA time zone (e.g. America/Chicago): " + node));
        return null;
    }

    private static LocalDate date(JsonNode node, String path, boolean required, List<ValidationError> errors) {
        if (node == null || node.isNull()) {
            if (required) {
                errors.add(new ValidationError(path, "is required unless electionDay is given"));
            }
            return null;
        }
        return parsed(node, path, "a date like 2026-11-03", LocalDate::parse, errors);
    }

    private static List<SlotRule> rules(JsonNode node, List<ValidationError> errors) {
        if (!node.isArray() || node.isEmpty()) {
            errors.add(new ValidationError("slots", "must be a non-empty list of rules ({\"days\"|\"dates\", "
                    + "\"times\"}), or left out for the default slots"));
            return List.of();
        }
        List<SlotRule> rules = new ArrayList<>();
        for (int r = 0; r < node.size(); r++) {
            String path = "slots[" + r + "]";
            JsonNode rule = node.get(r);
            if (!rule.isObject()) {
                errors.add(new ValidationError(path, "must be an object with days or dates, and times"));
                continue;
            }
            unknownFields(rule, RULE_FIELDS, path + ".", errors);
            Set<DayOfWeek> days = list(rule.get("days"), path + ".days", "a day of the week like SATURDAY or Sat",
                    CalendarJson::dayOfWeek, errors);
            Set<LocalDate> dates = list(rule.get("dates"), path + ".dates", "a date like 2026-11-03",
                    LocalDate::parse, errors);
            List<SlotTime> times = times(rule.get("times"), path + ".times", errors);
            rules.add(new SlotRule(days, dates, times));
        }
        return rules;
    }

    private static List<SlotTime> times(JsonNode node, String path, List<ValidationError> errors) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            errors.add(new ValidationError(path, "must be a non-empty list of {\"start\": \"09:00\", \"end\": "
                    + "\"12:00\", \"name\"?: \"am\"}"));
            return List.of();
        }
        List<SlotTime> times = new ArrayList<>();
        for (int t = 0; t < node.size(); t++) {
            String at = path + "[" + t + "]";
            JsonNode time = node.get(t);
            if (!time.isObject()) {
                errors.add(new ValidationError(at, "must be an object {\"start\", \"end\", \"name\"?}"));
                continue;
            }
            unknownFields(time, TIME_FIELDS, at + ".", errors);
            LocalTime start = required(time.get("start"), at + ".start", errors);
            LocalTime end = required(time.get("end"), at + ".end", errors);
            String name = null;
            JsonNode nameNode = time.get("name");
            if (nameNode != null && !nameNode.isNull()) {
                if (nameNode.isTextual() && NAME.matcher(nameNode.asText()).matches()) {
                    name = nameNode.asText();
                } else {
                    errors.add(new ValidationError(at + ".name", "must be 1–20 letters, digits, - or _: " + nameNode));
                }
            }
            if (start != null && end != null) {
                if (end.isAfter(start)) {
                    times.add(new SlotTime(start, end, name));
                } else {
                    errors.add(new ValidationError(at + ".end", "must be after start (" + start + ") on the same "
                            + "day, was " + end));
                }
            }
        }
        return times;
    }

    private static LocalTime required(JsonNode node, String path, List<ValidationError> errors) {
        if (node == null || node.isNull()) {
            errors.add(new ValidationError(path, "is required (a local time like 09:00)"));
            return null;
        }
        return parsed(node, path, "a local time like 09:00", LocalTime::parse, errors);
    }

    private static <T> Set<T> list(JsonNode node, String path, String expected, Function<String, T> parse,
            List<ValidationError> errors) {
        Set<T> values = new LinkedHashSet<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isArray()) {
            errors.add(new ValidationError(path, "must be a list of " + expected));
            return values;
        }
        for (int i = 0; i < node.size(); i++) {
            T value = parsed(node.get(i), path + "[" + i + "]", expected, parse, errors);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    private static <T> T parsed(JsonNode node, String path, String expected, Function<String, T> parse,
            List<ValidationError> errors) {
        if (node.isTextual()) {
            try {
                return parse.apply(node.asText());
            } catch (RuntimeException e) {
                // reported below
            }
        }
        errors.add(new ValidationError(path, "must be " + expected + ", was " + node));
        return null;
    }

    /** SATURDAY, saturday, Sat or sat. */
    private static DayOfWeek dayOfWeek(String text) {
        String upper = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(DayOfWeek.values())
                .filter(day -> day.name().equals(upper) || (upper.length() == 3 && day.name().startsWith(upper)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(text));
    }

    private static void unknownFields(JsonNode node, Set<String> known, String prefix,
            List<ValidationError> errors) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.add(new ValidationError(prefix + name, "is not a calendar field (known: "
                        + known.stream().sorted(Comparator.naturalOrder()).toList() + ")"));
            }
        }
    }

    private static ProblemValidationException invalid(String path, String message) {
        return new ProblemValidationException(List.of(new ValidationError(path, message)));
    }
}
