package vn.portal.login;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.portal.support.Api;
import vn.portal.support.Races;
import vn.portal.support.TokenIssuer;

/**
 * Logins and access, from the outside: anonymous callers, HTTP Basic, bearer tokens, the login
 * throttle, the credential cache, CORS and the security headers. Every user here is fresh, so no
 * test can throttle another one's user name (and none ever sends a wrong password for admin).
 */
@QuarkusTest
@QuarkusTestResource(TokenIssuer.class)
class LoginTest {

    private static final String ORIGIN = "https://vankien.test.portal";

    @TestHTTPResource("/")
    URI baseUri;

    @Inject
    LoginThrottle throttle;

    // ------------------------------------------------------------------------------------------
    // helpers

    private static RequestSpecification anonymous() {
        return given().auth().none();
    }

    /** HTTP Basic, encoded here (UTF-8) so that the header is exactly what the test means. */
    private static String basicHeader(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static RequestSpecification basic(String username, String password) {
        return withAuthorization(basicHeader(username, password));
    }

    private static RequestSpecification bearer(String token) {
        return given().auth().none().auth().oauth2(token);
    }

    private static RequestSpecification withAuthorization(String value) {
        return given().auth().none().header("Authorization", value);
    }

    /**
     * A user with {@link Api#PASSWORD}; returns its id. ({@code Api.createUser(name)} is ambiguous
     * between its two overloads, so the tests make their named users here.)
     */
    private static long newUser(String username, String... roles) {
        return Api.json().body(Map.of("username", username, "password", Api.PASSWORD, "roles", List.of(roles)))
                .post("/api/v1/users").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static String freshName() {
        return "u" + Api.unique();
    }

    /** The users named exactly {@code username}, as ADMIN sees them in the list. */
    private static List<Map<String, Object>> usersNamed(String username) {
        List<Map<String, Object>> items = given().queryParam("q", username).queryParam("size", 100).get("/api/v1/users")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(u -> username.equals(u.get("username"))).toList();
    }

    private static Map<String, Object> onlyUserNamed(String username) {
        List<Map<String, Object>> found = usersNamed(username);
        assertEquals(1, found.size(), "exactly one user named " + username + ": " + found);
        return found.get(0);
    }

    private static void patchUser(long id, Map<String, Object> body) {
        Api.json().body(body).patch("/api/v1/users/" + id).then().statusCode(200);
    }

    /** A 401 as the contract shapes it, with a challenge naming both ways in; returns the response. */
    private static Response assertUnauthenticated(Response response) {
        response.then().spec(Api.problem(401, "UNAUTHENTICATED")).body("detail", notNullValue());
        List<String> challenges = response.headers().getValues("WWW-Authenticate");
        String all = String.join(", ", challenges).toLowerCase(Locale.ROOT);
        assertTrue(all.contains("basic"), "WWW-Authenticate names Basic: " + challenges);
        assertTrue(all.contains("bearer"), "WWW-Authenticate names Bearer: " + challenges);
        return response;
    }

    private static byte[] publicKeyPem() {
        try {
            return java.nio.file.Files.readAllBytes(java.nio.file.Path.of("target", "test-keys", "issuer-public.pem"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long retryAfterOf(Response response) {
        response.then().spec(Api.problem(429, "TOO_MANY_REQUESTS"));
        String value = response.header("Retry-After");
        assertNotNull(value, "a 429 carries Retry-After");
        assertTrue(value.matches("[0-9]+"), "Retry-After is whole seconds: " + value);
        long seconds = Long.parseLong(value);
        assertTrue(seconds >= 1 && seconds <= 60, "Retry-After between 1 and 60 s: " + seconds);
        return seconds;
    }

    // ------------------------------------------------------------------------------------------
    // anonymous

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET, /api/v1/me",
            "GET, /api/v1/users",
            "GET, /api/v1/users/1",
            "POST, /api/v1/users",
            "PATCH, /api/v1/users/1",
            "GET, /api/v1/subcommittees",
            "POST, /api/v1/subcommittees",
            "GET, /api/v1/subcommittees/1",
            "PATCH, /api/v1/subcommittees/1",
            "DELETE, /api/v1/subcommittees/1",
            "GET, /api/v1/subcommittees/1/members",
            "POST, /api/v1/subcommittees/1/members",
            "GET, /api/v1/members/1",
            "PATCH, /api/v1/members/1",
            "DELETE, /api/v1/members/1",
            "GET, /api/v1/subcommittees/1/responsibilities",
            "POST, /api/v1/subcommittees/1/responsibilities",
            "GET, /api/v1/subcommittees/1/responsibility-matrix",
            "GET, /api/v1/responsibilities/1",
            "PATCH, /api/v1/responsibilities/1",
            "DELETE, /api/v1/responsibilities/1",
            "GET, /api/v1/subcommittees/1/milestones",
            "POST, /api/v1/subcommittees/1/milestones",
            "GET, /api/v1/milestones/1",
            "PATCH, /api/v1/milestones/1",
            "DELETE, /api/v1/milestones/1",
            "GET, /api/v1/subcommittees/1/progress",
            "GET, /api/v1/submissions",
            "GET, /api/v1/milestones/1/submissions",
            "POST, /api/v1/milestones/1/submissions",
            "GET, /api/v1/submissions/1",
            "PATCH, /api/v1/submissions/1",
            "DELETE, /api/v1/submissions/1",
            "POST, /api/v1/submissions/1/submit",
            "POST, /api/v1/submissions/1/return",
            "POST, /api/v1/submissions/1/accept",
            "GET, /api/v1/submissions/1/attachments/1",
            "DELETE, /api/v1/submissions/1/attachments/1",
            "GET, /api/v1/submissions/1/comments",
            "POST, /api/v1/submissions/1/comments",
            "GET, /api/v1/comments/1",
            "PATCH, /api/v1/comments/1",
            "GET, /api/v1/audit",
    })
    void everyApiPathButTheIndexNeedsALogin(String method, String path) {
        RequestSpecification request = Api.exact().auth().none().accept("application/json");
        if (!method.equals("GET") && !method.equals("DELETE")) {
            request = request.contentType(method.equals("PATCH") ? "application/merge-patch+json" : "application/json")
                    .body("{}");
        }
        assertUnauthenticated(request.request(method, path));
    }

    @Test
    void anAttachmentUploadNeedsALogin() {
        assertUnauthenticated(anonymous().multiPart("file", "bao-cao.pdf", "%PDF-1.4\n".getBytes(StandardCharsets.UTF_8),
                "application/pdf").post("/api/v1/submissions/1/attachments"));
    }

    @Test
    void anAnonymousCallerLearnsNothingElseBeforeLoggingIn() {
        // the login is asked for before the query parameters, the body or its type are looked at
        assertUnauthenticated(anonymous().queryParam("bogus", "1").get("/api/v1/subcommittees"));
        assertUnauthenticated(Api.exact().auth().none().contentType("application/json").body("{not json")
                .post("/api/v1/subcommittees"));
        assertUnauthenticated(Api.exact().auth().none().contentType("application/json; charset=ISO-8859-1")
                .body("{}").post("/api/v1/subcommittees"));
        assertUnauthenticated(anonymous().get("/api/v1/subcommittees/999999999"));
    }

    @Test
    void theIndexAndTheHealthChecksNeedNoLogin() {
        anonymous().get("/api/v1").then().statusCode(200).body("version", equalTo("v1"))
                .body("links.subcommittees", equalTo("/api/v1/subcommittees"));
        anonymous().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        anonymous().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    // ------------------------------------------------------------------------------------------
    // HTTP Basic

    @Test
    void theRightPasswordLogsIn() {
        String name = freshName();
        long id = newUser(name);
        basic(name, Api.PASSWORD).get("/api/v1/me").then().statusCode(200)
                .body("id", equalTo((int) id)).body("username", equalTo(name)).body("roles", empty())
                .body("memberships", empty());
    }

    @Test
    void everyRefusedPasswordGetsTheSameAnswer() {
        String wrongPassword = freshName();
        long wrongPasswordId = newUser(wrongPassword);
        String deactivated = freshName();
        long deactivatedId = newUser(deactivated);
        patchUser(deactivatedId, Map.of("active", false));
        String noPassword = freshName();
        Api.json().body(Map.of("username", noPassword)).post("/api/v1/users").then().statusCode(201)
                .body("hasPassword", equalTo(false));
        String unknown = freshName();

        List<Response> refusals = List.of(
                basic(wrongPassword, Api.PASSWORD + "-sai").get("/api/v1/me"),
                basic(unknown, Api.PASSWORD).get("/api/v1/me"),
                basic(deactivated, Api.PASSWORD).get("/api/v1/me"),
                basic(noPassword, Api.PASSWORD).get("/api/v1/me"),
                basic(noPassword, "").get("/api/v1/me"));
        refusals.forEach(LoginTest::assertUnauthenticated);
        String first = refusals.get(0).asString();
        for (Response refusal : refusals) {
            assertEquals(first, refusal.asString(), "a refusal must not tell which part was wrong");
            assertEquals(refusals.get(0).header("WWW-Authenticate"), refusal.header("WWW-Authenticate"));
        }
        assertFalse(first.contains(wrongPassword) || first.contains(unknown), "the body does not echo the user name");
        // the user with the wrong password still gets in with the right one
        basic(wrongPassword, Api.PASSWORD).get("/api/v1/me").then().statusCode(200)
                .body("id", equalTo((int) wrongPasswordId));
    }

    /**
     * The empty user name is no test's own: other classes refuse logins with it too (FuzzTest's
     * credentials, which run before this class since it moved to {@code login}), so its count of
     * failures starts afresh here.
     */
    @BeforeEach
    void forgetFailuresOfTheEmptyUserName() {
        throttle.succeeded("");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Basic !!!not-base64!!!",
            "Basic bm8tY29sb24taGVyZQ==", // "no-colon-here"
            "Basic ",
            "Basic",
            "Basic Og==", // ":" (no user name, no password)
            "Basic =",
            "Basic //79", // bytes that are not UTF-8
            "Basic YWRtaW4=", // "admin" with no colon
            "Digest username=\"admin\"",
            "Bearer",
            "Bearer ",
            "Bearer garbage",
            "Bearer a.b.c",
            "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
            "",
    })
    void aMalformedAuthorizationHeaderIsA401NeverA500(String header) {
        assertUnauthenticated(withAuthorization(header).get("/api/v1/me"));
    }

    @Test
    void oddUserNamesAreRefusedNotFailed() {
        String nul = "u" + Api.unique() + "\u0000x";
        String accents = "ngô-" + Api.unique();
        String colon = freshName();
        String longName = "u" + Api.unique() + "x".repeat(3000);
        assertAll(
                () -> assertUnauthenticated(basic(nul, Api.PASSWORD).get("/api/v1/me")),
                () -> assertUnauthenticated(basic(accents, Api.PASSWORD).get("/api/v1/me")),
                () -> assertUnauthenticated(basic(longName, Api.PASSWORD).get("/api/v1/me")),
                () -> assertUnauthenticated(withAuthorization(basicHeader(colon + ":" + "x", Api.PASSWORD))
                        .get("/api/v1/me")),
                () -> assertUnauthenticated(basic(freshName(), "").get("/api/v1/me")),
                () -> assertUnauthenticated(basic("", Api.PASSWORD).get("/api/v1/me")));
    }

    @Test
    void aPasswordMayContainAColon() {
        String name = freshName();
        String password = "có:dấu:hai-chấm:" + Api.unique();
        Api.json().body(Map.of("username", name, "password", password)).post("/api/v1/users").then().statusCode(201);
        basic(name, password).get("/api/v1/me").then().statusCode(200).body("username", equalTo(name));
    }

    // ------------------------------------------------------------------------------------------
    // bearer tokens

    @Test
    void aTokenForANewUserCreatesItOnFirstUseAndItsGroupsGiveTheRoles() {
        String name = freshName();
        assertTrue(usersNamed(name).isEmpty());

        int id = bearer(TokenIssuer.token(name, "AUDITOR", "editors", "admin", "Admin")).get("/api/v1/me").then()
                .statusCode(200).body("username", equalTo(name)).body("roles", containsInAnyOrder("AUDITOR"))
                .body("memberships", empty()).extract().path("id");
        Map<String, Object> user = onlyUserNamed(name);
        assertEquals(id, user.get("id"));
        assertEquals(List.of("AUDITOR"), user.get("roles"));
        assertEquals(Boolean.TRUE, user.get("active"));
        assertEquals(Boolean.FALSE, user.get("hasPassword"));

        // the same user next time, with the roles of the new token
        bearer(TokenIssuer.token(name, "ADMIN", "AUDITOR")).get("/api/v1/me").then().statusCode(200)
                .body("id", equalTo(id)).body("roles", containsInAnyOrder("ADMIN", "AUDITOR"));
        assertEquals(List.of("ADMIN", "AUDITOR"), onlyUserNamed(name).get("roles"));

        bearer(TokenIssuer.token(name)).get("/api/v1/me").then().statusCode(200)
                .body("id", equalTo(id)).body("roles", empty());
        assertEquals(List.of(), onlyUserNamed(name).get("roles"));
        // without a global role, users are not theirs to read
        bearer(TokenIssuer.token(name)).get("/api/v1/users").then().spec(Api.problem(403, "FORBIDDEN"));

        // a bearer user has no password: HTTP Basic never lets it in
        assertUnauthenticated(basic(name, "").get("/api/v1/me"));
    }

    @Test
    void anAuditorTokenReadsButDoesNotWrite() {
        String name = freshName();
        String token = TokenIssuer.token(name, "AUDITOR");
        long subcommitteeId = Api.createSubcommittee();
        bearer(token).get("/api/v1/users").then().statusCode(200);
        bearer(token).get("/api/v1/subcommittees/" + subcommitteeId).then().statusCode(200);
        bearer(token).get("/api/v1/audit").then().statusCode(200);
        bearer(token).contentType("application/json; charset=UTF-8").body(Map.of("code", "T-" + Api.unique(),
                "name", "Tiểu ban", "kind", "DOCUMENTS", "congress", "Đại hội XXV", "termStart", 2020, "termEnd", 2025))
                .post("/api/v1/subcommittees").then().spec(Api.problem(403, "FORBIDDEN"));
        bearer(token).contentType("application/merge-patch+json; charset=UTF-8").body(Map.of("name", "Đổi tên"))
                .patch("/api/v1/subcommittees/" + subcommitteeId).then().spec(Api.problem(403, "FORBIDDEN"));
        long userId = ((Number) onlyUserNamed(name).get("id")).longValue();
        bearer(token).contentType("application/merge-patch+json; charset=UTF-8").body(Map.of("roles", List.of("ADMIN")))
                .patch("/api/v1/users/" + userId).then().spec(Api.problem(403, "FORBIDDEN"));
        assertEquals(List.of("AUDITOR"), onlyUserNamed(name).get("roles"));

        // the same user with an ADMIN token may write
        bearer(TokenIssuer.token(name, "ADMIN")).contentType("application/merge-patch+json; charset=UTF-8")
                .body(Map.of("description", "Do quản trị viên cập nhật")).patch("/api/v1/subcommittees/" + subcommitteeId)
                .then().statusCode(200);
    }

    @Test
    void refusedTokensAre401AndCreateNobody() {
        String expired = freshName();
        String wrongIssuer = freshName();
        String stranger = freshName();
        String tampered = freshName();
        String confused = freshName();
        Instant now = Instant.now();
        String validForOther = TokenIssuer.token(freshName());
        String[] parts = validForOther.split("\\.");
        String otherPayload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String tamperedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                otherPayload.replaceAll("\"preferred_username\":\"[^\"]*\"", "\"preferred_username\":\"" + tampered + "\"")
                        .getBytes(StandardCharsets.UTF_8));

        Map<String, String> tokens = Map.of(
                "expired", TokenIssuer.claims(expired, "ADMIN").issuedAt(now.minusSeconds(7200))
                        .expiresAt(now.minusSeconds(3600)).sign(TokenIssuer.privateKey()),
                "wrong issuer", TokenIssuer.claims(wrongIssuer, "ADMIN").issuer("https://login.other.portal/realms/congress")
                        .sign(TokenIssuer.privateKey()),
                "stranger's key", TokenIssuer.claims(stranger, "ADMIN").sign(TokenIssuer.strangerKey()),
                "tampered payload", parts[0] + "." + tamperedPayload + "." + parts[2],
                // algorithm confusion: HMAC keyed with the issuer's public key, which anyone may know
                "HS256 with the public key", TokenIssuer.claims(confused, "ADMIN").jws()
                        .algorithm(SignatureAlgorithm.HS256).sign(new SecretKeySpec(publicKeyPem(), "HmacSHA256")));
        List<String> bodies = new ArrayList<>();
        tokens.forEach((what, token) -> {
            Response response = bearer(token).get("/api/v1/me");
            assertEquals(401, response.statusCode(), what + ": " + response.asString());
            assertUnauthenticated(response);
            bodies.add(response.asString());
        });
        assertEquals(1, bodies.stream().distinct().count(), "the same answer whatever was wrong: " + bodies);
        for (String name : List.of(expired, wrongIssuer, stranger, tampered, confused)) {
            assertTrue(usersNamed(name).isEmpty(), "a refused token creates no user: " + name);
        }
    }

    @Test
    void aTokenWithoutAUsableUserNameIsRefused() {
        Instant now = Instant.now();
        String noName = Jwt.issuer(TokenIssuer.ISSUER).subject("sub-" + Api.unique()).groups(Set.of("ADMIN"))
                .issuedAt(now).expiresAt(now.plusSeconds(300)).sign(TokenIssuer.privateKey());
        assertUnauthenticated(bearer(noName).get("/api/v1/me"));
        String blank = TokenIssuer.claims("placeholder").claim("preferred_username", "  ").sign(TokenIssuer.privateKey());
        assertUnauthenticated(bearer(blank).get("/api/v1/me"));

        String suffix = Api.unique();
        for (String invalid : List.of("user@" + suffix + ".vn", "User" + suffix, "u" + suffix + " x", "ab",
                "u".repeat(65), "ngô" + suffix, "u/" + suffix, "u" + suffix + "\u0000")) {
            Response response = bearer(TokenIssuer.token(invalid, "ADMIN")).get("/api/v1/me");
            assertEquals(401, response.statusCode(), "preferred_username " + invalid + ": " + response.asString());
            assertUnauthenticated(response);
        }
        // none of them became a user
        given().queryParam("q", suffix).get("/api/v1/users").then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void aDeactivatedUsersTokenIsRefused() {
        String name = freshName();
        int id = bearer(TokenIssuer.token(name, "AUDITOR")).get("/api/v1/me").then().statusCode(200).extract().path("id");
        patchUser(id, Map.of("active", false));

        assertUnauthenticated(bearer(TokenIssuer.token(name, "AUDITOR")).get("/api/v1/me"));
        // still deactivated, still one user
        Map<String, Object> user = onlyUserNamed(name);
        assertEquals(Boolean.FALSE, user.get("active"));

        // a refused token changes nothing: not even the deactivated user's stored roles
        assertUnauthenticated(bearer(TokenIssuer.token(name, "ADMIN")).get("/api/v1/me"));
        assertEquals(List.of("AUDITOR"), onlyUserNamed(name).get("roles"),
                "a refused (401) bearer login must not change the deactivated user's stored roles");

        patchUser(id, Map.of("active", true));
        bearer(TokenIssuer.token(name, "AUDITOR")).get("/api/v1/me").then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void aPasswordUserMayAlsoUseATokenAndItsGroupsFollowTheToken() {
        String name = freshName();
        long id = newUser(name, "AUDITOR");
        bearer(TokenIssuer.token(name)).get("/api/v1/me").then().statusCode(200).body("id", equalTo((int) id))
                .body("roles", empty());
        // the stored roles followed the token, and HTTP Basic uses the stored roles
        basic(name, Api.PASSWORD).get("/api/v1/me").then().statusCode(200).body("roles", empty());
        basic(name, Api.PASSWORD).get("/api/v1/users").then().spec(Api.problem(403, "FORBIDDEN"));
    }

    @Test
    void concurrentFirstUseOfOneNewUserNameCreatesExactlyOneUser() throws Exception {
        String name = freshName();
        List<Races.Outcome> responses = Races.race(12, i -> get("/api/v1/me",
                "Bearer " + TokenIssuer.token(name, "AUDITOR")));
        String summary = responses.stream().map(r -> r.status() + " " + r.body()).collect(Collectors.joining("\n"));
        Set<Object> ids = responses.stream().filter(r -> r.status() == 200).map(r -> JsonPath.from(r.body()).get("id"))
                .collect(Collectors.toSet());
        assertTrue(responses.stream().allMatch(r -> r.status() == 200), "every first use succeeds:\n" + summary);
        assertEquals(1, ids.size(), "all of them are the same user: " + ids);
        Map<String, Object> user = onlyUserNamed(name);
        assertEquals(ids.iterator().next(), user.get("id"));
        assertEquals(List.of("AUDITOR"), user.get("roles"));
    }

    @Test
    void concurrentRequestsOfAUserWhoseGroupsChangedAllSucceed() throws Exception {
        // a front end opens several requests at once right after the provider gave its user a new group
        String name = freshName();
        int id = bearer(TokenIssuer.token(name)).get("/api/v1/me").then().statusCode(200).extract().path("id");
        String token = TokenIssuer.token(name, "AUDITOR");
        List<Races.Outcome> responses = Races.race(12, i -> get("/api/v1/me", "Bearer " + token));
        String summary = responses.stream().map(r -> r.status() + " " + r.body()).collect(Collectors.joining("\n"));
        // every request brings the same new groups; one of them writes them, none is refused
        assertTrue(responses.stream().allMatch(r -> r.status() == 200), "every valid token gets in:\n" + summary);
        for (Races.Outcome response : responses) {
            JsonPath me = JsonPath.from(response.body());
            assertEquals(id, me.getInt("id"));
            assertEquals(List.of("AUDITOR"), me.getList("roles"));
        }
        assertEquals(List.of("AUDITOR"), onlyUserNamed(name).get("roles"));
    }

    @Test
    void concurrentTokensWithDifferentGroupsForOneUserAllSucceed() throws Exception {
        String name = freshName();
        int id = bearer(TokenIssuer.token(name)).get("/api/v1/me").then().statusCode(200).extract().path("id");
        List<Races.Outcome> responses = Races.race(12, i -> get("/api/v1/me",
                "Bearer " + (i % 2 == 0 ? TokenIssuer.token(name, "AUDITOR") : TokenIssuer.token(name, "ADMIN"))));
        String summary = responses.stream().map(r -> r.status() + " " + r.body()).collect(Collectors.joining("\n"));
        // each request's roles follow its own valid token; racing role syncs never turn a valid login into an error
        assertTrue(responses.stream().allMatch(r -> r.status() == 200), "every valid token gets in:\n" + summary);
        for (int i = 0; i < responses.size(); i++) {
            JsonPath me = JsonPath.from(responses.get(i).body());
            assertEquals(id, me.getInt("id"));
            assertEquals(List.of(i % 2 == 0 ? "AUDITOR" : "ADMIN"), me.getList("roles"), "request " + i);
        }
        assertEquals(1, usersNamed(name).size());
    }

    // ------------------------------------------------------------------------------------------
    // memberships

    @Test
    void aLinkedMemberShowsInMeThroughBasicAndBearer() {
        String basicName = freshName();
        long basicUserId = newUser(basicName);
        String bearerName = freshName();
        int bearerUserId = bearer(TokenIssuer.token(bearerName)).get("/api/v1/me").then().statusCode(200)
                .body("memberships", empty()).extract().path("id");

        String subcommitteeName = "Tiểu ban Văn kiện " + Api.unique();
        long subcommitteeId = Api.createSubcommittee(Map.of("name", subcommitteeName));
        long secretaryId = Api.createMember(subcommitteeId, Map.of("role", "SECRETARY", "userId", basicUserId));
        long memberId = Api.createMember(subcommitteeId, Map.of("role", "MEMBER", "userId", bearerUserId));

        basic(basicName, Api.PASSWORD).get("/api/v1/me").then().statusCode(200)
                .body("memberships", hasSize(1))
                .body("memberships[0].subcommitteeId", equalTo((int) subcommitteeId))
                .body("memberships[0].subcommitteeName", equalTo(subcommitteeName))
                .body("memberships[0].memberId", equalTo((int) secretaryId))
                .body("memberships[0].role", equalTo("SECRETARY"));
        bearer(TokenIssuer.token(bearerName)).get("/api/v1/me").then().statusCode(200)
                .body("memberships", hasSize(1))
                .body("memberships[0].subcommitteeId", equalTo((int) subcommitteeId))
                .body("memberships[0].subcommitteeName", equalTo(subcommitteeName))
                .body("memberships[0].memberId", equalTo((int) memberId))
                .body("memberships[0].role", equalTo("MEMBER"));
        // and each sees the subcommittee
        basic(basicName, Api.PASSWORD).get("/api/v1/subcommittees/" + subcommitteeId).then().statusCode(200);
        bearer(TokenIssuer.token(bearerName)).get("/api/v1/subcommittees/" + subcommitteeId).then().statusCode(200);

        // an inactive member record is no membership, on the very next request
        Api.json().body(Map.of("active", false)).patch("/api/v1/members/" + memberId).then().statusCode(200);
        bearer(TokenIssuer.token(bearerName)).get("/api/v1/me").then().statusCode(200).body("memberships", empty());
        bearer(TokenIssuer.token(bearerName)).get("/api/v1/subcommittees/" + subcommitteeId).then()
                .spec(Api.problem(404, "NOT_FOUND"));
        Api.json().body(Map.of("active", false)).patch("/api/v1/members/" + secretaryId).then().statusCode(200);
        basic(basicName, Api.PASSWORD).get("/api/v1/me").then().statusCode(200).body("memberships", empty());
    }

    // ------------------------------------------------------------------------------------------
    // throttling

    @Test
    void fiveFailuresInARowThrottleTheUserNameThenTheRightPasswordWorksAgain() throws Exception {
        String name = freshName();
        newUser(name);
        String other = freshName();
        newUser(other);

        for (int i = 1; i <= 5; i++) {
            assertUnauthenticated(basic(name, "sai-mật-khẩu-" + i).get("/api/v1/me"));
        }
        // the 6th attempt is not checked, even with the right password
        long wait = retryAfterOf(basic(name, Api.PASSWORD).get("/api/v1/me"));
        retryAfterOf(basic(name, "sai-mật-khẩu-6").get("/api/v1/me"));
        // other user names are not affected
        basic(other, Api.PASSWORD).get("/api/v1/me").then().statusCode(200);
        assertUnauthenticated(basic(other, "sai-mật-khẩu").get("/api/v1/me"));
        basic(other, Api.PASSWORD).get("/api/v1/me").then().statusCode(200);

        Thread.sleep(TimeUnit.SECONDS.toMillis(wait) + 250);
        basic(name, Api.PASSWORD).get("/api/v1/me").then().statusCode(200).body("username", equalTo(name));

        // the success cleared the count: five more failures are checked (401) before the next wait
        for (int i = 1; i <= 5; i++) {
            assertUnauthenticated(basic(name, "lại-sai-" + i).get("/api/v1/me"));
        }
        // (the right password is remembered now, so it would still get in: a guess shows the wait)
        retryAfterOf(basic(name, "lại-sai-6").get("/api/v1/me"));
    }

    @Test
    void eachFurtherFailureDoublesTheWait() throws Exception {
        String name = freshName();
        newUser(name);
        for (int i = 1; i <= 5; i++) {
            assertUnauthenticated(basic(name, "sai-" + i).get("/api/v1/me"));
        }
        long first = retryAfterOf(basic(name, "sai-6").get("/api/v1/me"));
        assertEquals(1, first, "the first wait is one second");
        Thread.sleep(TimeUnit.SECONDS.toMillis(first) + 250);
        // checked again, and wrong: the next wait is two seconds
        assertUnauthenticated(basic(name, "sai-7").get("/api/v1/me"));
        long second = retryAfterOf(basic(name, Api.PASSWORD).get("/api/v1/me"));
        assertEquals(2, second, "the wait doubles after each further failure");
        Thread.sleep(TimeUnit.SECONDS.toMillis(second) + 250);
        basic(name, Api.PASSWORD).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void unknownUserNamesAreThrottledLikeKnownOnes() {
        // otherwise the throttle itself would tell which user names exist
        String unknown = freshName();
        for (int i = 1; i <= 5; i++) {
            assertUnauthenticated(basic(unknown, "đoán-" + i).get("/api/v1/me"));
        }
        retryAfterOf(basic(unknown, "đoán-6").get("/api/v1/me"));
    }

    @Test
    void aRememberedCredentialStillGetsInWhileTheUserNameIsThrottled() {
        String name = freshName();
        newUser(name);
        basic(name, Api.PASSWORD).get("/api/v1/me").then().statusCode(200);
        for (int i = 1; i <= 5; i++) {
            assertUnauthenticated(basic(name, "kẻ-đoán-" + i).get("/api/v1/me"));
        }
        basic(name, Api.PASSWORD).get("/api/v1/me").then().statusCode(200).body("username", equalTo(name));
        basic(name, Api.PASSWORD).get("/api/v1/subcommittees").then().statusCode(200);
        // a guess is still refused without being checked
        retryAfterOf(basic(name, "kẻ-đoán-6").get("/api/v1/me"));
    }

    // ------------------------------------------------------------------------------------------
    // credential cache

    @Test
    void aNewPasswordTakesEffectAtOnce() {
        String name = freshName();
        long id = newUser(name);
        basic(name, Api.PASSWORD).get("/api/v1/me").then().statusCode(200);
        basic(name, Api.PASSWORD).get("/api/v1/me").then().statusCode(200);

        String newPassword = "mật-khẩu-mới-" + Api.unique();
        patchUser(id, Map.of("password", newPassword));
        assertUnauthenticated(basic(name, Api.PASSWORD).get("/api/v1/me"));
        basic(name, newPassword).get("/api/v1/me").then().statusCode(200).body("id", equalTo((int) id));
        basic(name, newPassword).get("/api/v1/me").then().statusCode(200);

        // taking the password away: no password works any more
        Map<String, Object> noPassword = new java.util.HashMap<>();
        noPassword.put("password", null);
        Api.exact().contentType("application/merge-patch+json; charset=UTF-8").body(noPassword)
                .patch("/api/v1/users/" + id).then().statusCode(200).body("hasPassword", equalTo(false));
        assertUnauthenticated(basic(name, newPassword).get("/api/v1/me"));
    }

    @Test
    void deactivationTakesEffectAtOnce() {
        String name = freshName();
        long id = newUser(name, "AUDITOR");
        basic(name, Api.PASSWORD).get("/api/v1/me").then().statusCode(200);
        basic(name, Api.PASSWORD).get("/api/v1/users").then().statusCode(200);

        patchUser(id, Map.of("active", false));
        assertUnauthenticated(basic(name, Api.PASSWORD).get("/api/v1/me"));
        assertUnauthenticated(basic(name, Api.PASSWORD).get("/api/v1/users"));

        patchUser(id, Map.of("active", true));
        basic(name, Api.PASSWORD).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void aRoleChangeTakesEffectAtOnceForARememberedCredential() {
        String name = freshName();
        long id = newUser(name, "AUDITOR");
        basic(name, Api.PASSWORD).get("/api/v1/users").then().statusCode(200);
        patchUser(id, Map.of("roles", List.of()));
        basic(name, Api.PASSWORD).get("/api/v1/users").then().spec(Api.problem(403, "FORBIDDEN"));
        basic(name, Api.PASSWORD).get("/api/v1/me").then().statusCode(200).body("roles", empty());
    }

    // ------------------------------------------------------------------------------------------
    // passwords never appear

    @Test
    void noUsersResponseCarriesThePasswordOrItsHash() {
        String name = freshName();
        String password = "Bí-mật-ban-đầu-" + Api.unique();
        String newPassword = "Bí-mật-thứ-hai-" + Api.unique();
        List<String> bodies = new ArrayList<>();

        Response created = Api.json().body(Map.of("username", name, "password", password, "roles", List.of("AUDITOR")))
                .post("/api/v1/users");
        created.then().statusCode(201).body("hasPassword", equalTo(true)).body("password", nullValue())
                .body("passwordHash", nullValue());
        bodies.add(created.asString());
        long id = created.jsonPath().getLong("id");
        bodies.add(given().get("/api/v1/users/" + id).then().statusCode(200).extract().asString());
        bodies.add(given().queryParam("q", name).get("/api/v1/users").then().statusCode(200).extract().asString());
        bodies.add(given().queryParam("size", 100).get("/api/v1/users").then().statusCode(200).extract().asString());
        bodies.add(Api.json().body(Map.of("password", newPassword)).patch("/api/v1/users/" + id).then().statusCode(200)
                .body("hasPassword", equalTo(true)).extract().asString());
        bodies.add(basic(name, newPassword).get("/api/v1/me").then().statusCode(200).extract().asString());
        bodies.add(basic(name, newPassword).get("/api/v1/users/" + id).then().statusCode(200).extract().asString());
        bodies.add(given().queryParam("entityType", "user").queryParam("entityId", id).get("/api/v1/audit").then()
                .statusCode(200).body("totalItems", greaterThanOrEqualTo(2)).extract().asString());
        bodies.add(given().queryParam("size", 100).queryParam("entityType", "user").get("/api/v1/audit").then()
                .statusCode(200).extract().asString());

        // refusals do not echo a password either
        String tooShort = "Ngắn-" + Api.unique();
        bodies.add(Api.json().body(Map.of("username", freshName(), "password", tooShort)).post("/api/v1/users").then()
                .spec(Api.problem(400, "VALIDATION_FAILED")).extract().asString());
        String tooLong = "Dài-" + Api.unique() + "-" + "x".repeat(70);
        bodies.add(Api.json().body(Map.of("password", tooLong)).patch("/api/v1/users/" + id).then()
                .spec(Api.problem(400, "VALIDATION_FAILED")).extract().asString());
        bodies.add(Api.json().body(Map.of("username", name, "password", password)).post("/api/v1/users").then()
                .statusCode(409).extract().asString());

        for (String body : bodies) {
            assertAll(body,
                    () -> assertFalse(body.contains(password), "the first password appears"),
                    () -> assertFalse(body.contains(newPassword), "the new password appears"),
                    () -> assertFalse(body.contains(tooShort), "the refused password appears"),
                    () -> assertFalse(body.contains(tooLong), "the refused password appears"),
                    () -> assertFalse(body.contains("$2"), "a bcrypt hash appears"),
                    () -> assertFalse(body.contains("$argon"), "an argon2 hash appears"),
                    () -> assertFalse(body.contains("passwordHash"), "the hash field appears"));
        }
    }

    // ------------------------------------------------------------------------------------------
    // CORS

    @Test
    void aPreflightFromTheFrontEndIsAllowed() {
        Response preflight = anonymous().header("Origin", ORIGIN).header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "Authorization, If-Match, Content-Type")
                .options("/api/v1/subcommittees/1");
        preflight.then().statusCode(anyOf(equalTo(200), equalTo(204)))
                .header("Access-Control-Allow-Origin", equalTo(ORIGIN));
        String methods = preflight.header("Access-Control-Allow-Methods");
        assertNotNull(methods, "Access-Control-Allow-Methods");
        assertTrue(List.of(methods.toUpperCase(Locale.ROOT).split("\\s*,\\s*")).contains("PATCH"), methods);
        String headers = preflight.header("Access-Control-Allow-Headers");
        assertNotNull(headers, "Access-Control-Allow-Headers");
        List<String> allowed = List.of(headers.toLowerCase(Locale.ROOT).split("\\s*,\\s*"));
        assertTrue(allowed.containsAll(List.of("authorization", "if-match", "content-type")), headers);
        assertNotEquals("true", preflight.header("Access-Control-Allow-Credentials"));
    }

    @Test
    void anotherOriginIsNotAllowed() {
        Response preflight = anonymous().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "Authorization, If-Match, Content-Type")
                .options("/api/v1/subcommittees/1");
        assertEquals(null, preflight.header("Access-Control-Allow-Origin"), "preflight: " + preflight.statusCode());
        Response get = given().header("Origin", "https://evil.example").get("/api/v1/subcommittees");
        assertEquals(null, get.header("Access-Control-Allow-Origin"), "request: " + get.statusCode());
        // otherwise answered as usual: no bare refusal without a problem body
        assertEquals(200, get.statusCode());
        anonymous().header("Origin", "https://evil.example").get("/api/v1/me").then().statusCode(401)
                .contentType(startsWith("application/problem+json")).body("code", equalTo("UNAUTHENTICATED"));
        Response lookalike = given().header("Origin", "https://vankien.test.portal.evil.example").get("/api/v1/subcommittees");
        assertEquals(null, lookalike.header("Access-Control-Allow-Origin"));
    }

    @Test
    void theFrontEndMayReadETagAndLocation() {
        Response response = given().header("Origin", ORIGIN).get("/api/v1/subcommittees");
        response.then().statusCode(200).header("Access-Control-Allow-Origin", equalTo(ORIGIN));
        String exposed = response.header("Access-Control-Expose-Headers");
        assertNotNull(exposed, "Access-Control-Expose-Headers");
        List<String> names = List.of(exposed.toLowerCase(Locale.ROOT).split("\\s*,\\s*"));
        assertTrue(names.containsAll(List.of("etag", "location", "content-disposition")), exposed);

        // a 401 to the front end is readable too (it must learn to log in)
        Response refused = anonymous().header("Origin", ORIGIN).get("/api/v1/me");
        refused.then().statusCode(401).header("Access-Control-Allow-Origin", equalTo(ORIGIN));
    }

    // ------------------------------------------------------------------------------------------
    // security headers

    @Test
    void apiResponsesCarryTheSecurityHeaders() {
        long subcommitteeId = Api.createSubcommittee();
        Map<String, Response> responses = Map.of(
                "index", anonymous().get("/api/v1"),
                "list", given().get("/api/v1/subcommittees"),
                "single", given().get("/api/v1/subcommittees/" + subcommitteeId),
                "401", anonymous().get("/api/v1/me"),
                "404", given().get("/api/v1/subcommittees/999999999"),
                "429-free bad login", basic(freshName(), "x").get("/api/v1/me"));
        responses.forEach((what, response) -> assertAll(what,
                () -> assertEquals("nosniff", response.header("X-Content-Type-Options")),
                () -> assertTrue("DENY".equalsIgnoreCase(response.header("X-Frame-Options")),
                        "X-Frame-Options " + response.header("X-Frame-Options")),
                () -> assertNotNull(response.header("Content-Security-Policy"), "Content-Security-Policy"),
                () -> assertTrue(response.header("Content-Security-Policy").contains("frame-ancestors 'none'"),
                        response.header("Content-Security-Policy")),
                () -> assertNotNull(response.header("Referrer-Policy"), "Referrer-Policy"),
                () -> assertTrue(String.valueOf(response.header("Cache-Control")).contains("no-store"),
                        "Cache-Control " + response.header("Cache-Control"))));
    }

    // ------------------------------------------------------------------------------------------
    // races

    private HttpRequest get(String path, String authorization) {
        return HttpRequest.newBuilder(baseUri.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json").header("Authorization", authorization).GET().build();
    }

}
