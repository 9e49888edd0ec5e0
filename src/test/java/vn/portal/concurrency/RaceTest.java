package vn.portal.concurrency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.junit.jupiter.api.Test;
import vn.portal.support.Api;
import vn.portal.support.Races;
import vn.portal.support.Races.Outcome;

/**
 * Real concurrent HTTP requests released together, 32 at a time: the uniqueness rules hold, by create and
 * by PATCH, the losers get the rule's code, never a 500. If-Match races are IfMatchRaceTest's.
 */
@QuarkusTest
class RaceTest {

    private static final int THREADS = 32;
    private static final int ROUNDS = 2;
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
    void racingPatchesToTheSameCodeInDifferentCaseLeaveExactlyOne() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String code = "vk-doi-" + Api.unique();
            long[] ids = new long[THREADS];
            List<String> variants = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                ids[i] = Api.createSubcommittee();
                variants.add(randomCase(code));
            }
            // nothing queues these: each locks its own subcommittee, so the unique key decides
            Outcome winner = Races.onlyWinner(Races.race(THREADS, i -> patch("/api/v1/subcommittees/" + ids[i],
                    Map.of("code", variants.get(i)), null)), 200, 409, "CODE_TAKEN");

            given().queryParam("q", code).get("/api/v1/subcommittees").then().statusCode(200)
                    .body("totalItems", equalTo(1)).body("items[0].id", equalTo(winner.json().getInt("id")));
        }
    }

    @Test
    void racingPatchesToTheSameEmailInDifferentCaseLeaveExactlyOne() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            long sid = Api.createSubcommittee();
            String email = "van.phong" + Api.unique() + "@thanhuy.vn";
            long[] members = new long[THREADS];
            List<String> variants = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                members[i] = Api.createMember(sid, "MEMBER");
                variants.add(randomCase(email));
            }
            Outcome winner = Races.onlyWinner(Races.race(THREADS, i -> patch("/api/v1/members/" + members[i],
                    Map.of("email", variants.get(i)), null)), 200, 409, "EMAIL_TAKEN");

            given().queryParam("q", email).get("/api/v1/subcommittees/" + sid + "/members").then().statusCode(200)
                    .body("totalItems", equalTo(1)).body("items[0].id", equalTo(winner.json().getInt("id")));
        }
    }

    @Test
    void racingPromotionsToLeadOfTheSameFoldedPairLeaveExactlyOneLead() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            long sid = Api.createSubcommittee();
            long holder = Api.createMember(sid, "MEMBER");
            long[] supports = new long[THREADS];
            for (int i = 0; i < THREADS; i++) {
                supports[i] = Api.createResponsibility(sid, holder, i % 2 == 0 ? "Văn hóa – Xã hội" : "van hoa - xa hoi",
                        i % 3 == 0 ? "Phần I" : "PHẦN  I", "SUPPORT");
            }
            List<Outcome> outcomes = Races.race(THREADS, i -> patch("/api/v1/responsibilities/" + supports[i],
                    Map.of("role", "LEAD"), null));
            Outcome winner = Races.onlyWinner(outcomes, 200, 409, "RESPONSIBILITY_OVERLAP");
            long lead = winner.json().getLong("id");
            for (Outcome outcome : outcomes) {
                if (outcome != winner) {
                    assertEquals(lead, outcome.json().getLong("conflictingId"), "conflictingId names the lead");
                }
            }

            given().queryParam("role", "LEAD").get("/api/v1/subcommittees/" + sid + "/responsibilities")
                    .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].id", equalTo((int) lead));
        }
    }

    @Test
    void racingLinksOfOneUserLeaveOneMemberLinked() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            long sid = Api.createSubcommittee();
            long user = Api.createUser();
            String tag = Api.unique();
            Outcome created = Races.onlyWinner(Races.race(THREADS, i -> post("/api/v1/subcommittees/" + sid + "/members",
                    Map.of("fullName", "Thành viên " + i, "role", "MEMBER", "email", "tv" + i + "." + tag + "@thanhuy.vn",
                            "userId", user))),
                    201, 409, "USER_ALREADY_MEMBER");

            long other = Api.createSubcommittee();
            long[] members = new long[THREADS];
            for (int i = 0; i < THREADS; i++) {
                members[i] = Api.createMember(other, "MEMBER");
            }
            Outcome linked = Races.onlyWinner(Races.race(THREADS, i -> patch("/api/v1/members/" + members[i],
                    Map.of("userId", user), null)), 200, 409, "USER_ALREADY_MEMBER");

            for (Outcome winner : List.of(created, linked)) {
                long subcommittee = winner.json().getLong("subcommitteeId");
                List<Integer> withUser = given().queryParam("size", 100).get("/api/v1/subcommittees/" + subcommittee + "/members")
                        .then().statusCode(200).extract().jsonPath().getList("items.findAll { it.userId != null }.id");
                assertEquals(List.of(winner.json().getInt("id")), withUser);
            }
        }
    }
}
