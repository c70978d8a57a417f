package org.fieldplan.data.testing;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.fieldplan.data.DataStores;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The test database named by {@code FIELDPLAN_DB_URL} ({@code _USER}, {@code _PASSWORD}), as
 * {@code scripts/with-postgis.sh} provides. Fails rather than skips without one, so a green build means the PostGIS
 * code was tested.
 */
public final class TestDatabase {

    private static DataStores stores;

    private TestDatabase() {
    }

    /** The stores on the test database, migrated once per test JVM and shared by the tests. */
    public static synchronized DataStores stores() {
        if (stores == null) {
            stores = DataStores.postgis(dataSource());
        }
        return stores;
    }

    public static PGSimpleDataSource dataSource() {
        String url = System.getenv("FIELDPLAN_DB_URL");
        if (url == null || url.isBlank()) {
            fail("FIELDPLAN_DB_URL is not set: run the tests through scripts/with-postgis.sh "
                    + "(e.g. bash scripts/with-postgis.sh mvn -B test)");
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(System.getenv().getOrDefault("FIELDPLAN_DB_USER", "postgres"));
        dataSource.setPassword(System.getenv().getOrDefault("FIELDPLAN_DB_PASSWORD", ""));
        return dataSource;
    }

    /**
     * A new, empty database with PostGIS in the test cluster, for a test that must control the schema itself (e.g.
     * migrate step by step); left behind with the throwaway cluster.
     */
    public static PGSimpleDataSource fresh(String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        try (Connection admin = dataSource().getConnection(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        PGSimpleDataSource fresh = dataSource();
        fresh.setDatabaseName(name);
        try (Connection connection = fresh.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION postgis");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot enable PostGIS in " + name, e);
        }
        return fresh;
    }
}
