package vn.portal.concurrency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.portal.support.Api;
import vn.portal.support.Races;
import vn.portal.support.Races.Outcome;

/** Real concurrent HTTP requests released together: the rules hold, the losers get the rule's code, never a 500. */
@QuarkusTest
class RaceTest {

    private static final int THREADS = 12;
    private static final int ROUNDS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Random random = new Random(20200220L);

    @TestHTTPResource("/")
    URI root;

    private HttpRequest post(String path, Map<String, ?> body) {
        return Races.request(root.resolve(path), "POST", "application/json", write(body), null);
    }

    private HttpRequest patch(String path, Map<String, ?> body, String ifMatch) {
        return Races.request(root.resolve(path), "PATCH", "application/merge-patch+json", write(body), ifMatch);
    }

    private static String write(Map<String, ?> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private String randomCase(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            sb.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return sb.toString();
    }

    @Test
    void racingHeadsLeaveExactlyOneActiveHead() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            long sid = Api.createSubcommittee();
            String tag = Api.unique();
            Outcome winner = Races.onlyWinner(Races.race(THREADS, i -> post("/api/v1/subcommittees/" + sid + "/members",
                    Map.of("fullName", "Trưởng ban " + i, "role", "HEAD", "email", "head" + i + "." + tag + "@thanhuy.vn"))),
                    201, 409, "HEAD_ALREADY_ASSIGNED");
            long head = winner.json().getLong("id");

            given().queryParam("role", "HEAD").queryParam("active", "true").get("/api/v1/subcommittees/" + sid + "/members")
                    .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].id", equalTo((int) head));
            given().get("/api/v1/subcommittees/" + sid + "/members").then().body("totalItems", equalTo(1));
            given().get("/api/v1/subcommittees/" + sid).then().body("headMemberId", equalTo((int) head));
        }
    }

    @Test
    void racingPromotionsToHeadLeaveExactlyOneActiveHead() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            long sid = Api.createSubcommittee();
            long[] deputies = new long[THREADS];
            for (int i = 0; i < THREADS; i++) {
                deputies[i] = Api.createMember(sid, "DEPUTY_HEAD");
            }
            Outcome winner = Races.onlyWinner(Races.race(THREADS, i -> patch("/api/v1/members/" + deputies[i], Map.of("role", "HEAD"), null)),
                    200, 409, "HEAD_ALREADY_ASSIGNED");
            long head = winner.json().getLong("id");

            given().queryParam("role", "HEAD").get("/api/v1/subcommittees/" + sid + "/members")
                    .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].id", equalTo((int) head));
            given().get("/api/v1/subcommittees/" + sid).then().body("headMemberId", equalTo((int) head));
        }
    }

    @Test
    void racingLeadsForTheSameFoldedPairLeaveExactlyOneLead() throws Exception {
        List<List<String>> spellings = List.of(
                List.of("Văn hóa – Xã hội", "Phần I"),
                List.of("  van hoa - xa hoi ", "phan i"),
                List.of("VĂN HÓA — XÃ HỘI", "PHẦN I"),
                List.of("Văn  hóa ‒ Xã  hội", "Phần  I"));
        for (int round = 0; round < ROUNDS; round++) {
            long sid = Api.createSubcommittee();
            long[] holders = { Api.createMember(sid, "MEMBER"), Api.createMember(sid, "MEMBER"), Api.createMember(sid, "SECRETARY") };
            List<List<String>> chosen = new ArrayList<>();
            List<Long> holderOf = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                chosen.add(spellings.get(random.nextInt(spellings.size())));
                holderOf.add(holders[random.nextInt(holders.length)]);
            }
            List<Outcome> outcomes = Races.race(THREADS, i -> post("/api/v1/subcommittees/" + sid + "/responsibilities",
                    Map.of("memberId", holderOf.get(i), "area", chosen.get(i).get(0), "documentSection", chosen.get(i).get(1),
                            "title", "Báo cáo " + i, "role", "LEAD")));
            Outcome winner = Races.onlyWinner(outcomes, 201, 409, "RESPONSIBILITY_OVERLAP");
            long lead = winner.json().getLong("id");
            for (Outcome outcome : outcomes) {
                if (outcome != winner) {
                    assertEquals(lead, outcome.json().getLong("conflictingId"), "conflictingId names the lead");
                }
            }

            given().queryParam("role", "LEAD").get("/api/v1/subcommittees/" + sid + "/responsibilities")
                    .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].id", equalTo((int) lead));
            given().get("/api/v1/subcommittees/" + sid + "/responsibility-matrix").then().statusCode(200)
                    .body("rows.size()", equalTo(1)).body("rows[0].lead.responsibilityId", equalTo((int) lead));
        }
    }

    @Test
    void racingMembersWithTheSameEmailLeaveExactlyOne() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            long sid = Api.createSubcommittee();
            String email = "thu.ky" + Api.unique() + "@thanhuy.vn";
            List<String> variants = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                variants.add(randomCase(email));
            }
            Races.onlyWinner(Races.race(THREADS, i -> post("/api/v1/subcommittees/" + sid + "/members",
                    Map.of("fullName", "Thư ký " + i, "role", "SECRETARY", "email", variants.get(i)))),
                    201, 409, "EMAIL_TAKEN");

            given().get("/api/v1/subcommittees/" + sid + "/members").then().statusCode(200).body("totalItems", equalTo(1));
        }
    }

    @Test
    void racingSubcommitteesWithTheSameCodeInDifferentCaseLeaveExactlyOne() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String code = "vk-race-" + Api.unique();
            List<String> variants = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                variants.add(randomCase(code));
            }
            Outcome winner = Races.onlyWinner(Races.race(THREADS, i -> post("/api/v1/subcommittees", Map.of("code", variants.get(i),
                    "name", "Tiểu ban Văn kiện " + i, "kind", "DOCUMENTS",
                    "congress", "Đại hội đại biểu Đảng bộ Thành phố lần thứ XXV", "termStart", 2020, "termEnd", 2025))),
                    201, 409, "CODE_TAKEN");

            given().queryParam("q", code).get("/api/v1/subcommittees").then().statusCode(200)
                    .body("totalItems", equalTo(1)).body("items[0].id", equalTo(winner.json().getInt("id")));
        }
    }

    @Test
    void racingPatchesWithTheSameIfMatchLetExactlyOneThrough() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            long sid = Api.createSubcommittee();
            long id = Api.createMember(sid, Map.of("fullName", "Nguyễn Văn Gốc"));
            String path = "/api/v1/members/" + id;
            String etag = Api.etag(path);
            Outcome winner = Races.onlyWinner(Races.race(THREADS, i -> patch(path, Map.of("fullName", "Nguyễn Văn Số " + i), etag)),
                    200, 412, "PRECONDITION_FAILED");

            given().get(path).then().statusCode(200)
                    .header("ETag", equalTo(winner.etag()))
                    .body("fullName", equalTo(winner.json().getString("fullName")));
        }
    }

    @Test
    void racingPatchesWithoutIfMatchNeverFailSilentlyOrWithA500() throws Exception {
        long sid = Api.createSubcommittee();
        long id = Api.createMember(sid, Map.of("fullName", "Nguyễn Văn Gốc"));
        String path = "/api/v1/members/" + id;
        List<Outcome> outcomes = Races.race(THREADS, i -> patch(path, Map.of("phone", "0900 000 " + i), null));
        String summary = outcomes.stream().map(Outcome::toString).collect(Collectors.joining(", "));
        List<Outcome> applied = outcomes.stream().filter(o -> o.status() == 200).toList();
        assertTrue(!applied.isEmpty(), summary);
        assertTrue(outcomes.stream().allMatch(o -> o.status() == 200
                || (o.status() == 409 && "CONCURRENT_MODIFICATION".equals(o.code()))), summary);

        String finalPhone = given().get(path).then().statusCode(200).extract().jsonPath().getString("phone");
        assertTrue(applied.stream().anyMatch(o -> finalPhone.equals(o.json().getString("phone"))),
                "the stored phone is one a 200 reported: " + finalPhone);
    }
}
