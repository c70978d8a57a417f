package org.fieldplan.data.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.FieldPlanWeights;
import org.fieldplan.domain.StagingLocation;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.domain.TravelParameters;
import org.fieldplan.validation.ErrorPath;
import org.fieldplan.validation.ProblemValidationException;
import org.fieldplan.validation.ProblemValidator;
import org.fieldplan.validation.ValidationError;
import org.fieldplan.domain.VoteModelParameters;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Reads and writes a {@link FieldPlanProblem} in the JSON format of {@code docs/problem-format.md}; geometries
 * are RFC 7946 GeoJSON. Writing then reading gives back the same problem, and writing it again the same text.
 *
 * <p>Every input error, including malformed JSON, a wrong type or an unknown enum value, surfaces as a
 * {@link ProblemValidationException} naming the field. {@link #read} also applies {@link ProblemValidator};
 * {@link #readUnvalidated} skips that step for importers that repair or complete a problem before validating it
 * (structural errors such as a missing id still throw, because the domain cannot hold them).
 */
public final class ProblemJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            // LocalDateTime.toString() writes 2026-10-31T09:00 as the format shows, not Jackson's 09:00:00.
            .addModule(new JavaTimeModule().addSerializer(LocalDateTime.class, ToStringSerializer.instance))
            .addModule(new GeoJsonGeometryModule())
            // Strict reading: a typo'd field, a quoted number or 2.5 for a count is an author's mistake to report.
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // A null inside a list (["en", null]) is an error at its index, not a crash further on.
            .withConfigOverride(List.class, o -> o.setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL)))
            .withConfigOverride(Set.class, o -> o.setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL)))
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private ProblemJson() {
    }

    /** Reads and validates. @throws ProblemValidationException listing what is wrong with the input */
    public static FieldPlanProblem read(Path file) {
        return ProblemValidator.requireValid(readUnvalidated(file));
    }

    /** Reads and validates. @throws ProblemValidationException listing what is wrong with the input */
    public static FieldPlanProblem read(Reader json) {
        return ProblemValidator.requireValid(readUnvalidated(json));
    }

    /** Reads and validates. @throws ProblemValidationException listing what is wrong with the input */
    public static FieldPlanProblem fromJson(String json) {
        return read(new StringReader(json));
    }

    /**
     * Reads without {@link ProblemValidator}: for importers that check or repair the problem themselves.
     *
     * @throws ProblemValidationException if the JSON is malformed, does not fit the format or misses required fields
     */
    public static FieldPlanProblem readUnvalidated(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(MAPPER.readTree(in));
        } catch (JsonProcessingException e) {
            throw JsonErrors.malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** As {@link #readUnvalidated(Path)}, from a reader (which is not closed). */
    public static FieldPlanProblem readUnvalidated(Reader json) {
        try {
            return parse(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw JsonErrors.malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the problem JSON", e);
        }
    }

    /** Writes the problem to a file, creating its folder if needed. */
    public static void write(FieldPlanProblem problem, Path file) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            try (Writer out = Files.newBufferedWriter(file)) {
                write(problem, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes indented JSON, every field stated (defaults included) so the file shows what the solver used. */
    public static void write(FieldPlanProblem problem, Writer out) throws IOException {
        out.write(toJson(problem));
    }

    public static String toJson(FieldPlanProblem problem) {
        try {
            return MAPPER.writeValueAsString(ProblemDtoMapper.fromDomain(problem)) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem in memory is always writable", e);
        }
    }

    /**
     * The weights as the format's {@code weights} object (every weight, short form where possible), e.g. for a
     * store that keeps a problem's weights apart from the rest of it.
     */
    public static String weightsToJson(FieldPlanWeights weights) {
        try {
            return MAPPER.writeValueAsString(WeightsFormat.format(weights));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Weights in memory are always writable", e);
        }
    }

    /**
     * Reads a {@code weights} object as {@link #weightsToJson} writes it; missing weights keep their defaults.
     *
     * @throws ProblemValidationException if the JSON is malformed or a weight is unknown or unreadable
     */
    public static FieldPlanWeights weightsFromJson(String json) {
        Map<String, String> given;
        try {
            given = MAPPER.readValue(json, new TypeReference<Map<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            throw JsonErrors.malformed(e);
        }
        List<ValidationError> errors = new ArrayList<>();
        FieldPlanWeights weights = WeightsFormat.parse(given, errors);
        if (!errors.isEmpty()) {
            throw new ProblemValidationException(errors);
        }
        return weights;
    }

    /**
     * Reads one volunteer object of the format ({@code volunteers[i]} in docs/problem-format.md) and checks it by
     * the validator's volunteer rules against the problem's precinct ids; error paths are relative to the object.
     *
     * @throws ProblemValidationException listing what is wrong with the input
     */
    public static Volunteer readVolunteer(String json, Set<String> precinctIds) {
        Volunteer volunteer = ProblemDtoMapper.toVolunteer(readObject(json, ProblemDto.VolunteerDto.class));
        List<ValidationError> errors = ProblemValidator.validateVolunteer(volunteer, precinctIds);
        if (!errors.isEmpty()) {
            throw new ProblemValidationException(errors);
        }
        return volunteer;
    }

    /**
     * Reads one staging location object of the format ({@code stagingLocations[i]} in docs/problem-format.md) and
     * checks it by the validator's rules; error paths are relative to the object.
     *
     * @throws ProblemValidationException listing what is wrong with the input
     */
    public static StagingLocation readStagingLocation(String json) {
        StagingLocation location = ProblemDtoMapper.toStagingLocation(
                readObject(json, ProblemDto.StagingLocationDto.class));
        List<ValidationError> errors = ProblemValidator.validateStagingLocation(location);
        if (!errors.isEmpty()) {
            throw new ProblemValidationException(errors);
        }
        return location;
    }

    /** One JSON object bound strictly to {@code type}; errors name the field. */
    private static <T> T readObject(String json, Class<T> type) {
        JsonNode document;
        try {
            document = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw JsonErrors.malformed(e);
        }
        if (document == null || document.isMissingNode() || !document.isObject()) {
            throw new ProblemValidationException(
                    List.of(new ValidationError(ErrorPath.ROOT, "must be a JSON object")));
        }
        try {
            return MAPPER.treeToValue(document, type);
        } catch (JsonMappingException e) {
            throw JsonErrors.mapping(e, document);
        } catch (JsonProcessingException e) {
            throw JsonErrors.malformed(e);
        }
    }

    private static FieldPlanProblem parse(JsonNode document) {
        if (document == null || document.isMissingNode() || !document.isObject()) {
            throw new ProblemValidationException(
                    List.of(new ValidationError(ErrorPath.ROOT, "must be a JSON object")));
        }
        ObjectNode root = (ObjectNode) document;
        overrideDefaults(root, "voteModel", VoteModelParameters.DEFAULTS);
        overrideDefaults(root, "travel", TravelParameters.DEFAULTS);
        ProblemDto dto;
        try {
            dto = MAPPER.treeToValue(root, ProblemDto.class);
        } catch (JsonMappingException e) {
            throw JsonErrors.mapping(e, root);
        } catch (JsonProcessingException e) {
            throw JsonErrors.malformed(e);
        }
        return ProblemDtoMapper.toDomain(dto);
    }

    /**
     * The parameter objects may state any subset of their fields: fill in the rest from the defaults, so that
     * binding the complete record then reports only unknown or mistyped fields.
     */
    private static void overrideDefaults(ObjectNode root, String field, Record defaults) {
        if (root.get(field) instanceof ObjectNode given) {
            ObjectNode complete = MAPPER.valueToTree(defaults);
            complete.setAll(given);
            root.set(field, complete);
        }
    }
}
