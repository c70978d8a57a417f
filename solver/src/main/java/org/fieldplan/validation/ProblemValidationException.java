package org.fieldplan.validation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A problem (or its JSON) that cannot be solved as stated. The message lists every error found, one per line, each
 * as {@code path: message}; {@link #getErrors()} gives them for programmatic use (API responses, UI highlighting).
 */
public class ProblemValidationException extends RuntimeException {

    private final List<ValidationError> errors;

    public ProblemValidationException(List<ValidationError> errors) {
        this(errors, null);
    }

    public ProblemValidationException(List<ValidationError> errors, Throwable cause) {
        super(describe(errors), cause);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("A validation exception needs at least one error.");
        }
        this.errors = List.copyOf(errors);
    }

    public List<ValidationError> getErrors() {
        return errors;
    }

    private static String describe(List<ValidationError> errors) {
        return errors.size() + (errors.size() == 1 ? " error" : " errors") + " in the problem:"
                + errors.stream().map(error -> "\n  - " + error).collect(Collectors.joining());
    }
}
