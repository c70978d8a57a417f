package org.fieldplan.data.plan;

import org.fieldplan.domain.Assignment;

/** An assignment of a stored plan, with whether the shift was reported done. */
public record StoredAssignment(Assignment assignment, boolean done) {
}
