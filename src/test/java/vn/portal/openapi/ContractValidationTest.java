package vn.portal.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.portal.support.ContractValidation;

/**
 * The response validator every test runs through: it fails a request whose answer the contract
 * does not describe, and passes one it does.
 */
@QuarkusTest
class ContractValidationTest {

    private static final ContractValidation WRONG = ContractValidation.against(
            Path.of("src/test/resources/contract-validation/wrong-index.yaml"));

    @Test
    void aBodyThatBreaksItsSchemaFailsTheTestThatAskedForIt() {
        AssertionError error = assertThrows(AssertionError.class, () -> given().auth().none().filter(WRONG).get("/api/v1"));
        assertThat(error.getMessage(), containsString("GET "));
        assertThat(error.getMessage(), containsString("/api/v1 -> 200"));
        assertThat(error.getMessage(), containsString("/version"));
        assertThat(error.getMessage(), containsString("releasedOn"));
    }

    @Test
    void aStatusTheOperationDoesNotDeclareFails() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> given().auth().none().filter(WRONG).get("/api/v1/subcommittees"));
        assertThat(error.getMessage(), containsString("status 401 is not declared"));
    }

    @Test
    void anOperationTheContractDoesNotHaveFails() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> given().filter(WRONG).get("/api/v1/me"));
        assertThat(error.getMessage(), containsString("no operation GET /api/v1/me"));
    }

    @Test
    void theCheckedInContractDescribesTheSameAnswers() {
        given().get("/api/v1").then().statusCode(200);
        given().auth().none().get("/api/v1/subcommittees").then().statusCode(401);
    }
}
