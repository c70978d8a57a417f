package org.fieldplan.data.postgis;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/** Brings a PostGIS database to the current FieldPlan schema with the Flyway migrations in {@code db/migration}. */
public final class PostgisSchema {

    private PostgisSchema() {
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
