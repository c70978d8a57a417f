package org.fieldplan.api.signups;

import org.fieldplan.api.jobs.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Where sign-ups live: in memory by default, in PostGIS with {@code fieldplan.store=postgis} (the
 * {@link JobRepository} only so that the API's migrations have made the table first).
 */
@Configuration
public class SignUpStoreConfiguration {

    private static final String STORE = "fieldplan.store";

    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "memory", matchIfMissing = true)
    SignUpStore inMemorySignUps() {
        return new InMemorySignUpStore();
    }

    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "postgis")
    SignUpStore postgisSignUps(HikariDataSource dataSource, JobRepository migrated) {
        return new PostgisSignUpStore(dataSource);
    }
}
