package org.fieldplan.api.campaigns;

import java.time.Clock;

import org.fieldplan.api.jobs.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Where campaigns live: in memory by default, in PostGIS with {@code fieldplan.store=postgis} (the
 * {@link JobRepository} only so that the API's migrations have made the tables first).
 */
@Configuration
public class CampaignStoreConfiguration {

    private static final String STORE = "fieldplan.store";

    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "memory", matchIfMissing = true)
    CampaignStore inMemoryCampaigns(Clock clock) {
        return new InMemoryCampaignStore(clock);
    }

    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "postgis")
    CampaignStore postgisCampaigns(HikariDataSource dataSource, JobRepository migrated) {
        return new PostgisCampaignStore(dataSource);
    }
}
