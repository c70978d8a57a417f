package org.fieldplan.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL + PostGIS cluster of the test's own (as {@code scripts/ensure-postgis.sh} starts one: {@code initdb}
 * and {@code pg_ctl} as user postgres through {@code runuser}, which needs root; data and socket in a temporary
 * directory, a free port, fsync off), so that a test may stop and start the database under a running service.
 * Failing to start it fails the test with the tools' output; {@link #close()} stops it and deletes everything.
 */
final class ThrowawayPostgis implements AutoCloseable {

    private static final String BIN = "/usr/lib/postgresql/15/bin/";

    private final Path directory;
    private final int port;

    private ThrowawayPostgis(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    /** Creates the cluster, starts it and enables PostGIS in its {@code postgres} database. */
    static ThrowawayPostgis start() throws IOException, SQLException {
        if (!Files.isExecutable(Path.of(BIN, "initdb"))) {
            throw new AssertionError("PostgreSQL 15 is not installed (" + BIN + "initdb): scripts/ensure-postgis.sh "
                    + "installs it");
        }
        Path directory = Files.createTempDirectory("fieldplan-outage-pg");
        run(directory, "chown", "postgres:", directory.toString());
        ThrowawayPostgis cluster = new ThrowawayPostgis(directory, LocalChannels.freePort());
        try {
            cluster.postgres(BIN + "initdb", "-D", cluster.data(), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                    "--locale=C.UTF-8");
            cluster.startServer();
            try (Connection connection = DriverManager.getConnection(cluster.url(), "postgres", "");
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE EXTENSION postgis");
            }
            return cluster;
        } catch (IOException | SQLException | RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** Starts the (stopped) server again on the same port. */
    void startServer() throws IOException {
        postgres(BIN + "pg_ctl", "-D", data(), "-l", directory.resolve("server.log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    }

    /** Stops the server as an operator would for maintenance: fast shutdown, open sessions terminated. */
    void stopServer() throws IOException {
        postgres(BIN + "pg_ctl", "-D", data(), "-m", "fast", "-w", "-t", "60", "stop");
    }

    @Override
    public void close() throws IOException {
        if (Files.exists(Path.of(data(), "postmaster.pid"))) {
            stopServer();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private String data() {
        return directory.resolve("data").toString();
    }

    private void postgres(String... command) throws IOException {
        List<String> asPostgres = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        asPostgres.addAll(List.of(command));
        run(directory, asPostgres.toArray(String[]::new));
    }

    /** Runs a command in {@code directory} (postgres may not enter the caller's), failing loudly on any error. */
    private static void run(Path directory, String... command) throws IOException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new AssertionError("cannot run the test's own PostgreSQL cluster (root and the postgres user "
                        + "are needed): " + String.join(" ", command) + "\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
    }
}
