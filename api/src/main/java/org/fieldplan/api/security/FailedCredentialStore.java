package org.fieldplan.api.security;

import java.time.Duration;

/**
 * Where failed credentials are counted, per client address in fixed windows: in memory (one instance) or in
 * PostGIS, shared by every instance on the database.
 */
public interface FailedCredentialStore {

    /**
     * Counts one failed credential of the client: in its current window, or in a new one starting now when the last
     * is older than {@code window}.
     *
     * @return the failures of the window after this one, and how long until the window ends
     */
    Count recordFailure(String client, Duration window);

    /** A window's failures so far and the time left in it. */
    record Count(int failures, Duration untilReset) {
    }
}
