package vn.portal.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged service as a separate JVM on a free port and a data directory of its own, so a
 * test can kill it with SIGKILL and start it again on the same files.
 */
final class RunningService implements AutoCloseable {

    private final Path dataDir;
    private final Path log;
    private final int port;
    private final List<String> extraProperties;
    private Process process;

    RunningService(Path dataDir, String name, String... extraProperties) throws IOException {
        this.dataDir = dataDir;
        this.log = Path.of(System.getProperty("portal.it-dir", "target/it")).resolve(name + ".log");
        Files.createDirectories(log.getParent());
        this.port = freePort();
        this.extraProperties = List.of(extraProperties);
    }

    /** The first admin's password on a fresh database (demo data brings its own admin instead). */
    static final String ADMIN_PASSWORD = "it-admin-password";
    static final String AUTHORIZATION = "Basic " + java.util.Base64.getEncoder()
            .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));

    String baseUri() {
        return "http://localhost:" + port;
    }

    int port() {
        return port;
    }

    /** Starts the jar and waits until it is ready. */
    void start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port,
                "-Dportal.data-dir=" + dataDir.toAbsolutePath(),
                "-Dportal.admin.initial-password=" + ADMIN_PASSWORD));
        extraProperties.forEach(p -> command.add("-D" + p));
        command.add("-jar");
        command.add(Path.of(System.getProperty("portal.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath().toString());
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited on start; see " + log);
            }
            try {
                HttpResponse<Void> ready = client.send(HttpRequest.newBuilder(URI.create(baseUri() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The service did not become ready in 90 s; see " + log);
    }

    /** The service's log (stdout and stderr, appended across restarts). */
    Path log() {
        return log;
    }

    /** SIGTERM, without waiting: the service drains and stops as configured ({@link #awaitExit}). */
    void terminate() {
        process.destroy();
    }

    /** Waits for the process to end; its exit status, or -1 if it still runs after {@code timeout}. */
    int awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed on the way out. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
