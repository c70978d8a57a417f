package org.fieldplan.api.security;

/** What an API key may do. */
public enum Role {
    /** Submits problems, tunes weights, reads every plan and explanation. */
    STRATEGIST,
    /** Reads and reports for their own volunteers only. */
    ORGANIZER,
    /** Everything a strategist may do, plus operating the service. */
    ADMIN
}
