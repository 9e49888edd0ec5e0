package vn.portal.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.portal.support.Api;
import vn.portal.support.Races;

@QuarkusTest
class AgendaResourceTest {

    @TestHTTPResource("/")
    URI base;

    private long sid;
    private long session;

    @BeforeEach
    void aPlannedSession() {
        sid = Api.createSubcommittee();
        Api.createMember(sid, "HEAD");
        session = Api.createSession(sid, Map.of());
    }

    private String agenda() {
        return "/api/v1/sessions/" + session + "/agenda-items";
    }

    private static String item(long id) {
        return "/api/v1/agenda-items/" + id;
    }

    private long add(String title, Integer position) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("title", title));
        if (position != null) {
            body.put("position", position);
        }
        return Api.json().body(body).post(agenda()).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** The titles in agenda order, after checking that the positions are exactly 1..n. */
    private List<String> titles() {
        JsonPath page = given().queryParam("size", 100).get(agenda()).then().statusCode(200).extract().jsonPath();
        List<Integer> positions = page.getList("items.position", Integer.class);
        assertEquals(IntStream.rangeClosed(1, positions.size()).boxed().toList(), positions, "positions 1..n, no gaps");
        return page.getList("items.title", String.class);
    }

    @Test
    void itemsGoAtTheEndByDefaultAndAtAnyPlaceWhenAsked() {
        Api.json().body(Map.of("title", "Thông qua Quy chế làm việc", "durationMinutes", 30)).post(agenda()).then()
                .statusCode(201).body("position", equalTo(1)).body("sessionId", equalTo((int) session))
                .body("durationMinutes", equalTo(30));
        add("Kế hoạch", null);
        add("Phân công nhiệm vụ", 2);
        add("Khai mạc", 1);
        assertEquals(List.of("Khai mạc", "Thông qua Quy chế làm việc", "Phân công nhiệm vụ", "Kế hoạch"), titles());
        add("Bế mạc", 5);
        Api.json().body(Map.of("title", "Quá xa", "position", 7)).post(agenda()).then()
                .spec(Api.problem(400, "VALIDATION_FAILED")).body("errors[0].field", equalTo("position"));
        Api.json().body(Map.of("title", "Không", "position", 0)).post(agenda()).then()
                .spec(Api.problem(400, "VALIDATION_FAILED"));
        Api.json().body(Map.of("title", "Quá dài", "durationMinutes", 1441)).post(agenda()).then()
                .spec(Api.problem(400, "VALIDATION_FAILED")).body("errors[0].field", equalTo("durationMinutes"));
        Api.json().body(Map.of("title", "Văn kiện", "documentId", 1)).post(agenda()).then()
                .spec(Api.problem(400, "VALIDATION_FAILED")).body("errors[0].field", equalTo("documentId"));
        long foreign = Api.createMember(Api.createSubcommittee(), "MEMBER");
        Api.json().body(Map.of("title", "Trình bày", "presenterMemberId", foreign)).post(agenda()).then()
                .spec(Api.problem(400, "VALIDATION_FAILED")).body("errors[0].field", equalTo("presenterMemberId"));
    }

    @Test
    void movingAndDeletingKeepOneToN() {
        long a = add("A", null);
        long b = add("B", null);
        long c = add("C", null);
        long d = add("D", null);
        String cBefore = Api.etag(item(c));
        Api.json().body(Map.of("position", 1)).patch(item(d)).then().statusCode(200).body("position", equalTo(1));
        assertEquals(List.of("D", "A", "B", "C"), titles());
        assertNotEquals(cBefore, Api.etag(item(c)), "a renumbered item's ETag changes");
        Api.json().body(Map.of("position", 4)).patch(item(a)).then().statusCode(200);
        assertEquals(List.of("D", "B", "C", "A"), titles());
        Api.json().body(Map.of("position", 5)).patch(item(a)).then().spec(Api.problem(400, "VALIDATION_FAILED"));
        given().delete(item(b)).then().statusCode(204);
        assertEquals(List.of("D", "C", "A"), titles());
        given().delete(item(a)).then().statusCode(204);
        given().delete(item(d)).then().statusCode(204);
        assertEquals(List.of("C"), titles());
        given().get(item(c)).then().body("position", equalTo(1));
        List<String> actions = given().queryParam("entityType", "agenda_item").queryParam("entityId", c)
                .get("/api/v1/audit").then().statusCode(200).extract().jsonPath().getList("items.action");
        assertEquals(List.of("updated", "updated", "updated", "updated", "created"), actions, "each renumbering is recorded");
    }

    @Test
    void concurrentInsertsMovesAndDeletesLeaveNoGapNorTwin() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(add("Mục " + i, null));
        }
        List<Races.Outcome> outcomes = Races.race(18, i -> switch (i % 3) {
            case 0 -> Races.request(base.resolve(agenda()), "POST", "application/json",
                    "{\"title\":\"Chen " + i + "\",\"position\":1}", null);
            case 1 -> Races.request(base.resolve(item(ids.get(i % 6))), "PATCH", "application/json",
                    "{\"position\":" + (1 + i % 4) + "}", null);
            default -> Races.request(base.resolve(item(ids.get((i + 3) % 6))), "DELETE", null, null, null);
        });
        assertTrue(outcomes.stream().allMatch(o -> o.status() < 500), outcomes.toString());
        assertEquals(6, outcomes.stream().filter(o -> o.status() == 201).count(), outcomes.toString());
        List<String> titles = titles();
        assertEquals(titles.size(), titles.stream().distinct().count());
    }

    @Test
    void aClosedSessionsAgendaIsReadOnly() {
        long a = add("A", null);
        Api.json().body(Map.of("minutes", "Biên bản")).patch("/api/v1/sessions/" + session).then().statusCode(200);
        Api.sessionAction(session, "start");
        Api.sessionAction(session, "close");
        Api.json().body(Map.of("title", "B")).post(agenda()).then().spec(Api.problem(409, "SESSION_CLOSED"));
        Api.json().body(Map.of("title", "A2")).patch(item(a)).then().spec(Api.problem(409, "SESSION_CLOSED"));
        given().delete(item(a)).then().spec(Api.problem(409, "SESSION_CLOSED"));
        assertEquals(List.of("A"), titles());
    }
}
