package vn.portal.infra.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.json.runtime.JsonFormatter;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.portal.support.Api;
import vn.portal.support.LogCapture;
import vn.portal.support.LogCapture.Line;
import vn.portal.support.LoggedInAsAdmin;

/**
 * One line per request on {@code vn.portal.access}: method, route template (the path when no
 * route matched), status, duration, user and request id; the request id is the caller's when sane,
 * echoed in {@code X-Request-Id}, and on every other line logged while the request is served.
 */
@QuarkusTest
class AccessLogTest {

    private static final String ACCESS = "vn.portal.access";
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private static Line lineOf(LogCapture log, String requestId) {
        return log.await(ACCESS, line -> requestId.equals(line.mdc().get("requestId")));
    }

    @Test
    void aMatchedRouteIsLoggedByItsTemplateWithTheUser() {
        long sid = Api.createSubcommittee();
        long id = Api.createMilestone(sid, "2020-02-22", Map.of());
        String requestId = "trace-" + Api.unique();
        try (LogCapture log = LogCapture.start()) {
            given().header("X-Request-Id", requestId).get("/api/v1/milestones/" + id).then().statusCode(200)
                    .header("X-Request-Id", equalTo(requestId));
            Line line = lineOf(log, requestId);
            assertTrue(line.message().matches("GET /api/v1/milestones/\\{id} 200 \\d+ ms user=admin"), line.message());
            assertEquals("/api/v1/milestones/{id}", line.mdc().get("route"));
            assertEquals("200", line.mdc().get("status"));
            assertEquals("GET", line.mdc().get("method"));
            assertEquals(LoggedInAsAdmin.ADMIN, line.mdc().get("user"));
            assertTrue(line.mdc().get("durationMs").matches("\\d+"));
        }
    }

    @Test
    void refusalsAreLoggedToo() {
        try (LogCapture log = LogCapture.start()) {
            String anonymous = given().auth().none().get("/api/v1/milestones/12345").then().statusCode(401)
                    .extract().header("X-Request-Id");
            assertTrue(lineOf(log, anonymous).message().matches("GET /api/v1/milestones/\\{id} 401 \\d+ ms user=-"),
                    lineOf(log, anonymous).message());

            String wrongPassword = given().auth().none().header("Authorization", Api.basic("admin", "not-the-password"))
                    .get("/api/v1/me").then().statusCode(401).extract().header("X-Request-Id");
            assertTrue(lineOf(log, wrongPassword).message().endsWith("401 " + lineOf(log, wrongPassword).mdc().get("durationMs")
                    + " ms user=-"));

            String unknown = given().get("/api/v1/no-such-collection").then().statusCode(404).extract().header("X-Request-Id");
            assertTrue(lineOf(log, unknown).message().matches("GET /api/v1/no-such-collection 404 \\d+ ms user=admin"),
                    lineOf(log, unknown).message());

            String tooLarge = given().contentType("application/json").body(new byte[(int) EarlyLimits.MAX_JSON_BYTES + 1])
                    .post("/api/v1/subcommittees").then().statusCode(413).extract().header("X-Request-Id");
            assertTrue(lineOf(log, tooLarge).message().matches("POST /api/v1/subcommittees 413 \\d+ ms user=-"),
                    "refused before the login was looked at: " + lineOf(log, tooLarge).message());
            Line refusal = log.await(EarlyLimits.class.getName(), line -> line.message().startsWith("Refused POST"));
            assertEquals(tooLarge, refusal.mdc().get("requestId"), "the refusal's own line carries the request id");
        }
    }

    @Test
    void otherLinesOfTheRequestCarryItsRequestId() {
        String requestId = "failing-" + Api.unique();
        try (LogCapture log = LogCapture.start()) {
            given().header("X-Request-Id", requestId).get("/test-only/failure").then().statusCode(500);
            lineOf(log, requestId);
            Line error = log.await("vn.portal.common.problem.ProblemMappers", line -> line.message().startsWith("Unexpected error"));
            assertEquals(requestId, error.mdc().get("requestId"), "the resource's own log line carries the request id");
        }
    }

    @Test
    void probesAndScrapesAreLoggedAtDebugOnly() {
        String probe = "probe-" + Api.unique();
        String api = "api-" + Api.unique();
        try (LogCapture log = LogCapture.start()) {
            given().header("X-Request-Id", probe).get("/q/health/live").then().statusCode(200);
            given().header("X-Request-Id", probe).accept("text/plain").get("/q/metrics").then().statusCode(200);
            given().header("X-Request-Id", api).get("/api/v1").then().statusCode(200);
            lineOf(log, api);
            assertTrue(log.of(ACCESS).stream().noneMatch(line -> probe.equals(line.mdc().get("requestId"))),
                    "at the default level, /q/ requests leave no access line");
        }
    }

    /** What {@code quarkus.log.console.json.enabled=true} prints: the formatter Quarkus installs then. */
    @Test
    void asJsonTheFieldsAreKeysOfTheMdc() throws Exception {
        List<String> json = new CopyOnWriteArrayList<>();
        JsonFormatter formatter = new JsonFormatter();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                json.add(formatter.format((ExtLogRecord) record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        String requestId = "json-" + Api.unique();
        java.util.logging.Logger access = java.util.logging.Logger.getLogger(ACCESS);
        access.addHandler(handler);
        try (LogCapture log = LogCapture.start()) {
            given().header("X-Request-Id", requestId).get("/api/v1/me").then().statusCode(200);
            lineOf(log, requestId);
        } finally {
            access.removeHandler(handler);
        }
        ObjectMapper mapper = new ObjectMapper();
        Map<?, ?> line = null;
        for (String each : json) {
            Map<?, ?> parsed = mapper.readValue(each, Map.class);
            if (parsed.get("mdc") instanceof Map<?, ?> mdc && requestId.equals(mdc.get("requestId"))) {
                line = parsed;
            }
        }
        assertNotNull(line, () -> "no JSON line with the request id in " + json);
        assertEquals(ACCESS, line.get("loggerName"));
        Map<?, ?> mdc = (Map<?, ?>) line.get("mdc");
        assertEquals("GET", mdc.get("method"));
        assertEquals("/api/v1/me", mdc.get("route"));
        assertEquals("200", mdc.get("status"));
        assertEquals(LoggedInAsAdmin.ADMIN, mdc.get("user"));
        assertTrue(String.valueOf(mdc.get("durationMs")).matches("\\d+"));
    }

    /** A front end may send its own request id and read the one answered, to quote it when reporting a fault. */
    @Test
    void aFrontEndMaySendAndReadTheRequestId() {
        String origin = ConfigProvider.getConfig().getValue("portal.cors.origins", String.class);
        String allowed = given().auth().none().header("Origin", origin).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "X-Request-Id").options("/api/v1/subcommittees")
                .then().statusCode(204).extract().header("Access-Control-Allow-Headers");
        assertTrue(List.of(allowed.split("\\s*,\\s*")).contains("X-Request-Id"), allowed);
        String exposed = given().auth().none().header("Origin", origin).get("/api/v1").then().statusCode(200)
                .extract().header("Access-Control-Expose-Headers");
        assertTrue(List.of(exposed.split("\\s*,\\s*")).contains("X-Request-Id"), exposed);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "has space", "semi;colon", "ünïcode", "slash/es",
            "12345678901234567890123456789012345678901234567890123456789012345" })
    void anInsaneRequestIdIsReplaced(String given) {
        String echoed = given().header("X-Request-Id", given).get("/api/v1").then().statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID_PATTERN)).extract().header("X-Request-Id");
        assertNotEquals(given, echoed);
    }

    @Test
    void aSaneRequestIdUpToSixtyFourCharactersIsKept() {
        String longest = "A-z_0.9" + "x".repeat(57);
        given().header("X-Request-Id", longest).get("/api/v1").then().statusCode(200).header("X-Request-Id", equalTo(longest));
        given().get("/api/v1").then().header("X-Request-Id", matchesPattern(UUID_PATTERN));
    }
}
