package vn.portal.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/** Real concurrent HTTP requests, each from its own thread, all released at once by one start gate. */
public final class Races {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    private Races() {
    }

    /** What one racer got back. */
    public record Outcome(int status, String body, String etag) {

        public String code() {
            return status >= 400 ? JsonPath.from(body).getString("code") : null;
        }

        public JsonPath json() {
            return JsonPath.from(body);
        }

        @Override
        public String toString() {
            return status + (status >= 400 ? " " + code() : "");
        }
    }

    /** A JSON request; {@code body} and {@code ifMatch} may be null. */
    public static HttpRequest request(URI uri, String method, String contentType, String body, String ifMatch) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json").header("Authorization", LoggedInAsAdmin.AUTHORIZATION);
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        return builder.build();
    }

    public static List<Outcome> race(int racers, IntFunction<HttpRequest> requestNo) throws Exception {
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            requests.add(requestNo.apply(i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch ready = new CountDownLatch(racers);
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

    /** Exactly one request won with {@code winStatus}; every other one lost with {@code loseStatus} and {@code code}. */
    public static Outcome onlyWinner(List<Outcome> outcomes, int winStatus, int loseStatus, String code) {
        String summary = outcomes.stream().map(Outcome::toString).collect(Collectors.joining(", "));
        List<Outcome> winners = outcomes.stream().filter(o -> o.status() == winStatus).toList();
        assertEquals(1, winners.size(), "exactly one winner expected: " + summary);
        long losers = outcomes.stream().filter(o -> o.status() == loseStatus && code.equals(o.code())).count();
        assertEquals(outcomes.size() - 1, losers, "every other request should answer " + loseStatus + " " + code + ": " + summary);
        return winners.get(0);
    }
}
