package org.fieldplan.api.volunteers;

/** What a volunteer said about a shift, or what happened in it; the latest word wins. */
public enum ShiftStatus {
    /** "I'm coming." */
    CONFIRMED,
    /** "I can't make it": the shift was cancelled and the plan repaired. */
    DECLINED,
    /** The shift was worked and reported (doors, conversations). */
    WORKED,
    /** The organizer recorded that the volunteer did not come. */
    NO_SHOW
}
