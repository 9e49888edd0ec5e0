package vn.portal.backup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.portal.support.Api;

/**
 * Who may take a backup, and the answer where there is no embedded H2 file to copy: the tests'
 * in-memory H2, or PostgreSQL. What a backup holds is {@link BackupContentTest}'s.
 */
@QuarkusTest
class BackupResourceTest {

    private static final String BACKUP = "/api/v1/backup";

    private static boolean onPostgresql() {
        return "postgresql".equals(System.getProperty("test.database"));
    }

    @Test
    void anAnonymousCallerMustLogIn() {
        given().auth().none().noContentType().post(BACKUP).then().spec(Api.problem(401, "UNAUTHENTICATED"));
    }

    @Test
    void onlyAnAdminTakesABackup() {
        String auditor = Api.usernameOf(Api.createUser("AUDITOR"));
        long headUser = Api.createUser();
        Api.createMember(Api.createSubcommittee(), Map.of("role", "HEAD", "userId", headUser));
        String head = Api.usernameOf(headUser);
        String nobody = Api.usernameOf(Api.createUser());
        for (String user : new String[] { auditor, head, nobody }) {
            as(user).post(BACKUP).then().spec(Api.problem(403, "FORBIDDEN"))
                    .body("detail", equalTo("Only ADMIN takes backups."));
        }
    }

    @Test
    void withoutAnEmbeddedH2FileThereIsNothingToCopy() {
        given().noContentType().accept("*/*").post(BACKUP).then().spec(Api.problem(409, "BACKUP_NOT_AVAILABLE"))
                .body("detail", onPostgresql() ? containsString("pg_dump") : containsString("in memory"));
    }

    @Test
    void itAnswersAZipOrAProblemOnly() {
        given().noContentType().accept("application/json").post(BACKUP).then().spec(Api.problem(406, "NOT_ACCEPTABLE"));
    }

    @Test
    void itIsAPost() {
        given().get(BACKUP).then().spec(Api.problem(405, "METHOD_NOT_ALLOWED")).header("Allow", containsString("POST"));
    }

    /** As the given user; Accept as curl sends it (the zip, or a problem). */
    private static RequestSpecification as(String username) {
        return given().auth().none().header("Authorization", Api.basic(username, Api.PASSWORD)).noContentType().accept("*/*");
    }
}
