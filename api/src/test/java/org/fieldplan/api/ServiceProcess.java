package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The service as a child JVM on the test class path (test profile, PostGIS store), so that a test can kill it with
 * SIGKILL ({@code kill -9}): no shutdown hooks, no final save. Its output goes to {@code target/<name>.log}.
 */
final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    final ApiClient api;

    private ServiceProcess(String name, Process process, int port) {
        this.name = name;
        this.process = process;
        this.api = new ApiClient(port);
    }

    /** Starts an instance on a free port against the database at {@code dbUrl} and waits until it is up. */
    static ServiceProcess start(String name, String dbUrl, String... extraArguments) throws IOException {
        return startAs(name, dbUrl, TestDatabases.user(), TestDatabases.password(), extraArguments);
    }

    /** As {@link #start(String, String, String...)}, on a database of other credentials. */
    static ServiceProcess startAs(String name, String dbUrl, String dbUser, String dbPassword,
            String... extraArguments) throws IOException {
        ServiceProcess service = launchAs(name, dbUrl, dbUser, dbPassword, extraArguments);
        service.awaitUp();
        return service;
    }

    /** Starts an instance without waiting (several start side by side); then {@link #awaitUp()}. */
    static ServiceProcess launch(String name, String dbUrl, String... extraArguments) throws IOException {
        return launchAs(name, dbUrl, TestDatabases.user(), TestDatabases.password(), extraArguments);
    }

    private static ServiceProcess launchAs(String name, String dbUrl, String dbUser, String dbPassword,
            String... extraArguments) throws IOException {
        int port = LocalChannels.freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), FieldPlanApplication.class.getName(),
                "--server.port=" + port, "--spring.profiles.active=test", "--fieldplan.store=postgis",
                "--fieldplan.datasource.url=" + dbUrl, "--fieldplan.datasource.username=" + dbUser,
                "--fieldplan.datasource.password=" + dbPassword));
        command.addAll(List.of(extraArguments));
        File log = new File("target/" + name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        return new ServiceProcess(name, process, port);
    }

    /** Waits until the instance answers its health check. */
    void awaitUp() {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("service process died; see target/" + name + ".log").isTrue();
            try {
                HttpResponse<String> health = api.get("/actuator/health", null);
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYetListening) {
                // still starting
            }
            ApiClient.sleep(250);
        }
        throw new AssertionError("service " + name + " did not start in time");
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** An orderly stop (SIGTERM). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

}
