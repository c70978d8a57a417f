package org.fieldplan.api.security;

import java.util.Arrays;

import org.fieldplan.api.errors.ApiException;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates every {@code /api} request by its {@code X-Api-Key} header (401 without a known key) and checks the
 * handler's {@link AllowedRoles} (403). The caller is left in a request attribute for {@link CallerResolver}.
 * Failures are thrown, so they are answered as problem details like every other error.
 */
@Component
public class ApiKeyInterceptor implements HandlerInterceptor {

    public static final String HEADER = "X-Api-Key";
    static final String CALLER_ATTRIBUTE = Caller.class.getName();

    private final ApiKeys keys;

    public ApiKeyInterceptor(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        String key = request.getHeader(HEADER);
        if (key == null || key.isBlank()) {
            throw ApiException.unauthenticated("send an API key in the " + HEADER + " header");
        }
        Caller caller = keys.find(key.trim())
                .orElseThrow(() -> ApiException.unauthenticated("the API key is not valid"));
        AllowedRoles allowed = method.getMethodAnnotation(AllowedRoles.class);
        if (allowed == null || !Arrays.asList(allowed.value()).contains(caller.role())) {
            throw ApiException.forbidden("the " + caller.role() + " role may not " + request.getMethod() + " "
                    + request.getRequestURI());
        }
        request.setAttribute(CALLER_ATTRIBUTE, caller);
        return true;
    }
}
