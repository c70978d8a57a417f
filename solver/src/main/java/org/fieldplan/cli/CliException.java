package org.fieldplan.cli;

/** A user error on the command line: printed as one line, exit code 2. */
final class CliException extends RuntimeException {

    CliException(String message) {
        super(message);
    }
}
