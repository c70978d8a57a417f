package org.fieldplan.api.security;

/** What a caller may do. */
public enum Role {
    /** Submits problems, tunes weights, reads every plan and explanation. */
    STRATEGIST,
    /** Reads and reports for their own volunteers only. */
    ORGANIZER,
    /** Everything a strategist may do, plus operating the service and managing accounts. */
    ADMIN,
    /** One volunteer of one plan, through their personal link: sees and answers for their own shifts only. */
    VOLUNTEER;

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
