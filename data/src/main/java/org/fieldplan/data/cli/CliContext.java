package org.fieldplan.data.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

import org.fieldplan.data.calendar.CampaignClock;
import org.fieldplan.data.DataStores;
import org.fieldplan.validation.IdAlphabet;
import org.postgresql.ds.PGSimpleDataSource;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * What every {@code fieldplan} subcommand shares: where it prints, the environment it reads (the database, "now"),
 * and the checks of options that picocli's types cannot make. A failed check is a {@link ParameterException}: one
 * line naming the option, exit code 2.
 */
public record CliContext(PrintStream out, PrintStream err, Map<String, String> environment) {

    /** The usage footer's line of every command that reads or writes the database. */
    static final String DATABASE = "Database: FIELDPLAN_DB_URL (e.g. jdbc:postgresql://127.0.0.1:5432/fieldplan),%n"
            + "  FIELDPLAN_DB_USER, FIELDPLAN_DB_PASSWORD.";

    /** {@code option FILE} names an existing file, else a usage error naming the option. */
    public static Path existingFile(CommandSpec spec, String option, Path file) {
        if (file == null || !file.toFile().isFile()) {
            throw new ParameterException(spec.commandLine(), option + " " + file + ": no such file");
        }
        return file;
    }

    /** A count given to {@code option}: at least 1. */
    public static int positive(CommandSpec spec, String option, int value) {
        if (value <= 0) {
            throw new ParameterException(spec.commandLine(), option + " must be positive, got " + value);
        }
        return value;
    }

    /** {@code --region}: region ids travel in the API's URLs, so they are in the id alphabet. */
    public static String regionId(CommandSpec spec, String region) {
        IdAlphabet.problem(region).ifPresent(problem -> {
            throw new ParameterException(spec.commandLine(), "--region " + problem);
        });
        return region;
    }

    /** "Now": {@code FIELDPLAN_NOW} when set (rehearsals of past dates), else the system clock. */
    public CampaignClock clock(CommandSpec spec) {
        try {
            return CampaignClock.fromEnvironment(environment);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The stores of the PostGIS database named by {@code FIELDPLAN_DB_URL}; a usage error when it is not set. */
    public DataStores stores(CommandSpec spec) {
        return DataStores.postgis(dataSource(spec));
    }

    /** The PostGIS database named by {@code FIELDPLAN_DB_URL}; a usage error when it is not set. */
    public PGSimpleDataSource dataSource(CommandSpec spec) {
        String url = environment.get("FIELDPLAN_DB_URL");
        if (url == null || url.isBlank()) {
            throw new ParameterException(spec.commandLine(),
                    "FIELDPLAN_DB_URL is not set (e.g. jdbc:postgresql://127.0.0.1:5432/fieldplan)");
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        try {
            dataSource.setUrl(url);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "FIELDPLAN_DB_URL is not a PostgreSQL JDBC URL: " + url);
        }
        dataSource.setUser(environment.getOrDefault("FIELDPLAN_DB_USER", "postgres"));
        dataSource.setPassword(environment.getOrDefault("FIELDPLAN_DB_PASSWORD", ""));
        return dataSource;
    }
}
