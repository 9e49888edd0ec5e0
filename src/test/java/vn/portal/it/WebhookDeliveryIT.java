package vn.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import vn.portal.support.Receiver;
import vn.portal.support.StandardWebhooks;
import vn.portal.support.TestDatabase;

/**
 * Webhooks as an integrating agency receives them, from the packaged service delivering on its own
 * schedule to a real HTTP receiver in this JVM: a delivery that fails before the service is killed
 * with SIGKILL is made after the restart on the same data, with the same {@code webhook-id}, each
 * attempt signed so that a Standard Webhooks library verifies it at the moment it arrives, and the
 * events behind it follow in feed order. (Two instances delivering: {@link TwoInstancesIT}.)
 */
class WebhookDeliveryIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDeliveryFailingWhenTheServiceIsKilledIsMadeAfterTheRestartWithTheSameWebhookId() throws Exception {
        try (Receiver receiver = new Receiver().otherwise(Receiver.Answer.status(500));
                RunningService service = new RunningService(Files.createTempDirectory("portal-webhooks"), "webhook_delivery",
                        "portal.webhooks.allow-http=true", "portal.webhooks.allow-private-targets=true",
                        "portal.webhooks.retry-delays=1s,2s,3s,60s")) {
            service.start();
            assertEquals(200, service.get("/api/v1/users?size=1").statusCode(), "the first admin logs in");
            String cursor = feedHead(service);
            JsonNode webhook = created(service.send("POST", "/api/v1/webhooks", JSON.writeValueAsString(Map.of(
                    "url", receiver.url("/hooks"), "eventTypes", List.of("subcommittee.created"),
                    "description", "Văn phòng Thành ủy"))));
            long hook = webhook.get("id").asLong();
            String secret = webhook.get("secret").asText();

            long first = createSubcommittee(service);
            Instant changed = Instant.now();
            long second = createSubcommittee(service);

            JsonNode failing = awaitRetryPending(service, hook, receiver, about(first));
            service.kill();
            Instant killed = Instant.now();
            int attemptsBeforeKill = failing.get("attempts").asInt();
            receiver.otherwise(Receiver.Answer.status(200));

            service.start();
            Instant ready = Instant.now();
            // a kill in the middle of a pass leaves its lease (2 min) for the next start to wait out
            awaitRequests(receiver, about(second), 1, Duration.ofMinutes(3));
            long third = createSubcommittee(service);
            Instant thirdChanged = Instant.now();
            awaitRequests(receiver, about(third), 1, Duration.ofSeconds(30));
            Thread.sleep(1500); // a pass more: nothing further comes

            List<Receiver.Request> got = receiver.requests();
            List<Long> entities = got.stream().map(r -> body(r).get("entityId").asLong()).toList();
            int firstAttempts = (int) entities.stream().filter(e -> e == first).count();
            List<Long> expected = new ArrayList<>();
            for (int i = 0; i < firstAttempts; i++) {
                expected.add(first);
            }
            expected.addAll(List.of(second, third));
            assertEquals(expected, entities, "each attempt of the first event, then the second, then the third");
            assertTrue(firstAttempts > attemptsBeforeKill, "the first event was tried again after the restart");
            for (Receiver.Request request : got) {
                StandardWebhooks.verify(secret, request, request.receivedAt());
                assertEquals("subcommittee.created", request.header("X-Portal-Event"));
            }
            List<String> ids = got.stream().map(r -> r.header("webhook-id")).distinct().toList();
            assertEquals(3, ids.size(), "one webhook-id per event, the same on every attempt: " + ids);
            assertEquals(feedIds(service, cursor), got.stream().map(r -> body(r).get("id").asLong()).distinct().toList(),
                    "the feed's events, in the feed's order");

            JsonNode log = page(service, "/api/v1/webhooks/" + hook + "/deliveries?size=100");
            assertEquals(List.of("SUCCEEDED", "SUCCEEDED", "SUCCEEDED"), texts(log, "status"));
            assertEquals(List.of(third, second, first).stream().map(e -> eventOf(got, e)).toList(), longs(log, "eventId"),
                    "newest first");
            JsonNode firstDelivery = log.get(2);
            assertEquals(ids.get(0), firstDelivery.get("messageId").asText());
            assertEquals(firstAttempts, firstDelivery.get("attempts").asInt(), "every attempt received is in the log");
            JsonNode attempts = page(service, "/api/v1/webhooks/" + hook + "/deliveries/" + firstDelivery.get("id").asLong()
                    + "/attempts?size=100");
            List<Integer> statuses = new ArrayList<>();
            List<Instant> at = new ArrayList<>();
            attempts.forEach(a -> {
                statuses.add(a.get("responseStatus").asInt());
                at.add(Instant.parse(a.get("attemptedAt").asText()));
            });
            List<Integer> expectedStatuses = new ArrayList<>();
            for (int i = 1; i < firstAttempts; i++) {
                expectedStatuses.add(500);
            }
            expectedStatuses.add(200);
            assertEquals(expectedStatuses, statuses);
            long beforeKill = at.stream().filter(t -> t.isBefore(killed)).count();
            assertEquals(attemptsBeforeKill, beforeKill, "the attempts before the kill, as the log showed them then: " + at);
            assertTrue(at.get(at.size() - 1).isAfter(killed), "the last attempt came after the restart: " + at);
            Instant due = Instant.parse(failing.get("nextAttemptAt").asText());
            assertTrue(!at.get(at.size() - 1).isBefore(due), "the retry kept its time across the restart: due " + due
                    + ", made " + at.get(at.size() - 1));

            List<Instant> firstReceived = got.stream().filter(about(first)).map(Receiver.Request::receivedAt).toList();
            List<String> gaps = new ArrayList<>();
            for (int i = 1; i < firstReceived.size(); i++) {
                gaps.add(millis(firstReceived.get(i - 1), firstReceived.get(i)));
            }
            Instant secondReceived = got.stream().filter(about(second)).findFirst().orElseThrow().receivedAt();
            Instant thirdReceived = got.stream().filter(about(third)).findFirst().orElseThrow().receivedAt();
            System.out.printf("WebhookDeliveryIT (%s, retry-delays 1s,2s,3s,60s, a pass every 1 s): change → first "
                    + "attempt %s; between the attempts of the first event %s (%d before the SIGKILL, answered 500, "
                    + "%d after, the last answered 200); kill → ready again %s (the retry was due %s after the kill); "
                    + "ready → the retry %s; its 200 → the "
                    + "second event (held back behind it) %s; a change after the restart → its delivery %s%n",
                    TestDatabase.isPostgresql() ? "PostgreSQL" : "H2", millis(changed, firstReceived.get(0)), gaps,
                    attemptsBeforeKill, firstAttempts - attemptsBeforeKill, millis(killed, ready), millis(killed, due),
                    millis(ready, firstReceived.get(firstReceived.size() - 1)),
                    millis(firstReceived.get(firstReceived.size() - 1), secondReceived), millis(thirdChanged, thirdReceived));
        }
    }

    /**
     * Waits until the first event's delivery has failed at least twice, PENDING, with every attempt
     * received also recorded and no further one coming on the heels of the last (made by the same
     * pass when it was already due): the moment to kill the service with a retry pending. The pass
     * that made the last attempt has let the webhook's lease go by then, and the next pass is most of a
     * second away (a kill within a pass would leave its lease, 2 min, for the restart to wait out).
     * Returns the delivery as its log shows it then.
     */
    private static JsonNode awaitRetryPending(RunningService service, long hook, Receiver receiver,
            Predicate<Receiver.Request> event) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode log = page(service, "/api/v1/webhooks/" + hook + "/deliveries?size=100");
            if (log.size() > 0) {
                JsonNode oldest = log.get(log.size() - 1);
                int attempts = oldest.get("attempts").asInt();
                if (attempts >= 2 && attempts == receiver.requests(event).size()
                        && "PENDING".equals(oldest.get("status").asText())
                        && Instant.parse(oldest.get("lastAttemptAt").asText()).isAfter(Instant.now().minusMillis(400))) {
                    Thread.sleep(150);
                    if (receiver.requests(event).size() == attempts) {
                        return oldest;
                    }
                }
            }
            Thread.sleep(30);
        }
        throw new AssertionError("no retry pending after two failed attempts within 90 s: " + receiver.requests().size()
                + " received");
    }

    private static void awaitRequests(Receiver receiver, Predicate<Receiver.Request> which, int count, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (receiver.requests(which).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(count + " requests not received within " + within + "; received: "
                        + receiver.requests().stream().map(r -> r.header("webhook-id") + " " + r.text()).toList());
            }
            Thread.sleep(50);
        }
    }

    static Predicate<Receiver.Request> about(long entityId) {
        return r -> body(r).get("entityId").asLong() == entityId;
    }

    static JsonNode body(Receiver.Request request) {
        try {
            return JSON.readTree(request.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + request.text(), e);
        }
    }

    private static long eventOf(List<Receiver.Request> got, long entityId) {
        return body(got.stream().filter(about(entityId)).findFirst().orElseThrow()).get("id").asLong();
    }

    private static long createSubcommittee(RunningService service) throws Exception {
        return created(service.send("POST", "/api/v1/subcommittees", JSON.writeValueAsString(Map.of(
                "code", "HOOK-" + System.nanoTime(), "name", "Tiểu ban nhận sự kiện", "kind", "OTHER",
                "congress", "Đại hội thử", "termStart", 2020, "termEnd", 2025)))).get("id").asLong();
    }

    private static JsonNode created(HttpResponse<String> response) throws Exception {
        assertEquals(201, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static JsonNode page(RunningService service, String path) throws Exception {
        HttpResponse<String> response = service.get(path);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("items");
    }

    /** The change feed's cursor past its last event. */
    private static String feedHead(RunningService service) throws Exception {
        String cursor = null;
        while (true) {
            JsonNode page = JSON.readTree(service.get("/api/v1/events?limit=500" + (cursor == null ? "" : "&after=" + cursor)).body());
            cursor = page.get("next").asText();
            if (page.get("items").size() < 500) {
                return cursor;
            }
        }
    }

    /** The ids of the subcommittee.created events of the feed after {@code cursor}, in its order. */
    private static List<Long> feedIds(RunningService service, String cursor) throws Exception {
        JsonNode page = JSON.readTree(service.get("/api/v1/events?limit=500&after=" + cursor).body());
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(e -> {
            if (e.get("type").asText().equals("subcommittee.created")) {
                ids.add(e.get("id").asLong());
            }
        });
        return ids;
    }

    private static List<String> texts(JsonNode items, String field) {
        List<String> values = new ArrayList<>();
        items.forEach(i -> values.add(i.get(field).asText()));
        return values;
    }

    private static List<Long> longs(JsonNode items, String field) {
        List<Long> values = new ArrayList<>();
        items.forEach(i -> values.add(i.get(field).asLong()));
        return values;
    }

    private static String millis(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() + " ms";
    }
}
