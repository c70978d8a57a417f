package org.fieldplan.api.errors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldplan.data.io.JsonErrors;
import org.fieldplan.validation.ProblemValidationException;
import org.fieldplan.validation.ValidationError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Turns every failure into an RFC 7807 problem ({@code application/problem+json}): the service's own refusals
 * ({@link ApiException}), invalid problems ({@link ProblemValidationException}, each error with its field path),
 * Spring MVC's own errors (unknown path, wrong method, unreadable body…), a database that cannot be reached (503
 * with {@code Retry-After}, {@link DatabaseOutage}) and, last, anything unexpected, which is logged here and
 * answered without internals.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> handle(ApiException e) {
        ProblemDetail problem = problem(e.getStatus(), e.getMessage(), e.getErrors());
        HttpHeaders headers = new HttpHeaders();
        if (e.getRetryAfterSeconds() != null) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(e.getRetryAfterSeconds()));
        }
        return respond(problem, headers);
    }

    @ExceptionHandler(ProblemValidationException.class)
    ResponseEntity<ProblemDetail> handle(ProblemValidationException e) {
        return handle(ApiException.invalid(e.getErrors()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> handle(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "a valid value" : e.getRequiredType().getSimpleName();
        return handle(ApiException.invalid(e.getName(), "cannot read \"" + e.getValue() + "\" as " + expected));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception e) {
        if (DatabaseOutage.causedBy(e)) {
            LOG.warn("Database unavailable, answered 503: {}", e.toString());
            return DatabaseOutage.response();
        }
        LOG.error("Unexpected error", e);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal error; it has been logged", List.of()),
                new HttpHeaders());
    }

    /**
     * An unreadable body: over the size limit (surfacing from the converters as an unreadable message), a field of
     * the wrong type (named by its path), or not JSON at all.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return cast(handle(ApiException.tooLarge(tooLarge.getLimitBytes())));
            }
            // The same strict policy and wording as the problem format: the field's path and what was expected.
            if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                return cast(handle(JsonErrors.mapping(mapping, null)));
            }
            if (cause instanceof JsonProcessingException parsing) {
                return cast(handle(JsonErrors.malformed(parsing)));
            }
        }
        return cast(handle(ApiException.invalid("body", "cannot read the request body")));
    }

    /** Spring MVC's own errors (404 for an unknown path, 405, 415…) get the same media type as ours. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        HttpHeaders withType = new HttpHeaders();
        withType.putAll(headers);
        withType.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, withType, statusCode);
    }

    static ProblemDetail problem(HttpStatus status, String detail, List<ValidationError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (!errors.isEmpty()) {
            // Path before message, always: Map.of's order changes from one JVM to the next.
            problem.setProperty("errors", errors.stream().map(error -> {
                Map<String, String> entry = new LinkedHashMap<>();
                entry.put("path", error.path());
                entry.put("message", error.message());
                return entry;
            }).toList());
        }
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, HttpHeaders headers) {
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, headers, problem.getStatus());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }
}
