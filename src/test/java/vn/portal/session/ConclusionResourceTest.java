package vn.portal.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.portal.support.Api;
import vn.portal.support.Feed;
import vn.portal.support.Races;

@QuarkusTest
class ConclusionResourceTest {

    @TestHTTPResource("/")
    URI base;

    private long sid;
    private long head;
    private long economy;
    private long culture;
    private long session;

    @BeforeEach
    void aSessionInProgress() {
        sid = Api.createSubcommittee();
        head = Api.createMember(sid, "HEAD");
        economy = Api.createMember(sid, "MEMBER");
        culture = Api.createMember(sid, "MEMBER");
        session = Api.sessionInProgress(sid);
    }

    private String conclusions(long sessionId) {
        return "/api/v1/sessions/" + sessionId + "/conclusions";
    }

    private static String conclusion(long id) {
        return "/api/v1/conclusions/" + id;
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private Response post(Map<String, Object> body) {
        return Api.json().body(body).post(conclusions(session));
    }

    private long conclude(Map<String, Object> body) {
        return post(body).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static Map<String, Object> task(long memberId, String area, String section) {
        return body("kind", "TASK", "text", "Giao chủ trì " + area, "memberId", memberId, "area", area,
                "documentSection", section);
    }

    private long total(String path) {
        return given().get(path).then().statusCode(200).extract().jsonPath().getLong("totalItems");
    }

    private long responsibilities() {
        return total("/api/v1/subcommittees/" + sid + "/responsibilities");
    }

    private long milestones() {
        return total("/api/v1/subcommittees/" + sid + "/milestones");
    }

    @Test
    void eachKindTakesItsOwnFields() {
        Response task = post(task(economy, "Kinh tế", "Báo cáo chính trị / Phần I"));
        task.then().statusCode(201).body("kind", equalTo("TASK")).body("role", equalTo("LEAD"))
                .body("sessionId", equalTo((int) session)).body("appliedEntityType", nullValue())
                .body("appliedEntityId", nullValue());
        assertEquals(conclusion(task.jsonPath().getLong("id")), task.header("Location"));
        post(body("kind", "DECISION", "text", "Thông qua Quy chế làm việc của Tiểu ban.")).then().statusCode(201);
        post(body("kind", "MILESTONE", "text", "Hạn chót số liệu", "title", "Số liệu, bảng biểu", "dueOn", "2020-02-22"))
                .then().statusCode(201).body("responsibilityIds", equalTo(List.of()));
        post(body("kind", "TASK", "text", "Giao")).then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", hasItems("memberId", "area", "documentSection"));
        post(body("kind", "MILESTONE", "text", "Mốc")).then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", hasItems("title", "dueOn"));
        post(body("kind", "DECISION", "text", "Quyết định", "memberId", economy)).then()
                .spec(Api.problem(400, "VALIDATION_FAILED")).body("errors.field", equalTo(List.of("memberId")));
        post(body("kind", "ADOPTION", "text", "Thông qua Kế hoạch", "documentId", 1, "documentVersion", 2)).then()
                .spec(Api.problem(400, "VALIDATION_FAILED")).body("errors.field", equalTo(List.of("kind")));
        long foreignMember = Api.createMember(Api.createSubcommittee(), "MEMBER");
        post(task(foreignMember, "Kinh tế", "Phần I")).then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of("memberId")));
        long otherSession = Api.createSession(sid, Map.of());
        long otherItem = Api.json().body(Map.of("title", "Khai mạc")).post("/api/v1/sessions/" + otherSession + "/agenda-items")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        post(body("kind", "DECISION", "text", "Quyết định", "agendaItemId", otherItem)).then()
                .spec(Api.problem(400, "VALIDATION_FAILED")).body("errors.field", equalTo(List.of("agendaItemId")));
    }

    @Test
    void closingAppliesEveryConclusionOrNone() {
        long lead = Api.createResponsibility(sid, culture, "Văn hóa – Xã hội", "Báo cáo chính trị / Phần II", "LEAD");
        long before = responsibilities();
        long milestonesBefore = milestones();
        long decision = conclude(body("kind", "DECISION", "text", "Thông qua Quy chế làm việc."));
        long economyTask = conclude(task(economy, "Kinh tế", "Báo cáo chính trị / Phần I"));
        long overlapping = conclude(task(economy, "van hoa - xa hoi", "Báo cáo chính trị / Phần II"));
        long milestone = conclude(body("kind", "MILESTONE", "text", "Hạn chót", "title", "Số liệu, bảng biểu",
                "dueOn", "2020-02-22", "responsibilityIds", List.of(lead)));
        long defence = conclude(task(head, "Quốc phòng – An ninh", "Báo cáo chính trị / Phần III"));

        given().noContentType().post("/api/v1/sessions/" + session + "/close").then()
                .spec(Api.problem(409, "RESPONSIBILITY_OVERLAP"))
                .body("conflictingId", equalTo((int) lead)).body("conclusionId", equalTo((int) overlapping));
        assertEquals(before, responsibilities(), "no responsibility applied");
        assertEquals(milestonesBefore, milestones(), "no milestone applied");
        given().get("/api/v1/sessions/" + session).then().body("status", equalTo("IN_PROGRESS"));
        given().queryParam("size", 100).get(conclusions(session)).then()
                .body("items.appliedEntityId", equalTo(java.util.Arrays.asList(null, null, null, null, null)));

        Api.json().body(Map.of("role", "SUPPORT")).patch(conclusion(overlapping)).then().statusCode(200);
        given().noContentType().post("/api/v1/sessions/" + session + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED"));
        assertEquals(before + 3, responsibilities());
        assertEquals(milestonesBefore + 1, milestones());
        given().get(conclusion(decision)).then().body("appliedEntityType", nullValue());
        for (long id : new long[] { economyTask, overlapping, defence }) {
            JsonPath c = given().get(conclusion(id)).then().body("appliedEntityType", equalTo("responsibility"))
                    .extract().jsonPath();
            given().get("/api/v1/responsibilities/" + c.getLong("appliedEntityId")).then().statusCode(200)
                    .body("conclusionId", equalTo((int) id)).body("memberId", equalTo(c.getInt("memberId")))
                    .body("title", equalTo(c.getString("text")));
        }
        given().get("/api/v1/responsibilities/" + given().get(conclusion(overlapping)).then().extract()
                .path("appliedEntityId")).then().body("role", equalTo("SUPPORT"));
        long made = given().get(conclusion(milestone)).then().body("appliedEntityType", equalTo("milestone"))
                .extract().jsonPath().getLong("appliedEntityId");
        given().get("/api/v1/milestones/" + made).then().body("conclusionId", equalTo((int) milestone))
                .body("dueOn", equalTo("2020-02-22")).body("responsibilityIds", equalTo(List.of((int) lead)));
        given().get("/api/v1/responsibilities/" + lead).then().body("conclusionId", nullValue());
    }

    @Test
    void theFeedTellsOfEachStepAndOfWhatClosingMade() {
        long fresh = Api.createSession(sid, Map.of("minutes", "Biên bản"));
        String cursor = Feed.head();
        Api.sessionAction(fresh, "start");
        long task = Api.json().body(task(economy, "Đối ngoại", "Báo cáo chính trị / Phần IV")).post(conclusions(fresh))
                .then().statusCode(201).extract().jsonPath().getLong("id");
        Api.sessionAction(fresh, "close");
        long made = given().get(conclusion(task)).then().extract().jsonPath().getLong("appliedEntityId");
        List<String> types = Feed.since(cursor).stream().map(e -> e.get("type") + " #" + e.get("entityId")).toList();
        assertEquals(List.of("session.started #" + fresh, "conclusion.created #" + task, "responsibility.created #" + made,
                "conclusion.updated #" + task, "session.closed #" + fresh), types);
    }

    @Test
    void twoConclusionsThatWouldLeadOneSectionStopTheClose() {
        long before = responsibilities();
        long first = conclude(task(economy, "Kinh tế", "Báo cáo chính trị / Phần I"));
        long second = conclude(task(culture, "KINH TE", "báo cáo chính trị / phần i"));
        given().noContentType().post("/api/v1/sessions/" + session + "/close").then()
                .spec(Api.problem(409, "RESPONSIBILITY_OVERLAP"))
                .body("conclusionId", equalTo((int) second)).body("conflictingConclusionId", equalTo((int) first));
        assertEquals(before, responsibilities());
        given().get("/api/v1/sessions/" + session).then().body("status", equalTo("IN_PROGRESS"));
    }

    @Test
    void sixteenRacingClosesCloseOnceAndApplyOnce() throws Exception {
        for (int i = 0; i < 4; i++) {
            conclude(task(economy, "Khối " + i, "Báo cáo chính trị"));
        }
        conclude(body("kind", "MILESTONE", "text", "Hạn chót", "title", "Số liệu", "dueOn", "2020-02-22"));
        long before = responsibilities();
        long milestonesBefore = milestones();
        String etag = Api.etag("/api/v1/sessions/" + session);
        List<Races.Outcome> outcomes = Races.race(16, i -> Races.request(
                base.resolve("/api/v1/sessions/" + session + "/close"), "POST", null, null, etag));
        String summary = outcomes.toString();
        assertEquals(1, outcomes.stream().filter(o -> o.status() == 200).count(), summary);
        assertTrue(outcomes.stream().allMatch(o -> o.status() == 200 || o.status() == 412 || o.status() == 409), summary);
        assertEquals(before + 4, responsibilities(), "one set of responsibilities");
        assertEquals(milestonesBefore + 1, milestones(), "one milestone");
    }

    @Test
    void aClosedSessionsConclusionsAreReadOnly() {
        long id = conclude(body("kind", "DECISION", "text", "Thông qua Kế hoạch."));
        Api.sessionAction(session, "close");
        post(body("kind", "DECISION", "text", "Muộn")).then().spec(Api.problem(409, "SESSION_CLOSED"));
        Api.json().body(Map.of("text", "Đổi")).patch(conclusion(id)).then().spec(Api.problem(409, "SESSION_CLOSED"));
        given().delete(conclusion(id)).then().spec(Api.problem(409, "SESSION_CLOSED"));
    }

    @Test
    void anAgendaItemThatAConclusionNamesIsNotDeleted() {
        long item = Api.json().body(Map.of("title", "Phân công nhiệm vụ")).post("/api/v1/sessions/" + session + "/agenda-items")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        long id = conclude(body("kind", "DECISION", "text", "Thông qua phân công.", "agendaItemId", item));
        given().delete("/api/v1/agenda-items/" + item).then().spec(Api.problem(409, "AGENDA_ITEM_IN_USE"));
        given().delete(conclusion(id)).then().statusCode(204);
        given().delete("/api/v1/agenda-items/" + item).then().statusCode(204);
    }

    /** Prints how long closing a session with 50 TASK conclusions takes, the first and a later time. */
    @Test
    void closingFiftyConclusions() {
        for (int round = 0; round < 3; round++) {
            long fifty = Api.sessionInProgress(sid);
            for (int i = 0; i < 50; i++) {
                Api.json().body(task(economy, "Khối " + round + "-" + i, "Báo cáo chính trị"))
                        .post(conclusions(fifty)).then().statusCode(201);
            }
            long start = System.nanoTime();
            given().noContentType().post("/api/v1/sessions/" + fifty + "/close").then().statusCode(200);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("closing a session with 50 conclusions, round " + round + ": " + millis + " ms");
        }
    }

    @Test
    void aResponsibilityThatAMilestoneConclusionNamesIsInUse() {
        long named = Api.createResponsibility(sid, culture, "Văn hóa – Xã hội", "Báo cáo chính trị / Phụ lục", "LEAD");
        conclude(body("kind", "MILESTONE", "text", "Hạn chót", "title", "Phụ lục", "dueOn", "2020-02-22",
                "responsibilityIds", List.of(named)));
        given().delete("/api/v1/responsibilities/" + named).then().spec(Api.problem(409, "RESPONSIBILITY_IN_USE"));
        given().get("/api/v1/responsibilities/" + named).then().statusCode(200);
    }
}
