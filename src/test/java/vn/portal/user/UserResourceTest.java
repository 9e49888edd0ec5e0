package vn.portal.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.portal.access.GlobalRole;
import vn.portal.support.Api;
import vn.portal.support.ContractValidation;
import vn.portal.support.FixedClock;
import vn.portal.support.Races;
import vn.portal.support.Races.Outcome;

@QuarkusTest
class UserResourceTest {

    private static final String USERS = "/api/v1/users";
    private static final String ME = "/api/v1/me";
    private static final String INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
    private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";

    /** Exactly 64 characters, every Vietnamese letter precomposed: far more than bcrypt's 72 bytes in UTF-8. */
    private static final String LONG_PASSWORD = "Đại hội đại biểu Đảng bộ Thành phố lần thứ XXV, nhiệm kỳ 2020–25";

    @TestHTTPResource("/")
    URI root;

    /** Only to put things right directly if a race leaves no ADMIN at all, which the API could not undo. */
    @Inject
    UserRepository repository;

    private static String user(long id) {
        return USERS + "/" + id;
    }

    private static String username() {
        return "u" + Api.unique();
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static ValidatableResponse create(Map<String, Object> body) {
        return Api.json().body(body).post(USERS).then();
    }

    private static long created(Map<String, Object> body) {
        return create(body).statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A user with {@link Api#PASSWORD} and the given roles. */
    private static long makeUser(String name, String... roles) {
        return created(body("username", name, "password", Api.PASSWORD, "roles", List.of(roles)));
    }

    private static ValidatableResponse patch(long id, Map<String, ?> body) {
        return Api.json().body(body).patch(user(id)).then();
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status, String code) {
        return response.spec(Api.problem(status, code));
    }

    /** HTTP Basic with the credentials encoded in UTF-8, whatever the platform's charset. */
    private static RequestSpecification as(String username, String password) {
        String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return given().auth().none().header("Authorization", "Basic " + token).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    private static RequestSpecification anonymous() {
        return given().auth().none().accept(ContentType.JSON);
    }

    private static List<Long> ids(ValidatableResponse response) {
        return response.statusCode(200).extract().jsonPath().getList("items.id", Long.class);
    }

    /** Neither the password nor anything that looks like its hash is in the body. */
    private static void assertNoSecret(String body, String... passwords) {
        for (String password : passwords) {
            assertFalse(body.contains(password), "the password appears in " + body);
        }
        assertFalse(body.matches("(?s).*\\$2[abxy]?\\$\\d\\d\\$.*"), "a bcrypt hash appears in " + body);
        assertFalse(body.contains("\"password\""), "a password field appears in " + body);
        assertFalse(body.toLowerCase().contains("hash"), "a hash field appears in " + body);
    }

    /** How many users have exactly this user name (0 or 1). */
    private static long withUsername(String name) {
        return given().queryParam("q", name).queryParam("size", 100).get(USERS).then().statusCode(200).extract()
                .jsonPath().getList("items.username", String.class).stream().filter(name::equals).count();
    }

    /** Every active ADMIN but the given one, across all pages. */
    private static List<Long> activeAdminsOtherThan(long me) {
        List<Long> others = new ArrayList<>();
        for (int page = 0;; page++) {
            JsonPath list = given().queryParam("role", "ADMIN").queryParam("active", "true").queryParam("size", 100)
                    .queryParam("page", page).get(USERS).then().statusCode(200).extract().jsonPath();
            list.getList("items.id", Long.class).stream().filter(id -> id != me).forEach(others::add);
            if (page + 1 >= list.getInt("totalPages")) {
                return others;
            }
        }
    }

    private static int auditEntries(long userId) {
        return given().queryParam("entityType", "user").queryParam("entityId", userId).get("/api/v1/audit").then()
                .statusCode(200).extract().jsonPath().getInt("totalItems");
    }

    // ---------------------------------------------------------------------------------------- create

    @Test
    void createAnswers201WithLocationETagAndTheUserButNeverThePassword() {
        String name = "hai.lm-" + Api.unique();
        ExtractableResponse<Response> created = create(body("username", name, "displayName", "  Lê Minh Hải  ",
                "roles", List.of("AUDITOR"), "password", Api.PASSWORD))
                .statusCode(201)
                .header("ETag", notNullValue())
                .body("id", notNullValue())
                .body("username", equalTo(name))
                .body("displayName", equalTo("Lê Minh Hải"))
                .body("roles", contains("AUDITOR"))
                .body("active", equalTo(true))
                .body("createdAt", matchesPattern(INSTANT))
                .body("updatedAt", matchesPattern(INSTANT))
                .body("version", notNullValue())
                .extract();
        long id = created.jsonPath().getLong("id");
        assertEquals("/api/v1/users/" + id, created.header("Location"));
        assertNoSecret(created.asString(), Api.PASSWORD);

        ExtractableResponse<Response> read = given().get(user(id)).then().statusCode(200)
                .header("ETag", equalTo(created.header("ETag")))
                .body("id", equalTo((int) id))
                .body("username", equalTo(name))
                .body("displayName", equalTo("Lê Minh Hải"))
                .body("createdAt", equalTo(created.jsonPath().getString("createdAt")))
                .extract();
        assertNoSecret(read.asString(), Api.PASSWORD);
        given().header("If-None-Match", created.header("ETag")).get(user(id)).then().statusCode(304);

        // the user can log in with the password given at creation
        as(name, Api.PASSWORD).get(ME).then().statusCode(200).body("username", equalTo(name));
    }

    @Test
    void createWithOnlyAUsernameTakesTheDefaults() {
        String name = username();
        create(body("username", name)).statusCode(201)
                .body("username", equalTo(name))
                .body("displayName", nullValue())
                .body("roles", empty())
                .body("active", equalTo(true));
    }

    @Test
    void usernameIsRequiredAndMustBe3To64OfLowercaseLettersDigitsDotUnderscoreDash() {
        problem(create(body("password", Api.PASSWORD)), 400, "VALIDATION_FAILED").body("errors.field", contains("username"));
        problem(create(body("username", null)), 400, "VALIDATION_FAILED").body("errors.field", contains("username"));
        String tail = Api.unique();
        for (Object bad : List.of("", "   ", "ab", "u" + "x".repeat(63) + tail, "Hai.LM" + tail, "hai lm" + tail,
                "hải" + tail, "hai@lm" + tail, "hai/lm" + tail, "hai+lm" + tail, 42, List.of("hai"))) {
            problem(create(body("username", bad)), 400, "VALIDATION_FAILED")
                    .body("errors.field", contains("username"));
        }
        // the limits themselves are taken
        String three = (tail + "abc").substring(0, 3);
        create(body("username", three)).statusCode(201).body("username", equalTo(three));
        String sixtyFour = ("a.b_c-" + tail + "z".repeat(64)).substring(0, 64);
        create(body("username", sixtyFour)).statusCode(201).body("username", equalTo(sixtyFour));
        // surrounding spaces are trimmed like every text
        String spaced = username();
        Api.json().header(ContractValidation.OFF_CONTRACT, "surrounding spaces, trimmed")
                .body(body("username", "  " + spaced + " ")).post(USERS)
                .then().statusCode(201).body("username", equalTo(spaced));
    }

    @Test
    void passwordMustBe12To64CharactersCountedAsCharactersNotBytes() {
        problem(create(body("username", username(), "password", "12345678901")), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("password"));
        problem(create(body("username", username(), "password", "Đ".repeat(11))), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("password"));
        problem(create(body("username", username(), "password", LONG_PASSWORD + "X")), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("password"));
        problem(create(body("username", username(), "password", 123456789012L)), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("password"));

        String twelve = username();
        create(body("username", twelve, "password", "123456789012")).statusCode(201);
        as(twelve, "123456789012").get(ME).then().statusCode(200);

        assertEquals(64, LONG_PASSWORD.codePointCount(0, LONG_PASSWORD.length()));
        assertTrue(LONG_PASSWORD.getBytes(StandardCharsets.UTF_8).length > 72);
        String name = username();
        String body = create(body("username", name, "password", LONG_PASSWORD)).statusCode(201).extract().asString();
        assertNoSecret(body, LONG_PASSWORD);
        as(name, LONG_PASSWORD).get(ME).then().statusCode(200).body("username", equalTo(name));
    }

    @Test
    void everyCharacterOfALongPasswordCounts() {
        String name = username();
        created(body("username", name, "password", LONG_PASSWORD));
        as(name, LONG_PASSWORD).get(ME).then().statusCode(200);
        // the same first 63 characters (well over 72 bytes of UTF-8) with another last one is another password
        String almost = LONG_PASSWORD.substring(0, LONG_PASSWORD.length() - 1) + "!";
        // bcrypt alone would read only the first 72 bytes of its input
        problem(as(name, almost).get(ME).then(), 401, "UNAUTHENTICATED");
    }

    @Test
    void rolesAreAdminAndAuditorEachAtMostOnce() {
        problem(create(body("username", username(), "roles", List.of("SUPERUSER"))), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("roles[0]"));
        problem(create(body("username", username(), "roles", List.of("AUDITOR", "admin"))), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("roles[1]"));
        problem(create(body("username", username(), "roles", List.of("AUDITOR", "AUDITOR"))), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("roles[1]"));
        problem(create(body("username", username(), "roles", "ADMIN")), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("roles"));
        problem(create(body("username", username(), "roles", null)), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("roles"));
        create(body("username", username(), "roles", List.of("AUDITOR", "ADMIN"))).statusCode(201)
                .body("roles", containsInAnyOrder("ADMIN", "AUDITOR"));
        create(body("username", username(), "roles", List.of())).statusCode(201).body("roles", empty());
    }

    @Test
    void aTakenUsernameIsRefusedWithTheConflictingId() {
        String name = username();
        long first = created(body("username", name, "displayName", "Người thứ nhất"));
        problem(create(body("username", name, "displayName", "Người thứ hai")), 409, "USERNAME_TAKEN")
                .body("conflictingId", equalTo((int) first));
        problem(create(body("username", " " + name + " ")), 409, "USERNAME_TAKEN")
                .body("conflictingId", equalTo((int) first));
        given().get(user(first)).then().statusCode(200).body("displayName", equalTo("Người thứ nhất"));
        assertEquals(1, withUsername(name));
    }

    @Test
    void displayNameIsAtMost300CharactersAndTrimmed() {
        create(body("username", username(), "displayName", "Đ".repeat(300))).statusCode(201)
                .body("displayName", equalTo("Đ".repeat(300)));
        problem(create(body("username", username(), "displayName", "Đ".repeat(301))), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("displayName"));
        problem(create(body("username", username(), "displayName", "Lê\nMinh Hải")), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("displayName"));
    }

    /**
     * The same new user name sent by several requests at once, a few times over: each time one is
     * created and the others are told it is taken, with the id of the one that has it.
     */
    @Test
    void aUsernameRacedForIsTakenOnce() throws Exception {
        List<String> withoutConflictingId = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            String name = username();
            String json = "{\"username\":\"" + name + "\",\"password\":\"" + Api.PASSWORD + "\"}";
            List<Outcome> outcomes = Races.race(32, i -> Races.request(root.resolve(USERS), "POST",
                    "application/json; charset=UTF-8", json, null));
            Outcome winner = Races.onlyWinner(outcomes, 201, 409, "USERNAME_TAKEN");
            assertEquals(1, withUsername(name));
            Object id = winner.json().get("id");
            outcomes.stream().filter(loser -> loser != winner && !id.equals(loser.json().get("conflictingId")))
                    .forEach(loser -> withoutConflictingId.add(loser.body()));
        }
        // a request that loses the race at the database's unique constraint is told the winner too
        assertEquals(List.of(), withoutConflictingId);
    }

    @Test
    void createRefusesReadOnlyAndUnknownFields() {
        for (String field : List.of("id", "createdAt", "updatedAt", "version")) {
            Object value = field.endsWith("At") ? "2020-02-22T16:59:59.000Z" : 1;
            String name = username();
            problem(create(body("username", name, field, value)), 400, "READ_ONLY_FIELD")
                    .body("errors.field", contains(field));
            assertEquals(0, withUsername(name));
        }
        problem(create(body("username", username(), "email", "hai@thanhuy.vn")), 400, "UNKNOWN_FIELD")
                .body("errors.field", contains("email"));
        problem(create(body("username", username(), "passwordHash", "$2a$04$abcdefghijklmnopqrstuv")), 400,
                "UNKNOWN_FIELD").body("errors.field", contains("passwordHash"));
    }

    @Test
    void onlyAdminCreatesAndChangesUsersAndOnlyAdminAndAuditorReadThem() {
        String auditor = username();
        makeUser(auditor, "AUDITOR");
        String plain = username();
        long plainId = makeUser(plain);

        as(auditor, Api.PASSWORD).get(USERS).then().statusCode(200).body("totalItems", notNullValue());
        as(auditor, Api.PASSWORD).get(user(plainId)).then().statusCode(200).body("username", equalTo(plain));
        problem(as(auditor, Api.PASSWORD).body(body("username", username())).post(USERS).then(), 403, "FORBIDDEN");
        problem(as(auditor, Api.PASSWORD).body(body("displayName", "Kiểm tra")).patch(user(plainId)).then(), 403,
                "FORBIDDEN");

        problem(as(plain, Api.PASSWORD).get(USERS).then(), 403, "FORBIDDEN");
        problem(as(plain, Api.PASSWORD).get(user(plainId)).then(), 403, "FORBIDDEN");
        problem(as(plain, Api.PASSWORD).body(body("username", username())).post(USERS).then(), 403, "FORBIDDEN");
        problem(as(plain, Api.PASSWORD).body(body("roles", List.of("ADMIN"))).patch(user(plainId)).then(), 403,
                "FORBIDDEN");
        given().get(user(plainId)).then().statusCode(200).body("roles", empty()).body("displayName", nullValue());

        problem(anonymous().get(USERS).then(), 401, "UNAUTHENTICATED").header("WWW-Authenticate", notNullValue());
        problem(anonymous().get(user(plainId)).then(), 401, "UNAUTHENTICATED");
        problem(anonymous().contentType(ContentType.JSON).body(body("username", username())).post(USERS).then(), 401,
                "UNAUTHENTICATED");
    }

    // ---------------------------------------------------------------------------------------- read

    @Test
    void unknownUserIsNotFound() {
        problem(given().get(user(Long.MAX_VALUE)).then(), 404, "NOT_FOUND");
        problem(patch(Long.MAX_VALUE, body("displayName", "Không có")), 404, "NOT_FOUND");
    }

    @Test
    void listFiltersByRoleActiveAndFoldedSearch() {
        String tag = "zq" + Api.unique();
        long admin = created(body("username", tag + ".admin", "displayName", "Vũ Văn Diện", "roles", List.of("ADMIN")));
        long auditor = created(body("username", tag + ".auditor", "roles", List.of("AUDITOR")));
        long both = created(body("username", tag + ".both", "roles", List.of("ADMIN", "AUDITOR")));
        long none = created(body("username", tag + ".none", "displayName", "Nguyễn Thị Lan"));
        long inactive = created(body("username", tag + ".off", "roles", List.of("AUDITOR"), "active", false));

        assertEquals(List.of(admin, auditor, both, none, inactive), ids(given().queryParam("q", tag).get(USERS).then()));
        assertEquals(List.of(admin, both),
                ids(given().queryParam("q", tag).queryParam("role", "ADMIN").get(USERS).then()));
        assertEquals(List.of(auditor, both, inactive),
                ids(given().queryParam("q", tag).queryParam("role", "AUDITOR").get(USERS).then()));
        assertEquals(List.of(inactive),
                ids(given().queryParam("q", tag).queryParam("active", "false").get(USERS).then()));
        assertEquals(List.of(auditor, both), ids(given().queryParam("q", tag).queryParam("role", "AUDITOR")
                .queryParam("active", "true").get(USERS).then()));
        // q folds and matches every word, in any order, in username and displayName
        assertEquals(List.of(admin), ids(given().queryParam("q", tag + " dien vu").get(USERS).then()));
        assertEquals(List.of(admin), ids(given().queryParam("q", "  VŨ   văn DIỆN " + tag).get(USERS).then()));
        assertEquals(List.of(none), ids(given().queryParam("q", "lan " + tag + ".no").get(USERS).then()));
        assertEquals(List.of(), ids(given().queryParam("q", tag + " lan").queryParam("role", "ADMIN").get(USERS).then()));
        // % and _ are literal
        assertEquals(List.of(), ids(given().queryParam("q", tag + "%").get(USERS).then()));
        assertEquals(List.of(), ids(given().queryParam("q", "zq_" + tag.substring(3)).get(USERS).then()));
        // every item is a user, never with a secret
        String raw = given().queryParam("q", tag).get(USERS).then().statusCode(200)
                .body("items[0].username", equalTo(tag + ".admin"))
                .body("items[0].active", equalTo(true))
                .body("items[0].roles", contains("ADMIN"))
                .extract().asString();
        assertNoSecret(raw, Api.PASSWORD);
    }

    @Test
    void listSortsByUsernameFoldedDisplayNameWithEmptyLastAndCreatedAt() {
        String tag = "zs" + Api.unique();
        FixedClock clock = FixedClock.install(Instant.parse("2020-02-20T01:00:00.000Z"));
        long charlie = created(body("username", tag + ".charlie", "displayName", "Đỗ Văn Bình"));
        clock.set(Instant.parse("2020-02-20T01:00:01.000Z"));
        long alpha = created(body("username", tag + ".alpha", "displayName", "Lê Thị Cúc"));
        clock.set(Instant.parse("2020-02-20T01:00:02.000Z"));
        long bravo = created(body("username", tag + ".bravo"));

        assertEquals(List.of(charlie, alpha, bravo), ids(given().queryParam("q", tag).get(USERS).then()));
        assertEquals(List.of(alpha, bravo, charlie),
                ids(given().queryParam("q", tag).queryParam("sort", "username").get(USERS).then()));
        assertEquals(List.of(charlie, bravo, alpha),
                ids(given().queryParam("q", tag).queryParam("sort", "-username").get(USERS).then()));
        // "Đỗ" folds to "do", before "le"; a user without a display name comes last either way
        assertEquals(List.of(charlie, alpha, bravo),
                ids(given().queryParam("q", tag).queryParam("sort", "displayName").get(USERS).then()));
        assertEquals(List.of(alpha, charlie, bravo),
                ids(given().queryParam("q", tag).queryParam("sort", "-displayName").get(USERS).then()));
        assertEquals(List.of(charlie, alpha, bravo),
                ids(given().queryParam("q", tag).queryParam("sort", "createdAt").get(USERS).then()));
        assertEquals(List.of(bravo, alpha, charlie),
                ids(given().queryParam("q", tag).queryParam("sort", "-createdAt").get(USERS).then()));
        assertEquals(List.of(bravo, alpha, charlie),
                ids(given().queryParam("q", tag).queryParam("sort", "-id").get(USERS).then()));
    }

    @Test
    void listIsPagedWithTheEnvelope() {
        String tag = "zp" + Api.unique();
        List<Long> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(created(body("username", tag + "." + i)));
        }
        given().queryParam("q", tag).queryParam("page", 1).queryParam("size", 2).get(USERS).then().statusCode(200)
                .body("page", equalTo(1))
                .body("size", equalTo(2))
                .body("totalItems", equalTo(5))
                .body("totalPages", equalTo(3))
                .body("items.id", contains(made.get(2).intValue(), made.get(3).intValue()));
        given().queryParam("q", tag).get(USERS).then().statusCode(200)
                .body("page", equalTo(0))
                .body("size", equalTo(20))
                .body("totalItems", equalTo(5))
                .body("totalPages", equalTo(1));
        given().queryParam("q", tag).queryParam("page", 3).queryParam("size", 2).get(USERS).then().statusCode(200)
                .body("items", empty())
                .body("totalItems", equalTo(5));
    }

    @Test
    void listRefusesBadQueryParameters() {
        problem(given().queryParam("role", "GUEST").get(USERS).then(), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("role"));
        problem(given().queryParam("role", "admin").get(USERS).then(), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("role"));
        problem(given().queryParam("active", "yes").get(USERS).then(), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("active"));
        problem(given().queryParam("sort", "password").get(USERS).then(), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("sort"));
        problem(given().queryParam("sort", "active").get(USERS).then(), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("sort"));
        problem(given().queryParam("size", 101).get(USERS).then(), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("size"));
        problem(given().queryParam("username", "admin").get(USERS).then(), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("username"));
    }

    // ---------------------------------------------------------------------------------------- patch

    @Test
    void patchTakesMergePatchAndJsonAndChangesOnlyWhatIsSent() {
        String name = username();
        long id = created(body("username", name, "displayName", "Trần Văn Hùng", "roles", List.of("AUDITOR"),
                "password", Api.PASSWORD));
        JsonPath before = given().get(user(id)).then().extract().jsonPath();
        String etag = Api.etag(user(id));

        ExtractableResponse<Response> changed = given().contentType(MERGE_PATCH)
                .body(body("displayName", "  Trần Văn Hưng ")).patch(user(id)).then().statusCode(200)
                .header("ETag", notNullValue())
                .body("displayName", equalTo("Trần Văn Hưng"))
                .body("username", equalTo(name))
                .body("roles", contains("AUDITOR"))
                .body("active", equalTo(true))
                .body("createdAt", equalTo(before.getString("createdAt")))
                .extract();
        assertNotEquals(etag, changed.header("ETag"));
        assertNotEquals(before.getLong("version"), changed.jsonPath().getLong("version"));
        assertNoSecret(changed.asString(), Api.PASSWORD);

        Map<String, Object> clear = new HashMap<>();
        clear.put("displayName", null);
        patch(id, clear).statusCode(200).body("displayName", nullValue()).body("roles", contains("AUDITOR"));
        patch(id, body("roles", List.of())).statusCode(200).body("roles", empty());
        given().get(user(id)).then().statusCode(200).body("displayName", nullValue()).body("roles", empty())
                .body("username", equalTo(name));
        // the password is untouched by patches that do not send it
        as(name, Api.PASSWORD).get(ME).then().statusCode(200);
    }

    @Test
    void patchThatChangesNothingKeepsVersionAndETag() {
        long id = created(body("username", username(), "displayName", "Phạm Thu Trang", "password", Api.PASSWORD));
        String etag = Api.etag(user(id));
        long version = given().get(user(id)).then().extract().jsonPath().getLong("version");
        int entries = auditEntries(id);
        patch(id, body("displayName", "Phạm Thu Trang", "active", true, "roles", List.of(), "password", Api.PASSWORD))
                .statusCode(200)
                .header("ETag", equalTo(etag))
                .body("version", equalTo((int) version));
        patch(id, body()).statusCode(200).header("ETag", equalTo(etag));
        assertEquals(entries, auditEntries(id));
    }

    @Test
    void patchRefusesNullForDefaultedFieldsReadOnlyFieldsTheUsernameAndUnknownFields() {
        String name = username();
        long id = created(body("username", name, "roles", List.of("AUDITOR")));
        String etag = Api.etag(user(id));
        for (String field : List.of("roles", "active")) {
            Map<String, Object> body = new HashMap<>();
            body.put(field, null);
            problem(patch(id, body), 400, "VALIDATION_FAILED").body("errors.field", contains(field));
        }
        problem(patch(id, body("username", name)), 400, "READ_ONLY_FIELD").body("errors.field", contains("username"));
        problem(patch(id, body("username", username())), 400, "READ_ONLY_FIELD")
                .body("errors.field", contains("username"));
        for (String field : List.of("id", "createdAt", "updatedAt", "version")) {
            Object current = given().get(user(id)).then().extract().jsonPath().get(field);
            problem(patch(id, body(field, current)), 400, "READ_ONLY_FIELD").body("errors.field", contains(field));
        }
        problem(patch(id, body("email", "x@thanhuy.vn")), 400, "UNKNOWN_FIELD").body("errors.field", contains("email"));
        problem(patch(id, body("password", "ngắn-quá")), 400, "VALIDATION_FAILED").body("errors.field", contains("password"));
        problem(patch(id, body("roles", List.of("ROOT"))), 400, "VALIDATION_FAILED").body("errors.field", contains("roles[0]"));
        problem(patch(id, body("active", "false")), 400, "VALIDATION_FAILED").body("errors.field", contains("active"));
        given().get(user(id)).then().statusCode(200).header("ETag", equalTo(etag)).body("username", equalTo(name));
    }

    @Test
    void patchHonoursIfMatch() {
        long id = created(body("username", username(), "displayName", "Hoàng Minh"));
        String etag = Api.etag(user(id));
        String fresh = Api.json().header("If-Match", etag).body(body("displayName", "Hoàng Minh Tuấn")).patch(user(id))
                .then().statusCode(200).body("displayName", equalTo("Hoàng Minh Tuấn")).extract().header("ETag");
        problem(Api.json().header("If-Match", etag).body(body("displayName", "Cũ")).patch(user(id)).then(), 412,
                "PRECONDITION_FAILED");
        problem(Api.json().header("If-Match", etag).body(body("active", false)).patch(user(id)).then(), 412,
                "PRECONDITION_FAILED");
        given().get(user(id)).then().statusCode(200).header("ETag", equalTo(fresh))
                .body("displayName", equalTo("Hoàng Minh Tuấn")).body("active", equalTo(true));
        Api.json().header("If-Match", "*").body(body("displayName", "Hoàng Minh")).patch(user(id)).then().statusCode(200)
                .body("displayName", equalTo("Hoàng Minh"));
    }

    @Test
    void aNewPasswordTakesEffectAtOnceEvenWhenTheOldOneWasJustUsed() {
        String name = username();
        long id = created(body("username", name, "password", Api.PASSWORD));
        as(name, Api.PASSWORD).get(ME).then().statusCode(200);
        as(name, Api.PASSWORD).get(ME).then().statusCode(200); // now remembered

        String second = "mật-khẩu-mới-2020-" + Api.unique();
        String body = given().contentType(MERGE_PATCH).body(body("password", second)).patch(user(id)).then()
                .statusCode(200).extract().asString();
        assertNoSecret(body, Api.PASSWORD, second);

        problem(as(name, Api.PASSWORD).get(ME).then(), 401, "UNAUTHENTICATED").header("WWW-Authenticate", notNullValue());
        as(name, second).get(ME).then().statusCode(200).body("username", equalTo(name));
        as(name, second).get(ME).then().statusCode(200); // remembered in its turn

        String third = "mật-khẩu-thứ-ba-2020-" + Api.unique();
        patch(id, body("password", third)).statusCode(200);
        problem(as(name, second).get(ME).then(), 401, "UNAUTHENTICATED");
        as(name, third).get(ME).then().statusCode(200);
    }

    @Test
    void aDeactivatedUserIsRefusedAtOnceAndReactivationRestoresAccess() {
        String name = username();
        long id = created(body("username", name, "password", Api.PASSWORD));
        as(name, Api.PASSWORD).get(ME).then().statusCode(200);
        as(name, Api.PASSWORD).get(ME).then().statusCode(200); // remembered

        patch(id, body("active", false)).statusCode(200).body("active", equalTo(false));
        problem(as(name, Api.PASSWORD).get(ME).then(), 401, "UNAUTHENTICATED").header("WWW-Authenticate", notNullValue());
        problem(as(name, Api.PASSWORD).get("/api/v1/subcommittees").then(), 401, "UNAUTHENTICATED");
        given().queryParam("q", name).queryParam("active", "false").get(USERS).then().statusCode(200)
                .body("items.id", hasItem((int) id));

        patch(id, body("active", true)).statusCode(200).body("active", equalTo(true));
        as(name, Api.PASSWORD).get(ME).then().statusCode(200).body("username", equalTo(name));
    }

    @Test
    void usersAreNeverDeleted() {
        long id = created(body("username", username()));
        problem(given().delete(user(id)).then(), 405, "METHOD_NOT_ALLOWED")
                .header("Allow", containsString("GET"))
                .header("Allow", containsString("PATCH"))
                .header("Allow", not(containsString("DELETE")));
        problem(given().delete(USERS).then(), 405, "METHOD_NOT_ALLOWED")
                .header("Allow", containsString("POST"))
                .header("Allow", not(containsString("DELETE")));
        given().get(user(id)).then().statusCode(200).body("active", equalTo(true));
    }

    // ---------------------------------------------------------------------------------------- LAST_ADMIN

    @Test
    void anotherAdminCanLoseTheRoleOrBeDeactivatedWhileAnActiveAdminRemains() {
        String name = username();
        long second = created(body("username", name, "roles", List.of("ADMIN", "AUDITOR"), "password", Api.PASSWORD));
        as(name, Api.PASSWORD).get(USERS).then().statusCode(200);
        patch(second, body("roles", List.of("AUDITOR"))).statusCode(200).body("roles", contains("AUDITOR"));
        problem(as(name, Api.PASSWORD).body(body("username", username())).post(USERS).then(), 403, "FORBIDDEN");

        long third = created(body("username", username(), "roles", List.of("ADMIN")));
        patch(third, body("active", false)).statusCode(200).body("active", equalTo(false)).body("roles", contains("ADMIN"));
        // an inactive ADMIN is not the last active one: it may lose the role too
        patch(third, body("roles", List.of())).statusCode(200).body("roles", empty());
    }

    /**
     * The test database is shared with other test classes, which may have made active ADMINs of their
     * own: they are deactivated for the length of this test (the tests run one at a time) and then
     * reactivated, so that {@code admin} is provably the only active ADMIN.
     */
    @Test
    void theOnlyActiveAdminCannotLoseTheRoleNorBeDeactivated() {
        long me = Api.myUserId();
        List<Long> others = activeAdminsOtherThan(me);
        try {
            for (long other : others) {
                patch(other, body("active", false)).statusCode(200);
            }
            assertEquals(List.of(me), ids(given().queryParam("role", "ADMIN").queryParam("active", "true").get(USERS)
                    .then()));
            String etag = Api.etag(user(me));
            int entries = auditEntries(me);

            problem(patch(me, body("roles", List.of("AUDITOR"))), 409, "LAST_ADMIN");
            problem(patch(me, body("roles", List.of())), 409, "LAST_ADMIN");
            problem(patch(me, body("active", false)), 409, "LAST_ADMIN");
            problem(patch(me, body("active", false, "roles", List.of("ADMIN"))), 409, "LAST_ADMIN");
            given().get(user(me)).then().statusCode(200).header("ETag", equalTo(etag))
                    .body("roles", hasItem("ADMIN")).body("active", equalTo(true));
            assertEquals(entries, auditEntries(me));

            // with a second active ADMIN, that one may go again, but not the last
            long second = created(body("username", username(), "roles", List.of("ADMIN")));
            patch(second, body("active", false)).statusCode(200);
            problem(patch(me, body("active", false)), 409, "LAST_ADMIN");
            // keeping ADMIN while gaining AUDITOR is fine
            patch(me, body("roles", List.of("ADMIN", "AUDITOR"))).statusCode(200)
                    .body("roles", containsInAnyOrder("ADMIN", "AUDITOR"));
            patch(me, body("roles", List.of("ADMIN"))).statusCode(200).body("roles", contains("ADMIN"));
        } finally {
            for (long other : others) {
                patch(other, body("active", true)).statusCode(200);
            }
        }
    }

    /**
     * Two requests that each take ADMIN from one of the only two active ADMINs, released together:
     * at most one may succeed, or no one is left to administer the portal.
     */
    @Test
    void theLastAdminRuleHoldsWhenTheLastTwoAdminsAreDemotedAtOnce() throws Exception {
        long me = Api.myUserId();
        List<Long> others = activeAdminsOtherThan(me);
        String secondName = username();
        long second = makeUser(secondName, "ADMIN");
        List<String> bothWon = new ArrayList<>();
        try {
            for (long other : others) {
                patch(other, body("active", false)).statusCode(200);
            }
            String demote = "{\"roles\":[\"AUDITOR\"]}";
            for (int round = 0; round < 10 && bothWon.isEmpty(); round++) {
                List<Outcome> outcomes = Races.race(2, i -> Races.request(root.resolve(user(i == 0 ? me : second)),
                        "PATCH", "application/merge-patch+json", demote, null));
                // both are sent as `me`: once `me` is demoted, the other may find its caller no ADMIN any more (403)
                for (Outcome outcome : outcomes) {
                    assertTrue(outcome.status() == 200 || outcome.status() == 409 || outcome.status() == 403,
                            "unexpected " + outcomes);
                }
                if (outcomes.get(0).status() == 200 && outcomes.get(1).status() == 200) {
                    bothWon.add("round " + round + ": " + outcomes);
                    break;
                }
                // put back whichever lost ADMIN, as the one who kept it
                if (outcomes.get(0).status() == 200) {
                    as(secondName, Api.PASSWORD).body(body("roles", List.of("ADMIN"))).patch(user(me)).then()
                            .statusCode(200);
                } else if (outcomes.get(1).status() == 200) {
                    patch(second, body("roles", List.of("ADMIN"))).statusCode(200);
                }
            }
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                User admin = repository.findById(me);
                if (!admin.active || !admin.roles().contains(GlobalRole.ADMIN)) {
                    admin.active = true;
                    admin.setRoles(EnumSet.of(GlobalRole.ADMIN));
                }
            });
            patch(me, body("roles", List.of("ADMIN"))).statusCode(200);
            patch(second, body("active", false)).statusCode(200);
            for (long other : others) {
                patch(other, body("active", true)).statusCode(200);
            }
        }
        // the demotions queue on the active admins' rows, so one of them is refused
        assertEquals(List.of(), bothWon, "both of the last two ADMINs lost the role");
    }

    // ---------------------------------------------------------------------------------------- me

    @Test
    void meDescribesTheAdmin() {
        given().get(ME).then().statusCode(200)
                .body("id", notNullValue())
                .body("username", equalTo("admin"))
                .body("displayName", equalTo("Administrator"))
                .body("roles", contains("ADMIN"))
                .body("memberships", notNullValue());
        long id = Api.myUserId();
        given().get(user(id)).then().statusCode(200).body("username", equalTo("admin"));
    }

    @Test
    void meListsTheActiveMembershipsOfAPlainUser() {
        String name = username();
        long userId = created(body("username", name, "displayName", "Nguyễn Thị Lan", "password", Api.PASSWORD));
        String firstName = "Tiểu ban Văn kiện " + Api.unique();
        long first = Api.createSubcommittee(Map.of("name", firstName));
        String secondName = "Tiểu ban Nhân sự " + Api.unique();
        long second = Api.createSubcommittee(Map.of("name", secondName, "kind", "PERSONNEL"));
        long third = Api.createSubcommittee();
        long secretary = Api.createMember(first, Map.of("role", "SECRETARY", "userId", userId));
        long member = Api.createMember(second, Map.of("role", "MEMBER", "userId", userId));
        Api.createMember(third, Map.of("role", "HEAD", "userId", userId, "active", false));

        JsonPath me = as(name, Api.PASSWORD).get(ME).then().statusCode(200)
                .body("id", equalTo((int) userId))
                .body("username", equalTo(name))
                .body("displayName", equalTo("Nguyễn Thị Lan"))
                .body("roles", empty())
                .body("memberships.size()", equalTo(2))
                .body("memberships.subcommitteeId", containsInAnyOrder((int) first, (int) second))
                .extract().jsonPath();
        Map<String, Object> inFirst = me.getMap("memberships.find { it.subcommitteeId == " + first + " }");
        assertEquals(firstName, inFirst.get("subcommitteeName"));
        assertEquals((int) secretary, inFirst.get("memberId"));
        assertEquals("SECRETARY", inFirst.get("role"));
        Map<String, Object> inSecond = me.getMap("memberships.find { it.subcommitteeId == " + second + " }");
        assertEquals(secondName, inSecond.get("subcommitteeName"));
        assertEquals((int) member, inSecond.get("memberId"));
        assertEquals("MEMBER", inSecond.get("role"));

        // a member record made inactive drops out at once
        Api.json().body(Map.of("active", false)).patch("/api/v1/members/" + secretary).then().statusCode(200);
        as(name, Api.PASSWORD).get(ME).then().statusCode(200)
                .body("memberships.subcommitteeId", contains((int) second));
    }

    @Test
    void meNeedsALogin() {
        problem(anonymous().get(ME).then(), 401, "UNAUTHENTICATED").header("WWW-Authenticate", notNullValue());
        String name = username();
        makeUser(name);
        problem(as(name, "not-the-password-" + Api.unique()).get(ME).then(), 401, "UNAUTHENTICATED")
                .header("WWW-Authenticate", notNullValue());
        problem(as("nobody-" + Api.unique(), Api.PASSWORD).get(ME).then(), 401, "UNAUTHENTICATED");
    }
}
