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
            @Value("${fieldplan.datasource.pool-size:8}") int poolSize,
            @Value("${fieldplan.datasource.connection-timeout-millis:3000}") long connectionTimeoutMillis,
            @Value("${fieldplan.datasource.socket-timeout-seconds:600}") int socketTimeoutSeconds) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(username);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        // A request waits at most this long for a connection when the database is away (then 503), not Hikari's
        // default 30 s; the health check's "DOWN" comes as quickly.
        config.setConnectionTimeout(connectionTimeoutMillis);
        config.setValidationTimeout(Math.min(1000, connectionTimeoutMillis - 250));
        // The driver's own limits: opening a connection, and a read that never returns (a database host gone
        // without closing its connections). The read limit stays long enough for the largest region's import.
        config.addDataSourceProperty("connectTimeout", Math.max(1, connectionTimeoutMillis / 1000));
        config.addDataSourceProperty("socketTimeout", socketTimeoutSeconds);
        config.addDataSourceProperty("tcpKeepAlive", true);
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
