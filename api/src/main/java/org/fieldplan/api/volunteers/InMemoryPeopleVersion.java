package org.fieldplan.api.volunteers;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The people counter of the in-memory stores, which move it on after each of their writes. */
public class InMemoryPeopleVersion implements PeopleVersion {

    private final Map<String, AtomicLong> versions = new ConcurrentHashMap<>();

    @Override
    public long current(String jobId) {
        AtomicLong version = versions.get(jobId);
        return version == null ? 0 : version.get();
    }

    /** Call after the job's people data changed (never before: a reader could cache the old data under it). */
    void changed(String jobId) {
        versions.computeIfAbsent(jobId, id -> new AtomicLong()).incrementAndGet();
    }
}
