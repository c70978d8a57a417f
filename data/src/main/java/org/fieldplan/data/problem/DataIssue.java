package org.fieldplan.data.problem;

/** Something in a region's data that kept an item out of a built problem, for the organizer to fix. */
public record DataIssue(Kind kind, String itemId, String message) {

    /** What was wrong. */
    public enum Kind {
        /** The precinct has no geometry, so nobody can be sent there; it was left out. */
        PRECINCT_WITHOUT_GEOMETRY,
        /** The volunteer has no home location, so travel cannot be estimated; they were left out. */
        VOLUNTEER_WITHOUT_HOME,
        /** No availability window of the volunteer covers a slot of the problem; they were left out. */
        VOLUNTEER_WITHOUT_AVAILABILITY
    }
}
