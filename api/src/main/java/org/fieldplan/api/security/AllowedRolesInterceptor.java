package org.fieldplan.api.security;

import java.util.Arrays;

import org.fieldplan.api.errors.ApiException;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

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
        AllowedRoles allowed = method.getMethodAnnotation(AllowedRoles.class);
        if (allowed == null || !Arrays.asList(allowed.value()).contains(caller.role())) {
            throw ApiException.forbidden("the " + caller.role() + " role may not " + request.getMethod() + " "
                    + request.getRequestURI());
        }
        return true;
    }
}
