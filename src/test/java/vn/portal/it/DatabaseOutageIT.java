package vn.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import org.h2.tools.Server;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under the packaged service and comes back: readiness answers 503 with its
 * database check DOWN while liveness stays 200, then readiness is 200 again, with no restart. The
 * database is H2 served over TCP by this test, so that stopping it is the database going away
 * (the service's own embedded H2 cannot be taken from it). A PostgreSQL build cannot talk to it:
 * there the test is skipped.
 */
class DatabaseOutageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DATABASE_CHECK = "Database connections health check";


    @Test
    void readinessFollowsTheDatabaseWhileLivenessStaysUp() throws Exception {
        Assumptions.assumeFalse("postgresql".equals(System.getProperty("test.database")),
                "a PostgreSQL build cannot use the test's H2 server");
        Path dataDir = Files.createTempDirectory("portal-outage");
        int dbPort = freePort();
        Server database = startDatabase(dbPort, dataDir);
        try (RunningService service = new RunningService(dataDir, "database-outage",
                "quarkus.datasource.jdbc.url=jdbc:h2:tcp://localhost:" + dbPort + "/portal;LOCK_TIMEOUT=10000",
                "quarkus.shutdown.delay=0s")) {
            service.start();
            assertEquals("UP", check(service.get("/q/health/ready"), DATABASE_CHECK));

            database.stop();
            long stopped = System.nanoTime();
            HttpResponse<String> down = service.awaitStatus("/q/health/ready", 503, Duration.ofSeconds(30));
            long detected = System.nanoTime();
            assertEquals("DOWN", check(down, DATABASE_CHECK), down.body());
            for (int i = 0; i < 3; i++) {
                long asked = System.nanoTime();
                HttpResponse<String> live = service.get("/q/health/live");
                assertEquals(200, live.statusCode(), "liveness while the database is gone: " + live.body());
                assertTrue(Duration.ofNanos(System.nanoTime() - asked).toMillis() < 1000, "liveness waited on something");
                HttpResponse<String> ready = service.get("/q/health/ready");
                assertEquals(503, ready.statusCode(), ready.body());
            }
            // H2's client retries a refused connection for a few seconds before it gives up
            long probe = System.nanoTime();
            service.get("/q/health/ready");
            long probeMillis = Duration.ofNanos(System.nanoTime() - probe).toMillis();

            database = startDatabase(dbPort, dataDir);
            long restarted = System.nanoTime();
            HttpResponse<String> back = service.awaitStatus("/q/health/ready", 200, Duration.ofSeconds(30));
            assertEquals("UP", check(back, DATABASE_CHECK));
            assertEquals(200, service.get("/api/v1/me").statusCode(), "the service works again without a restart");
            System.out.printf("DatabaseOutageIT: readiness DOWN %d ms after the database stopped (a probe then takes "
                    + "%d ms), UP %d ms after it came back; liveness 200 throughout%n",
                    Duration.ofNanos(detected - stopped).toMillis(), probeMillis,
                    Duration.ofNanos(System.nanoTime() - restarted).toMillis());
        } finally {
            database.stop();
        }
    }

    private static Server startDatabase(int port, Path dir) throws SQLException {
        return Server.createTcpServer("-tcpPort", Integer.toString(port), "-baseDir", dir.toAbsolutePath().toString(),
                "-ifNotExists").start();
    }

    private static String check(HttpResponse<String> health, String name) throws IOException {
        for (JsonNode check : JSON.readTree(health.body()).get("checks")) {
            if (check.get("name").asText().equals(name)) {
                return check.get("status").asText();
            }
        }
        return fail("no check named " + name + " in " + health.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
