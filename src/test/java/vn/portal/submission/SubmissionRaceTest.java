package vn.portal.submission;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.portal.support.Api;
import vn.portal.support.Races;
import vn.portal.support.Races.Outcome;

/** Real concurrent HTTP requests on one submission, released together: one wins, the others get the rule's code. */
@QuarkusTest
class SubmissionRaceTest {

    private static final int THREADS = 32;
    private static final int ROUNDS = 3;

    @TestHTTPResource("/")
    URI root;

    private HttpRequest post(String path, String json, String ifMatch) {
        return Races.request(root.resolve(path), "POST", "application/json", json, ifMatch);
    }

    private HttpRequest action(long submissionId, String action, String ifMatch) {
        String body = "return".equals(action) ? "{\"reason\":\"Đề nghị bổ sung số liệu.\"}" : null;
        return post("/api/v1/submissions/" + submissionId + "/" + action, body, ifMatch);
    }

    private record Slot(long milestoneId, long responsibilityId) {
    }

    private static Slot slot() {
        long sid = Api.createSubcommittee();
        long responsibilityId = Api.createResponsibility(sid, Api.createMember(sid, "MEMBER"), "Kinh tế",
                "Báo cáo chính trị", "LEAD");
        long milestoneId = Api.createMilestone(sid, "2099-12-31", Map.of("responsibilityIds", List.of(responsibilityId)));
        return new Slot(milestoneId, responsibilityId);
    }

    private static long draft() {
        Slot slot = slot();
        return Api.createSubmission(slot.milestoneId(), slot.responsibilityId());
    }

    private static String submission(long id) {
        return "/api/v1/submissions/" + id;
    }

    @Test
    void racingSubmitsOnOneDraftSubmitItOnce() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            long id = draft();

            List<Outcome> outcomes = Races.race(THREADS, i -> action(id, "submit", null));

            Outcome winner = Races.onlyWinner(outcomes, 200, 409, "INVALID_TRANSITION");
            assertEquals(1, winner.json().getInt("revision"));
            for (Outcome loser : outcomes) {
                if (loser != winner) {
                    assertEquals(List.of("return", "accept", "comment"), loser.json().getList("allowedActions"));
                }
            }
            given().get(submission(id)).then().statusCode(200)
                    .body("status", equalTo("SUBMITTED")).body("revision", equalTo(1))
                    .header("ETag", equalTo(winner.etag()));
        }
    }

    @Test
    void racingAcceptAgainstReturnLetsExactlyOneDecide() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            long id = draft();
            Api.submit(id);

            List<Outcome> outcomes = Races.race(THREADS, i -> action(id, i % 2 == 0 ? "accept" : "return", null));

            Outcome winner = Races.onlyWinner(outcomes, 200, 409, "INVALID_TRANSITION");
            String decided = winner.json().getString("status");
            assertTrue(List.of("ACCEPTED", "RETURNED").contains(decided), decided);
            given().get(submission(id)).then().statusCode(200)
                    .body("status", equalTo(decided)).header("ETag", equalTo(winner.etag()));
        }
    }

    @Test
    void racingCreatesForOneMilestoneAndResponsibilityLeaveExactlyOne() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Slot slot = slot();

            List<Outcome> outcomes = Races.race(THREADS, i -> post("/api/v1/milestones/" + slot.milestoneId() + "/submissions",
                    "{\"responsibilityId\":" + slot.responsibilityId() + ",\"title\":\"Số liệu, bảng biểu " + i + "\"}",
                    null));

            Outcome winner = Races.onlyWinner(outcomes, 201, 409, "SUBMISSION_EXISTS");
            long created = winner.json().getLong("id");
            for (Outcome loser : outcomes) {
                if (loser != winner) {
                    assertEquals(created, loser.json().getLong("conflictingId"), "conflictingId names the winner");
                }
            }
            given().get("/api/v1/milestones/" + slot.milestoneId() + "/submissions").then().statusCode(200)
                    .body("totalItems", equalTo(1)).body("items[0].id", equalTo((int) created));
        }
    }

    @Test
    void racingActionsWithTheSameIfMatchLetExactlyOneThrough() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            long id = draft();
            String etag = Api.etag(submission(id));

            Outcome submitted = Races.onlyWinner(Races.race(THREADS, i -> action(id, "submit", etag)), 200, 412, "PRECONDITION_FAILED");
            assertEquals(1, submitted.json().getInt("revision"));

            String reviewed = submitted.etag();
            Outcome decided = Races.onlyWinner(Races.race(THREADS, i -> action(id, i % 2 == 0 ? "accept" : "return", reviewed)),
                    200, 412, "PRECONDITION_FAILED");
            given().get(submission(id)).then().statusCode(200)
                    .body("status", equalTo(decided.json().getString("status")))
                    .header("ETag", equalTo(decided.etag()));
        }
    }
}
