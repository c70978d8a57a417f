package org.fieldplan.api.security;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts API-key checks in front of {@code /api/**}. */
@Configuration
class SecurityWebConfig implements WebMvcConfigurer {

    private final ApiKeyInterceptor interceptor;
    private final CallerResolver callerResolver;

    SecurityWebConfig(ApiKeyInterceptor interceptor, CallerResolver callerResolver) {
        this.interceptor = interceptor;
        this.callerResolver = callerResolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(interceptor).addPathPatterns("/api/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(callerResolver);
    }
}
