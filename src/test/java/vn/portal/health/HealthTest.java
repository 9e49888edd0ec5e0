package vn.portal.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import vn.portal.support.Api;

/**
 * Readiness checks the database (and, once SIGTERM arrived, reports the shutdown); liveness has no
 * check at all, so nothing it waits on can get a healthy process restarted. Neither needs a login,
 * and credentials sent to them are not even looked at. {@code DatabaseOutageIT} takes the database
 * away from the packaged service; {@code GracefulShutdownIT} sends it SIGTERM.
 */
@QuarkusTest
class HealthTest {

    static final String DATABASE_CHECK = "Database connections health check";
    static final String SHUTDOWN_CHECK = "Graceful Shutdown";

    @Test
    void readinessChecksTheDatabaseAndTheShutdown() {
        anonymous().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", containsInAnyOrder(DATABASE_CHECK, SHUTDOWN_CHECK))
                .body("checks.find { it.name == '" + DATABASE_CHECK + "' }.status", equalTo("UP"))
                .body("checks.find { it.name == '" + DATABASE_CHECK + "' }.data.'<default>'", equalTo("UP"))
                .body("checks.find { it.name == '" + SHUTDOWN_CHECK + "' }.status", equalTo("UP"));
    }

    @Test
    void livenessHasNoCheckThatCouldTouchTheDatabase() {
        anonymous().get("/q/health/live").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks", empty());
    }

    @Test
    void neitherNeedsALoginNorLooksAtCredentials() {
        for (String path : new String[] { "/q/health/live", "/q/health/ready", "/q/health" }) {
            anonymous().get(path).then().statusCode(200).body("status", equalTo("UP"));
            given().auth().none().header("Authorization", Api.basic("health-probe-" + Api.unique(), "not-the-password")).get(path)
                    .then().statusCode(200).body("status", equalTo("UP"));
            given().auth().none().header("Authorization", "Bearer not.a.token").get(path)
                    .then().statusCode(200).body("status", equalTo("UP"));
        }
    }

    private static RequestSpecification anonymous() {
        return given().auth().none();
    }
}
