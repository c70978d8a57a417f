package org.fieldplan.api.security;

import java.util.List;

import org.fieldplan.api.errors.ProblemResponses;
import org.fieldplan.api.map.MapProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.DispatcherType;

/**
 * Spring Security in front of the service: {@code /api/**} needs a credential ({@link CredentialFilter}); account
 * and audit endpoints need the admin role, a volunteer's own endpoints the volunteer role; every other handler's
 * roles are its {@link AllowedRoles}. Static pages, health and the OpenAPI document are public. Credentials travel
 * only in headers (no cookies, no session), so there is no CSRF to guard against.
 */
@Configuration
class SecurityConfiguration {

    /**
     * The only API paths without a credential: each checks its own signature or secret (a volunteer's one-click
     * unsubscribe link, the SMS provider's calls with replies such as STOP) or is rate-limited per client address and
     * contact (the public sign-up page's reads and writes).
     */
    static final String[] PUBLIC_API = {"/api/messages/unsubscribe", "/api/messages/sms/inbound/*",
        "/api/sign-up/**"};


    /** The pages use none of the browser's powerful features. */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
    /** Springdoc's Swagger UI, which sets inline styles: its own policy (see {@link ContentSecurityPolicy}). */
    private static final RequestMatcher SWAGGER_UI = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, List<CredentialAuthenticator> authenticators,
            FailedAttempts failures, ProblemResponses problems, MapProperties map) throws Exception {
        String volunteer = Role.VOLUNTEER.name();
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // On every answer, pages and API alike; Spring Security's defaults add nosniff, DENY framing and
                // cache control.
                .headers(headers -> headers
                        .addHeaderWriter(policy(SWAGGER_UI, ContentSecurityPolicy.swaggerUi(map)))
                        .addHeaderWriter(policy(new NegatedRequestMatcher(SWAGGER_UI), ContentSecurityPolicy.of(map)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                        .crossOriginOpenerPolicy(opener -> opener.policy(CrossOriginOpenerPolicy.SAME_ORIGIN))
                        .frameOptions(frames -> frames.deny()))
                .addFilterBefore(new CredentialFilter(authenticators, failures, problems),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // Server-sent events and error pages are re-dispatches of a request already checked.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/api/accounts/**", "/api/audit/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/jobs/*/me", "/api/jobs/*/me/**").hasRole(volunteer)
                        .requestMatchers(PUBLIC_API).permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problems.write(response,
                                HttpStatus.UNAUTHORIZED, "send an API key in the " + CredentialFilter.API_KEY
                                        + " header (or a volunteer link's token)"))
                        .accessDeniedHandler((request, response, e) -> problems.write(response,
                                HttpStatus.FORBIDDEN, "your role may not " + request.getMethod() + " "
                                        + request.getRequestURI())));
        return http.build();
    }

    private static HeaderWriter policy(RequestMatcher requests, String directives) {
        return new DelegatingRequestMatcherHeaderWriter(requests, new ContentSecurityPolicyHeaderWriter(directives));
    }

    /**
     * Requests Spring Security's firewall refuses (an encoded {@code ;}, {@code //} or {@code ..} in the path) get a
     * 400 problem like every other bad request, not Spring Boot's own JSON error page.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
        return (request, response, e) -> problems.write(response, HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
