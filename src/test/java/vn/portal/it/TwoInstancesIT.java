package vn.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.portal.support.Receiver;
import vn.portal.support.StandardWebhooks;
import vn.portal.support.TestDatabase;

/**
 * Two instances of the packaged service on one PostgreSQL database, as behind a load balancer:
 * started together on an empty database, then racing writes sent to both in turn. Nothing the
 * service keeps may depend on which instance a request reaches: no lost update, no duplicate,
 * the same answer to every read from either, the login throttle and a changed password alike, the
 * change feed read through both in turn, the deadline reminders both send, and a webhook both deliver to.
 */
class TwoInstancesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RACERS = 32;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> figures = new ArrayList<>();
    private RunningService[] instances;

    @Test
    void racingWritesThroughTwoInstancesLoseNothingAndDuplicateNothing() throws Exception {
        assumeTrue(TestDatabase.isPostgresql(), "two instances share a PostgreSQL database; H2 is embedded in one");
        // the deadline reminders' job every second on both, so that their runs meet; a webhook to a local receiver
        try (Receiver receiver = new Receiver();
                RunningService a = new RunningService(Files.createTempDirectory("portal-two"), "two_instances_a",
                        "portal.events.reminders-every=1s", "portal.webhooks.allow-http=true",
                        "portal.webhooks.allow-private-targets=true");
                RunningService b = a.secondInstance("two_instances_b")) {
            instances = new RunningService[] {a, b};
            // both migrate and create the first admin on the same empty database at once
            race(2, i -> () -> {
                instances[i].start();
                return null;
            });
            long subcommittee = created(send(0, "POST", "/api/v1/subcommittees", subcommitteeBody("HAI-" + System.nanoTime())));

            sameIfMatchLetsExactlyOneThrough(subcommittee);
            readModifyWriteLosesNoUpdate(subcommittee);
            racingCodesLeaveOne();
            racingRetriesWithOneKeyCreateOne(subcommittee);
            failedLoginsCountOnBothAndANewPasswordHoldsOnBoth();
            everyReadIsTheSameFromBoth(subcommittee);
            theFeedReadThroughEitherInstanceMissesAndRepeatsNothing(subcommittee);
            bothInstancesRemindingSendEachReminderOnce(subcommittee);
            aWebhookServedByBothGetsEachEventOnceInFeedOrder(receiver);
            System.out.println("TwoInstancesIT: " + String.join("; ", figures));
        }
    }

    private void sameIfMatchLetsExactlyOneThrough(long subcommittee) throws Exception {
        long member = created(send(0, "POST", "/api/v1/subcommittees/" + subcommittee + "/members", memberBody("Gốc")));
        String path = "/api/v1/members/" + member;
        String etag = send(1, "GET", path, null).headers().firstValue("ETag").orElseThrow();
        List<HttpResponse<String>> outcomes = race(RACERS, i -> () -> send(i % 2, request(i % 2, "PATCH", path,
                "{\"position\":\"Phiên bản " + i + "\"}").header("If-Match", etag)));
        assertEquals(1, count(outcomes, 200), summary(outcomes));
        assertEquals(RACERS - 1, count(outcomes, 412), summary(outcomes));
        HttpResponse<String> winner = outcomes.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
        for (int instance = 0; instance < 2; instance++) {
            HttpResponse<String> read = send(instance, "GET", path, null);
            assertEquals(JSON.readTree(winner.body()), JSON.readTree(read.body()));
            assertEquals(winner.headers().firstValue("ETag"), read.headers().firstValue("ETag"));
        }
        figures.add(RACERS + " PATCHes with one If-Match: 1 × 200, " + count(outcomes, 412) + " × 412");
    }

    /** Workers on both instances each add one to a counter by read, change, write with If-Match, retrying on 412. */
    private void readModifyWriteLosesNoUpdate(long subcommittee) throws Exception {
        long member = created(send(0, "POST", "/api/v1/subcommittees/" + subcommittee + "/members", memberBody("Đếm")));
        String path = "/api/v1/members/" + member;
        send(0, "PATCH", path, "{\"position\":\"0\"}");
        int workers = 8;
        int increments = 10;
        List<Integer> retries = race(workers, w -> () -> {
            int refused = 0;
            for (int done = 0; done < increments;) {
                HttpResponse<String> read = send((w + done) % 2, "GET", path, null);
                int value = Integer.parseInt(JSON.readTree(read.body()).get("position").asText());
                HttpResponse<String> write = send((w + done + 1) % 2, request((w + done + 1) % 2, "PATCH", path,
                        "{\"position\":\"" + (value + 1) + "\"}").header("If-Match", read.headers().firstValue("ETag").orElseThrow()));
                if (write.statusCode() == 200) {
                    done++;
                } else {
                    assertEquals(412, write.statusCode(), write.body());
                    refused++;
                }
            }
            return refused;
        });
        String stored = JSON.readTree(send(1, "GET", path, null).body()).get("position").asText();
        assertEquals(String.valueOf(workers * increments), stored, "an increment was lost");
        figures.add(workers * increments + " read-modify-writes across both: none lost ("
                + retries.stream().mapToInt(Integer::intValue).sum() + " refused with 412 and retried)");
    }

    private void racingCodesLeaveOne() throws Exception {
        String code = "DUY-NHAT-" + System.nanoTime();
        List<HttpResponse<String>> outcomes = race(RACERS, i -> () -> send(i % 2, "POST", "/api/v1/subcommittees",
                subcommitteeBody(i % 3 == 0 ? code.toLowerCase() : code)));
        assertEquals(1, count(outcomes, 201), summary(outcomes));
        assertEquals(RACERS - 1, outcomes.stream().filter(r -> r.statusCode() == 409 && r.body().contains("CODE_TAKEN")).count(),
                summary(outcomes));
        for (int instance = 0; instance < 2; instance++) {
            JsonNode page = JSON.readTree(send(instance, "GET", "/api/v1/subcommittees?q=" + code, null).body());
            assertEquals(1, page.get("totalItems").asInt());
        }
        figures.add(RACERS + " creates of one code: 1 × 201, " + (RACERS - 1) + " × 409 CODE_TAKEN");
    }

    private void racingRetriesWithOneKeyCreateOne(long subcommittee) throws Exception {
        String key = "hai-may-" + System.nanoTime();
        String path = "/api/v1/subcommittees/" + subcommittee + "/members";
        String body = memberBody("Thử lại");
        int before = JSON.readTree(send(0, "GET", path, null).body()).get("totalItems").asInt();
        List<HttpResponse<String>> outcomes = race(8, i -> () -> send(i % 2,
                request(i % 2, "POST", path, body).header("Idempotency-Key", key)));
        List<Long> ids = new ArrayList<>();
        for (HttpResponse<String> outcome : outcomes) {
            if (outcome.statusCode() == 201) {
                ids.add(JSON.readTree(outcome.body()).get("id").asLong());
            } else {
                assertEquals(409, outcome.statusCode(), outcome.body());
                assertTrue(outcome.body().contains("IDEMPOTENCY_KEY_IN_USE"), outcome.body());
            }
        }
        assertEquals(1, ids.stream().distinct().count(), summary(outcomes));
        for (int instance = 0; instance < 2; instance++) {
            HttpResponse<String> retry = send(instance, request(instance, "POST", path, body).header("Idempotency-Key", key));
            assertEquals(201, retry.statusCode());
            assertEquals(ids.get(0), JSON.readTree(retry.body()).get("id").asLong());
            assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElse(null));
            assertEquals(before + 1, JSON.readTree(send(instance, "GET", path, null).body()).get("totalItems").asInt());
        }
        figures.add("8 simultaneous retries with one Idempotency-Key: 1 member (" + count(outcomes, 201) + " × 201, "
                + count(outcomes, 409) + " × 409 IN_USE)");
    }

    private void failedLoginsCountOnBothAndANewPasswordHoldsOnBoth() throws Exception {
        String username = "hai-may-" + System.nanoTime() % 1_000_000;
        String password = "mật-khẩu-hai-máy";
        long user = created(send(0, "POST", "/api/v1/users",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"roles\":[\"AUDITOR\"]}"));
        // remembered on b, then changed through a: b must refuse the old one at once
        assertEquals(200, send(1, request(1, "GET", "/api/v1/me", null).setHeader("Authorization", basic(username, password))).statusCode());
        HttpResponse<String> changed = send(0, "PATCH", "/api/v1/users/" + user, "{\"password\":\"mật-khẩu-mới-hai-máy\"}");
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals(401, send(1, request(1, "GET", "/api/v1/me", null).setHeader("Authorization", basic(username, password))).statusCode());
        // that was failure 1; four more, spread over both, make the next attempt wait 1 s; three more
        // failures after waiting make it 8 s, long enough to ask both instances
        int failures = 1;
        while (failures < 8) {
            int instance = failures % 2;
            HttpResponse<String> attempt = send(instance, request(instance, "GET", "/api/v1/me", null)
                    .setHeader("Authorization", basic(username, "sai-" + failures)));
            if (attempt.statusCode() == 429) {
                Thread.sleep(Long.parseLong(attempt.headers().firstValue("Retry-After").orElseThrow()) * 1000 + 100);
            } else {
                assertEquals(401, attempt.statusCode(), attempt.body());
                failures++;
            }
        }
        for (int instance = 0; instance < 2; instance++) {
            HttpResponse<String> throttled = send(instance, request(instance, "GET", "/api/v1/me", null)
                    .setHeader("Authorization", basic(username, "mật-khẩu-mới-hai-máy")));
            assertEquals(429, throttled.statusCode(), "instance " + instance + ": " + throttled.body());
        }
        figures.add("failed logins counted across both (429 on either), a new password refused the old one on the other at once");
    }

    private void everyReadIsTheSameFromBoth(long subcommittee) throws Exception {
        for (String path : List.of("/api/v1/subcommittees/" + subcommittee, "/api/v1/subcommittees/" + subcommittee
                + "/members?size=100", "/api/v1/subcommittees?size=100", "/api/v1/users?size=100")) {
            HttpResponse<String> fromA = send(0, "GET", path, null);
            HttpResponse<String> fromB = send(1, "GET", path, null);
            assertEquals(200, fromA.statusCode(), fromA.body());
            assertEquals(JSON.readTree(fromA.body()), JSON.readTree(fromB.body()), path);
            assertEquals(fromA.headers().firstValue("ETag"), fromB.headers().firstValue("ETag"), path);
        }
    }

    /**
     * The change feed read through both instances in turn, five events at a time, while racing
     * creations go to both (each instance numbering events as they commit, under the database's
     * lock): every creation's event is read once, and no event twice.
     */
    private void theFeedReadThroughEitherInstanceMissesAndRepeatsNothing(long subcommittee) throws Exception {
        String start = feedHead();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService poller = Executors.newSingleThreadExecutor();
        try {
            Future<List<JsonNode>> polled = poller.submit(() -> {
                List<JsonNode> events = new ArrayList<>();
                String cursor = start;
                for (int turn = 0; ; turn++) {
                    boolean written = !writing.get();
                    HttpResponse<String> response = send(turn % 2, "GET", "/api/v1/events?limit=5&after=" + cursor, null);
                    assertEquals(200, response.statusCode(), response.body());
                    JsonNode page = JSON.readTree(response.body());
                    page.get("items").forEach(events::add);
                    cursor = page.get("next").asText();
                    if (written && page.get("items").isEmpty()) {
                        return events;
                    }
                }
            });
            List<Long> made = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (HttpResponse<String> response : race(RACERS, i -> () -> send(i % 2, "POST",
                        "/api/v1/subcommittees/" + subcommittee + "/members", memberBody("luồng " + i)))) {
                    made.add(created(response));
                }
            }
            writing.set(false);
            List<JsonNode> events = polled.get(120, TimeUnit.SECONDS);
            List<Long> ids = events.stream().map(e -> e.get("id").asLong()).toList();
            assertEquals(ids.size(), new HashSet<>(ids).size(), "an event read twice");
            Set<Long> members = events.stream().filter(e -> e.get("type").asText().equals("member.created"))
                    .map(e -> e.get("entityId").asLong()).collect(Collectors.toSet());
            assertEquals(new HashSet<>(made), members, "every creation's event, read through either instance");
            figures.add(events.size() + " feed events read through both instances in turn, 5 at a time, while "
                    + made.size() + " members were created through both: none missed, none twice");
        } finally {
            poller.shutdownNow();
        }
    }

    /**
     * Milestones created through both instances, half due tomorrow and half overdue, while both run
     * the deadline reminders' job every second on the real clock: each gets its one reminder, and a
     * few more runs of each later still no second one.
     */
    private void bothInstancesRemindingSendEachReminderOnce(long subcommittee) throws Exception {
        String start = feedHead();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        long began = System.nanoTime();
        Map<Long, String> expected = new TreeMap<>();
        List<HttpResponse<String>> created = race(RACERS, i -> () -> send(i % 2, "POST",
                "/api/v1/subcommittees/" + subcommittee + "/milestones", JSON.writeValueAsString(Map.of(
                        "title", "Mốc hai máy " + i, "dueOn", (i % 2 == 0 ? today.plusDays(1) : today.minusDays(1)).toString()))));
        for (HttpResponse<String> response : created) {
            JsonNode milestone = JSON.readTree(response.body());
            assertEquals(201, response.statusCode(), response.body());
            expected.put(milestone.get("id").asLong(), LocalDate.parse(milestone.get("dueOn").asText()).isAfter(today)
                    ? "milestone.due_soon" : "milestone.overdue");
        }
        Map<Long, List<String>> reminded = new TreeMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (reminded.size() < expected.size() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            reminded = remindersSince(start, expected.keySet());
        }
        long allIn = Duration.ofNanos(System.nanoTime() - began).toMillis();
        Thread.sleep(3000); // three more runs of each instance
        reminded = remindersSince(start, expected.keySet());
        Map<Long, List<String>> once = new TreeMap<>();
        expected.forEach((id, type) -> once.put(id, List.of(type)));
        assertEquals(once, reminded, "one reminder per milestone, whichever instance sent it");
        figures.add(expected.size() + " milestones created through both instances, both running the reminders' job every "
                + "second: each reminded once, all within " + allIn + " ms of the first creation");
    }

    /** The reminders after {@code cursor} of each of {@code milestones}, read through both instances in turn. */
    private Map<Long, List<String>> remindersSince(String cursor, Set<Long> milestones) throws Exception {
        Map<Long, List<String>> reminded = new TreeMap<>();
        for (int turn = 0; ; turn++) {
            JsonNode page = JSON.readTree(send(turn % 2, "GET", "/api/v1/events?limit=500&after=" + cursor, null).body());
            for (JsonNode event : page.get("items")) {
                String type = event.get("type").asText();
                long id = event.get("entityId").asLong();
                if (type.matches("milestone\\.(due_soon|overdue)") && milestones.contains(id)) {
                    reminded.computeIfAbsent(id, k -> new ArrayList<>()).add(type);
                }
            }
            cursor = page.get("next").asText();
            if (page.get("items").size() < 500) {
                return reminded;
            }
        }
    }

    private String feedHead() throws Exception {
        return readFeed(null, new ArrayList<>());
    }

    /**
     * A webhook that both instances serve (each runs the dispatcher every second, one at a time under
     * the webhook's lease): the events of 50 creations sent to the two in turn reach its receiver once
     * each, in the feed's order, each verifying with the secret of the 201.
     */
    private void aWebhookServedByBothGetsEachEventOnceInFeedOrder(Receiver receiver) throws Exception {
        int changes = 50;
        long subcommittee = created(send(0, "POST", "/api/v1/subcommittees", subcommitteeBody("MOC-" + System.nanoTime())));
        String head = readFeed(null, new ArrayList<>());
        HttpResponse<String> registered = send(1, "POST", "/api/v1/webhooks", JSON.writeValueAsString(Map.of(
                "url", receiver.url("/hooks"), "eventTypes", List.of("member.created"))));
        long hook = created(registered);
        String secret = JSON.readTree(registered.body()).get("secret").asText();
        Instant started = Instant.now();
        List<Long> made = new ArrayList<>();
        for (int i = 0; i < changes; i++) {
            made.add(created(send(i % 2, "POST", "/api/v1/subcommittees/" + subcommittee + "/members", memberBody("móc " + i))));
        }
        Instant written = Instant.now();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (receiver.requests().size() < changes && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(3000); // three passes of each instance more: nothing comes twice
        List<Receiver.Request> got = receiver.requests();
        List<String> messageIds = got.stream().map(r -> r.header("webhook-id")).toList();
        assertEquals(changes, messageIds.size(), "each event once: " + messageIds);
        assertEquals(changes, new HashSet<>(messageIds).size(), "a webhook-id twice: " + messageIds);
        for (Receiver.Request request : got) {
            StandardWebhooks.verify(secret, request, request.receivedAt());
        }
        List<JsonNode> events = new ArrayList<>();
        readFeed(head, events);
        assertEquals(events.stream().filter(e -> e.get("type").asText().equals("member.created"))
                .map(e -> e.get("id").asLong()).toList(),
                got.stream().map(r -> WebhookDeliveryIT.body(r).get("id").asLong()).toList(), "the feed's events, in the feed's order");
        assertEquals(made, got.stream().map(r -> WebhookDeliveryIT.body(r).get("entityId").asLong()).toList());
        JsonNode log = JSON.readTree(send(0, "GET", "/api/v1/webhooks/" + hook + "/deliveries?size=100", null).body());
        assertEquals(changes, log.get("items").size());
        log.get("items").forEach(d -> {
            assertEquals("SUCCEEDED", d.get("status").asText(), d.toString());
            assertEquals(1, d.get("attempts").asInt(), d.toString());
        });
        Instant last = got.get(got.size() - 1).receivedAt();
        figures.add(changes + " creations sent to both in turn in " + Duration.between(started, written).toMillis()
                + " ms, to a webhook both serve: each event delivered once, in feed order, signed (first change → "
                + "first delivery " + Duration.between(started, got.get(0).receivedAt()).toMillis() + " ms, last change → "
                + "last delivery " + Duration.between(written, last).toMillis() + " ms)");
    }

    /** Reads the change feed from {@code after} (null: its start) to its end into {@code into}; the cursor there. */
    private String readFeed(String after, List<JsonNode> into) throws Exception {
        String cursor = after;
        while (true) {
            JsonNode page = JSON.readTree(send(0, "GET", "/api/v1/events?limit=500" + (cursor == null ? "" : "&after=" + cursor),
                    null).body());
            page.get("items").forEach(into::add);
            cursor = page.get("next").asText();
            if (page.get("items").size() < 500) {
                return cursor;
            }
        }
    }

    private HttpRequest.Builder request(int instance, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instances[instance].baseUri() + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", RunningService.AUTHORIZATION)
                .header("Accept", "application/json");
        if (body == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(int instance, String method, String path, String body) throws Exception {
        HttpResponse<String> response = send(instance, request(instance, method, path, body));
        assertTrue(response.statusCode() < 500, response.statusCode() + " " + response.body());
        return response;
    }

    private HttpResponse<String> send(int instance, HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertTrue(response.statusCode() < 500, "instance " + instance + ": " + response.statusCode() + " " + response.body());
        return response;
    }

    private static long created(HttpResponse<String> response) throws Exception {
        assertEquals(201, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("id").asLong();
    }

    private static <T> List<T> race(int racers, IntFunction<Callable<T>> racer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Callable<T> work = racer.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(180, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long count(List<HttpResponse<String>> outcomes, int status) {
        return outcomes.stream().filter(r -> r.statusCode() == status).count();
    }

    private static String summary(List<HttpResponse<String>> outcomes) {
        return new TreeMap<>(outcomes.stream().collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting())))
                .toString();
    }

    private static String subcommitteeBody(String code) throws Exception {
        return JSON.writeValueAsString(Map.of("code", code, "name", "Tiểu ban hai máy", "kind", "OTHER",
                "congress", "Đại hội thử", "termStart", 2020, "termEnd", 2025));
    }

    private static String memberBody(String name) throws Exception {
        return JSON.writeValueAsString(Map.of("fullName", "Thành viên " + name, "role", "MEMBER",
                "email", "m" + System.nanoTime() + "@thanhuy.vn"));
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
