package vn.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import vn.portal.support.TestDatabase;

/**
 * SIGTERM with a request in flight, against the packaged service and its shipped shutdown settings
 * (readiness DOWN at once, 5 s of delay, 20 s to finish). The request is a POST whose body is only
 * half sent when the signal arrives: it must still be answered 201, and its member must be there
 * after a restart. Meanwhile readiness is 503 and liveness 200; requests are still served during
 * the delay, refused with 503 after it; the process exits 0 as soon as the request is done, and
 * nothing listens any more.
 */
class GracefulShutdownIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DELAY = Duration.ofSeconds(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aRequestInFlightFinishesAndIsKeptWhenTheServiceIsStoppedWithSigterm() throws Exception {
        // the drain is the HTTP layer's and the same on both builds; H2 is where a late commit could be
        // lost (the embedded database closes with the JVM), so that is where it runs
        Assumptions.assumeFalse(TestDatabase.isPostgresql(), "the shutdown drain is checked on the H2 build");
        Path dataDir = Files.createTempDirectory("portal-shutdown");
        try (RunningService service = new RunningService(dataDir, "shutdown")) {
            service.start();
            long subcommittee = createSubcommittee(service);
            byte[] body = JSON.writeValueAsBytes(Map.of("fullName", "Nguyễn Văn Chậm", "role", "MEMBER",
                    "email", "cham." + System.nanoTime() + "@thanhuy.vn", "organization", "Văn phòng Thành ủy"));
            long logBefore = Files.size(service.log());

            try (Socket inFlight = new Socket("localhost", service.port())) {
                inFlight.setSoTimeout((int) TIMEOUT.toMillis());
                OutputStream out = inFlight.getOutputStream();
                out.write(("POST /api/v1/subcommittees/" + subcommittee + "/members HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: " + RunningService.AUTHORIZATION + "\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, body.length / 2);
                out.flush();
                Thread.sleep(300);

                long signalled = System.nanoTime();
                service.terminate();

                HttpResponse<String> ready = service.awaitStatus("/q/health/ready", 503, Duration.ofSeconds(3));
                assertTrue(ready.body().contains("\"Graceful Shutdown\""), ready.body());
                HttpResponse<String> served = service.get("/api/v1/me");
                assertTrue(elapsed(signalled).compareTo(DELAY) < 0, "the checks above took longer than the delay");
                assertEquals(200, served.statusCode(), "during the delay requests are still served: " + served.body());
                assertEquals(200, service.get("/q/health/live").statusCode(), "liveness stays UP while draining");

                HttpResponse<String> refused = service.awaitStatus("/api/v1/me", 503, DELAY.plusSeconds(5));
                assertTrue(elapsed(signalled).compareTo(DELAY) >= 0, "refused before the delay was over");
                assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
                assertEquals("SERVICE_UNAVAILABLE", JSON.readTree(refused.body()).get("code").asText());
                assertTrue(refused.headers().firstValue("Retry-After").isPresent());
                assertEquals(503, service.get("/q/health/ready").statusCode());

                out.write(body, body.length / 2, body.length - body.length / 2);
                out.flush();
                long finished = System.nanoTime();
                RawResponse created = RawResponse.read(inFlight.getInputStream());
                assertEquals(201, created.status, created.body);
                JsonNode member = JSON.readTree(created.body);

                int exit = service.awaitExit(TIMEOUT);
                assertEquals(0, exit, "exit status after SIGTERM (-1: still running after the timeout)");
                Duration toExit = elapsed(finished);
                assertTrue(toExit.compareTo(Duration.ofSeconds(10)) < 0, "the service waited " + toExit
                        + " after its last request instead of stopping");
                assertThrows(ConnectException.class, () -> new Socket("localhost", service.port()).close(),
                        "still listening after it exited");

                String log = Files.readString(service.log(), StandardCharsets.UTF_8).substring((int) logBefore);
                assertFalse(log.contains("ERROR"), "errors while shutting down:\n" + log);
                assertFalse(log.contains("Timed out waiting for graceful shutdown"), log);
                System.out.printf("GracefulShutdownIT: the request in flight answered 201 %d ms after SIGTERM; "
                        + "exit 0 %d ms after it%n", Duration.ofNanos(finished - signalled).toMillis(), toExit.toMillis());

                service.start();
                HttpResponse<String> kept = service.get("/api/v1/members/" + member.get("id").asLong());
                assertEquals(200, kept.statusCode(), kept.body());
                assertEquals(member, JSON.readTree(kept.body()), "the member as acknowledged by the 201");
            }
        }
    }

    private long createSubcommittee(RunningService service) throws Exception {
        HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create(service.baseUri() + "/api/v1/subcommittees"))
                .header("Authorization", RunningService.AUTHORIZATION).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("code", "TERM-" + System.nanoTime() % 100000,
                        "name", "Tiểu ban thử dừng máy", "kind", "OTHER", "congress", "Đại hội thử", "termStart", 2020,
                        "termEnd", 2025)))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        return JSON.readTree(created.body()).get("id").asLong();
    }

    private static Duration elapsed(long since) {
        return Duration.ofNanos(System.nanoTime() - since);
    }

    /** An HTTP/1.1 response read off a socket: status line, headers, a Content-Length body. */
    private record RawResponse(int status, String body) {

        static RawResponse read(InputStream in) throws IOException {
            String statusLine = line(in);
            int length = 0;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(header.substring(header.indexOf(':') + 1).strip());
                }
            }
            return new RawResponse(Integer.parseInt(statusLine.split(" ")[1]),
                    new String(in.readNBytes(length), StandardCharsets.UTF_8));
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("the connection closed before the response was complete");
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.US_ASCII);
        }
    }
}
