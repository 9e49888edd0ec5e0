package vn.portal.common.idempotency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.portal.support.Api;
import vn.portal.support.FixedClock;
import vn.portal.support.Races;

/**
 * {@code Idempotency-Key} as the contract has it: a retry gets the first answer and changes
 * nothing; the key with another request is refused; racing retries create one object.
 */
@QuarkusTest
@SuppressWarnings("unchecked")
class IdempotencyTest {

    private static final String KEY = "Idempotency-Key";

    @TestHTTPResource("/")
    URI base;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IdempotencyStore store;

    private static String key() {
        return "k-" + Api.unique() + "-" + System.nanoTime();
    }

    private static String subcommitteeJson(String code) {
        return "{\"code\":\"" + code + "\",\"name\":\"Tiểu ban thử\",\"kind\":\"DOCUMENTS\","
                + "\"congress\":\"Đại hội XXV\",\"termStart\":2020,\"termEnd\":2025}";
    }

    /** A member's body with an email of its own. */
    private static String member(String fullName) {
        return "{\"fullName\":\"" + fullName + "\",\"role\":\"MEMBER\",\"email\":\"m" + Api.unique() + "@thanhuy.vn\"}";
    }

    private static Response post(String key, String path, String body) {
        return Api.json().header(KEY, key).body(body).post(path);
    }

    private static int membersOf(long subcommitteeId) {
        return given().get("/api/v1/subcommittees/" + subcommitteeId + "/members").then().statusCode(200)
                .extract().path("totalItems");
    }

    @Test
    void aRetryGetsTheFirstAnswerAndCreatesNothing() {
        String key = key();
        String code = "IK-" + Api.unique();
        Response first = post(key, "/api/v1/subcommittees", subcommitteeJson(code));
        first.then().statusCode(201);
        assertNull(first.header(StoredResponse.REPLAYED), "the first answer is not a replay");
        // the same values, members in another order and spaced differently, 2025 spelled 2025.0
        String reordered = "{ \"termEnd\" : 2025.0, \"termStart\":2020, \"congress\":\"Đại hội XXV\","
                + "\"kind\":\"DOCUMENTS\", \"name\":\"Tiểu ban thử\", \"code\":\"" + code + "\" }";
        Response retry = post(key, "/api/v1/subcommittees", reordered);
        retry.then().statusCode(201).header(StoredResponse.REPLAYED, "true");
        assertEquals(first.body().asString(), retry.body().asString());
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(first.header("ETag"), retry.header("ETag"));
        given().queryParam("q", code).get("/api/v1/subcommittees").then().body("totalItems", equalTo(1));
    }

    @Test
    void theSameKeyWithAnotherBodyOrPathIsRefusedAndChangesNothing() {
        long subcommittee = Api.createSubcommittee();
        String key = key();
        String path = "/api/v1/subcommittees/" + subcommittee + "/members";
        post(key, path, member("Trần Thị Một")).then().statusCode(201);
        post(key, path, member("Trần Thị Hai")).then()
                .spec(Api.problem(422, "IDEMPOTENCY_KEY_REUSED"));
        post(key, "/api/v1/subcommittees", subcommitteeJson("IK-" + Api.unique())).then()
                .spec(Api.problem(422, "IDEMPOTENCY_KEY_REUSED"));
        assertEquals(1, membersOf(subcommittee));
    }

    @Test
    void keysBelongToTheirUser() {
        long subcommittee = Api.createSubcommittee();
        String other = "u" + Api.unique();
        Api.createUserNamed(other, "ADMIN");
        String key = key();
        String path = "/api/v1/subcommittees/" + subcommittee + "/members";
        post(key, path, member("Lê Văn Ba")).then().statusCode(201).header(StoredResponse.REPLAYED, (String) null);
        Api.as(other).header(KEY, key).body(member("Lê Văn Ba")).post(path).then().statusCode(201)
                .header(StoredResponse.REPLAYED, (String) null);
        assertEquals(2, membersOf(subcommittee));
    }

    @Test
    void aRefusalIsReplayedToo() {
        String key = key();
        String invalid = "{\"code\":\"IK-" + Api.unique() + "\"}";
        Response first = post(key, "/api/v1/subcommittees", invalid);
        first.then().spec(Api.problem(400, "VALIDATION_FAILED"));
        Response retry = post(key, "/api/v1/subcommittees", invalid);
        retry.then().spec(Api.problem(400, "VALIDATION_FAILED")).header(StoredResponse.REPLAYED, "true");
        assertEquals(first.body().asString(), retry.body().asString());
    }

    @Test
    void anActionRetriedAfterItsSuccessIsReplayedNotRefusedAsAStaleTransition() {
        long submission = Api.createSubmissionIn("DRAFT");
        String key = key();
        Response first = Api.json().header(KEY, key).post("/api/v1/submissions/" + submission + "/submit");
        first.then().statusCode(200).body("status", equalTo("SUBMITTED"));
        Response retry = Api.json().header(KEY, key).post("/api/v1/submissions/" + submission + "/submit");
        retry.then().statusCode(200).header(StoredResponse.REPLAYED, "true");
        assertEquals(first.body().asString(), retry.body().asString());
        // without the key the same request is a new one, and the workflow refuses it
        Api.json().post("/api/v1/submissions/" + submission + "/submit").then().statusCode(409);
    }

    @Test
    void aMultipartRetryIsTheSameRequestWhateverItsBoundary() {
        long submission = Api.createSubmissionIn("DRAFT");
        String key = key();
        String path = "/api/v1/submissions/" + submission + "/attachments";
        byte[] pdf = "%PDF-1.7\nbáo cáo số liệu\n".getBytes(StandardCharsets.UTF_8);
        Response first = given().header(KEY, key).multiPart("file", "Báo cáo.pdf", pdf, "application/pdf").post(path);
        first.then().statusCode(201);
        Response retry = given().header(KEY, key).multiPart("file", "Báo cáo.pdf", pdf, "application/pdf").post(path);
        retry.then().statusCode(201).header(StoredResponse.REPLAYED, "true");
        assertEquals(first.body().asString(), retry.body().asString());
        byte[] other = "%PDF-1.7\nbản khác\n".getBytes(StandardCharsets.UTF_8);
        given().header(KEY, key).multiPart("file", "Báo cáo.pdf", other, "application/pdf").post(path)
                .then().spec(Api.problem(422, "IDEMPOTENCY_KEY_REUSED"));
        given().header(KEY, key).multiPart("file", "Báo cáo khác.pdf", pdf, "application/pdf").post(path)
                .then().spec(Api.problem(422, "IDEMPOTENCY_KEY_REUSED"));
        given().get("/api/v1/submissions/" + submission).then().body("attachments.size()", equalTo(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "khóa", "tab\there", "x"})
    void aKeyThatIsNotOneTo255PrintableAsciiIsRefused(String key) {
        String value = "x".equals(key) ? "k".repeat(256) : key;
        long subcommittee = Api.createSubcommittee();
        given().header(KEY, new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))
                .contentType("application/json").body(member("Phạm Văn Bốn"))
                .post("/api/v1/subcommittees/" + subcommittee + "/members")
                .then().spec(Api.problem(400, "VALIDATION_FAILED"));
        assertEquals(0, membersOf(subcommittee));
    }

    @Test
    void aKeyOf255PrintableCharactersIsTaken() {
        String key = ("~ !" + "k".repeat(255)).substring(0, 255);
        post(key, "/api/v1/subcommittees", subcommitteeJson("IK-" + Api.unique())).then().statusCode(201);
    }

    @Test
    void eightSimultaneousRetriesCreateExactlyOneObject() throws Exception {
        long subcommittee = Api.createSubcommittee();
        String key = key();
        URI members = base.resolve("/api/v1/subcommittees/" + subcommittee + "/members");
        String body = "{\"fullName\":\"Đỗ Thị Năm\",\"role\":\"MEMBER\",\"email\":\"nam" + Api.unique() + "@thanhuy.vn\"}";
        List<Races.Outcome> outcomes = Races.race(8, i -> java.net.http.HttpRequest.newBuilder(members)
                .timeout(Duration.ofSeconds(60)).header("Authorization", vn.portal.support.LoggedInAsAdmin.AUTHORIZATION)
                .header("Content-Type", "application/json").header(KEY, key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
        String summary = outcomes.stream().map(Races.Outcome::toString).collect(Collectors.joining(", "));
        List<Races.Outcome> created = outcomes.stream().filter(o -> o.status() == 201).toList();
        assertTrue(!created.isEmpty(), "one of them created it: " + summary);
        assertEquals(1, created.stream().map(o -> o.json().getLong("id")).distinct().count(), summary);
        assertTrue(outcomes.stream().allMatch(o -> o.status() == 201
                || (o.status() == 409 && "IDEMPOTENCY_KEY_IN_USE".equals(o.code()))), summary);
        assertEquals(1, membersOf(subcommittee));
        // once it is done every retry gets the same member
        post(key, "/api/v1/subcommittees/" + subcommittee + "/members", body).then().statusCode(201)
                .body("id", equalTo((int) created.get(0).json().getLong("id")));
    }

    @Test
    void aClaimLeftByADeadRequestHoldsForItsLeaseThenTheRetryRunsAgain() throws Exception {
        long subcommittee = Api.createSubcommittee();
        String key = key();
        String path = "/api/v1/subcommittees/" + subcommittee + "/members";
        String body = member("Vũ Văn Sáu");
        long first = post(key, path, body).then().statusCode(201).extract().jsonPath().getLong("id");
        // as if the instance died before committing: its member is gone, its claim is left without an answer
        sql("delete from committee_member where id = ?", first);
        sql("update idempotency_record set state = 'IN_PROGRESS', response_status = null, response_body = null, "
                + "claimed_at = ? where idem_key = ?", ago(Duration.ofSeconds(30)), key);
        post(key, path, body).then().spec(Api.problem(409, "IDEMPOTENCY_KEY_IN_USE")).header("Retry-After", "1");
        sql("update idempotency_record set claimed_at = ? where idem_key = ?",
                ago(IdempotencyStore.LEASE.plusSeconds(1)), key);
        long second = post(key, path, body).then().statusCode(201).header(StoredResponse.REPLAYED, (String) null)
                .extract().jsonPath().getLong("id");
        assertNotEquals(first, second);
        post(key, path, body).then().statusCode(201).header(StoredResponse.REPLAYED, "true").body("id", equalTo((int) second));
        assertEquals(1, membersOf(subcommittee));
    }

    @Test
    void aKeyIsForgottenAfter24HoursAndPurged() throws Exception {
        long subcommittee = Api.createSubcommittee();
        String key = key();
        String path = "/api/v1/subcommittees/" + subcommittee + "/members";
        post(key, path, member("Hồ Thị Bảy")).then().statusCode(201);
        sql("update idempotency_record set created_at = ?, claimed_at = ? where idem_key = ?",
                ago(IdempotencyStore.RETENTION.minusSeconds(60)), ago(IdempotencyStore.RETENTION.minusSeconds(60)), key);
        post(key, path, member("Hồ Thị Tám")).then()
                .spec(Api.problem(422, "IDEMPOTENCY_KEY_REUSED"));
        sql("update idempotency_record set created_at = ?, claimed_at = ? where idem_key = ?",
                ago(IdempotencyStore.RETENTION.plusSeconds(1)), ago(IdempotencyStore.RETENTION.plusSeconds(1)), key);
        // expired: the key is free for a new request even before the purge runs
        post(key, path, member("Hồ Thị Tám")).then().statusCode(201)
                .header(StoredResponse.REPLAYED, (String) null);
        assertEquals(2, membersOf(subcommittee));
        sql("update idempotency_record set created_at = ? where idem_key = ?",
                ago(IdempotencyStore.RETENTION.plusSeconds(1)), key);
        assertTrue(store.purge() >= 1);
        assertEquals(0, count("select count(*) from idempotency_record where idem_key = ?", key));
    }

    @Test
    void theClockOfTheServiceDecidesExpiry() {
        Instant now = Instant.now();
        FixedClock clock = FixedClock.install(now);
        long subcommittee = Api.createSubcommittee();
        String key = key();
        String path = "/api/v1/subcommittees/" + subcommittee + "/members";
        post(key, path, member("Mai Văn Chín")).then().statusCode(201);
        clock.set(now.plus(IdempotencyStore.RETENTION).plusMillis(1));
        post(key, path, member("Mai Văn Mười")).then().statusCode(201);
    }

    @Test
    void aFailureIsNotKeptSoTheRetryRunsAgain() {
        String key = key();
        // the test-only endpoint fails on odd calls; make sure the next one is odd
        if (Api.json().header(KEY, key()).body("{}").post("/test-only/failure/flaky").statusCode() == 500) {
            Api.json().header(KEY, key()).body("{}").post("/test-only/failure/flaky").then().statusCode(200);
        }
        Api.json().header(KEY, key).body("{}").post("/test-only/failure/flaky").then().spec(Api.problem(500, "INTERNAL_ERROR"));
        int call = Api.json().header(KEY, key).body("{}").post("/test-only/failure/flaky").then().statusCode(200)
                .header(StoredResponse.REPLAYED, (String) null).extract().path("call");
        Api.json().header(KEY, key).body("{}").post("/test-only/failure/flaky").then().statusCode(200)
                .header(StoredResponse.REPLAYED, "true").body("call", equalTo(call));
    }

    @Test
    void postsWithoutAKeyAreNotRemembered() {
        long subcommittee = Api.createSubcommittee();
        String path = "/api/v1/subcommittees/" + subcommittee + "/members";
        Api.json().body(member("Ngô Văn Mười Một")).post(path).then().statusCode(201);
        Api.json().body(member("Ngô Văn Mười Một")).post(path).then().statusCode(201);
        assertEquals(2, membersOf(subcommittee));
    }

    @Test
    void everyPostOfTheContractHonoursTheKey() {
        Map<String, Map<String, Object>> paths = given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().path("paths");
        List<String> posts = paths.entrySet().stream().filter(path -> path.getValue().containsKey("post"))
                // the backup streams a zip and creates nothing: there is no answer to keep
                .map(Map.Entry::getKey).filter(path -> !path.equals("/api/v1/backup")).sorted().toList();
        assertTrue(posts.size() >= 10, "the contract's POSTs: " + posts);
        for (String path : posts) {
            Map<String, Object> post = (Map<String, Object>) paths.get(path).get("post");
            assertTrue(String.valueOf(post.get("parameters")).contains("Idempotency-Key"), path + " declares the key");
            String concrete = path.replaceAll("\\{[^}]+}", "987654321");
            boolean multipart = String.valueOf(post.get("requestBody")).contains("multipart/form-data");
            var request = given().header(KEY, "k".repeat(256));
            request = multipart ? request.multiPart("file", "a.pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII))
                    : request.contentType("application/json").body("{}");
            // refused by the key's own check, before the id or the body is looked at
            request.post(concrete).then().spec(Api.problem(400, "VALIDATION_FAILED"))
                    .body("errors[0].field", equalTo(KEY));
        }
    }

    private static OffsetDateTime ago(Duration duration) {
        return Instant.now().minus(duration).atOffset(ZoneOffset.UTC);
    }

    private void sql(String statement, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement prepared = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                prepared.setObject(i + 1, parameters[i]);
            }
            prepared.executeUpdate();
        }
    }

    private long count(String query, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement prepared = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                prepared.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = prepared.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
