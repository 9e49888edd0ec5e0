package vn.portal.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.portal.support.Api;
import vn.portal.support.FixedClock;

@QuarkusTest
class SessionResourceTest {

    private long sid;
    private long head;
    private long secretary;
    private long member;

    @BeforeEach
    void aSubcommitteeWithAHeadASecretaryAndAMember() {
        FixedClock.install(OffsetDateTime.parse("2020-02-20T09:00:00+07:00").toInstant());
        sid = Api.createSubcommittee();
        head = Api.createMember(sid, "HEAD");
        secretary = Api.createMember(sid, "SECRETARY");
        member = Api.createMember(sid, "MEMBER");
        Api.createMember(sid, Map.of("role", "MEMBER", "active", false));
    }

    private String sessions() {
        return "/api/v1/subcommittees/" + sid + "/sessions";
    }

    private static String session(long id) {
        return "/api/v1/sessions/" + id;
    }

    private static Response attend(long session, long member, String status) {
        return Api.json().body(Map.of("status", status)).put(session(session) + "/attendance/" + member);
    }

    @Test
    void createNumbersInvitesTheActiveMembersAndMakesTheHeadTheChair() {
        Response created = Api.json().body(Map.of("title", "Phiên họp thứ nhất", "startsAt", "2020-02-20T08:00:00+07:00",
                "location", "Hội trường Thành ủy")).post(sessions());
        created.then().statusCode(201)
                .body("number", equalTo(1))
                .body("status", equalTo("PLANNED"))
                .body("startsAt", equalTo("2020-02-20T01:00:00.000Z"))
                .body("endsAt", nullValue())
                .body("chairMemberId", equalTo((int) head))
                .body("attendance.invited", equalTo(3))
                .body("attendance.present", equalTo(0))
                .body("quorumMet", equalTo(false))
                .body("allowedActions", equalTo(List.of("start", "cancel", "edit")));
        long id = created.jsonPath().getLong("id");
        assertEquals(session(id), created.header("Location"));
        Response read = given().get(session(id));
        assertEquals(created.jsonPath().getMap(""), read.jsonPath().getMap(""));
        assertEquals(created.header("ETag"), read.header("ETag"));
        given().get(session(id) + "/attendance").then().statusCode(200)
                .body("items.memberId", equalTo(List.of((int) head, (int) secretary, (int) member)))
                .body("items.status", equalTo(List.of("INVITED", "INVITED", "INVITED")))
                .body("items[0].role", equalTo("HEAD"));
    }

    @Test
    void numbersFollowOnPerSubcommitteeAndAreNeverGivenTwice() {
        long first = Api.createSession(sid, Map.of());
        long second = Api.createSession(sid, Map.of());
        long elsewhere = Api.createSession(Api.createSubcommittee(), Map.of());
        given().get(session(first)).then().body("number", equalTo(1));
        given().get(session(second)).then().body("number", equalTo(2));
        given().get(session(elsewhere)).then().body("number", equalTo(1));
        Api.json().body(Map.of("number", 7)).patch(session(second)).then().spec(Api.problem(400, "READ_ONLY_FIELD"));
    }

    @Test
    void theBodyIsChecked() {
        Api.json().body("{}").post(sessions()).then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", hasItems("title", "startsAt"));
        Api.json().body(Map.of("title", "Phiên", "startsAt", "2020-02-20T08:00:00")).post(sessions())
                .then().spec(Api.problem(400, "VALIDATION_FAILED")).body("errors.field", equalTo(List.of("startsAt")));
        Api.json().body(Map.of("title", "Phiên", "startsAt", "2020-02-20T08:00:00+07:00",
                "endsAt", "2020-02-20T07:00:00+07:00")).post(sessions())
                .then().spec(Api.problem(400, "VALIDATION_FAILED")).body("errors.field", equalTo(List.of("endsAt")));
        long inactive = Api.createMember(sid, Map.of("role", "DEPUTY_HEAD", "active", false));
        long foreign = Api.createMember(Api.createSubcommittee(), "MEMBER");
        for (long chair : new long[] { inactive, foreign }) {
            Api.json().body(Map.of("title", "Phiên", "startsAt", "2020-02-20T08:00:00+07:00", "chairMemberId", chair))
                    .post(sessions()).then().spec(Api.problem(400, "VALIDATION_FAILED"))
                    .body("errors.field", equalTo(List.of("chairMemberId")));
        }
        Api.json().body(Map.of("title", "Phiên", "startsAt", "2020-02-20T08:00:00+07:00", "chairMemberId", member))
                .post(sessions()).then().statusCode(201).body("chairMemberId", equalTo((int) member));
    }

    @Test
    void listFiltersAndSorts() {
        long early = Api.createSession(sid, Map.of("title", "Phiên họp thứ nhất", "startsAt", "2020-02-20T08:00:00+07:00"));
        long late = Api.createSession(sid, Map.of("title", "Phiên họp thứ hai", "startsAt", "2020-03-05T08:00:00+07:00",
                "location", "Phòng họp số 2"));
        long middle = Api.createSession(sid, Map.of("title", "Phiên bất thường", "startsAt", "2020-02-25T14:00:00+07:00"));
        Api.json().body(Map.of("reason", "Hoãn")).post(session(middle) + "/cancel").then().statusCode(200);
        assertEquals(List.of(early, middle, late), ids(Map.of()));
        assertEquals(List.of(middle, late, early), ids(Map.of("sort", "-number")));
        assertEquals(List.of(middle), ids(Map.of("status", "CANCELLED")));
        assertEquals(List.of(middle, late), ids(Map.of("from", "2020-02-25T14:00:00+07:00")));
        assertEquals(List.of(early), ids(Map.of("to", "2020-02-20T08:00:00+07:00")));
        assertEquals(List.of(late), ids(Map.of("q", "phong hop so 2")));
        assertEquals(List.of(early, late), ids(Map.of("q", "phien hop thu")));
        given().queryParam("from", "2020-02-25").get(sessions()).then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of("from")));
        given().queryParam("sort", "title").get(sessions()).then().spec(Api.problem(400, "VALIDATION_FAILED"));
        given().accept("text/csv").get(sessions()).then().statusCode(200).contentType(startsWith("text/csv"))
                .body(containsString("Phiên họp thứ hai"));
    }

    private List<Long> ids(Map<String, Object> query) {
        return given().queryParams(query).get(sessions()).then().statusCode(200).extract().jsonPath()
                .getList("items.id", Long.class);
    }

    @Test
    void aSessionMovesPlannedInProgressClosed() {
        long id = Api.createSession(sid, Map.of());
        Api.json().body(Map.of()).post(session(id) + "/close").then().spec(Api.problem(409, "INVALID_TRANSITION"))
                .body("allowedActions", equalTo(List.of("start", "cancel", "edit")));
        Api.sessionAction(id, "start");
        given().get(session(id)).then().body("status", equalTo("IN_PROGRESS"))
                .body("allowedActions", equalTo(List.of("close", "edit")));
        given().noContentType().post(session(id) + "/start").then().spec(Api.problem(409, "INVALID_TRANSITION"));
        Api.json().body(Map.of("reason", "Hoãn")).post(session(id) + "/cancel").then()
                .spec(Api.problem(409, "INVALID_TRANSITION")).body("allowedActions", equalTo(List.of("close", "edit")));
        given().noContentType().post(session(id) + "/close").then().spec(Api.problem(409, "MINUTES_REQUIRED"));
        Api.json().body(Map.of("minutes", "  ")).patch(session(id)).then().statusCode(200);
        given().noContentType().post(session(id) + "/close").then().spec(Api.problem(409, "MINUTES_REQUIRED"));
        Api.json().body(Map.of("minutes", "Tiểu ban đã thảo luận và thông qua Quy chế làm việc.")).patch(session(id))
                .then().statusCode(200);
        given().noContentType().post(session(id) + "/close").then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("closedAt", equalTo("2020-02-20T02:00:00.000Z")).body("allowedActions", equalTo(List.of()));
        List<String> actions = given().queryParam("entityType", "session").queryParam("entityId", id)
                .get("/api/v1/audit").then().statusCode(200).extract().jsonPath().getList("items.action");
        assertEquals(List.of("closed", "updated", "updated", "started", "created"), actions);
    }

    @Test
    void cancelNeedsAReasonAndKeepsIt() {
        long id = Api.createSession(sid, Map.of());
        Api.json().body(Map.of()).post(session(id) + "/cancel").then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of("reason")));
        Api.json().body(Map.of("reason", "Hoãn để lấy thêm ý kiến các khối ngành.")).post(session(id) + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("cancelReason", equalTo("Hoãn để lấy thêm ý kiến các khối ngành."));
    }

    @Test
    void aClosedOrCancelledSessionIsReadOnly() {
        long closed = Api.sessionInProgress(sid);
        Api.sessionAction(closed, "close");
        long cancelled = Api.createSession(sid, Map.of());
        Api.json().body(Map.of("reason", "Hoãn")).post(session(cancelled) + "/cancel").then().statusCode(200);
        for (long id : new long[] { closed, cancelled }) {
            String etag = Api.etag(session(id));
            Api.json().body(Map.of("title", "Đổi")).patch(session(id)).then().spec(Api.problem(409, "SESSION_CLOSED"));
            attend(id, member, "PRESENT").then().spec(Api.problem(409, "SESSION_CLOSED"));
            for (String action : List.of("start", "close")) {
                given().noContentType().post(session(id) + "/" + action).then().spec(Api.problem(409, "SESSION_CLOSED"));
            }
            Api.json().body(Map.of("reason", "Hoãn")).post(session(id) + "/cancel").then()
                    .spec(Api.problem(409, "SESSION_CLOSED"));
            assertEquals(etag, Api.etag(session(id)));
        }
    }

    @Test
    void attendanceCountsAndQuorum() {
        long id = Api.createSession(sid, Map.of());
        String before = Api.etag(session(id));
        attend(id, head, "PRESENT").then().statusCode(200).body("memberId", equalTo((int) head))
                .body("status", equalTo("PRESENT")).body("role", equalTo("HEAD"));
        given().get(session(id)).then().body("attendance.present", equalTo(1)).body("quorumMet", equalTo(false));
        Api.json().body(Map.of("status", "EXCUSED", "note", "Đi công tác, có ý kiến bằng văn bản."))
                .put(session(id) + "/attendance/" + member).then().statusCode(200)
                .body("note", equalTo("Đi công tác, có ý kiến bằng văn bản."));
        attend(id, secretary, "PRESENT").then().statusCode(200);
        given().get(session(id)).then().body("attendance.invited", equalTo(3)).body("attendance.present", equalTo(2))
                .body("attendance.excused", equalTo(1)).body("attendance.absent", equalTo(0))
                .body("quorumMet", equalTo(true));
        assertNotEquals(before, Api.etag(session(id)));
        given().get(session(id) + "/attendance").then().body("quorumMet", equalTo(true))
                .body("items.status", equalTo(List.of("PRESENT", "PRESENT", "EXCUSED")));
        attend(id, 9_000_000_000L, "PRESENT").then().spec(Api.problem(404, "NOT_FOUND"));
        Api.json().body(Map.of("status", "LATE")).put(session(id) + "/attendance/" + head).then()
                .spec(Api.problem(400, "VALIDATION_FAILED"));
    }

    @Test
    void attendanceHonoursIfMatch() {
        long id = Api.createSession(sid, Map.of());
        String etag = attend(id, head, "PRESENT").then().statusCode(200).extract().header("ETag");
        Api.json().header("If-Match", "\"stale\"").body(Map.of("status", "ABSENT")).put(session(id) + "/attendance/" + head)
                .then().spec(Api.problem(412, "PRECONDITION_FAILED"));
        Api.json().header("If-Match", etag).body(Map.of("status", "ABSENT")).put(session(id) + "/attendance/" + head)
                .then().statusCode(200).body("status", equalTo("ABSENT"));
    }

    @Test
    void patchHonoursIfMatchAndChangesOnlyWhatIsSent() {
        long id = Api.createSession(sid, Map.of("location", "Hội trường Thành ủy"));
        String etag = Api.etag(session(id));
        Api.json().header("If-Match", "\"stale\"").body(Map.of("title", "Đổi")).patch(session(id))
                .then().spec(Api.problem(412, "PRECONDITION_FAILED"));
        Api.json().header("If-Match", etag).body(Map.of("title", "Phiên họp thứ nhất (sửa)")).patch(session(id))
                .then().statusCode(200).body("title", equalTo("Phiên họp thứ nhất (sửa)"))
                .body("location", equalTo("Hội trường Thành ủy"));
        Api.json().body("{\"location\":null}").patch(session(id)).then().statusCode(200).body("location", nullValue());
    }

    @Test
    void anArchivedSubcommitteesSessionsTakeNoWrites() {
        long id = Api.createSession(sid, Map.of());
        Api.archiveSubcommittee(sid);
        given().get(session(id)).then().statusCode(200).body("allowedActions", equalTo(List.of()));
        given().noContentType().post(session(id) + "/start").then().spec(Api.problem(409, "SUBCOMMITTEE_ARCHIVED"));
        Api.json().body(Map.of("title", "Phiên", "startsAt", "2020-02-20T08:00:00+07:00")).post(sessions())
                .then().spec(Api.problem(409, "SUBCOMMITTEE_ARCHIVED"));
    }

    @Test
    void aSubcommitteeWithSessionsIsNotDeleted() {
        long other = Api.createSubcommittee();
        Api.createSession(other, Map.of());
        given().delete("/api/v1/subcommittees/" + other).then().spec(Api.problem(409, "SUBCOMMITTEE_NOT_EMPTY"));
    }
}
