package org.fieldplan.api.audit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The audit trail in memory: the latest {@link #CAPACITY} entries, lost on exit. */
public class InMemoryAuditLog implements AuditLog {

    static final int CAPACITY = 100_000;

    private final Deque<AuditEntry> entries = new ArrayDeque<>();

    @Override
    public synchronized void record(AuditEntry entry) {
        entries.addFirst(entry);
        if (entries.size() > CAPACITY) {
            entries.removeLast();
        }
    }

    @Override
    public synchronized List<AuditEntry> recent(int limit) {
        return entries.stream().limit(limit).toList();
    }
}
