package vn.portal.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.RestAssured;
import io.restassured.builder.ResponseSpecBuilder;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.restassured.specification.ResponseSpecification;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test data made through the HTTP API itself, with unique codes and emails so tests never
 * depend on each other's rows or on their order.
 */
public final class Api {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    private Api() {
    }

    /** A short unique suffix for codes, emails and names. */
    public static String unique() {
        return Long.toString(SEQUENCE.incrementAndGet(), 36);
    }

    public static RequestSpecification json() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static long createSubcommittee() {
        return createSubcommittee(Map.of());
    }

    /** A DOCUMENTS subcommittee of the 2020–2025 term; {@code overrides} replace or add fields. */
    public static long createSubcommittee(Map<String, Object> overrides) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "code", "T-" + unique(), "name", "Tiểu ban Văn kiện " + unique(), "kind", "DOCUMENTS",
                "congress", "Đại hội đại biểu Đảng bộ Thành phố lần thứ XXV", "termStart", 2020, "termEnd", 2025));
        body.putAll(overrides);
        return json().body(body).post("/api/v1/subcommittees").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** The password every user made by {@link #createUser} has. */
    public static final String PASSWORD = "mật-khẩu-thử-2020";

    /** A user with {@link #PASSWORD} and the given global roles; returns its id. */
    public static long createUser(String... roles) {
        return createUserNamed("u" + unique(), roles);
    }

    public static long createUserNamed(String username, String... roles) {
        return json().body(Map.of("username", username, "password", PASSWORD, "roles", List.of(roles)))
                .post("/api/v1/users").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** The id of the user the request is sent as (the tests' admin unless told otherwise). */
    public static int myUserId() {
        return given().get("/api/v1/me").then().statusCode(200).extract().path("id");
    }

    public static String usernameOf(long userId) {
        return given().get("/api/v1/users/" + userId).then().statusCode(200).extract().path("username");
    }

    /**
     * A request sent as the given user (with {@link #PASSWORD}) instead of the tests' admin. The
     * header is built here because RestAssured's own Basic encodes in ISO-8859-1, which garbles
     * the Vietnamese letters of the password.
     */
    public static RequestSpecification as(String username) {
        return given().auth().none().header("Authorization", basic(username, PASSWORD)).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    /** An HTTP Basic Authorization header value, in UTF-8. */
    public static String basic(String username, String password) {
        return "Basic " + java.util.Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static long createMember(long subcommitteeId, String role) {
        return createMember(subcommitteeId, Map.of("role", role));
    }

    public static long createMember(long subcommitteeId, Map<String, Object> overrides) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "fullName", "Nguyễn Văn " + unique(), "role", "MEMBER", "email", "m" + unique() + "@thanhuy.vn"));
        body.putAll(overrides);
        return json().body(body).post("/api/v1/subcommittees/" + subcommitteeId + "/members")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static long createResponsibility(long subcommitteeId, long memberId, String area, String section, String role) {
        return json().body(Map.of("memberId", memberId, "area", area, "documentSection", section,
                "title", "Nhiệm vụ " + unique(), "role", role))
                .post("/api/v1/subcommittees/" + subcommitteeId + "/responsibilities")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static long createMilestone(long subcommitteeId, String dueOn, Map<String, Object> overrides) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("title", "Mốc " + unique(), "dueOn", dueOn));
        body.putAll(overrides);
        return json().body(body).post("/api/v1/subcommittees/" + subcommitteeId + "/milestones")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A DRAFT submission for (milestone, responsibility); the milestone must expect the responsibility. */
    public static long createSubmission(long milestoneId, long responsibilityId) {
        return createSubmission(milestoneId, responsibilityId, Map.of());
    }

    public static long createSubmission(long milestoneId, long responsibilityId, Map<String, Object> overrides) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "responsibilityId", responsibilityId, "title", "Số liệu, bảng biểu " + unique()));
        body.putAll(overrides);
        return json().body(body).post("/api/v1/milestones/" + milestoneId + "/submissions")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /**
     * A submission in {@code status} (DRAFT, SUBMITTED, RETURNED or ACCEPTED), in a subcommittee of
     * its own with one member, one responsibility and one milestone due 2020-02-22.
     */
    public static long createSubmissionIn(String status) {
        long subcommitteeId = createSubcommittee();
        long memberId = createMember(subcommitteeId, "MEMBER");
        long responsibilityId = createResponsibility(subcommitteeId, memberId, "Kinh tế", "Báo cáo chính trị", "LEAD");
        long milestoneId = createMilestone(subcommitteeId, "2020-02-22", Map.of("responsibilityIds", List.of(responsibilityId)));
        long submissionId = createSubmission(milestoneId, responsibilityId);
        moveSubmission(submissionId, status);
        return submissionId;
    }

    /** Moves a DRAFT submission through the workflow to {@code status}. */
    public static void moveSubmission(long submissionId, String status) {
        switch (status) {
            case "DRAFT" -> {
            }
            case "SUBMITTED" -> submit(submissionId);
            case "RETURNED" -> {
                submit(submissionId);
                returnSubmission(submissionId, "Đề nghị bổ sung số liệu năm 2019.");
            }
            case "ACCEPTED" -> {
                submit(submissionId);
                accept(submissionId);
            }
            default -> throw new IllegalArgumentException("no such submission status: " + status);
        }
    }

    /** Submits a DRAFT or RETURNED submission, with the body left out, and returns the submission. */
    public static JsonPath submit(long submissionId) {
        return given().noContentType().post("/api/v1/submissions/" + submissionId + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).extract().jsonPath();
    }

    public static JsonPath returnSubmission(long submissionId, String reason) {
        return json().body(Map.of("reason", reason)).post("/api/v1/submissions/" + submissionId + "/return")
                .then().statusCode(200).body("status", equalTo("RETURNED")).extract().jsonPath();
    }

    public static JsonPath accept(long submissionId) {
        return given().noContentType().post("/api/v1/submissions/" + submissionId + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).extract().jsonPath();
    }

    /** A PENDING comment on a SUBMITTED or RETURNED submission. */
    public static long createComment(long submissionId) {
        return createComment(submissionId, "Đề nghị bổ sung số liệu năm 2019 " + unique());
    }

    public static long createComment(long submissionId, String body) {
        return json().body(Map.of("body", body)).post("/api/v1/submissions/" + submissionId + "/comments")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static void disposeComment(long commentId, String disposition) {
        disposeComment(commentId, disposition, null);
    }

    /** Records a comment's disposition; {@code rationale} may be null. */
    public static void disposeComment(long commentId, String disposition, String rationale) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("disposition", disposition);
        if (rationale != null) {
            body.put("rationale", rationale);
        }
        json().body(body).patch("/api/v1/comments/" + commentId).then().statusCode(200)
                .body("disposition", equalTo(disposition));
    }

    /** A PLANNED session of the subcommittee on 2020-02-20 at 08:00 in Hanoi; {@code overrides} replace or add fields. */
    public static long createSession(long subcommitteeId, Map<String, Object> overrides) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("title", "Phiên họp " + unique(),
                "startsAt", "2020-02-20T08:00:00+07:00", "location", "Hội trường Thành ủy"));
        body.putAll(overrides);
        return json().body(body).post("/api/v1/subcommittees/" + subcommitteeId + "/sessions")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Runs a session action (start, close) with the body left out, and returns the session. */
    public static JsonPath sessionAction(long sessionId, String action) {
        return given().noContentType().post("/api/v1/sessions/" + sessionId + "/" + action).then().statusCode(200)
                .extract().jsonPath();
    }

    /** A session that is IN_PROGRESS with its minutes written, ready to close. */
    public static long sessionInProgress(long subcommitteeId) {
        long id = createSession(subcommitteeId, Map.of("minutes", "Biên bản phiên họp " + unique()));
        sessionAction(id, "start");
        return id;
    }

    /** Sets the subcommittee's status to ARCHIVED, after which writes inside it are refused. */
    public static void archiveSubcommittee(long subcommitteeId) {
        json().body(Map.of("status", "ARCHIVED")).patch("/api/v1/subcommittees/" + subcommitteeId)
                .then().statusCode(200);
    }

    /** The current ETag of a resource, read with GET. */
    public static String etag(String path) {
        return given().get(path).then().statusCode(200).extract().header("ETag");
    }

    /** A request whose Content-Type goes out exactly as given, without a charset added by RestAssured. */
    public static RequestSpecification exact() {
        return given().config(RestAssured.config().encoderConfig(
                EncoderConfig.encoderConfig().defaultContentCharset("UTF-8")
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)));
    }

    /**
     * An error answer as the contract shapes it: the status, {@code application/problem+json} with
     * the same status and {@code code}, and nothing in the body that names the service's insides.
     */
    public static ResponseSpecification problem(int status, String code) {
        return new ResponseSpecBuilder()
                .expectStatusCode(status)
                .expectHeader("Content-Type", startsWith("application/problem+json"))
                .expectBody(allOf(not(containsString("Exception")), not(containsString("java.")),
                        not(containsString("org.hibernate")), not(containsString("SQL"))))
                .expectBody("type", equalTo("about:blank"))
                .expectBody("status", equalTo(status))
                .expectBody("code", equalTo(code))
                .build();
    }
}
