package org.fieldplan.api.jobs;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;

import org.fieldplan.api.config.FieldPlanProperties;
import org.fieldplan.api.errors.ApiException;
import org.fieldplan.data.DataStores;
import org.fieldplan.data.problem.BuiltProblem;
import org.fieldplan.data.problem.DataIssue;
import org.fieldplan.data.region.ProblemQuery;
import org.fieldplan.data.region.RegionCalendar;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.data.io.ProblemJson;
import org.fieldplan.validation.ValidationError;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads the body of {@code POST /api/jobs}: either an inline problem in the documented format
 * ({@code docs/problem-format.md}, validated by {@link ProblemJson}) or a reference to stored data,
 * {@code {"regionId", "from"?, "to"?, "organizerId"?, "weights"?, "seconds"?}} (without from/to: the region's
 * whole calendar). A stored problem with the request's
 * weights goes through the same validation as an inline one, so every error names its field either way.
 */
@Component
public class JobRequestReader {

    private static final Set<String> REFERENCE_FIELDS = Set.of("regionId", "from", "to", "organizerId", "weights",
            "seconds");

    /** Strict like every body the service reads: a duplicate key is an error, not "last one wins". */
    private final ObjectMapper mapper = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final DataStores stores;
    private final FieldPlanProperties.Solve solve;

    public JobRequestReader(DataStores stores, FieldPlanProperties properties) {
        this.stores = stores;
        this.solve = properties.solve();
    }

    /**
     * @param body the request body
     * @param secondsParameter the {@code seconds} query parameter (for inline problems), or null
     * @throws ApiException 400 naming every wrong field
     */
    public JobSubmission read(String body, String secondsParameter) {
        if (body == null || body.isBlank()) {
            throw ApiException.invalid("body", "is empty: send a problem or {\"regionId\", \"from\", \"to\"}");
        }
        JsonNode tree = null;
        try {
            tree = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            // Not JSON at all: let the problem reader describe where it breaks.
            ProblemJson.fromJson(body);
        }
        if (tree != null && tree.isObject() && tree.has("regionId")) {
            return readReference((ObjectNode) tree, secondsParameter);
        }
        Duration seconds = seconds("seconds", secondsParameter == null ? null : parseInt("seconds", secondsParameter));
        return new JobSubmission(ProblemJson.fromJson(body), null, seconds);
    }

    private JobSubmission readReference(ObjectNode request, String secondsParameter) {
        List<ValidationError> errors = new ArrayList<>();
        for (Iterator<String> names = request.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!REFERENCE_FIELDS.contains(name)) {
                errors.add(new ValidationError(name, "unknown field; expected one of " + REFERENCE_FIELDS));
            }
        }
        String regionId = text(request, "regionId", true, errors);
        // Without from/to the job covers the region's whole calendar.
        LocalDate from = date(request, "from", errors);
        LocalDate to = date(request, "to", errors);
        String organizerId = text(request, "organizerId", false, errors);
        JsonNode weights = request.get("weights");
        if (weights != null && !weights.isNull() && !weights.isObject()) {
            errors.add(new ValidationError("weights", "must be an object of constraint weights"));
        }
        Integer seconds = null;
        JsonNode secondsNode = request.get("seconds");
        if (secondsNode != null && !secondsNode.isNull()) {
            if (secondsNode.canConvertToInt() && secondsNode.isIntegralNumber()) {
                seconds = secondsNode.intValue();
            } else {
                errors.add(new ValidationError("seconds", "must be a whole number of seconds"));
            }
        } else if (secondsParameter != null) {
            seconds = parseInt("seconds", secondsParameter);
        }
        if (errors.isEmpty() && (from == null || to == null)) {
            RegionCalendar calendar = calendarOf(regionId);
            from = from != null ? from : calendar.firstDay().orElse(null);
            to = to != null ? to : calendar.lastDay().orElse(null);
            if (from == null || to == null) {
                errors.add(new ValidationError("from", "is required: region " + regionId + " has no time slots"));
            }
        }
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new ValidationError("to", "is before from (" + from + ")"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Duration solveTime = seconds("seconds", seconds);
        ProblemQuery query = new ProblemQuery(regionId, from, to, organizerId);
        BuiltProblem built;
        try {
            built = stores.problemBuilder().build(query);
        } catch (NoSuchElementException e) {
            throw ApiException.invalid("regionId", "no stored region with id \"" + regionId + "\"");
        }
        // Validation first: days without any time slot are told as such, not as days without volunteers.
        FieldPlanProblem problem = withWeights(built.problem(), weights);
        if (organizerId != null && built.problem().volunteers().isEmpty()) {
            knownOrganizer(query);
        }
        requireVolunteers(built, query);
        return new JobSubmission(problem, query, solveTime);
    }

    /**
     * A plan without volunteers is empty whatever the solver does: refuse it and say why, rather than "solve" it in
     * milliseconds.
     */
    private static void requireVolunteers(BuiltProblem built, ProblemQuery query) {
        if (!built.problem().volunteers().isEmpty()) {
            return;
        }
        long unavailable = built.issues().stream()
                .filter(issue -> issue.kind() == DataIssue.Kind.VOLUNTEER_WITHOUT_AVAILABILITY).count();
        String whose = query.organizerId() == null ? "region " + query.regionId()
                : "organizer " + query.organizerId() + " in region " + query.regionId();
        String why = unavailable > 0 ? unavailable + " stored volunteer" + (unavailable == 1 ? " is" : "s are")
                + " available on none of those days" : "no volunteer is stored";
        throw ApiException.invalid(query.organizerId() == null ? "regionId" : "organizerId",
                "nothing to plan: " + whose + " has no volunteer available from " + query.from() + " to "
                        + query.to() + " (" + why + "); add volunteers to the region (a volunteer sheet with the import, or "
                        + "fieldplan place-volunteers from census data) or pick other days");
    }

    /**
     * An organizer none of whose volunteers is in the region would get an empty plan that "solves" at once: a typo
     * in the id, most likely. Refused naming the field and the region's organizers. (Only asked when the organizer's
     * problem has no volunteer: one with volunteers exists.)
     */
    private void knownOrganizer(ProblemQuery query) {
        Set<String> organizers = new TreeSet<>();
        stores.regions().load(ProblemQuery.of(query.regionId(), query.from(), query.to())).volunteers()
                .forEach(v -> organizers.add(v.getOrganizerId() == null ? "(none)" : v.getOrganizerId()));
        if (!organizers.contains(query.organizerId())) {
            throw ApiException.invalid("organizerId", "no volunteer of region " + query.regionId()
                    + " belongs to organizer \"" + query.organizerId() + "\" (its organizers: "
                    + (organizers.isEmpty() ? "none, the region has no volunteers" : String.join(", ", organizers))
                    + ")");
        }
    }

    /** Round-trips the stored problem through the documented format, so it is validated like an inline one. */
    private FieldPlanProblem withWeights(FieldPlanProblem stored, JsonNode weights) {
        try {
            ObjectNode document = (ObjectNode) mapper.readTree(ProblemJson.toJson(stored));
            if (weights != null && weights.isObject()) {
                ((ObjectNode) document.get("weights")).setAll((ObjectNode) weights);
            }
            return ProblemJson.fromJson(mapper.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A written problem is always readable JSON", e);
        }
    }

    private Duration seconds(String path, Integer seconds) {
        int value = seconds == null ? solve.defaultSeconds() : seconds;
        if (value < 1 || value > solve.maxSeconds()) {
            throw ApiException.invalid(path, "must be from 1 to " + solve.maxSeconds() + " seconds, not " + value);
        }
        return Duration.ofSeconds(value);
    }

    private static int parseInt(String path, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalid(path, "cannot read \"" + value + "\" as a whole number");
        }
    }

    private static String text(ObjectNode request, String field, boolean required, List<ValidationError> errors) {
        JsonNode node = request.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                errors.add(new ValidationError(field, "is required"));
            }
            return null;
        }
        if (!node.isTextual() || node.textValue().isBlank()) {
            errors.add(new ValidationError(field, "must be a non-empty string"));
            return null;
        }
        return node.textValue();
    }

    private RegionCalendar calendarOf(String regionId) {
        try {
            return stores.regions().calendar(regionId);
        } catch (NoSuchElementException e) {
            throw ApiException.invalid("regionId", "no stored region with id \"" + regionId + "\"");
        }
    }

    private static LocalDate date(ObjectNode request, String field, List<ValidationError> errors) {
        String text = text(request, field, false, errors);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new ValidationError(field, "cannot read \"" + text + "\" as a date (YYYY-MM-DD)"));
            return null;
        }
    }
}
