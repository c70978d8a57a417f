package org.fieldplan.api.errors;

import java.util.List;

import org.fieldplan.validation.ValidationError;
import org.springframework.http.HttpStatus;

/**
 * A request the service refuses, with everything {@link ProblemDetailsAdvice} needs to answer it as an RFC 7807
 * problem: the status, a one-line detail and, for invalid input, every error with the path of the field it concerns.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final List<ValidationError> errors;
    private final Long retryAfterSeconds;

    private ApiException(HttpStatus status, String detail, List<ValidationError> errors, Long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 400: the request's content is wrong; each error names its field. */
    public static ApiException invalid(List<ValidationError> errors) {
        return new ApiException(HttpStatus.BAD_REQUEST,
                errors.size() + (errors.size() == 1 ? " error" : " errors") + " in the request", errors, null);
    }

    /** 400 for a single field. */
    public static ApiException invalid(String path, String message) {
        return invalid(List.of(new ValidationError(path, message)));
    }

    /** 404: e.g. {@code notFound("job", "7f3a")}. */
    public static ApiException notFound(String what, String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "no " + what + " with id \"" + id + "\"", List.of(), null);
    }

    /** 401: no usable API key. */
    public static ApiException unauthenticated(String detail) {
        return new ApiException(HttpStatus.UNAUTHORIZED, detail, List.of(), null);
    }

    /** 403: the caller's role does not allow this. */
    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, detail, List.of(), null);
    }

    /** 409: the resource is not in a state that allows this (e.g. no plan yet). */
    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, detail, List.of(), null);
    }

    /** 502: a server this service depends on (e.g. SMTP) refused or failed. */
    public static ApiException badGateway(String detail) {
        return new ApiException(HttpStatus.BAD_GATEWAY, detail, List.of(), null);
    }

    /** 413: the body is larger than the configured limit. */
    public static ApiException tooLarge(long limitBytes) {
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE,
                "the request body is larger than the limit of " + limitBytes + " bytes", List.of(), null);
    }

    /** 429: every solver is busy and the queue is full; try again after the given seconds. */
    public static ApiException busy(String detail, long retryAfterSeconds) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, detail, List.of(), retryAfterSeconds);
    }

    public HttpStatus getStatus() {
        return status;
    }

    public List<ValidationError> getErrors() {
        return errors;
    }

    /** Seconds for a {@code Retry-After} header, or null. */
    public Long getRetryAfterSeconds() {
        return retryAfterSeconds;
    }
}
