package vn.portal.support;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Every request a test sends logs in as the test profile's {@code admin} unless the test says
 * otherwise ({@code given().auth()…}): the feature tests are about rules, not permissions, which
 * {@code PermissionMatrixTest} covers for every role.
 */
public class LoggedInAsAdmin implements QuarkusTestBeforeEachCallback {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";

    /** The same login as an Authorization header, for tests that send requests without RestAssured. */
    public static final String AUTHORIZATION = "Basic " + java.util.Base64.getEncoder()
            .encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        RestAssured.authentication = RestAssured.preemptive().basic(ADMIN, ADMIN_PASSWORD);
    }
}
