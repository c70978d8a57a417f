package org.fieldplan.api.volunteers;

/**
 * A per-job counter of the people data shown on sheets (shift statuses and volunteers' links) that moves on with
 * every change to it, after the change is visible: a reader that reads the counter first and the data second never
 * caches old data under a new count, so a sheet cached under the current count is never stale. One cheap read per
 * request instead of reading the statuses and links themselves.
 */
public interface PeopleVersion {

    /** The job's current count; 0 before its first change. */
    long current(String jobId);
}
