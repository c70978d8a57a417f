package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Fresh PostGIS databases in the cluster named by {@code FIELDPLAN_DB_URL} ({@code scripts/with-postgis.sh} provides
 * one), one per test class: service instances claim every queued or abandoned job in their database, so tests that
 * run instances must not share one. Fails, rather than skips, without a database.
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** Creates an empty database with PostGIS and returns its JDBC URL. */
    public static String fresh(String prefix) {
        String url = System.getenv("FIELDPLAN_DB_URL");
        assertThat(url).as("FIELDPLAN_DB_URL must name a PostGIS database: run under scripts/with-postgis.sh")
                .isNotBlank();
        String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        try (Connection admin = DriverManager.getConnection(url, user(), password());
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        String fresh = url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        try (Connection connection = DriverManager.getConnection(fresh, user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION postgis");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot enable PostGIS in " + name, e);
        }
        return fresh;
    }

    /**
     * Command-line arguments of a service instance on the database: random port, {@code fieldplan.store=postgis}.
     * Arguments rather than builder properties: those are defaults that application.properties would override.
     */
    public static String[] postgisServiceArguments(String url) {
        return new String[] {"--server.port=0", "--fieldplan.store=postgis", "--fieldplan.datasource.url=" + url,
                "--fieldplan.datasource.username=" + user(), "--fieldplan.datasource.password=" + password()};
    }

    public static String user() {
        return env("FIELDPLAN_DB_USER");
    }

    public static String password() {
        return env("FIELDPLAN_DB_PASSWORD");
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }
}
