package org.fieldplan.api.audit;

import java.util.List;

import org.fieldplan.api.errors.ApiException;
import org.fieldplan.api.security.AllowedRoles;
import org.fieldplan.api.security.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admins read who changed what: {@code GET /api/audit?limit=}. */
@RestController
@RequestMapping("/api/audit")
public class AuditController {

    private static final int MAX_LIMIT = 10_000;

    private final AuditLog log;

    public AuditController(AuditLog log) {
        this.log = log;
    }

    @GetMapping
    @AllowedRoles(Role.ADMIN)
    public List<AuditEntry> recent(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.invalid("limit", "must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        return log.recent(limit);
    }
}
