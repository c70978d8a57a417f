package org.fieldplan.api.security;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the per-handler role checks in front of {@code /api/**} and lets handlers take the {@link Caller}. */
@Configuration
class SecurityWebConfig implements WebMvcConfigurer {

    private final AllowedRolesInterceptor interceptor;
    private final CallerResolver callerResolver;

    SecurityWebConfig(AllowedRolesInterceptor interceptor, CallerResolver callerResolver) {
        this.interceptor = interceptor;
        this.callerResolver = callerResolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(interceptor).addPathPatterns("/api/**")
                .excludePathPatterns(SecurityConfiguration.PUBLIC_API);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(callerResolver);
    }
}
