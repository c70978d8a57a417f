package org.fieldplan.validation;

import java.util.Objects;

/**
 * One thing wrong with a stated problem.
 *
 * @param path where, in the problem's JSON terms, e.g. {@code precincts[3] (id "P0004").geometry}; items of a
 *     collection are named by index and, when they have one, by id, so the author can find them either way
 * @param message what is wrong, e.g. {@code self-intersection at (-71.4, 41.8)}
 */
public record ValidationError(String path, String message) {

    public ValidationError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
