package org.fieldplan.api.live;

import org.fieldplan.api.errors.ProblemResponses;
import org.fieldplan.api.jobs.JobRepository;
import org.fieldplan.data.DataStores;
import org.fieldplan.data.live.InMemoryLivePlanStore;
import org.fieldplan.data.live.LivePlanStore;
import org.fieldplan.data.live.PostgisLivePlanStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

import jakarta.servlet.DispatcherType;

/** Where live plans are kept (in memory by default, PostGIS with {@code fieldplan.store=postgis}) and their routes. */
@Configuration
public class LiveConfiguration {

    private static final String STORE = "fieldplan.store";

    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "memory", matchIfMissing = true)
    LivePlanStore inMemoryLivePlans() {
        return new InMemoryLivePlanStore();
    }

    /** The data layer's migrations (which the stores ran) made the tables. */
    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "postgis")
    LivePlanStore postgisLivePlans(HikariDataSource dataSource, DataStores migrated, JobRepository jobs) {
        return new PostgisLivePlanStore(dataSource);
    }

    /** After Spring Security (order -100): the caller is known when a request is forwarded. */
    @Bean
    FilterRegistrationBean<LiveRouting> liveRouting(LivePlans live, LiveEvents events, ProblemResponses problems) {
        FilterRegistrationBean<LiveRouting> registration = new FilterRegistrationBean<>(
                new LiveRouting(live, events, problems));
        registration.setOrder(0);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.addUrlPatterns("/api/regions/*");
        return registration;
    }
}
