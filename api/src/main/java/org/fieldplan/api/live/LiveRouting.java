package org.fieldplan.api.live;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fieldplan.api.errors.ProblemResponses;
import org.fieldplan.api.security.Caller;
import org.fieldplan.api.security.CallerResolver;
import org.fieldplan.api.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The region-scoped addresses of the live plan's sheets, news and volunteer pages: {@code /api/regions/{region}/live/X}
 * is served as {@code /api/jobs/{live job}/X} (a server-side forward, after authentication: the same handlers, roles
 * and checks). A write that succeeds is recorded as a version of the live plan, with who and what; writes to one
 * region's live plan are handled one at a time on this instance.
 */
class LiveRouting extends OncePerRequestFilter {

    private static final Pattern LIVE = Pattern.compile("^/api/regions/([^/]+)/live/(([^/]+)(/.*)?)$");
    /** The job endpoints a live plan serves under its region. */
    static final Set<String> FORWARDED = Set.of("assignments", "assignments.csv", "assignments.geojson", "precincts",
            "precincts.geojson", "plan", "explain", "cancellations", "field-reports", "volunteers",
            "recommendations", "me", "unconfirmed", "no-shows", "volunteer-links", "attendance", "messages");

    private final LivePlans live;
    private final LiveEvents events;
    private final ProblemResponses problems;

    LiveRouting(LivePlans live, LiveEvents events, ProblemResponses problems) {
        this.live = live;
        this.events = events;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher matcher = LIVE.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        Optional<Caller> caller = CallerResolver.current();
        if (!matcher.matches() || !FORWARDED.contains(matcher.group(3)) || caller.isEmpty()
                || !LivePlans.REGION_ID.matcher(matcher.group(1)).matches()) {
            // Not a forwarded address (or no credential: the security rules have answered already).
            chain.doFilter(request, response);
            return;
        }
        String regionId = matcher.group(1);
        String rest = matcher.group(2);
        Optional<String> jobId = live.liveJobId(regionId);
        if (jobId.isEmpty()) {
            problems.write(response, HttpStatus.NOT_FOUND, "nothing was published as the live plan of region "
                    + regionId);
            return;
        }
        String method = request.getMethod();
        // Links, messages and contact details reach volunteers without changing who goes where: no version.
        boolean changesPlan = !"GET".equals(method) && !"HEAD".equals(method) && !rest.startsWith("volunteer-links")
                && !rest.startsWith("messages") && !rest.endsWith("/contact");
        if (!changesPlan) {
            forward(request, response, jobId.get(), rest);
            return;
        }
        try {
            live.exclusively(regionId, () -> {
                // The live job again, now that no other write of this instance can change it.
                String job = live.liveJobId(regionId).orElseThrow();
                forward(request, response, job, rest);
                if (response.getStatus() < 300) {
                    String kind = caller.get().role() == Role.VOLUNTEER ? "volunteer" : "field-news";
                    live.record(regionId, kind, caller.get(), method + " " + rest);
                }
                return null;
            });
        } catch (Forwarding failed) {
            if (failed.servlet != null) {
                throw failed.servlet;
            }
            throw failed.io;
        }
        events.changed(regionId);
    }

    private static void forward(HttpServletRequest request, HttpServletResponse response, String jobId,
            String rest) {
        try {
            request.getRequestDispatcher("/api/jobs/" + jobId + "/" + rest).forward(request, response);
        } catch (ServletException e) {
            throw new Forwarding(e, null);
        } catch (IOException e) {
            throw new Forwarding(null, e);
        }
    }

    /** Carries a forward's checked exception out of {@link LivePlans#exclusively}. */
    private static final class Forwarding extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ServletException servlet;
        private final transient IOException io;

        Forwarding(ServletException servlet, IOException io) {
            super(null, servlet != null ? servlet : io, false, false);
            this.servlet = servlet;
            this.io = io;
        }
    }
}
