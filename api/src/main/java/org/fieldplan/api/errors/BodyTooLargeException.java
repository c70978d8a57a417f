package org.fieldplan.api.errors;

import java.io.IOException;

/** Thrown while reading a request body that exceeds the configured limit; answered with 413. */
public class BodyTooLargeException extends IOException {

    private final long limitBytes;

    public BodyTooLargeException(long limitBytes) {
        super("request body larger than " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    public long getLimitBytes() {
        return limitBytes;
    }
}
