package org.fieldplan.data.io;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.fieldplan.validation.ErrorPath;
import org.fieldplan.validation.ProblemValidationException;
import org.fieldplan.validation.ValidationError;
import org.locationtech.jts.geom.Geometry;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns Jackson's exceptions into a {@link ProblemValidationException} whose single error names the field in the
 * validator's path style ({@code volunteers[2] (id "V3").travelMode}) and says what was expected, so that an author
 * never sees a stack trace or Jackson's class names.
 */
public final class JsonErrors {

    private JsonErrors() {
    }

    /**
     * For a document that is not well-formed JSON (including a duplicate key or a number too large for its field);
     * the path is how far the parser got.
     */
    public static ProblemValidationException malformed(JsonProcessingException e) {
        String path = ErrorPath.ROOT;
        if (e.getProcessor() instanceof JsonParser parser) {
            path = pathOf(parser.getParsingContext().pathAsPointer(), null);
        }
        if (e instanceof InputCoercionException outOfRange) {
            return new ProblemValidationException(List.of(new ValidationError(path, outOfRange(outOfRange))), e);
        }
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new ProblemValidationException(
                List.of(new ValidationError(path, "malformed JSON" + where + ": " + e.getOriginalMessage())), e);
    }

    /**
     * For well-formed JSON that does not fit the format; {@code document} (may be null) supplies the ids of items on
     * the path.
     */
    public static ProblemValidationException mapping(JsonMappingException e, JsonNode document) {
        String path = pathOf(pointerOf(e.getPath()), document);
        return new ProblemValidationException(List.of(new ValidationError(path, describe(e))), e);
    }

    private static String describe(JsonMappingException e) {
        if (e.getCause() instanceof InputCoercionException outOfRange) {
            return outOfRange(outOfRange);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field \"" + unknown.getPropertyName() + "\"";
        }
        if (e instanceof InvalidFormatException invalid) {
            return "cannot read " + quote(invalid.getValue()) + " as " + expected(invalid.getTargetType());
        }
        if (e instanceof InvalidNullException) {
            return "must not be null";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> type = mismatch.getTargetType();
            // Our geometry deserializer already says precisely what is wrong.
            return Geometry.class.isAssignableFrom(type) ? mismatch.getOriginalMessage()
                    : "expected " + expected(type);
        }
        return e.getOriginalMessage();
    }

    private static String outOfRange(InputCoercionException e) {
        return "is out of range: expected " + expected(e.getTargetType()) + " (" + e.getOriginalMessage() + ")";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a local date-time such as \"2026-10-31T09:00\"";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a " + type.getSimpleName();
    }

    private static String quote(Object value) {
        return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
    }

    private static JsonPointer pointerOf(List<JsonMappingException.Reference> references) {
        JsonPointer pointer = JsonPointer.empty();
        for (JsonMappingException.Reference reference : references) {
            pointer = reference.getFieldName() != null ? pointer.appendProperty(reference.getFieldName())
                    : pointer.appendIndex(reference.getIndex());
        }
        return pointer;
    }

    /** {@code /precincts/3/geometry} as {@code precincts[3] (id "P0004").geometry}; ids looked up in the document. */
    private static String pathOf(JsonPointer pointer, JsonNode document) {
        String path = "";
        JsonNode node = document;
        for (JsonPointer rest = pointer; !rest.matches(); rest = rest.tail()) {
            int index = rest.getMatchingIndex();
            // Without a document (malformed JSON) a numeric segment can only be an index: keys are never numeric.
            boolean arrayItem = index >= 0 && !path.isEmpty() && (node == null || node.isArray());
            node = node == null ? null : arrayItem ? node.get(index) : node.get(rest.getMatchingProperty());
            if (arrayItem) {
                JsonNode id = node == null ? null : node.get("id");
                path = ErrorPath.item(path, index, id != null && id.isTextual() ? id.asText() : null);
            } else {
                path = ErrorPath.field(path, rest.getMatchingProperty());
            }
        }
        return path.isEmpty() ? ErrorPath.ROOT : path;
    }
}
