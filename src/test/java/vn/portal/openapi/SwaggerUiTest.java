package vn.portal.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Swagger UI, with the contract it shows and a policy that lets a browser run it. */
@QuarkusTest
class SwaggerUiTest {

    @Test
    void swaggerUiIsServedWithoutALoginAndPointsAtTheContract() {
        given().auth().none().get("/q/swagger-ui/").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("swagger-ui-bundle.js"))
                .body(containsString("/q/openapi"))
                .header("X-Frame-Options", equalTo("DENY"));
        given().auth().none().get("/q/swagger-ui/swagger-ui-bundle.js").then().statusCode(200);
    }

    @Test
    void itsPagesMayRunTheirOwnScriptsAndFetchTheContractButNothingFromElsewhere() {
        String policy = given().auth().none().get("/q/swagger-ui/").then().statusCode(200).extract().header("Content-Security-Policy");
        org.junit.jupiter.api.Assertions.assertEquals(
                "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
                        + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'",
                policy);
        given().auth().none().get("/q/openapi").then().statusCode(200)
                .body(containsString("openapi: 3.1"));
    }

    @Test
    void theApiKeepsItsStrictPolicy() {
        given().get("/api/v1").then().statusCode(200)
                .header("Content-Security-Policy", equalTo("default-src 'none'; frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("script-src")));
    }
}
