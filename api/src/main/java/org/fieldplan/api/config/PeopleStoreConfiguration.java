package org.fieldplan.api.config;

import java.time.Clock;

import org.fieldplan.api.accounts.AccountStore;
import org.fieldplan.api.accounts.InMemoryAccountStore;
import org.fieldplan.api.accounts.PostgisAccountStore;
import org.fieldplan.api.audit.AuditLog;
import org.fieldplan.api.audit.InMemoryAuditLog;
import org.fieldplan.api.audit.PostgisAuditLog;
import org.fieldplan.api.jobs.JobRepository;
import org.fieldplan.api.security.FailedCredentialStore;
import org.fieldplan.api.security.InMemoryFailedCredentialStore;
import org.fieldplan.api.security.PostgisFailedCredentialStore;
import org.fieldplan.api.volunteers.InMemoryPeopleVersion;
import org.fieldplan.api.volunteers.InMemoryShiftStatusStore;
import org.fieldplan.api.volunteers.InMemoryVolunteerLinkStore;
import org.fieldplan.api.volunteers.PeopleVersion;
import org.fieldplan.api.volunteers.PostgisPeopleVersion;
import org.fieldplan.api.volunteers.PostgisShiftStatusStore;
import org.fieldplan.api.volunteers.PostgisVolunteerLinkStore;
import org.fieldplan.api.volunteers.ShiftStatusStore;
import org.fieldplan.api.volunteers.VolunteerLinkStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Where accounts, the audit trail, volunteers' links, shift answers and their {@link PeopleVersion}, and the count of
 * failed credentials live: in memory
 * by default, in the API's PostGIS tables with {@code fieldplan.store=postgis}. The PostGIS stores take the
 * {@link JobRepository} only so that the API's migrations (which it runs) have made their tables first.
 */
@Configuration
public class PeopleStoreConfiguration {

    private static final String STORE = "fieldplan.store";

    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "memory", matchIfMissing = true)
    AccountStore inMemoryAccounts() {
        return new InMemoryAccountStore();
    }

    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "postgis")
    AccountStore postgisAccounts(HikariDataSource dataSource, JobRepository migrated) {
        return new PostgisAccountStore(dataSource);
    }

    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "memory", matchIfMissing = true)
    AuditLog inMemoryAuditLog() {
        return new InMemoryAuditLog();
    }

    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "postgis")
    AuditLog postgisAuditLog(HikariDataSource dataSource, JobRepository migrated) {
        return new PostgisAuditLog(dataSource);
    }

    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "memory", matchIfMissing = true)
    VolunteerLinkStore inMemoryVolunteerLinks(InMemoryPeopleVersion version) {
        return new InMemoryVolunteerLinkStore(version);
    }

    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "postgis")
    VolunteerLinkStore postgisVolunteerLinks(HikariDataSource dataSource, JobRepository migrated) {
        return new PostgisVolunteerLinkStore(dataSource);
    }

    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "memory", matchIfMissing = true)
    ShiftStatusStore inMemoryShiftStatuses(InMemoryPeopleVersion version) {
        return new InMemoryShiftStatusStore(version);
    }

    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "postgis")
    ShiftStatusStore postgisShiftStatuses(HikariDataSource dataSource, JobRepository migrated) {
        return new PostgisShiftStatusStore(dataSource);
    }

    /** The counter the in-memory link and status stores move on after each write. */
    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "memory", matchIfMissing = true)
    InMemoryPeopleVersion inMemoryPeopleVersion() {
        return new InMemoryPeopleVersion();
    }

    /** The counter the triggers of the API's migration {@code V14_13_4} keep. */
    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "postgis")
    PeopleVersion postgisPeopleVersion(HikariDataSource dataSource, JobRepository migrated) {
        return new PostgisPeopleVersion(dataSource);
    }

    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "memory", matchIfMissing = true)
    FailedCredentialStore inMemoryFailedCredentials(Clock clock) {
        return new InMemoryFailedCredentialStore(clock);
    }

    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "postgis")
    FailedCredentialStore postgisFailedCredentials(HikariDataSource dataSource, JobRepository migrated) {
        return new PostgisFailedCredentialStore(dataSource);
    }
}
