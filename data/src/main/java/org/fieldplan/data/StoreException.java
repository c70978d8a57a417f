package org.fieldplan.data;

/**
 * A store refused or failed an operation: a rejected import (duplicate id, unknown reference, non-polygonal
 * geometry…) or a database error. When a store throws it from a write, nothing of that write was kept.
 */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
