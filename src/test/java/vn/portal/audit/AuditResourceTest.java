package vn.portal.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.http.entity.mime.HttpMultipartMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.portal.support.Api;
import vn.portal.support.FixedClock;

@QuarkusTest
class AuditResourceTest {

    private static final String AUDIT = "/api/v1/audit";
    private static final String INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    /** Bookkeeping and computed fields, which the trail never lists. */
    private static final Set<String> NEVER_LISTED = Set.of("id", "createdAt", "updatedAt", "version", "allowedActions",
            "attachments", "overdue", "headMemberId");

    // ------------------------------------------------------------------------------------- helpers

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** The trail as the tests' admin reads it, with the given query parameters (name, value, …). */
    private static ValidatableResponse audit(RequestSpecification request, Object... params) {
        for (int i = 0; i < params.length; i += 2) {
            request = request.queryParam((String) params[i], params[i + 1]);
        }
        return request.get(AUDIT).then();
    }

    private static JsonPath trail(Object... params) {
        return audit(given(), params).statusCode(200).extract().jsonPath();
    }

    private static int count(Object... params) {
        return trail(params).getInt("totalItems");
    }

    /** The entries of one object, newest first. */
    private static List<Map<String, Object>> entries(String entityType, long entityId) {
        return trail("entityType", entityType, "entityId", entityId, "size", 100).getList("items");
    }

    private static Map<String, Object> latest(String entityType, long entityId) {
        List<Map<String, Object>> entries = entries(entityType, entityId);
        assertFalse(entries.isEmpty(), "no entry for " + entityType + " " + entityId);
        return entries.get(0);
    }

    /** field → [before, after] of one entry, checking that no bookkeeping field is listed. */
    @SuppressWarnings("unchecked")
    private static Map<String, List<Object>> changes(Map<String, Object> entry) {
        Map<String, List<Object>> changes = new LinkedHashMap<>();
        for (Map<String, Object> change : (List<Map<String, Object>>) entry.get("changes")) {
            String field = (String) change.get("field");
            assertFalse(NEVER_LISTED.contains(field), field + " is listed in " + entry);
            assertTrue(change.containsKey("before") && change.containsKey("after"), "before and after in " + change);
            assertNull(changes.put(field, java.util.Arrays.asList(change.get("before"), change.get("after"))),
                    field + " is listed twice in " + entry);
        }
        return changes;
    }

    private static void assertEntry(Map<String, Object> entry, String actor, String action, String entityType,
            long entityId, Long subcommitteeId) {
        assertEquals(actor, entry.get("actor"), "actor of " + entry);
        assertEquals(action, entry.get("action"), "action of " + entry);
        assertEquals(entityType, entry.get("entityType"), "entityType of " + entry);
        assertEquals(entityId, ((Number) entry.get("entityId")).longValue(), "entityId of " + entry);
        if (subcommitteeId == null) {
            assertNull(entry.get("subcommitteeId"), "subcommitteeId of " + entry);
        } else {
            assertEquals(subcommitteeId.longValue(), ((Number) entry.get("subcommitteeId")).longValue(),
                    "subcommitteeId of " + entry);
        }
        assertNotNull(entry.get("id"));
        assertTrue(((String) entry.get("occurredAt")).matches(INSTANT), "occurredAt of " + entry);
    }

    private static List<Object> change(Object before, Object after) {
        return java.util.Arrays.asList(before, after);
    }

    private static Map<String, Object> digest(String text) {
        try {
            String sha256 = HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
            return Map.of("length", text.codePointCount(0, text.length()), "sha256", sha256);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HTTP Basic as the given user with {@link Api#PASSWORD}, encoded in UTF-8; no Content-Type. */
    private static RequestSpecification as(String username) {
        String token = Base64.getEncoder()
                .encodeToString((username + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8));
        return given().auth().none().header("Authorization", "Basic " + token).accept(ContentType.JSON);
    }

    private static RequestSpecification asWithJson(String username) {
        return as(username).contentType("application/json; charset=UTF-8");
    }

    private static String newUsername() {
        return "a" + Api.unique();
    }

    /** A user with {@link Api#PASSWORD} and no global role; returns its id. */
    private static long newUser(String username, String... roles) {
        return Api.json().body(map("username", username, "password", Api.PASSWORD, "roles", List.of(roles)))
                .post("/api/v1/users").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A new user linked to a new member of the subcommittee with that role; returns the user name. */
    private static String memberLogin(long subcommitteeId, String role) {
        String username = newUsername();
        long userId = newUser(username);
        Api.createMember(subcommitteeId, map("role", role, "userId", userId));
        return username;
    }

    private static long idOf(ValidatableResponse response) {
        return response.extract().jsonPath().getLong("id");
    }

    private static ValidatableResponse patch(String path, Map<String, ?> body) {
        return Api.json().body(body).patch(path).then();
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status, String code) {
        return response.spec(Api.problem(status, code));
    }

    private static long subcommitteeOfSubmission(long submissionId) {
        long milestoneId = given().get("/api/v1/submissions/" + submissionId).then().statusCode(200).extract()
                .jsonPath().getLong("milestoneId");
        return given().get("/api/v1/milestones/" + milestoneId).then().statusCode(200).extract().jsonPath()
                .getLong("subcommitteeId");
    }

    // ------------------------------------------------------------------------------------- every kind of change

    @Test
    void subcommitteeCreationUpdateAndDeletionAreKept() {
        String code = "AU-" + Api.unique();
        String name = "Tiểu ban Văn kiện " + Api.unique();
        long sid = Api.createSubcommittee(map("code", code, "name", name));

        List<Map<String, Object>> entries = entries("subcommittee", sid);
        assertEquals(1, entries.size());
        Map<String, Object> created = entries.get(0);
        assertEntry(created, "admin", "created", "subcommittee", sid, sid);
        Map<String, List<Object>> changes = changes(created);
        assertEquals(change(null, code), changes.get("code"));
        assertEquals(change(null, name), changes.get("name"));
        assertEquals(change(null, "DOCUMENTS"), changes.get("kind"));
        assertEquals(change(null, "Đại hội đại biểu Đảng bộ Thành phố lần thứ XXV"), changes.get("congress"));
        assertEquals(change(null, 2020), changes.get("termStart"));
        assertEquals(change(null, 2025), changes.get("termEnd"));
        assertEquals(change(null, "ACTIVE"), changes.get("status"));
        assertFalse(changes.containsKey("description"), "a field left empty is not a change");

        String renamed = "Tiểu ban Văn kiện Đại hội XXV " + Api.unique();
        patch("/api/v1/subcommittees/" + sid, map("name", renamed)).statusCode(200);
        Map<String, Object> updated = latest("subcommittee", sid);
        assertEntry(updated, "admin", "updated", "subcommittee", sid, sid);
        assertEquals(Map.of("name", change(name, renamed)), changes(updated));

        given().delete("/api/v1/subcommittees/" + sid).then().statusCode(204);
        entries = entries("subcommittee", sid);
        assertEquals(List.of("deleted", "updated", "created"), entries.stream().map(e -> e.get("action")).toList());
        Map<String, Object> deleted = entries.get(0);
        assertEntry(deleted, "admin", "deleted", "subcommittee", sid, sid);
        Map<String, List<Object>> gone = changes(deleted);
        assertEquals(change(code, null), gone.get("code"));
        assertEquals(change(renamed, null), gone.get("name"));
        assertEquals(change("ACTIVE", null), gone.get("status"));
    }

    @Test
    void memberChangesMadeByASecretaryCarryTheirUsername() {
        long sid = Api.createSubcommittee();
        String secretary = newUsername();
        long secretaryUser = newUser(secretary);
        long secretaryMember = Api.createMember(sid, map("role", "SECRETARY", "userId", secretaryUser));
        Map<String, List<Object>> linked = changes(latest("member", secretaryMember));
        assertEquals(change(null, (int) secretaryUser), linked.get("userId"));
        assertEquals(change(null, "SECRETARY"), linked.get("role"));
        assertEquals(change(null, (int) sid), linked.get("subcommitteeId"));
        assertEntry(latest("member", secretaryMember), "admin", "created", "member", secretaryMember, sid);

        String email = "lan." + Api.unique() + "@thanhuy.vn";
        long member = idOf(asWithJson(secretary).body(map("fullName", "Nguyễn Thị Lan", "role", "MEMBER", "email", email,
                "phone", "0901 234 567")).post("/api/v1/subcommittees/" + sid + "/members").then().statusCode(201));
        Map<String, Object> created = latest("member", member);
        assertEntry(created, secretary, "created", "member", member, sid);
        Map<String, List<Object>> createdChanges = changes(created);
        assertEquals(change(null, "Nguyễn Thị Lan"), createdChanges.get("fullName"));
        assertEquals(change(null, email), createdChanges.get("email"));
        assertEquals(change(null, "0901 234 567"), createdChanges.get("phone"));
        assertEquals(change(null, true), createdChanges.get("active"));

        asWithJson(secretary).body(map("phone", "0987 654 321")).patch("/api/v1/members/" + member).then().statusCode(200);
        Map<String, Object> updated = latest("member", member);
        assertEntry(updated, secretary, "updated", "member", member, sid);
        assertEquals(Map.of("phone", change("0901 234 567", "0987 654 321")), changes(updated));

        // the same value again changes nothing and writes nothing
        asWithJson(secretary).body(map("phone", "0987 654 321")).patch("/api/v1/members/" + member).then().statusCode(200);
        assertEquals(2, entries("member", member).size());

        as(secretary).delete("/api/v1/members/" + member).then().statusCode(204);
        Map<String, Object> deleted = latest("member", member);
        assertEntry(deleted, secretary, "deleted", "member", member, sid);
        assertEquals(change("0987 654 321", null), changes(deleted).get("phone"));
        assertEquals(change("Nguyễn Thị Lan", null), changes(deleted).get("fullName"));

        JsonPath bySecretary = trail("actor", secretary, "subcommitteeId", sid);
        assertEquals(3, bySecretary.getInt("totalItems"));
        assertEquals(List.of("deleted", "updated", "created"), bySecretary.getList("items.action"));
    }

    @Test
    void responsibilityAndMilestoneChangesAreKept() {
        long sid = Api.createSubcommittee();
        long member = Api.createMember(sid, "MEMBER");
        long responsibility = Api.createResponsibility(sid, member, "Văn hóa – Xã hội", "Báo cáo chính trị / Phần II",
                "LEAD");
        Map<String, Object> created = latest("responsibility", responsibility);
        assertEntry(created, "admin", "created", "responsibility", responsibility, sid);
        Map<String, List<Object>> createdChanges = changes(created);
        assertEquals(change(null, (int) member), createdChanges.get("memberId"));
        assertEquals(change(null, "Văn hóa – Xã hội"), createdChanges.get("area"));
        assertEquals(change(null, "Báo cáo chính trị / Phần II"), createdChanges.get("documentSection"));
        assertEquals(change(null, "LEAD"), createdChanges.get("role"));

        patch("/api/v1/responsibilities/" + responsibility, map("title", "Số liệu văn hóa, xã hội", "dueOn", "2020-03-01"))
                .statusCode(200);
        Map<String, Object> updated = latest("responsibility", responsibility);
        assertEntry(updated, "admin", "updated", "responsibility", responsibility, sid);
        Map<String, List<Object>> updatedChanges = changes(updated);
        assertEquals(Set.of("title", "dueOn"), updatedChanges.keySet());
        assertEquals("Số liệu văn hóa, xã hội", updatedChanges.get("title").get(1));
        assertEquals(change(null, "2020-03-01"), updatedChanges.get("dueOn"));

        long milestone = Api.createMilestone(sid, "2020-02-22", map("title", "Hoàn thành số liệu",
                "responsibilityIds", List.of(responsibility)));
        Map<String, Object> planned = latest("milestone", milestone);
        assertEntry(planned, "admin", "created", "milestone", milestone, sid);
        Map<String, List<Object>> plannedChanges = changes(planned);
        assertEquals(change(null, "Hoàn thành số liệu"), plannedChanges.get("title"));
        assertEquals(change(null, "2020-02-22"), plannedChanges.get("dueOn"));
        assertEquals(change(null, "PLANNED"), plannedChanges.get("status"));
        assertEquals(change(null, List.of((int) responsibility)), plannedChanges.get("responsibilityIds"));

        patch("/api/v1/milestones/" + milestone, map("status", "DONE")).statusCode(200);
        Map<String, Object> done = latest("milestone", milestone);
        assertEntry(done, "admin", "updated", "milestone", milestone, sid);
        Map<String, List<Object>> doneChanges = changes(done);
        assertEquals(Set.of("status", "completedOn"), doneChanges.keySet());
        assertEquals(change("PLANNED", "DONE"), doneChanges.get("status"));
        assertNull(doneChanges.get("completedOn").get(0));
        assertNotNull(doneChanges.get("completedOn").get(1));

        given().delete("/api/v1/milestones/" + milestone).then().statusCode(204);
        assertEntry(latest("milestone", milestone), "admin", "deleted", "milestone", milestone, sid);
        assertEquals(change("DONE", null), changes(latest("milestone", milestone)).get("status"));
        given().delete("/api/v1/responsibilities/" + responsibility).then().statusCode(204);
        assertEntry(latest("responsibility", responsibility), "admin", "deleted", "responsibility", responsibility, sid);
        assertEquals(change("LEAD", null), changes(latest("responsibility", responsibility)).get("role"));
    }

    @Test
    void submissionContentIsKeptAsItsLengthAndDigestAndEachActionUnderItsName() {
        long sid = Api.createSubcommittee();
        String holder = newUsername();
        long holderUser = newUser(holder);
        long member = Api.createMember(sid, map("role", "MEMBER", "userId", holderUser));
        long responsibility = Api.createResponsibility(sid, member, "Kinh tế", "Báo cáo chính trị / Phần I", "LEAD");
        long milestone = Api.createMilestone(sid, "2020-02-22", map("responsibilityIds", List.of(responsibility)));

        String content = "Tăng trưởng GRDP bình quân 7,2%/năm giai đoạn 2015–2020. ".repeat(40) + "Đạt 😀";
        long submission = idOf(asWithJson(holder).body(map("responsibilityId", responsibility,
                "title", "Số liệu kinh tế", "content", content)).post("/api/v1/milestones/" + milestone + "/submissions")
                .then().statusCode(201));
        Map<String, Object> created = latest("submission", submission);
        assertEntry(created, holder, "created", "submission", submission, sid);
        Map<String, List<Object>> createdChanges = changes(created);
        assertEquals(change(null, digest(content)), createdChanges.get("content"));
        assertEquals(change(null, "Số liệu kinh tế"), createdChanges.get("title"));
        assertEquals(change(null, "DRAFT"), createdChanges.get("status"));
        assertEquals(change(null, (int) responsibility), createdChanges.get("responsibilityId"));

        String revised = "Tăng trưởng GRDP bình quân 7,4%/năm giai đoạn 2015–2020.";
        asWithJson(holder).body(map("content", revised)).patch("/api/v1/submissions/" + submission).then().statusCode(200);
        Map<String, Object> updated = latest("submission", submission);
        assertEntry(updated, holder, "updated", "submission", submission, sid);
        assertEquals(Map.of("content", change(digest(content), digest(revised))), changes(updated));

        as(holder).noContentType().post("/api/v1/submissions/" + submission + "/submit").then().statusCode(200);
        Map<String, Object> submitted = latest("submission", submission);
        assertEntry(submitted, holder, "submitted", "submission", submission, sid);
        Map<String, List<Object>> submittedChanges = changes(submitted);
        assertEquals(change("DRAFT", "SUBMITTED"), submittedChanges.get("status"));
        assertNull(submittedChanges.get("firstSubmittedAt").get(0));
        assertTrue(((String) submittedChanges.get("firstSubmittedAt").get(1)).matches(INSTANT));
        assertNull(submittedChanges.get("submittedAt").get(0));
        assertEquals(change(false, true), submittedChanges.get("late"));
        assertFalse(submittedChanges.containsKey("content"));

        Api.returnSubmission(submission, "Đề nghị bổ sung số liệu năm 2019.");
        Map<String, Object> returned = latest("submission", submission);
        assertEntry(returned, "admin", "returned", "submission", submission, sid);
        assertEquals(Map.of("status", change("SUBMITTED", "RETURNED"),
                "returnReason", change(null, "Đề nghị bổ sung số liệu năm 2019.")), changes(returned));

        Api.submit(submission);
        Map<String, List<Object>> resubmitted = changes(latest("submission", submission));
        assertEquals(change("RETURNED", "SUBMITTED"), resubmitted.get("status"));
        assertEquals(change(1, 2), resubmitted.get("revision"));
        assertFalse(resubmitted.containsKey("firstSubmittedAt"));

        Api.accept(submission);
        Map<String, Object> accepted = latest("submission", submission);
        assertEntry(accepted, "admin", "accepted", "submission", submission, sid);
        Map<String, List<Object>> acceptedChanges = changes(accepted);
        assertEquals(Set.of("status", "acceptedAt"), acceptedChanges.keySet());
        assertEquals(change("SUBMITTED", "ACCEPTED"), acceptedChanges.get("status"));

        assertEquals(List.of("accepted", "submitted", "returned", "submitted", "updated", "created"),
                entries("submission", submission).stream().map(e -> e.get("action")).toList());
        String raw = audit(given(), "entityType", "submission", "entityId", submission).statusCode(200).extract()
                .asString();
        assertFalse(raw.contains("GRDP"), "the content's text appears in the trail: " + raw);

        // a DRAFT that is deleted leaves its content's digest behind, not its text
        long other = Api.createResponsibility(sid, member, "Kinh tế", "Báo cáo chính trị / Phần II", "LEAD");
        patch("/api/v1/milestones/" + milestone, map("responsibilityIds", List.of(responsibility, other))).statusCode(200);
        long draft = Api.createSubmission(milestone, other, map("content", revised));
        given().delete("/api/v1/submissions/" + draft).then().statusCode(204);
        Map<String, Object> deleted = latest("submission", draft);
        assertEntry(deleted, "admin", "deleted", "submission", draft, sid);
        assertEquals(change(digest(revised), null), changes(deleted).get("content"));
        assertFalse(audit(given(), "entityType", "submission", "entityId", draft).extract().asString().contains("GRDP"));
    }

    @Test
    void attachmentUploadAndRemovalAreKept() {
        long submission = Api.createSubmissionIn("DRAFT");
        long sid = subcommitteeOfSubmission(submission);
        byte[] pdf = new byte[2048];
        new Random().nextBytes(pdf);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, pdf, 0, 9);
        long attachment = idOf(given().config(RestAssured.config()
                .httpClient(HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.RFC6532)))
                .multiPart("file", "bao-cao.pdf", pdf, "application/pdf")
                .post("/api/v1/submissions/" + submission + "/attachments").then().statusCode(201));

        Map<String, Object> created = latest("attachment", attachment);
        assertEntry(created, "admin", "created", "attachment", attachment, sid);
        Map<String, List<Object>> changes = changes(created);
        assertEquals(change(null, "bao-cao.pdf"), changes.get("fileName"));
        assertEquals(change(null, "application/pdf"), changes.get("contentType"));
        assertEquals(change(null, 2048), changes.get("size"));
        assertEquals(change(null, HexFormat.of().formatHex(sha256(pdf))), changes.get("sha256"));

        given().delete("/api/v1/submissions/" + submission + "/attachments/" + attachment).then().statusCode(204);
        Map<String, Object> deleted = latest("attachment", attachment);
        assertEntry(deleted, "admin", "deleted", "attachment", attachment, sid);
        assertEquals(change("bao-cao.pdf", null), changes(deleted).get("fileName"));
        assertEquals(2, entries("attachment", attachment).size());
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void commentCreationAndDispositionAreKept() {
        long submission = Api.createSubmissionIn("SUBMITTED");
        long sid = subcommitteeOfSubmission(submission);
        String text = "Đề nghị bổ sung số liệu về thu hút đầu tư nước ngoài năm 2019 " + Api.unique();
        long comment = Api.createComment(submission, text);
        Map<String, Object> created = latest("comment", comment);
        assertEntry(created, "admin", "created", "comment", comment, sid);
        Map<String, List<Object>> createdChanges = changes(created);
        assertEquals(change(null, text), createdChanges.get("body"));
        assertEquals(change(null, "PENDING"), createdChanges.get("disposition"));
        assertEquals(change(null, (int) submission), createdChanges.get("submissionId"));
        assertEquals(change(null, Api.myUserId()), createdChanges.get("authorUserId"));

        Api.disposeComment(comment, "EXPLAINED", "Số liệu năm 2019 đã có trong phụ lục.");
        Map<String, Object> disposed = latest("comment", comment);
        assertEntry(disposed, "admin", "disposed", "comment", comment, sid);
        Map<String, List<Object>> disposedChanges = changes(disposed);
        assertEquals(Set.of("disposition", "rationale", "disposedByUserId", "disposedAt"), disposedChanges.keySet());
        assertEquals(change("PENDING", "EXPLAINED"), disposedChanges.get("disposition"));
        assertEquals(change(null, "Số liệu năm 2019 đã có trong phụ lục."), disposedChanges.get("rationale"));
        assertEquals(change(null, Api.myUserId()), disposedChanges.get("disposedByUserId"));

        patch("/api/v1/comments/" + comment, map("section", "Phần I, mục 2")).statusCode(200);
        Map<String, Object> updated = latest("comment", comment);
        assertEntry(updated, "admin", "updated", "comment", comment, sid);
        assertEquals(Map.of("section", change(null, "Phần I, mục 2")), changes(updated));
    }

    @Test
    void userChangesShowThatThePasswordChangedButNeverThePassword() {
        String username = newUsername();
        String first = "mật-khẩu-đầu-tiên-" + Api.unique();
        long user = Api.json().body(map("username", username, "displayName", "Lê Minh Hải", "password", first,
                "roles", List.of("AUDITOR"))).post("/api/v1/users").then().statusCode(201).extract().jsonPath().getLong("id");
        Map<String, Object> created = latest("user", user);
        assertEntry(created, "admin", "created", "user", user, null);
        Map<String, List<Object>> createdChanges = changes(created);
        assertEquals(change(null, username), createdChanges.get("username"));
        assertEquals(change(null, "Lê Minh Hải"), createdChanges.get("displayName"));
        assertEquals(change(null, List.of("AUDITOR")), createdChanges.get("roles"));
        assertEquals(change(null, "[hidden]"), createdChanges.get("password"));

        String second = "mật-khẩu-thứ-hai-" + Api.unique();
        Api.exact().contentType("application/merge-patch+json").body(map("password", second))
                .patch("/api/v1/users/" + user).then().statusCode(200);
        Map<String, Object> updated = latest("user", user);
        assertEntry(updated, "admin", "updated", "user", user, null);
        assertEquals(Map.of("password", change("[hidden]", "[hidden]")), changes(updated));

        // the same password again is no change
        patch("/api/v1/users/" + user, map("password", second)).statusCode(200);
        assertEquals(2, entries("user", user).size());

        patch("/api/v1/users/" + user, map("active", false, "roles", List.of())).statusCode(200);
        assertEquals(Map.of("active", change(true, false), "roles", change(List.of("AUDITOR"), List.of())),
                changes(latest("user", user)));

        // a user made without a password who gets one
        String tokenOnly = newUsername();
        long later = Api.json().body(map("username", tokenOnly)).post("/api/v1/users").then().statusCode(201).extract()
                .jsonPath().getLong("id");
        assertFalse(changes(latest("user", later)).containsKey("password"));
        patch("/api/v1/users/" + later, map("password", first)).statusCode(200);
        assertEquals(change(null, "[hidden]"), changes(latest("user", later)).get("password"));

        String raw = audit(given(), "entityType", "user", "size", 100).statusCode(200).extract().asString();
        assertFalse(raw.contains(first) || raw.contains(second), "a password appears in the trail");
        assertFalse(raw.matches("(?s).*\\$2[abxy]?\\$\\d\\d\\$.*"), "a password hash appears in the trail");
        assertFalse(raw.contains(Api.PASSWORD), "a password appears in the trail");

        // a password taken away: the trail says there is none now
        Map<String, Object> noPassword = new HashMap<>();
        noPassword.put("password", null);
        patch("/api/v1/users/" + later, noPassword).statusCode(200);
        Map<String, List<Object>> cleared = changes(latest("user", later));
        assertEquals(change(true, false), cleared.get("hasPassword"));
        // cleared, not changed
        assertEquals(change("[hidden]", null), cleared.get("password"));
    }

    // ------------------------------------------------------------------------------------- what is not kept

    @Test
    void anUpdateThatChangesNothingWritesNoEntry() {
        long sid = Api.createSubcommittee(map("name", "Tiểu ban Tuyên truyền " + Api.unique()));
        String name = given().get("/api/v1/subcommittees/" + sid).then().extract().path("name");
        long member = Api.createMember(sid, map("phone", "0901"));
        long responsibility = Api.createResponsibility(sid, member, "Kinh tế", "Phần I", "LEAD");
        long milestone = Api.createMilestone(sid, "2020-02-22", map("title", "Mốc một",
                "responsibilityIds", List.of(responsibility)));
        long submission = Api.createSubmission(milestone, responsibility, map("title", "Bài viết", "content", "Nội dung"));
        int before = count("subcommitteeId", sid);

        patch("/api/v1/subcommittees/" + sid, map("name", name)).statusCode(200);
        patch("/api/v1/members/" + member, map("phone", " 0901 ")).statusCode(200);
        patch("/api/v1/responsibilities/" + responsibility, map("area", "Kinh tế", "role", "LEAD")).statusCode(200);
        patch("/api/v1/milestones/" + milestone, map("title", "Mốc một", "responsibilityIds", List.of(responsibility)))
                .statusCode(200);
        patch("/api/v1/submissions/" + submission, map("title", "Bài viết", "content", "Nội dung")).statusCode(200);
        patch("/api/v1/members/" + member, map()).statusCode(200);

        assertEquals(before, count("subcommitteeId", sid));
    }

    @Test
    void aRefusedWriteWritesNoEntry() {
        long sid = Api.createSubcommittee();
        String plainMember = memberLogin(sid, "MEMBER");
        long head = Api.createMember(sid, "HEAD");
        long member = Api.createMember(sid, map("email", "taken." + Api.unique() + "@thanhuy.vn", "phone", "0901"));
        String takenEmail = given().get("/api/v1/members/" + member).then().extract().path("email");
        String staleTag = Api.etag("/api/v1/members/" + member);
        patch("/api/v1/members/" + member, map("phone", "0902")).statusCode(200);
        long submission = Api.createSubmissionIn("SUBMITTED");
        long otherSid = subcommitteeOfSubmission(submission);
        int before = count("subcommitteeId", sid);
        int otherBefore = count("subcommitteeId", otherSid);
        int users = count("entityType", "user");

        // 412: a stale If-Match
        problem(Api.json().header("If-Match", staleTag).body(map("phone", "0903")).patch("/api/v1/members/" + member)
                .then(), 412, "PRECONDITION_FAILED");
        // 409: a rule
        problem(Api.json().body(map("fullName", "Trùng Email", "role", "MEMBER", "email", takenEmail))
                .post("/api/v1/subcommittees/" + sid + "/members").then(), 409, "EMAIL_TAKEN");
        problem(Api.json().body(map("fullName", "Trưởng ban thứ hai", "role", "HEAD", "email", "h" + Api.unique()
                + "@thanhuy.vn")).post("/api/v1/subcommittees/" + sid + "/members").then(), 409, "HEAD_ALREADY_ASSIGNED");
        problem(patch("/api/v1/submissions/" + submission, map("title", "Sửa khi đã nộp")), 409, "SUBMISSION_LOCKED");
        problem(given().noContentType().post("/api/v1/submissions/" + submission + "/submit").then(), 409,
                "INVALID_TRANSITION");
        // 403: visible, but a MEMBER may not change members
        problem(asWithJson(plainMember).body(map("phone", "0904")).patch("/api/v1/members/" + member).then(), 403,
                "FORBIDDEN");
        problem(asWithJson(plainMember).body(map("fullName", "Không được", "role", "MEMBER", "email",
                "k" + Api.unique() + "@thanhuy.vn")).post("/api/v1/subcommittees/" + sid + "/members").then(), 403,
                "FORBIDDEN");
        problem(as(plainMember).delete("/api/v1/members/" + head).then(), 403, "FORBIDDEN");
        // 400: a bad body
        problem(patch("/api/v1/members/" + member, map("email", "not-an-email")), 400, "VALIDATION_FAILED");
        // 409 on a user: the name is taken
        String username = newUsername();
        newUser(username);
        users++;
        problem(Api.json().body(map("username", username)).post("/api/v1/users").then(), 409, "USERNAME_TAKEN");

        assertEquals(before, count("subcommitteeId", sid));
        assertEquals(otherBefore, count("subcommitteeId", otherSid));
        assertEquals(users, count("entityType", "user"));
        given().get("/api/v1/members/" + member).then().body("phone", equalTo("0902"));
    }

    // ------------------------------------------------------------------------------------- filters and paging

    @Test
    void filtersPagingAndNewestFirst() {
        FixedClock clock = FixedClock.install(Instant.parse("2020-02-20T01:00:00.000Z"));
        long sid = Api.createSubcommittee();
        clock.set(Instant.parse("2020-02-20T01:01:00.000Z"));
        long member = Api.createMember(sid, map("phone", "0901"));
        clock.set(Instant.parse("2020-02-20T01:02:00.000Z"));
        patch("/api/v1/members/" + member, map("phone", "0902")).statusCode(200);
        clock.set(Instant.parse("2020-02-20T01:03:00.000Z"));
        patch("/api/v1/subcommittees/" + sid, map("description", "Chuẩn bị các văn kiện trình Đại hội.")).statusCode(200);

        JsonPath all = trail("subcommitteeId", sid);
        assertEquals(4, all.getInt("totalItems"));
        assertEquals(List.of("2020-02-20T01:03:00.000Z", "2020-02-20T01:02:00.000Z", "2020-02-20T01:01:00.000Z",
                "2020-02-20T01:00:00.000Z"), all.getList("items.occurredAt"));
        assertEquals(List.of("updated", "updated", "created", "created"), all.getList("items.action"));
        assertEquals(List.of("subcommittee", "member", "member", "subcommittee"), all.getList("items.entityType"));
        List<Long> ids = all.getList("items.id", Long.class);
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(ids.get(i - 1) > ids.get(i), "newest first by id: " + ids);
        }

        assertEquals(List.of((int) member, (int) member),
                trail("subcommitteeId", sid, "entityType", "member").getList("items.entityId"));
        assertEquals(List.of("updated", "created"),
                trail("entityType", "subcommittee", "entityId", sid).getList("items.action"));
        assertEquals(List.of("updated", "created"),
                trail("entityType", "member", "entityId", member).getList("items.action"));
        assertEquals(4, count("subcommitteeId", sid, "actor", "admin"));
        assertEquals(0, count("subcommitteeId", sid, "actor", "nobody-" + Api.unique()));
        assertEquals(0, count("subcommitteeId", Long.MAX_VALUE));
        assertEquals(0, count("entityType", "member", "entityId", Long.MAX_VALUE));

        // from and to are inclusive instants with an offset
        assertEquals(List.of("2020-02-20T01:03:00.000Z", "2020-02-20T01:02:00.000Z", "2020-02-20T01:01:00.000Z"),
                trail("subcommitteeId", sid, "from", "2020-02-20T08:01:00+07:00").getList("items.occurredAt"));
        assertEquals(List.of("2020-02-20T01:01:00.000Z", "2020-02-20T01:00:00.000Z"),
                trail("subcommitteeId", sid, "to", "2020-02-20T01:01:00Z").getList("items.occurredAt"));
        assertEquals(List.of("2020-02-20T01:02:00.000Z", "2020-02-20T01:01:00.000Z"),
                trail("subcommitteeId", sid, "from", "2020-02-20T01:00:00.001Z", "to", "2020-02-20T08:02:59.999+07:00")
                        .getList("items.occurredAt"));
        assertEquals(0, count("subcommitteeId", sid, "from", "2020-02-20T01:03:00.001Z"));
        assertEquals(0, count("subcommitteeId", sid, "to", "2020-02-20T07:59:59.999+07:00"));

        // paging
        audit(given(), "subcommitteeId", sid, "size", 3).statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(3)).body("totalItems", equalTo(4))
                .body("totalPages", equalTo(2)).body("items.size()", equalTo(3));
        audit(given(), "subcommitteeId", sid, "size", 3, "page", 1).statusCode(200)
                .body("page", equalTo(1)).body("totalItems", equalTo(4))
                .body("items.occurredAt", contains("2020-02-20T01:00:00.000Z"));
        audit(given(), "subcommitteeId", sid, "size", 3, "page", 2).statusCode(200)
                .body("items", empty()).body("totalItems", equalTo(4));
        audit(given(), "subcommitteeId", sid).statusCode(200).body("size", equalTo(20)).body("page", equalTo(0));
    }

    @Test
    void badFiltersAreRefused() {
        problem(audit(given(), "from", "2020-02-20T08:00:00"), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("from"));
        problem(audit(given(), "to", "2020-02-20"), 400, "VALIDATION_FAILED").body("errors.field", contains("to"));
        problem(audit(given(), "to", "yesterday"), 400, "VALIDATION_FAILED").body("errors.field", contains("to"));
        // found by FuzzTest: a year beyond four digits was taken (PostgreSQL has no such timestamps)
        problem(audit(given(), "from", "+999999999-12-31T23:59:59.999999999-18:00"), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("from"));
        problem(audit(given(), "to", "-10000-01-01T00:00:00Z"), 400, "VALIDATION_FAILED").body("errors.field", contains("to"));
        audit(given(), "from", "0001-01-01T00:00:00Z", "to", "9999-12-31T23:59:59.999+07:00").statusCode(200);
        problem(audit(given(), "entityType", "users"), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("entityType"));
        problem(audit(given(), "entityType", "Member"), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("entityType"));
        problem(audit(given(), "entityId", "abc"), 400, "VALIDATION_FAILED").body("errors.field", contains("entityId"));
        problem(audit(given(), "subcommitteeId", "-1"), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("subcommitteeId"));
        problem(audit(given(), "size", 101), 400, "VALIDATION_FAILED").body("errors.field", contains("size"));
        problem(audit(given(), "page", -1), 400, "VALIDATION_FAILED").body("errors.field", contains("page"));
        problem(audit(given(), "action", "created"), 400, "VALIDATION_FAILED").body("errors.field", contains("action"));
        for (String type : List.of("subcommittee", "member", "responsibility", "milestone", "submission", "attachment",
                "comment", "user")) {
            audit(given(), "entityType", type, "size", 1).statusCode(200);
        }
    }

    // ------------------------------------------------------------------------------------- who reads it

    @Test
    void adminAndAuditorReadEverything() {
        long sid = Api.createSubcommittee();
        Api.createMember(sid, "MEMBER");
        String username = newUsername();
        long user = newUser(username);
        String auditor = newUsername();
        newUser(auditor, "AUDITOR");
        int inSubcommittee = count("subcommitteeId", sid);
        assertEquals(2, inSubcommittee);

        audit(as(auditor), "subcommitteeId", sid).statusCode(200).body("totalItems", equalTo(inSubcommittee));
        audit(as(auditor), "entityType", "user", "entityId", user).statusCode(200).body("totalItems", equalTo(1))
                .body("items[0].actor", equalTo("admin"));
        assertEquals(count(), audit(as(auditor)).statusCode(200).extract().jsonPath().getInt("totalItems"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "HEAD", "DEPUTY_HEAD", "SECRETARY", "SUPPORT_STAFF" })
    void theyWhoRunASubcommitteeReadItsEntriesOnly(String role) {
        long own = Api.createSubcommittee();
        long other = Api.createSubcommittee();
        String username = newUsername();
        long userId = newUser(username);
        long record = Api.createMember(own, map("role", role, "userId", userId));
        // in another subcommittee the same user is a plain MEMBER: its entries stay hidden
        Api.createMember(other, map("role", "MEMBER", "userId", userId));
        Api.createMember(own, "MEMBER");
        Api.createMember(other, "SECRETARY");
        int ownEntries = count("subcommitteeId", own);
        assertTrue(ownEntries >= 3);
        assertTrue(count("subcommitteeId", other) >= 3);

        audit(as(username), "size", 100).statusCode(200)
                .body("totalItems", equalTo(ownEntries))
                .body("items.subcommitteeId", everyItem(equalTo((int) own)))
                .body("items.size()", equalTo(ownEntries));
        audit(as(username), "subcommitteeId", own).statusCode(200).body("totalItems", equalTo(ownEntries));
        audit(as(username), "subcommitteeId", other).statusCode(200).body("totalItems", equalTo(0))
                .body("items", empty());
        audit(as(username), "entityType", "subcommittee", "entityId", other).statusCode(200)
                .body("totalItems", equalTo(0));
        audit(as(username), "entityType", "user").statusCode(200).body("totalItems", equalTo(0));
        audit(as(username), "entityType", "member", "entityId", record).statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].action", equalTo("created"));
        audit(as(username), "size", 1, "page", 1).statusCode(200)
                .body("totalItems", equalTo(ownEntries)).body("totalPages", equalTo(ownEntries));

        // once the member record is inactive, the trail is closed to them at once
        patch("/api/v1/members/" + record, map("active", false)).statusCode(200);
        problem(audit(as(username)), 403, "FORBIDDEN");
    }

    @Test
    void aMemberOrAUserWithoutMembershipMayNotReadTheTrail() {
        long sid = Api.createSubcommittee();
        String member = memberLogin(sid, "MEMBER");
        problem(audit(as(member)), 403, "FORBIDDEN");
        problem(audit(as(member), "subcommitteeId", sid), 403, "FORBIDDEN");

        String nobody = newUsername();
        newUser(nobody);
        problem(audit(as(nobody)), 403, "FORBIDDEN");

        String former = newUsername();
        long formerId = newUser(former);
        Api.createMember(sid, map("role", "SECRETARY", "userId", formerId, "active", false));
        problem(audit(as(former)), 403, "FORBIDDEN");

        problem(audit(given().auth().none()), 401, "UNAUTHENTICATED").header("WWW-Authenticate", notNullValue());
        problem(audit(given().auth().none(), "subcommitteeId", sid), 401, "UNAUTHENTICATED");
    }

    @Test
    void everyEntryHasTheContractShape() {
        long sid = Api.createSubcommittee();
        Map<String, Object> entry = trail("subcommitteeId", sid).getMap("items[0]");
        assertEquals(Set.of("id", "occurredAt", "actor", "action", "entityType", "entityId", "subcommitteeId", "changes"),
                entry.keySet());
        assertNotEquals(List.of(), entry.get("changes"));
        given().queryParam("subcommitteeId", sid).get(AUDIT).then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("items[0].changes[0].field", notNullValue());
    }
}
