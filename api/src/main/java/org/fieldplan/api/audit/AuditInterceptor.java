package org.fieldplan.api.audit;

import java.time.Clock;

import org.fieldplan.api.security.Caller;
import org.fieldplan.api.security.CallerResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Records every change (any method but GET, HEAD, OPTIONS) an authenticated caller makes under {@code /api}:
 * cancellations, field reports, volunteers' answers, account changes, new jobs — who, what, when and the answer's
 * status. One place for all of them, so no endpoint can forget.
 */
@Component
public class AuditInterceptor implements HandlerInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(AuditInterceptor.class);

    private final AuditLog log;
    private final Clock clock;

    public AuditInterceptor(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception failure) {
        String method = request.getMethod();
        if (!(handler instanceof HandlerMethod) || method.equals("GET") || method.equals("HEAD")
                || method.equals("OPTIONS")) {
            return;
        }
        Caller caller = CallerResolver.current().orElse(null);
        if (caller == null) {
            return;
        }
        try {
            log.record(new AuditEntry(clock.instant(), caller.actor(), caller.role().name(), method,
                    request.getRequestURI(), response.getStatus()));
        } catch (RuntimeException e) {
            // The change itself is done; a lost audit line is logged rather than turned into an error answer.
            LOG.error("Could not record audit entry for {} {} by {}", method, request.getRequestURI(),
                    caller.actor(), e);
        }
    }
}
