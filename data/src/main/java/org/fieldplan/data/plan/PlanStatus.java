package org.fieldplan.data.plan;

/** Where a plan is in its life. */
public enum PlanStatus {
    /** Being edited or solved; not yet sent to volunteers. */
    DRAFT,
    /** Solved and ready to review. */
    SOLVED,
    /** Sent to volunteers; field reports come in against it. */
    PUBLISHED,
    /** Replaced or over; kept for its field reports. */
    ARCHIVED
}
