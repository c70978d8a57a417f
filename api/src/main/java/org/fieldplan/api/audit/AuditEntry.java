package org.fieldplan.api.audit;

import java.time.Instant;

/**
 * One change made over the API.
 *
 * @param actor who made it (see {@link org.fieldplan.api.security.Caller#actor()})
 * @param action the HTTP method, e.g. {@code POST}
 * @param target the path, e.g. {@code /api/jobs/7f3a/cancellations}
 * @param status the answer's HTTP status: refused changes are recorded too
 */
public record AuditEntry(Instant at, String actor, String role, String action, String target, int status) {
}
