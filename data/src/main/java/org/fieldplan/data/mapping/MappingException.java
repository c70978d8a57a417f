package org.fieldplan.data.mapping;

/** A mapping file cannot be used; the message names the file, the field and what is wrong, on one line. */
public class MappingException extends RuntimeException {

    public MappingException(String message) {
        super(message);
    }

    public MappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
