package org.fieldplan.api.security;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.fieldplan.api.errors.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Spring Security's authentication step for FieldPlan's header credentials: the first header present among the
 * {@link CredentialAuthenticator}s' is checked; a known credential becomes the request's authentication (principal:
 * the {@link Caller}, authority: its role), whatever other clients at the same address did; an unknown one is
 * counted in {@link FailedAttempts} and answered 401, or 429 with {@code Retry-After} once the address has used up
 * its budget of failures. Without any credential the request goes on anonymous, and the authorization rules decide.
 */
public class CredentialFilter extends OncePerRequestFilter {

    /** The header of API keys (accounts and bootstrap keys). */
    public static final String API_KEY = "X-Api-Key";

    private final List<CredentialAuthenticator> authenticators;
    private final FailedAttempts failures;
    private final ProblemResponses problems;

    public CredentialFilter(List<CredentialAuthenticator> authenticators, FailedAttempts failures,
            ProblemResponses problems) {
        this.authenticators = List.copyOf(authenticators);
        this.failures = failures;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (CredentialAuthenticator authenticator : authenticators) {
            String credential = request.getHeader(authenticator.header());
            if (credential == null) {
                continue;
            }
            Optional<Caller> caller = authenticator.authenticate(credential);
            if (caller.isEmpty()) {
                long wait = failures.failed(request.getRemoteAddr());
                if (wait > 0) {
                    response.setHeader("Retry-After", Long.toString(wait));
                    problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "too many failed credentials from this "
                            + "address; try again in " + wait + " s (valid credentials are still accepted)");
                } else {
                    problems.write(response, HttpStatus.UNAUTHORIZED,
                            "the credential in the " + authenticator.header() + " header is not valid");
                }
                return;
            }
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new PreAuthenticatedAuthenticationToken(caller.get(), null,
                    AuthorityUtils.createAuthorityList(caller.get().role().authority())));
            SecurityContextHolder.setContext(context);
            break;
        }
        chain.doFilter(request, response);
    }
}
