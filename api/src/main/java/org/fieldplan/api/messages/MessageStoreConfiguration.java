package org.fieldplan.api.messages;

import java.time.Clock;

import org.fieldplan.api.jobs.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The outbox, contacts and opt-outs: in memory by default, in the API's PostGIS tables ({@code V18__message_outbox})
 * with {@code fieldplan.store=postgis}; the {@link JobRepository} is taken so that its migrations have run first.
 */
@Configuration
public class MessageStoreConfiguration {

    private static final String STORE = "fieldplan.store";

    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "memory", matchIfMissing = true)
    MessageOutbox inMemoryOutbox(Clock clock) {
        return new InMemoryMessageOutbox(clock);
    }

    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "postgis")
    MessageOutbox postgisOutbox(HikariDataSource dataSource, JobRepository migrated) {
        return new PostgisMessageOutbox(dataSource);
    }

    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "memory", matchIfMissing = true)
    ContactStore inMemoryContacts() {
        return new InMemoryContactStore();
    }

    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "postgis")
    ContactStore postgisContacts(HikariDataSource dataSource, JobRepository migrated) {
        return new PostgisContactStore(dataSource);
    }

    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "memory", matchIfMissing = true)
    OptOutStore inMemoryOptOuts() {
        return new InMemoryOptOutStore();
    }

    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "postgis")
    OptOutStore postgisOptOuts(HikariDataSource dataSource, JobRepository migrated) {
        return new PostgisOptOutStore(dataSource);
    }
}
