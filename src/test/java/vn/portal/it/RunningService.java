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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.portal.support.TestDatabase;

/**
 * The packaged service as a separate JVM on a free port and a data directory of its own, so a
 * test can kill it with SIGKILL and start it again on the same files. A PostgreSQL build gets a
 * new empty database of its own on the test server, given the way production gives it: in the
 * environment variables {@code QUARKUS_DATASOURCE_JDBC_URL}, {@code _USERNAME}, {@code _PASSWORD}.
 */
final class RunningService implements AutoCloseable {

    private final Path dataDir;
    private final Path log;
    private final int port;
    private final List<String> extraProperties;
    private final Map<String, String> environment = new HashMap<>();
    private Process process;

    RunningService(Path dataDir, String name, String... extraProperties) throws IOException {
        this.dataDir = dataDir;
        this.log = Path.of(System.getProperty("portal.it-dir", "target/it")).resolve(name + ".log");
        Files.createDirectories(log.getParent());
        this.port = freePort();
        this.extraProperties = List.of(extraProperties);
        if (TestDatabase.isPostgresql()) {
            environment.put("QUARKUS_DATASOURCE_JDBC_URL", TestDatabase.freshPostgresqlDatabase(name));
            environment.put("QUARKUS_DATASOURCE_USERNAME", TestDatabase.user());
            environment.put("QUARKUS_DATASOURCE_PASSWORD", TestDatabase.password());
        }
    }

    private RunningService(RunningService first, String name) throws IOException {
        this.dataDir = first.dataDir;
        this.log = first.log.resolveSibling(name + ".log");
        this.port = freePort();
        this.extraProperties = first.extraProperties;
        this.environment.putAll(first.environment);
    }

    /** Another instance of the same service: the same database and data directory, a port of its own. */
    RunningService secondInstance(String name) throws IOException {
        return new RunningService(this, name);
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
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // never a database from the caller's environment: only the one this test made
        builder.environment().keySet().removeIf(variable -> variable.startsWith("QUARKUS_DATASOURCE_"));
        builder.environment().putAll(environment);
        process = builder.start();
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

    /** A GET as the first admin. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    /** A request as the first admin, with {@code body} as JSON unless it is null. */
    HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUri() + path))
                .timeout(Duration.ofSeconds(10)).header("Authorization", AUTHORIZATION);
        request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Asks {@code path} until it answers {@code status}, and fails when it has not within the time given. */
    HttpResponse<String> awaitStatus(String path, int status, Duration within) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = get(path);
            if (last.statusCode() == status) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " did not answer " + status + " within " + within + "; last: "
                + (last == null ? "none" : last.statusCode() + " " + last.body()));
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
