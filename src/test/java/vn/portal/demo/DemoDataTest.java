package vn.portal.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.portal.support.TestDatabase;

/** The demo story, loaded at start on a database of its own, and never twice. */
@QuarkusTest
@TestProfile(DemoDataTest.WithDemoData.class)
class DemoDataTest {

    public static class WithDemoData implements QuarkusTestProfile {
        /** Made once: Quarkus may ask for the overrides more than once, and dropping a database in use fails. */
        private static String url;

        @Override
        public synchronized Map<String, String> getConfigOverrides() {
            if (url == null) {
                url = TestDatabase.isPostgresql() ? TestDatabase.freshPostgresqlDatabase("demo")
                        : "jdbc:h2:mem:portal-demo-test;DB_CLOSE_DELAY=-1";
            }
            return Map.of("portal.demo-data", "true", "quarkus.datasource.jdbc.url", url);
        }
    }

    @Inject
    DemoData demoData;

    @BeforeEach
    void logInAsTheDemoAdmin() {
        RestAssured.authentication = RestAssured.preemptive().basic("admin", "admin-demo-2020");
    }

    @Test
    void everyDemoLoginWorksWithItsDocumentedPasswordAndRole() {
        Map<String, String> memberRoles = Map.of("head", "HEAD", "deputy", "DEPUTY_HEAD", "secretary", "SECRETARY",
                "support", "SUPPORT_STAFF", "member", "MEMBER");
        for (String[] user : DemoData.USERS) {
            var me = given().auth().preemptive().basic(user[0], user[1]).get("/api/v1/me").then().statusCode(200)
                    .body("username", equalTo(user[0]))
                    .body("roles", equalTo(user[2].isEmpty() ? List.of() : List.of(user[2])));
            if (memberRoles.containsKey(user[0])) {
                me.body("memberships.role", equalTo(List.of(memberRoles.get(user[0]))));
            } else {
                me.body("memberships", hasSize(0));
            }
        }
        given().auth().preemptive().basic("outsider", "outsider-demo-2020").get("/api/v1/subcommittees").then()
                .statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void theNewsItemsStoryIsThereOnce() {
        assertFalse(demoData.load(), "a second load must leave the data alone");
        long sid = given().queryParam("q", DemoData.CODE).get("/api/v1/subcommittees").then().statusCode(200)
                .body("totalItems", equalTo(1)).extract().jsonPath().getLong("items[0].id");
        long head = given().get("/api/v1/subcommittees/" + sid).then().statusCode(200)
                .body("kind", equalTo("DOCUMENTS")).body("termStart", equalTo(2020)).body("termEnd", equalTo(2025))
                .extract().jsonPath().getLong("headMemberId");
        given().get("/api/v1/members/" + head).then().body("fullName", equalTo("Vũ Văn Diện"));
        given().get("/api/v1/subcommittees/" + sid + "/members").then()
                .body("items.role", hasItem("DEPUTY_HEAD")).body("items.role", hasItem("SECRETARY"))
                .body("items.role", hasItem("SUPPORT_STAFF")).body("items.role", hasItem("MEMBER"));
        given().queryParam("dueFrom", "2020-02-22").queryParam("dueTo", "2020-02-22")
                .get("/api/v1/subcommittees/" + sid + "/milestones").then()
                .body("items", hasSize(1)).body("items[0].responsibilityIds", hasSize(4));
        given().get("/api/v1/subcommittees/" + sid + "/responsibility-matrix").then()
                .body("rows.area", hasItem("Kinh tế")).body("rows.area", hasItem("Văn hóa – Xã hội"))
                .body("rows.area", hasItem("Xây dựng Đảng, hệ thống chính trị"))
                .body("rows.area", hasItem("Quốc phòng – An ninh"))
                .body("sectionsWithoutLead", hasSize(1))
                .body("membersWithoutResponsibility", hasSize(1));
    }

    @Test
    void theFirstSessionIsClosedAndItsConclusionsAreThePlan() {
        long sid = given().queryParam("q", DemoData.CODE).get("/api/v1/subcommittees").then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
        var sessions = given().get("/api/v1/subcommittees/" + sid + "/sessions").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].number", equalTo(1))
                .body("items[0].status", equalTo("CLOSED")).body("items[0].startsAt", equalTo("2020-02-20T01:00:00.000Z"))
                .body("items[0].closedAt", equalTo("2020-02-20T04:30:00.000Z"))
                .body("items[0].attendance.present", equalTo(8)).body("items[0].quorumMet", equalTo(true))
                .extract().jsonPath();
        long session = sessions.getLong("items[0].id");
        given().get("/api/v1/members/" + sessions.getLong("items[0].chairMemberId")).then()
                .body("fullName", equalTo("Vũ Văn Diện"));
        given().get("/api/v1/sessions/" + session + "/agenda-items").then().body("items.position", equalTo(List.of(1, 2, 3)));
        var conclusions = given().queryParam("size", 100).get("/api/v1/sessions/" + session + "/conclusions").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of("DECISION", "TASK", "TASK", "TASK", "TASK", "TASK", "TASK", "TASK", "TASK", "TASK",
                "MILESTONE", "DECISION"), conclusions.getList("items.kind"));
        List<Integer> fromTasks = given().queryParam("size", 100).get("/api/v1/subcommittees/" + sid + "/responsibilities")
                .then().extract().jsonPath().getList("items.conclusionId");
        assertEquals(9, fromTasks.size());
        assertEquals(conclusions.getList("items.findAll { it.kind == 'TASK' }.id"), fromTasks);
        given().queryParam("dueFrom", "2020-02-22").queryParam("dueTo", "2020-02-22")
                .get("/api/v1/subcommittees/" + sid + "/milestones").then()
                .body("items[0].conclusionId", equalTo(conclusions.getInt("items.find { it.kind == 'MILESTONE' }.id")));
        given().accept("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                .get("/api/v1/sessions/" + session + "/notice.docx").then().statusCode(200);
    }
}
