package org.fieldplan.api.audit;

import java.util.List;

/** Where the audit trail is kept: in memory (the default) or PostGIS ({@code api_audit}). */
public interface AuditLog {

    void record(AuditEntry entry);

    /** The latest entries, newest first. */
    List<AuditEntry> recent(int limit);
}
