package org.fieldplan.data.region;

import org.fieldplan.data.StoreException;

/** An item (e.g. a staging location) whose id the region already has, or that a batch repeats. */
public final class TakenIdException extends StoreException {

    private static final long serialVersionUID = 1L;

    public TakenIdException(String message) {
        super(message);
    }
}
