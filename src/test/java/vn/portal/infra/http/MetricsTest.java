package vn.portal.infra.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.portal.support.Api;

/**
 * {@code /q/metrics} in Prometheus text, without a login: HTTP requests counted by route template
 * and status (never by a raw path with an id in it, whatever was asked for), and the connection pool.
 */
@QuarkusTest
class MetricsTest {

    private static final String MILESTONE = "/api/v1/milestones/{id}";

    private static List<String> scrape() {
        return given().auth().none().accept("text/plain").get("/q/metrics").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/plain")).extract().asString().lines().toList();
    }

    private static boolean has(List<String> lines, String name, String... labels) {
        return lines.stream().anyMatch(line -> line.startsWith(name + "{") && List.of(labels).stream().allMatch(line::contains));
    }

    @Test
    void requestsAreCountedByRouteTemplateAndStatusNeverByRawPath() {
        long sid = Api.createSubcommittee();
        long id = Api.createMilestone(sid, "2020-02-22", Map.of());
        given().get("/api/v1/milestones/" + id).then().statusCode(200);
        long missing = id + 987_654_321L;
        given().get("/api/v1/milestones/" + missing).then().statusCode(404);
        given().get("/api/v1/no-such-collection/" + missing).then().statusCode(404);
        given().auth().none().get("/api/v1/milestones/" + missing).then().statusCode(401);
        given().auth().none().get("/api/v1/no-such-collection/" + missing).then().statusCode(401);
        given().contentType("application/json").body(new byte[(int) EarlyLimits.MAX_JSON_BYTES + 1])
                .patch("/api/v1/milestones/" + id).then().statusCode(413);
        given().put("/api/v1/milestones/" + id).then().statusCode(405);
        Api.json().body(Map.of("bogus", 1)).post("/api/v1/subcommittees").then().statusCode(400);
        given().get("/test-only/failure").then().statusCode(500);
        // a CORS preflight is answered before any route, whatever its path
        given().auth().none().header("Origin", "https://vankien.test.portal").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/no-such-collection/" + missing + "/preflight").then().statusCode(204);

        List<String> lines = scrape();

        assertTrue(has(lines, "http_server_requests_seconds_count", "method=\"GET\"", "status=\"200\"",
                "uri=\"" + MILESTONE + "\""), () -> "no 200 count for the template in\n" + String.join("\n", lines));
        assertTrue(has(lines, "http_server_requests_seconds_count", "status=\"404\"", "uri=\"" + MILESTONE + "\""),
                "a 404 on a matched route is counted under its template");
        assertTrue(has(lines, "http_server_requests_seconds_sum", "uri=\"" + MILESTONE + "\""), "durations are summed");
        assertTrue(has(lines, "http_server_requests_seconds_max", "uri=\"" + MILESTONE + "\""));
        assertTrue(has(lines, "http_server_requests_seconds_bucket", "uri=\"" + MILESTONE + "\"", "le=\"0.25\""),
                "durations fall into histogram buckets");
        assertTrue(has(lines, "http_server_requests_seconds_bucket", "uri=\"" + MILESTONE + "\"", "le=\"+Inf\""));
        assertTrue(has(lines, "http_server_requests_seconds_count", "status=\"404\"", "uri=\"NOT_FOUND\""),
                "an unknown path is counted as NOT_FOUND");
        assertTrue(has(lines, "http_server_requests_seconds_count", "status=\"401\"", "uri=\"" + MILESTONE + "\""),
                "a 401 is counted under the template");
        assertTrue(has(lines, "http_server_requests_seconds_count", "status=\"401\"", "uri=\"/UNMATCHED\""),
                "a 401 on a path that is no route is counted as /UNMATCHED");
        assertTrue(has(lines, "http_server_requests_seconds_count", "status=\"413\"", "uri=\"/UNMATCHED\""),
                "a body refused before routing is counted as /UNMATCHED");
        assertTrue(has(lines, "http_server_requests_seconds_count", "status=\"405\"", "uri=\"/UNMATCHED\""));
        assertTrue(has(lines, "http_server_requests_seconds_count", "method=\"OPTIONS\"", "status=\"204\"",
                "uri=\"/UNMATCHED\""), "a preflight is counted as /UNMATCHED, not under its path");
        assertTrue(has(lines, "http_server_requests_seconds_count", "method=\"POST\"", "status=\"400\"",
                "uri=\"/api/v1/subcommittees\""), "a failure on a route without parameters keeps its route");
        assertTrue(has(lines, "http_server_requests_seconds_count", "status=\"500\"", "uri=\"/test-only/failure\""),
                "so does a 500");
        Pattern rawId = Pattern.compile("uri=\"[^\"]*/[0-9]+(/[^\"]*)?\"");
        for (String line : lines) {
            assertFalse(rawId.matcher(line).find(), () -> "a raw path with an id: " + line);
            assertFalse(line.contains("no-such-collection"), () -> "an unknown path: " + line);
        }
        assertFalse(lines.stream().anyMatch(line -> line.contains("uri=\"/q/")), "scrapes and probes are not API traffic");
    }

    /** What Prometheus asks for (OpenMetrics first, the text format as a fallback) is answered, in either. */
    @Test
    void aPrometheusScrapeIsAnswered() {
        String body = given().auth().none()
                .header("Accept", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1")
                .get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(body.lines().anyMatch(line -> line.startsWith("http_server_requests_seconds_count{")), body);
    }

    @Test
    void theConnectionPoolIsMeasured() {
        List<String> lines = scrape();
        for (String gauge : List.of("agroal_active_count", "agroal_available_count", "agroal_max_used_count",
                "agroal_awaiting_count")) {
            assertTrue(lines.stream().anyMatch(line -> line.startsWith(gauge + "{") && line.contains("datasource=\"default\"")),
                    () -> gauge + " missing from\n" + String.join("\n", lines.stream().filter(l -> l.startsWith("agroal")).toList()));
        }
    }
}
