package vn.portal.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.portal.events.EventSequencer;
import vn.portal.support.Api;
import vn.portal.support.Feed;
import vn.portal.support.FixedClock;
import vn.portal.support.Receiver;
import vn.portal.support.StandardWebhooks;

@QuarkusTest
class WebhookTest {

    private static final String WEBHOOKS = "/api/v1/webhooks";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    EventSequencer sequencer;

    @Inject
    WebhookMetrics metrics;

    @Inject
    WebhookSender sender;

    @Inject
    jakarta.persistence.EntityManager em;

    private final List<Long> registered = new ArrayList<>();
    private Receiver receiver;
    private FixedClock clock;

    @BeforeEach
    void listen() {
        receiver = new Receiver();
        clock = FixedClock.install(Instant.parse("2020-02-20T02:00:00Z"));
    }

    /** Every webhook a test made is turned off, so that no later test's delivery pass tries its closed receiver. */
    @AfterEach
    void stop() {
        for (long id : registered) {
            given().delete(WEBHOOKS + "/" + id);
        }
        receiver.close();
    }

    private JsonPath register(Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(Map.of("url", receiver.url("/hooks")));
        body.putAll(fields);
        JsonPath created = Api.json().body(body).post(WEBHOOKS).then().statusCode(201).extract().jsonPath();
        registered.add(created.getLong("id"));
        return created;
    }

    /** Every attempt due for this webhook, made on this thread as the scheduled pass would make them. */
    private int deliver(long webhookId) {
        sequencer.catchUp();
        int made = 0;
        for (int made1 = dispatcher.serve(webhookId); made1 > 0; made1 = dispatcher.serve(webhookId)) {
            made += made1;
        }
        return made;
    }

    private static JsonPath deliveries(long webhookId) {
        return given().queryParam("size", 100).get(WEBHOOKS + "/" + webhookId + "/deliveries").then().statusCode(200)
                .extract().jsonPath();
    }

    /** The requests for events of this subcommittee, in the order received. */
    private List<Receiver.Request> about(long subcommitteeId) {
        return receiver.requests(r -> json(r).path("subcommitteeId").asLong() == subcommitteeId);
    }

    private static JsonNode json(Receiver.Request request) {
        try {
            return JSON.readTree(request.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + request.text(), e);
        }
    }

    @Test
    void signaturesAreThoseOfTheStandardWebhooksTestVector() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", Signatures.sign(
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
                "{\"test\": 2432232314}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String secret = Signatures.newSecret();
        assertTrue(secret.startsWith("whsec_"));
        assertEquals(32, java.util.Base64.getDecoder().decode(secret.substring(6)).length);
        assertEquals(null, Signatures.problemWith(secret));
    }

    @Test
    void theSecretIsShownOnceAndNowhereElse() {
        JsonPath created = register(Map.of("description", "Văn phòng Thành ủy", "eventTypes", List.of("milestone.created")));
        long id = created.getLong("id");
        String secret = created.getString("secret");
        assertTrue(secret.matches("whsec_[A-Za-z0-9+/]{43}="), secret);
        Response read = given().get(WEBHOOKS + "/" + id);
        read.then().statusCode(200).body("secret", nullValue()).body("description", equalTo("Văn phòng Thành ủy"))
                .body("eventTypes", equalTo(List.of("milestone.created"))).body("active", equalTo(true))
                .body("disabledReason", nullValue()).body("previousSecretExpiresAt", nullValue());
        assertFalse(read.asString().contains(secret));
        // the 201's ETag is the webhook's own, as its GET gives it
        Response again = Api.json().body(Map.of("url", receiver.url("/other"))).post(WEBHOOKS);
        registered.add(again.jsonPath().getLong("id"));
        given().get(WEBHOOKS + "/" + again.jsonPath().getLong("id")).then().header("ETag", equalTo(again.header("ETag")));
        for (String path : List.of(WEBHOOKS + "?size=100", "/api/v1/audit?entityType=webhook&size=100",
                Feed.EVENTS + "?limit=500")) {
            assertFalse(given().get(path).asString().contains(secret), path + " shows the secret");
        }
        given().accept("text/csv").get(WEBHOOKS).then().statusCode(200).body(not(containsString(secret)));
        given().get("/api/v1/audit?entityType=webhook&entityId=" + id).then().statusCode(200)
                .body("items[0].action", equalTo("created"))
                .body("items[0].changes.find { it.field == 'secret' }.after", equalTo("[hidden]"));
    }

    @Test
    void aSecretSentIsTakenWhenItIsOne() {
        String mine = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        assertEquals(mine, register(Map.of("secret", mine)).getString("secret"));
        for (String bad : List.of("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_not base64!", "whsec_c2hvcnQ=")) {
            Api.json().body(Map.of("url", receiver.url("/x"), "secret", bad)).post(WEBHOOKS).then().statusCode(400)
                    .body("errors[0].field", equalTo("secret"));
        }
        Api.json().body(Map.of("url", receiver.url("/x"), "eventTypes", List.of("milestone.created", "milestone.exploded")))
                .post(WEBHOOKS).then().statusCode(400).body("errors[0].field", equalTo("eventTypes[1]"));
        for (String url : List.of("ftp://example.org/x", "https://", "not a url", "https://user:pw@example.org/x",
                "https://example.org/x#frag")) {
            Api.json().body(Map.of("url", url)).post(WEBHOOKS).then().statusCode(400).body("errors[0].field", equalTo("url"));
        }
        long id = register(Map.of()).getLong("id");
        Api.json().body(Map.of("secret", mine)).patch(WEBHOOKS + "/" + id).then().statusCode(400)
                .body("code", equalTo("READ_ONLY_FIELD"));
    }

    @Test
    void eventsArriveInFeedOrderSignedAsStandardWebhooksVerifyThem() {
        JsonPath created = register(Map.of());
        long id = created.getLong("id");
        String secret = created.getString("secret");
        String cursor = Feed.head();
        long sid = Api.createSubcommittee();
        long member = Api.createMember(sid, "MEMBER");
        Api.json().body(Map.of("phone", "0901234567")).patch("/api/v1/members/" + member).then().statusCode(200);
        deliver(id);
        List<Map<String, Object>> events = Feed.since(cursor);
        List<Receiver.Request> got = about(sid);
        assertEquals(List.of("subcommittee.created", "member.created", "member.updated"),
                got.stream().map(r -> r.header("X-Portal-Event")).toList());
        assertEquals(events.stream().filter(e -> Long.valueOf(sid).equals(((Number) e.getOrDefault("subcommitteeId", -1))
                .longValue())).map(e -> ((Number) e.get("id")).longValue()).toList(),
                got.stream().map(r -> json(r).path("id").asLong()).toList(), "the feed's events, in the feed's order");
        for (Receiver.Request request : got) {
            StandardWebhooks.verify(secret, request, clock.now());
            assertEquals("application/json", request.header("Content-Type"));
            assertTrue(request.header("webhook-id").startsWith("msg_"));
            assertEquals(Long.toString(clock.now().getEpochSecond()), request.header("webhook-timestamp"));
            assertFalse(StandardWebhooks.verifies(Signatures.newSecret(), request, clock.now()));
            assertFalse(StandardWebhooks.verifies(secret, request, clock.now().plus(Duration.ofMinutes(6))),
                    "a delivery replayed later than the tolerance is refused");
        }
        JsonNode body = json(got.get(1));
        assertEquals("member.created", body.path("type").asText());
        assertEquals(member, body.path("entityId").asLong());
        assertEquals("MEMBER", body.path("data").path("role").asText());
        assertTrue(deliveries(id).getList("items.status").stream().allMatch("SUCCEEDED"::equals));
    }

    @Test
    void onlyTheTypesItTakesAndOnlyWhatHappensAfterItWasRegistered() {
        long before = Api.createSubcommittee();
        Api.createMilestone(before, "2020-02-22", Map.of());
        long id = register(Map.of("eventTypes", List.of("milestone.created"))).getLong("id");
        long sid = Api.createSubcommittee();
        long milestone = Api.createMilestone(sid, "2020-02-22", Map.of());
        deliver(id);
        assertEquals(List.of(), about(before));
        List<Receiver.Request> got = receiver.requests();
        assertEquals(1, got.size(), "only milestone.created, and not the earlier one");
        assertEquals(milestone, json(got.get(0)).path("entityId").asLong());
    }

    @Test
    void aFailedDeliveryIsRetriedOnScheduleAndHoldsBackTheNextUntilItSucceeds() {
        long id = register(Map.of("eventTypes", List.of("subcommittee.created"))).getLong("id");
        receiver.answer(500, 502);
        Instant start = clock.now();
        long first = Api.createSubcommittee();
        long second = Api.createSubcommittee();
        assertEquals(1, deliver(id), "the first fails; the second waits behind it");
        JsonPath log = deliveries(id);
        assertEquals(List.of("PENDING", "PENDING"), log.getList("items.status"));
        Map<String, Object> failing = log.getMap("items[1]");
        assertEquals(500, failing.get("lastResponseStatus"));
        assertEquals("HTTP 500", failing.get("lastError"));
        assertEquals(start.plusSeconds(5).toString().replace("Z", ".000Z"), failing.get("nextAttemptAt"));
        assertEquals(0, deliver(id), "not due before 5 s");
        clock.set(start.plusSeconds(5));
        assertEquals(1, deliver(id));
        assertEquals(start.plus(Duration.ofMinutes(5)).toString().replace("Z", ".000Z"),
                deliveries(id).getString("items[1].nextAttemptAt"), "the second retry counts from the first attempt");
        clock.set(start.plus(Duration.ofMinutes(5)));
        assertEquals(2, deliver(id), "the first succeeds, then the second goes");
        assertEquals(List.of(first, first, first, second), receiver.requests().stream()
                .map(r -> json(r).path("entityId").asLong()).toList());
        List<String> ids = receiver.requests().stream().map(r -> r.header("webhook-id")).toList();
        assertEquals(ids.get(0), ids.get(2), "the same webhook-id on every attempt");
        assertNotEquals(ids.get(2), ids.get(3));
        assertNotEquals(receiver.requests().get(0).header("webhook-timestamp"),
                receiver.requests().get(2).header("webhook-timestamp"), "each attempt signs its own timestamp");
        log = deliveries(id);
        assertEquals(List.of("SUCCEEDED", "SUCCEEDED"), log.getList("items.status"));
        assertEquals(3, log.getInt("items[1].attempts"));
        long delivery = log.getLong("items[1].id");
        given().get(WEBHOOKS + "/" + id + "/deliveries/" + delivery + "/attempts").then().statusCode(200)
                .body("items.responseStatus", equalTo(List.of(500, 502, 200)))
                .body("items.error", equalTo(java.util.Arrays.asList("HTTP 500", "HTTP 502", null)));
        given().queryParam("status", "SUCCEEDED").get(WEBHOOKS + "/" + id + "/deliveries").then().statusCode(200)
                .body("items.size()", equalTo(2));
        given().queryParam("status", "LOST").get(WEBHOOKS + "/" + id + "/deliveries").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }

    /** The retry schedule of the contract, counted from the first attempt. */
    private static final List<Duration> DELAYS = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(14),
            Duration.ofHours(20), Duration.ofHours(24));

    @Test
    void theLastRetryComes24HoursAfterTheFirstAttemptThenTheDeliveryFailsAndTheNextGoes() {
        long id = register(Map.of("eventTypes", List.of("subcommittee.created"))).getLong("id");
        receiver.otherwise(Receiver.Answer.status(500));
        Instant start = clock.now();
        Api.createSubcommittee();
        Api.createSubcommittee();
        assertEquals(1, deliver(id));
        for (Duration delay : DELAYS.subList(0, DELAYS.size() - 1)) {
            clock.set(start.plus(delay).minusMillis(1));
            assertEquals(0, deliver(id), "not before +" + delay);
            clock.set(start.plus(delay));
            assertEquals(1, deliver(id), "a retry at +" + delay);
        }
        // the tenth attempt, 24 h after the first, is the last: it succeeds, and the second event goes at once
        receiver.otherwise(Receiver.Answer.status(204));
        clock.set(start.plus(Duration.ofHours(24)));
        assertEquals(2, deliver(id));
        JsonPath log = deliveries(id);
        assertEquals(List.of("SUCCEEDED", "SUCCEEDED"), log.getList("items.status"));
        assertEquals(List.of(1, 10), log.getList("items.attempts"));

        // when the tenth fails too, the delivery is FAILED and the next event goes
        receiver.otherwise(Receiver.Answer.status(500));
        Instant later = clock.now();
        long third = Api.createSubcommittee();
        long fourth = Api.createSubcommittee();
        deliver(id);
        for (Duration delay : DELAYS) {
            clock.set(later.plus(delay));
            deliver(id);
        }
        log = deliveries(id);
        assertEquals("FAILED", log.getString("items[1].status"));
        assertEquals(10, log.getInt("items[1].attempts"));
        assertEquals((Object) null, log.get("items[1].nextAttemptAt"));
        assertEquals("PENDING", log.getString("items[0].status"));
        assertEquals(1, log.getInt("items[0].attempts"), "the next event went once the one before was given up");
        List<Long> sent = receiver.requests().stream().map(r -> json(r).path("entityId").asLong()).toList();
        assertEquals(fourth, sent.get(sent.size() - 1));
        assertEquals(10, sent.stream().filter(e -> e == third).count());
        metrics.refresh();
        String scraped = given().auth().none().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(scraped.contains("portal_webhook_deliveries{status=\"failed\",webhook=\"" + id + "\"} 1.0"), scraped);
        assertTrue(scraped.contains("portal_webhook_deliveries{status=\"pending\",webhook=\"" + id + "\"} 1.0"));
    }

    @Test
    void aLongerRetryAfterOn429Or503IsHonoured() {
        long id = register(Map.of("eventTypes", List.of("subcommittee.created"))).getLong("id");
        receiver.answer(new Receiver.Answer(503, Map.of("Retry-After", "1"), Duration.ZERO),
                new Receiver.Answer(429, Map.of("Retry-After", "600"), Duration.ZERO));
        Instant start = clock.now();
        Api.createSubcommittee();
        deliver(id);
        assertEquals(start.plusSeconds(5).toString().replace("Z", ".000Z"), deliveries(id).getString("items[0].nextAttemptAt"),
                "a shorter Retry-After leaves the schedule alone");
        clock.set(start.plusSeconds(5));
        deliver(id);
        assertEquals(start.plusSeconds(605).toString().replace("Z", ".000Z"), deliveries(id).getString("items[0].nextAttemptAt"),
                "600 s from the answer rather than the schedule's 5 min from the first attempt");
    }

    @Test
    void a410DisablesTheWebhookAndRedirectsAreNotFollowed() {
        long id = register(Map.of("eventTypes", List.of("subcommittee.created"))).getLong("id");
        receiver.answer(new Receiver.Answer(302, Map.of("Location", receiver.url("/elsewhere")), Duration.ZERO),
                Receiver.Answer.status(410));
        Instant start = clock.now();
        Api.createSubcommittee();
        Api.createSubcommittee();
        deliver(id);
        assertEquals("HTTP 302 (redirects are not followed)", deliveries(id).getString("items[1].lastError"));
        clock.set(start.plusSeconds(5));
        deliver(id);
        assertEquals(List.of("/hooks", "/hooks"), receiver.requests().stream().map(Receiver.Request::path).toList());
        given().get(WEBHOOKS + "/" + id).then().statusCode(200).body("active", equalTo(false))
                .body("disabledReason", startsWith("The target answered 410 Gone"));
        JsonPath log = deliveries(id);
        assertEquals(List.of("PENDING", "FAILED"), log.getList("items.status"));
        clock.set(start.plus(Duration.ofHours(1)));
        assertEquals(0, deliver(id), "a disabled webhook is sent nothing");
        given().get("/api/v1/audit?entityType=webhook&entityId=" + id).then().statusCode(200)
                .body("items[0].action", equalTo("disabled")).body("items[0].actor", equalTo("system"));
        // on again: what was waiting goes, then what happens from now on
        String tag = given().get(WEBHOOKS + "/" + id).header("ETag");
        given().header("If-Match", tag).contentType("application/merge-patch+json; charset=UTF-8").body(Map.of("active", true))
                .patch(WEBHOOKS + "/" + id).then().statusCode(200).body("disabledReason", nullValue());
        deliver(id);
        assertEquals(List.of("SUCCEEDED", "FAILED"), deliveries(id).getList("items.status"));
    }

    @Test
    void aRotatedSecretSignsBesideTheOldOneFor24Hours() {
        JsonPath created = register(Map.of("eventTypes", List.of("subcommittee.created")));
        long id = created.getLong("id");
        String old = created.getString("secret");
        Response rotated = Api.json().post(WEBHOOKS + "/" + id + "/rotate-secret");
        rotated.then().statusCode(200).body("previousSecretExpiresAt", equalTo("2020-02-21T02:00:00.000Z"));
        String fresh = rotated.jsonPath().getString("secret");
        assertNotEquals(old, fresh);
        given().get(WEBHOOKS + "/" + id).then().header("ETag", equalTo(rotated.header("ETag"))).body("secret", nullValue());
        Api.createSubcommittee();
        deliver(id);
        Receiver.Request both = receiver.requests().get(0);
        assertEquals(2, both.header("webhook-signature").split(" ").length);
        StandardWebhooks.verify(fresh, both, clock.now());
        StandardWebhooks.verify(old, both, clock.now());
        clock.set(clock.now().plus(Duration.ofHours(24)));
        dispatcher.drain();
        given().get(WEBHOOKS + "/" + id).then().body("previousSecretExpiresAt", nullValue());
        Api.createSubcommittee();
        deliver(id);
        Receiver.Request one = receiver.requests().get(1);
        assertEquals(1, one.header("webhook-signature").split(" ").length);
        StandardWebhooks.verify(fresh, one, clock.now());
        assertFalse(StandardWebhooks.verifies(old, one, clock.now()), "the old secret is gone");
        given().get("/api/v1/audit?entityType=webhook&entityId=" + id).then()
                .body("items.action", hasItem("secret_rotated"));
    }

    @Test
    void aRedeliveryKeepsItsWebhookIdAndGoesAgain() {
        long id = register(Map.of("eventTypes", List.of("subcommittee.created"))).getLong("id");
        Api.createSubcommittee();
        deliver(id);
        long delivery = deliveries(id).getLong("items[0].id");
        String path = WEBHOOKS + "/" + id + "/deliveries/" + delivery;
        Response read = given().get(path);
        read.then().statusCode(200).body("status", equalTo("SUCCEEDED"));
        Api.json().header("If-Match", "\"stale\"").post(path + "/redeliver").then().statusCode(412);
        Api.json().header("If-Match", read.header("ETag")).post(path + "/redeliver").then().statusCode(200)
                .body("status", equalTo("PENDING")).body("attempts", equalTo(1));
        assertEquals(1, deliver(id));
        assertEquals(2, receiver.requests().size());
        assertEquals(receiver.requests().get(0).header("webhook-id"), receiver.requests().get(1).header("webhook-id"));
        given().get(path).then().body("status", equalTo("SUCCEEDED")).body("attempts", equalTo(2));
        given().get(path + "/attempts").then().body("items.size()", equalTo(2));
        given().accept("text/csv").get(WEBHOOKS + "/" + id + "/deliveries").then().statusCode(200)
                .body(startsWith("\uFEFFid,webhookId,eventId,eventType,messageId,status,attempts"));
        given().accept("text/csv").get(path + "/attempts").then().statusCode(200);
        given().get("/api/v1/audit?entityType=webhook_delivery&entityId=" + delivery).then().statusCode(200)
                .body("items[0].action", equalTo("redelivered"));
        long other = register(Map.of()).getLong("id");
        given().get(WEBHOOKS + "/" + other + "/deliveries/" + delivery).then().statusCode(404);
        Api.json().post(WEBHOOKS + "/" + other + "/deliveries/" + delivery + "/redeliver").then().statusCode(404);
        given().get(WEBHOOKS + "/999999/deliveries").then().statusCode(404);
    }

    @Test
    void anAttemptThatTakesTooLongTimesOut() {
        long id = register(Map.of("eventTypes", List.of("subcommittee.created"))).getLong("id");
        receiver.answer(new Receiver.Answer(200, Map.of(), Duration.ofSeconds(5)));
        Api.createSubcommittee();
        deliver(id);
        JsonPath log = deliveries(id);
        assertEquals("timed out after 3 s", log.getString("items[0].lastError"));
        assertEquals((Object) null, log.get("items[0].lastResponseStatus"));
        assertTrue(log.getLong("items[0].lastDurationMs") >= 3000);
    }

    @Test
    void racingPassesDeliverEachEventOnce() throws Exception {
        long id = register(Map.of("eventTypes", List.of("member.created"))).getLong("id");
        receiver.otherwise(new Receiver.Answer(200, Map.of(), Duration.ofMillis(20)));
        long sid = Api.createSubcommittee();
        for (int i = 0; i < 10; i++) {
            Api.createMember(sid, "MEMBER");
        }
        sequencer.catchUp();
        // as many passes as instances would run, at once, each on its own thread
        java.util.concurrent.ExecutorService racers = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> passes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            passes.add(racers.submit((Callable<Integer>) () -> {
                go.await();
                return deliver(id);
            }));
        }
        go.countDown();
        int made = 0;
        for (java.util.concurrent.Future<Integer> pass : passes) {
            made += pass.get();
        }
        racers.shutdown();
        assertEquals(10, made, "one pass holds the lease; the others make no attempt");
        deliver(id);
        List<String> ids = receiver.requests().stream().map(r -> r.header("webhook-id")).toList();
        assertEquals(10, ids.size(), "each event once: " + ids);
        assertEquals(10, ids.stream().distinct().count());
        List<Long> members = receiver.requests().stream().map(r -> json(r).path("entityId").asLong()).toList();
        assertEquals(members.stream().sorted().toList(), members, "in order");
    }

    @Test
    void aReplayWithItsIdempotencyKeyDoesNotShowTheSecretAgainNorIsItKeptWithTheKey() {
        String key = "hook-" + Api.unique();
        Map<String, Object> body = Map.of("url", receiver.url("/hooks"), "eventTypes", List.of("subcommittee.created"));
        Response first = Api.json().header("Idempotency-Key", key).body(body).post(WEBHOOKS);
        first.then().statusCode(201);
        registered.add(first.jsonPath().getLong("id"));
        String secret = first.jsonPath().getString("secret");
        Response replay = Api.json().header("Idempotency-Key", key).body(body).post(WEBHOOKS);
        replay.then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first.jsonPath().getInt("id")))
                .body("secret", nullValue()).header("ETag", equalTo(first.header("ETag")));
        Response rotated = Api.json().header("Idempotency-Key", key + "-rotate")
                .post(WEBHOOKS + "/" + first.jsonPath().getLong("id") + "/rotate-secret");
        Api.json().header("Idempotency-Key", key + "-rotate").post(WEBHOOKS + "/" + first.jsonPath().getLong("id")
                + "/rotate-secret").then().statusCode(200).body("secret", nullValue())
                .header("ETag", equalTo(rotated.header("ETag")));
        long kept = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(r) from IdempotencyRecord r where r.responseBody like :a or r.responseBody like :b", Long.class)
                .setParameter("a", "%" + secret + "%").setParameter("b", "%" + rotated.jsonPath().getString("secret") + "%")
                .getSingleResult());
        assertEquals(0, kept, "no secret is kept with an Idempotency-Key");
    }

    @Test
    void webhooksOwnEventsAreAdminsAloneAndNeverDelivered() {
        Api.json().body(Map.of("url", receiver.url("/x"), "eventTypes", List.of("webhook.created"))).post(WEBHOOKS)
                .then().statusCode(400).body("errors[0].field", equalTo("eventTypes[0]"));
        long id = register(Map.of()).getLong("id");
        long auditor = Api.createUser("AUDITOR");
        String cursor = Feed.head();
        given().contentType("application/merge-patch+json; charset=UTF-8").body(Map.of("description", "đổi"))
                .patch(WEBHOOKS + "/" + id).then().statusCode(200);
        assertEquals(List.of("webhook.updated"), Feed.since(cursor).stream().map(e -> e.get("type")).toList(),
                "ADMIN reads it");
        io.restassured.path.json.JsonPath seen = Feed.read(Api.as(Api.usernameOf(auditor)), cursor, 500);
        assertEquals(List.of(), seen.getList("items"), "an AUDITOR does not: only ADMIN reads webhooks");
        deliver(id);
        assertEquals(List.of(), receiver.requests(r -> r.header("X-Portal-Event").startsWith("webhook")),
                "nor does any webhook receive it");
    }

    @Test
    void retryAfterAsADateOrTooLargeAWait() {
        clock.set(Instant.parse("2020-02-20T02:00:00Z"));
        assertEquals(Duration.ofSeconds(90), sender.retryAfter("Thu, 20 Feb 2020 02:01:30 GMT"));
        assertEquals(Duration.ZERO, sender.retryAfter("Thu, 20 Feb 2020 01:00:00 GMT"));
        assertEquals(Duration.ofHours(24), sender.retryAfter("99999999999999999"));
        assertEquals(Duration.ofHours(24), sender.retryAfter("9999999999999999999999"), "no overflow");
        assertEquals(null, sender.retryAfter("soon"));
        assertEquals(Duration.ofSeconds(7), sender.retryAfter(" 7 "));
    }

    @Test
    void aSlotAlreadyPassedIsSkippedAndTheScheduleEndsAfterItsLastTime() {
        Instant start = Instant.parse("2020-02-20T02:00:00Z");
        assertEquals(start.plusSeconds(5), dispatcher.nextAttempt(start, start.plusMillis(200), null));
        assertEquals(start.plus(Duration.ofMinutes(5)), dispatcher.nextAttempt(start, start.plusSeconds(20), null),
                "an attempt that took 20 s is not followed at once by the 5 s one");
        assertEquals(start.plus(Duration.ofHours(2)), dispatcher.nextAttempt(start, start.plus(Duration.ofMinutes(31)),
                Duration.ofMinutes(10)), "a shorter Retry-After leaves the schedule alone");
        assertEquals(start.plus(Duration.ofMinutes(45)), dispatcher.nextAttempt(start, start.plus(Duration.ofMinutes(5)),
                Duration.ofMinutes(40)), "a longer one is waited for");
        assertEquals(null, dispatcher.nextAttempt(start, start.plus(Duration.ofHours(24)), null), "given up at +24 h");
    }
}
