package org.fieldplan.api.streets;

import org.fieldplan.data.DataStores;
import org.fieldplan.data.streets.InMemoryStreetStore;
import org.fieldplan.data.streets.PostgisStreetStore;
import org.fieldplan.data.streets.StreetStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Where regions' roads and meeting points are kept: in memory by default, PostGIS with
 * {@code fieldplan.store=postgis}.
 */
@Configuration
public class StreetsConfiguration {

    private static final String STORE = "fieldplan.store";

    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "memory", matchIfMissing = true)
    StreetStore inMemoryStreets() {
        return new InMemoryStreetStore();
    }

    /** The data layer's migrations (which the stores ran) made the tables. */
    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "postgis")
    StreetStore postgisStreets(HikariDataSource dataSource, DataStores migrated) {
        return new PostgisStreetStore(dataSource);
    }
}
