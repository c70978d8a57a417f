package org.fieldplan.data.cli;

/** The data given to a {@code fieldplan} command was refused (a file's content, not the command line): exit 1. */
public final class DataRefusedException extends RuntimeException {

    public DataRefusedException(String message) {
        super(message);
    }
}
