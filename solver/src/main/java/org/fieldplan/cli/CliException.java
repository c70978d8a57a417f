package org.fieldplan.cli;

/** A user error on the command line: printed as one line, exit code 2. */
public final class CliException extends RuntimeException {

    public CliException(String message) {
        super(message);
    }
}
