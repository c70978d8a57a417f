package org.fieldplan.api.config;

import java.time.Clock;

import org.fieldplan.api.jobs.InMemoryJobRepository;
import org.fieldplan.api.jobs.JobRepository;
import org.fieldplan.api.jobs.PostgisJobRepository;
import org.fieldplan.data.DataStores;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Chooses the data layer's stores and where jobs are kept: in memory by default, PostGIS when
 * {@code fieldplan.store=postgis}.
 */
@Configuration
public class StoreConfiguration {

    @Bean
    @ConditionalOnProperty(name = "fieldplan.store", havingValue = "memory", matchIfMissing = true)
    DataStores inMemoryStores() {
        return DataStores.inMemory();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "fieldplan.store", havingValue = "postgis")
    HikariDataSource fieldPlanDataSource(@Value("${fieldplan.datasource.url}") String url,
            @Value("${fieldplan.datasource.username:}") String username,
            @Value("${fieldplan.datasource.password:}") String password,
            @Value("${fieldplan.datasource.pool-size:8}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(username);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        return new HikariDataSource(config);
    }

    @Bean
    @ConditionalOnProperty(name = "fieldplan.store", havingValue = "postgis")
    DataStores postgisStores(HikariDataSource dataSource) {
        return DataStores.postgis(dataSource);
    }

    @Bean
    @ConditionalOnProperty(name = "fieldplan.store", havingValue = "postgis")
    JobRepository postgisJobs(HikariDataSource dataSource, DataStores stores) {
        // Takes the stores so that the data layer's schema (which api_job refers to) is migrated first.
        return new PostgisJobRepository(dataSource);
    }

    /** With the in-memory store jobs are not durable either: a restart loses them (documented). */
    @Bean
    @ConditionalOnProperty(name = "fieldplan.store", havingValue = "memory", matchIfMissing = true)
    JobRepository inMemoryJobs(Clock clock) {
        return new InMemoryJobRepository(clock);
    }
}
