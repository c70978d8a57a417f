package org.fieldplan.api.errors;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The outermost filter: a database outage met before Spring MVC (checking an account's key, counting failed
 * credentials) would otherwise leave the filters as an exception and become a 500; it is answered like one met in
 * a handler, 503 with {@code Retry-After} ({@link DatabaseOutage}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    private final ProblemResponses problems;

    DatabaseOutageFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseOutage.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            LOG.warn("Database unavailable: {} {} answered 503 ({})", request.getMethod(), request.getRequestURI(),
                    e.toString());
            response.reset();
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
            problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.DETAIL);
        }
    }
}
