package vn.portal.submission;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.portal.support.Api;

/** Real concurrent HTTP requests on one submission, released together: one wins, the others get the rule's code. */
@QuarkusTest
class SubmissionRaceTest {

    private static final int THREADS = 10;
    private static final int ROUNDS = 3;
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    @TestHTTPResource("/")
    URI root;

    private record Outcome(int status, String body, String etag) {

        String code() {
            return status >= 400 ? JsonPath.from(body).getString("code") : null;
        }

        JsonPath json() {
            return JsonPath.from(body);
        }

        @Override
        public String toString() {
            return status + (status >= 400 ? " " + code() : "");
        }
    }

    private HttpRequest post(String path, String json, String ifMatch) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(root.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (json == null) {
            builder.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        return builder.build();
    }

    private HttpRequest action(long submissionId, String action, String ifMatch) {
        String body = "return".equals(action) ? "{\"reason\":\"Đề nghị bổ sung số liệu.\"}" : null;
        return post("/api/v1/submissions/" + submissionId + "/" + action, body, ifMatch);
    }

    private static List<Outcome> race(IntFunction<HttpRequest> requestNo) throws Exception {
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            requests.add(requestNo.apply(i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (HttpRequest request : requests) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
                    return new Outcome(response.statusCode(), response.body(),
                            response.headers().firstValue("ETag").orElse(null));
                }));
            }
            assertTrue(ready.await(30, TimeUnit.SECONDS), "the racers did not get ready");
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get(90, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome onlyWinner(List<Outcome> outcomes, int winStatus, int loseStatus, String code) {
        String summary = outcomes.stream().map(Outcome::toString).collect(Collectors.joining(", "));
        List<Outcome> winners = outcomes.stream().filter(o -> o.status() == winStatus).toList();
        assertEquals(1, winners.size(), "exactly one winner expected: " + summary);
        long losers = outcomes.stream().filter(o -> o.status() == loseStatus && code.equals(o.code())).count();
        assertEquals(THREADS - 1, losers, "every other request should answer " + loseStatus + " " + code + ": " + summary);
        return winners.get(0);
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

            List<Outcome> outcomes = race(i -> action(id, "submit", null));

            Outcome winner = onlyWinner(outcomes, 200, 409, "INVALID_TRANSITION");
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

            List<Outcome> outcomes = race(i -> action(id, i % 2 == 0 ? "accept" : "return", null));

            Outcome winner = onlyWinner(outcomes, 200, 409, "INVALID_TRANSITION");
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

            List<Outcome> outcomes = race(i -> post("/api/v1/milestones/" + slot.milestoneId() + "/submissions",
                    "{\"responsibilityId\":" + slot.responsibilityId() + ",\"title\":\"Số liệu, bảng biểu " + i + "\"}",
                    null));

            Outcome winner = onlyWinner(outcomes, 201, 409, "SUBMISSION_EXISTS");
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

            Outcome submitted = onlyWinner(race(i -> action(id, "submit", etag)), 200, 412, "PRECONDITION_FAILED");
            assertEquals(1, submitted.json().getInt("revision"));

            String reviewed = submitted.etag();
            Outcome decided = onlyWinner(race(i -> action(id, i % 2 == 0 ? "accept" : "return", reviewed)),
                    200, 412, "PRECONDITION_FAILED");
            given().get(submission(id)).then().statusCode(200)
                    .body("status", equalTo(decided.json().getString("status")))
                    .header("ETag", equalTo(decided.etag()));
        }
    }
}
