package org.fieldplan.api.campaigns;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.fieldplan.api.attendance.AttendanceService;
import org.fieldplan.api.errors.ApiException;
import org.fieldplan.api.jobs.JobRequestReader;
import org.fieldplan.api.jobs.JobSubmission;
import org.fieldplan.data.DataStores;
import org.fieldplan.validation.ProblemValidationException;
import org.fieldplan.validation.ValidationError;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads the body of {@code POST /api/campaigns}: {@code {"name"?, "seconds"?, "publish"?, "from"?, "to"?,
 * "regions": [stored region ids], "problems": {region id: inline problem}}}. The cheap checks (shape, duplicates,
 * unknown regions) come first and name every wrong field; each region's problem is built later, by its reader from
 * {@link #submissions}, only once the cluster has admitted the campaign, one region at a time. Each region is read exactly as
 * {@code POST /api/jobs} reads one ({@link JobRequestReader}), its errors named under the campaign's field.
 */
@Component
public class CampaignRequestReader {

    private static final Set<String> FIELDS = Set.of("name", "seconds", "publish", "from", "to", "regions",
            "problems");
    /** A region id as live plans take it. */
    private static final Pattern REGION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private final ObjectMapper mapper = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final JobRequestReader jobReader;
    private final AttendanceService attendance;
    private final DataStores stores;

    public CampaignRequestReader(JobRequestReader jobReader, AttendanceService attendance, DataStores stores) {
        this.jobReader = jobReader;
        this.attendance = attendance;
        this.stores = stores;
    }

    /** A campaign request whose shape and region ids are valid; its problems are not built yet. */
    public record CampaignRequest(String name, boolean publish, ObjectNode body, List<String> storedRegions,
            Map<String, JsonNode> inlineProblems) {

        /** Every region, stored ones first, in the order asked. */
        public List<String> regionIds() {
            List<String> all = new ArrayList<>(storedRegions);
            all.addAll(inlineProblems.keySet());
            return all;
        }
    }

    /** @throws ApiException 400 naming every wrong field */
    public CampaignRequest read(String body) {
        ObjectNode request = object(body);
        List<ValidationError> errors = new ArrayList<>();
        for (Iterator<String> names = request.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(new ValidationError(name, "unknown field; expected one of " + FIELDS));
            }
        }
        String name = request.path("name").asText("");
        if (request.has("name") && !request.get("name").isTextual()) {
            errors.add(new ValidationError("name", "must be a string"));
        }
        JsonNode publish = request.path("publish");
        if (!publish.isMissingNode() && !publish.isNull() && !publish.isBoolean()) {
            errors.add(new ValidationError("publish", "must be true or false"));
        }
        Set<String> seen = new HashSet<>();
        List<String> stored = storedRegions(request.get("regions"), seen, errors);
        Map<String, JsonNode> inline = inlineProblems(request.get("problems"), seen, errors);
        if (errors.isEmpty() && stored.isEmpty() && inline.isEmpty()) {
            errors.add(new ValidationError("regions", "is empty: name at least one stored region (or give inline "
                    + "problems by region id in \"problems\")"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        String title = name.isBlank() ? "campaign of " + (stored.size() + inline.size()) + " regions" : name;
        return new CampaignRequest(title, publish.asBoolean(false), request, stored, inline);
    }

    private ObjectNode object(String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.invalid("body", "is empty: send {\"regions\": [region ids], \"seconds\"}");
        }
        try {
            JsonNode tree = mapper.readTree(body);
            if (tree instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            throw ApiException.invalid("body", "is not JSON: " + e.getOriginalMessage());
        }
        throw ApiException.invalid("body", "must be a JSON object");
    }

    private List<String> storedRegions(JsonNode regions, Set<String> seen, List<ValidationError> errors) {
        List<String> ids = new ArrayList<>();
        if (regions == null || regions.isNull()) {
            return ids;
        }
        if (!regions.isArray()) {
            errors.add(new ValidationError("regions", "must be a list of stored region ids"));
            return ids;
        }
        for (int i = 0; i < regions.size(); i++) {
            String path = "regions[" + i + "]";
            JsonNode id = regions.get(i);
            if (!id.isTextual() || !REGION_ID.matcher(id.textValue()).matches()) {
                errors.add(new ValidationError(path, "must be a region id: 1 to 64 letters, digits, '-' or '_'"));
            } else if (!seen.add(id.textValue())) {
                errors.add(new ValidationError(path, "region \"" + id.textValue() + "\" is named twice"));
            } else if (!isStored(id.textValue())) {
                errors.add(new ValidationError(path, "no stored region with id \"" + id.textValue() + "\""));
            } else {
                ids.add(id.textValue());
            }
        }
        return ids;
    }

    private Map<String, JsonNode> inlineProblems(JsonNode problems, Set<String> seen, List<ValidationError> errors) {
        Map<String, JsonNode> byRegion = new LinkedHashMap<>();
        if (problems == null || problems.isNull()) {
            return byRegion;
        }
        if (!problems.isObject()) {
            errors.add(new ValidationError("problems", "must be an object: region id → inline problem"));
            return byRegion;
        }
        problems.fields().forEachRemaining(entry -> {
            String path = "problems." + entry.getKey();
            if (!REGION_ID.matcher(entry.getKey()).matches()) {
                errors.add(new ValidationError(path, "the key must be a region id: 1 to 64 letters, digits, '-' "
                        + "or '_'"));
            } else if (!seen.add(entry.getKey())) {
                errors.add(new ValidationError(path, "region \"" + entry.getKey() + "\" is also in \"regions\""));
            } else if (!entry.getValue().isObject()) {
                errors.add(new ValidationError(path, "must be a problem object (docs/problem-format.md)"));
            } else {
                byRegion.put(entry.getKey(), entry.getValue());
            }
        });
        return byRegion;
    }

    private boolean isStored(String regionId) {
        try {
            stores.regions().calendar(regionId);
            return true;
        } catch (NoSuchElementException e) {
            return false;
        }
    }

    /**
     * One reader per region, stored regions first: each builds and validates the region's problem when called, as
     * {@code POST /api/jobs} does (volunteers with a history are planned with their learned attendance).
     * A reader throws {@link ApiException} 400 naming the region's field (e.g. {@code regions[2]},
     * {@code problems.ri.precincts[0].id}).
     */
    public List<Supplier<JobSubmission>> submissions(CampaignRequest request) {
        List<Supplier<JobSubmission>> submissions = new ArrayList<>();
        List<String> stored = request.storedRegions();
        for (int i = 0; i < stored.size(); i++) {
            ObjectNode reference = mapper.createObjectNode().put("regionId", stored.get(i));
            for (String field : List.of("from", "to", "seconds")) {
                if (request.body().hasNonNull(field)) {
                    reference.set(field, request.body().get(field));
                }
            }
            String regionPath = "regions[" + i + "]";
            submissions.add(() -> read(reference.toString(), null,
                    path -> path.equals("regionId") ? regionPath : path));
        }
        String seconds = request.body().hasNonNull("seconds") ? request.body().get("seconds").asText() : null;
        request.inlineProblems().forEach((regionId, problem) -> submissions.add(() -> read(problem.toString(),
                seconds, path -> path.equals("seconds") ? path
                        : "problems." + regionId + (path.isBlank() ? "" : "." + path))));
        return submissions;
    }

    private JobSubmission read(String body, String seconds, UnaryOperator<String> rename) {
        try {
            return attendance.withLearnedAttendance(jobReader.read(body, seconds));
        } catch (ApiException e) {
            if (e.getErrors().isEmpty()) {
                throw e;
            }
            throw renamed(e.getErrors(), rename);
        } catch (ProblemValidationException e) {
            throw renamed(e.getErrors(), rename);
        }
    }

    private static ApiException renamed(List<ValidationError> errors, UnaryOperator<String> rename) {
        return ApiException.invalid(errors.stream()
                .map(error -> new ValidationError(rename.apply(error.path()), error.message())).toList());
    }
}
