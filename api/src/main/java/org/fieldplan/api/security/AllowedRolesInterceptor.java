package org.fieldplan.api.security;

import java.util.Arrays;
import java.util.Map;

import org.fieldplan.api.errors.ApiException;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Checks each {@code /api} handler's {@link AllowedRoles} against the caller Spring Security authenticated
 * ({@link CredentialFilter}); a handler without the annotation is refused. Failures are thrown, so they are answered
 * as problem details like every other error.
 */
@Component
public class AllowedRolesInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Caller caller = CallerResolver.current()
                .orElseThrow(() -> ApiException.unauthenticated("send an API key in the " + CredentialFilter.API_KEY
                        + " header"));
        if (caller.role() == Role.VOLUNTEER && !caller.jobId().equals(jobIdOf(request))) {
            // A personal link is for one plan: anywhere else it is no credential at all.
            throw ApiException.unauthenticated("this volunteer link is for another plan");
        }
        AllowedRoles allowed = method.getMethodAnnotation(AllowedRoles.class);
        if (allowed == null || !Arrays.asList(allowed.value()).contains(caller.role())) {
            throw ApiException.forbidden("the " + caller.role() + " role may not " + request.getMethod() + " "
                    + request.getRequestURI());
        }
        return true;
    }

    private static String jobIdOf(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map && map.get("jobId") instanceof String jobId ? jobId : null;
    }
}
