package vn.portal.common.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UnexpectedErrorTest {

    @Test
    void anUnexpectedFailureIsAnOpaqueProblemWithAnErrorId() {
        given().get("/test-only/failure").then()
                .statusCode(500)
                .contentType("application/problem+json")
                .body("code", equalTo("INTERNAL_ERROR"))
                .body("status", equalTo(500))
                .body("errorId", matchesPattern("[0-9a-f-]{36}"))
                .body(not(containsString("java.")))
                .body(not(containsString("Exception")))
                .body(not(containsString("SELECT")))
                .body(not(containsString("at vn.portal")));
    }

    @Test
    void anAcceptHeaderThatExcludesJsonIs406() {
        given().accept("application/xml").get("/api/v1/subcommittees").then()
                .statusCode(406)
                .contentType("application/problem+json")
                .body("code", equalTo("NOT_ACCEPTABLE"));
    }
}
