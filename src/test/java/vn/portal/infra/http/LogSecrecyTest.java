package vn.portal.infra.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.http.entity.mime.HttpMultipartMode;
import org.junit.jupiter.api.Test;
import vn.portal.support.Api;
import vn.portal.support.LogCapture;
import vn.portal.support.LoggedInAsAdmin;
import vn.portal.support.TokenIssuer;

/**
 * No password, token, Authorization header or file content reaches a log record (its message, its
 * parameters, its MDC or its exception), whatever the request: logins right and wrong, by HTTP
 * Basic and by bearer token, a user created with a password, a refused body, an upload, a failure.
 * Each of those requests does get its access line.
 */
@QuarkusTest
@QuarkusTestResource(TokenIssuer.class)
class LogSecrecyTest {

    private final List<String> secrets = new ArrayList<>();
    private final List<String> requestIds = new ArrayList<>();

    private String secret(String value) {
        secrets.add(value);
        return value;
    }

    private String authorization(String value) {
        secrets.add(value);
        // what the header carries, and the credential inside it
        secrets.add(value.substring(value.indexOf(' ') + 1));
        return value;
    }

    private Response sent(Response response) {
        requestIds.add(response.header("X-Request-Id"));
        return response;
    }

    @Test
    void noCredentialOrFileContentIsEverLogged() {
        String password = secret("Pw-" + Api.unique() + "-never-logged");
        String wrongPassword = secret("Wrong-" + Api.unique() + "-never-logged");
        String fileMarker = secret("FILE-CONTENT-" + Api.unique() + "-never-logged");
        String username = "log" + Api.unique();
        secret(LoggedInAsAdmin.ADMIN_PASSWORD);
        authorization(LoggedInAsAdmin.AUTHORIZATION);
        long submissionId = Api.createSubmissionIn("DRAFT");

        try (LogCapture log = LogCapture.start()) {
            long userId = sent(Api.json().body(Map.of("username", username, "password", secret("First-" + Api.unique() + "-never-logged"),
                    "roles", List.of("AUDITOR"))).post("/api/v1/users")).then().statusCode(201).extract().jsonPath().getLong("id");
            sent(Api.json().body(Map.of("password", password))
                    .patch("/api/v1/users/" + userId)).then().statusCode(200);
            sent(given().auth().none().header("Authorization", authorization(Api.basic(username, password)))
                    .get("/api/v1/me")).then().statusCode(200);
            sent(given().auth().none().header("Authorization", authorization(Api.basic(username, wrongPassword)))
                    .get("/api/v1/me")).then().statusCode(401);
            sent(given().auth().none().header("Authorization", authorization(Api.basic("nobody" + Api.unique(), wrongPassword)))
                    .get("/api/v1/me")).then().statusCode(401);
            sent(given().auth().none().header("Authorization",
                    authorization("Bearer " + TokenIssuer.token("bearer" + Api.unique(), "AUDITOR"))).get("/api/v1/me"))
                    .then().statusCode(200);
            sent(given().auth().none().header("Authorization", authorization("Bearer " + TokenIssuer.claims("forged" + Api.unique())
                    .sign(TokenIssuer.strangerKey()))).get("/api/v1/me")).then().statusCode(401);
            sent(given().auth().none().header("Authorization", authorization("Bearer not-a-jwt-" + Api.unique()))
                    .get("/api/v1/me")).then().statusCode(401);
            // a refused body that carries a password
            sent(Api.json().body(Map.of("username", "", "password", secret("Refused-" + Api.unique()), "bogus", 1))
                    .post("/api/v1/users")).then().statusCode(400);
            sent(given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                    .httpMultipartMode(HttpMultipartMode.RFC6532)))
                    .multiPart("file", "Báo cáo.pdf", ("%PDF-1.7\n" + fileMarker + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII),
                            "application/pdf")
                    .post("/api/v1/submissions/" + submissionId + "/attachments")).then().statusCode(201);
            sent(given().header("X-Secret-Header", secret("header-" + Api.unique())).get("/test-only/failure")).then()
                    .statusCode(500);

            for (String requestId : requestIds) {
                log.await("vn.portal.access", line -> requestId.equals(line.mdc().get("requestId")));
            }
            List<LogCapture.Line> lines = log.lines();
            assertTrue(lines.size() >= requestIds.size());
            for (LogCapture.Line line : lines) {
                String everything = line.everything();
                for (String secret : secrets) {
                    assertFalse(everything.contains(secret), () -> "a secret (" + secret + ") in " + line);
                }
            }
        }
    }
}
