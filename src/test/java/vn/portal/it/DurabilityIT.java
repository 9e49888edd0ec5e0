package vn.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A write answered 2xx survives the JVM being killed with SIGKILL right after. Writers keep
 * creating and changing rows while the service is killed; after each restart on the same
 * database (the H2 file, or the PostgreSQL database of a -Ppostgresql build) every acknowledged
 * row is there with exactly the acknowledged content. (H2's default write delay loses dozens of
 * such rows and hands their ids out again.)
 */
class DurabilityIT {

    private static final int ROUNDS = 3;
    private static final int WRITERS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** PATCHes sent but not answered when the service died: they may or may not have committed. */
    private final Map<Long, String> inFlight = new ConcurrentHashMap<>();

    /** The change feed as read on from {@link #cursor} after each start. */
    private final List<JsonNode> events = new ArrayList<>();
    private String cursor;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void acknowledgedWritesSurviveSigkill() throws Exception {
        Path dataDir = Files.createTempDirectory("portal-durability");
        Map<Long, JsonNode> acknowledged = new ConcurrentHashMap<>();
        try (RunningService service = new RunningService(dataDir, "durability")) {
            service.start();
            // the first admin's password hash is made beside the start-up: a login the moment the
            // service is ready waits for it rather than finding no user
            assertEquals(200, service.get("/api/v1/users?size=1").statusCode(),
                    "the first admin logs in as soon as a fresh service is ready");
            for (int round = 1; round <= ROUNDS; round++) {
                if (round > 1) {
                    service.start();
                }
                verify(service, acknowledged);
                readFeedOn(service);
                long subcommittee = createSubcommittee(service, round);
                int before = acknowledged.size();
                writeUntilKilled(service, subcommittee, round, acknowledged);
                assertTrue(acknowledged.size() - before > WRITERS, "too few writes were acknowledged to prove anything");
            }
            service.start();
            verify(service, acknowledged);
            readFeedOn(service);
            verifyFeed(service, acknowledged);
            System.out.printf("DurabilityIT: %d acknowledged writes checked after %d SIGKILLs on %s, and %d events "
                    + "of the change feed read on from a cursor across the restarts%n", acknowledged.size(), ROUNDS,
                    vn.portal.support.TestDatabase.isPostgresql() ? "PostgreSQL" : "H2", events.size());
        }
    }

    private void writeUntilKilled(RunningService service, long subcommittee, int round, Map<Long, JsonNode> acknowledged)
            throws Exception {
        int before = acknowledged.size();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.submit(() -> {
                for (int i = 0; !killed.get(); i++) {
                    String email = "r" + round + "w" + writer + "n" + i + "@thanhuy.vn";
                    String body = JSON.writeValueAsString(Map.of("fullName", "Thành viên " + email,
                            "role", "MEMBER", "email", email, "organization", "Vòng " + round));
                    try {
                        HttpResponse<String> created = send(service, "POST",
                                "/api/v1/subcommittees/" + subcommittee + "/members", body);
                        if (created.statusCode() == 201) {
                            JsonNode member = JSON.readTree(created.body());
                            acknowledged.put(member.get("id").asLong(), member);
                            // and change it, so updates are checked as well as inserts
                            long id = member.get("id").asLong();
                            String position = "Đã sửa " + i;
                            inFlight.put(id, position);
                            HttpResponse<String> changed = send(service, "PATCH", "/api/v1/members/" + id,
                                    JSON.writeValueAsString(Map.of("position", position)));
                            if (changed.statusCode() == 200) {
                                acknowledged.put(id, JSON.readTree(changed.body()));
                                inFlight.remove(id);
                            }
                        }
                    } catch (java.io.IOException dropped) {
                        // the service died under this request: it was never acknowledged
                    }
                }
                return null;
            });
        }
        // kill once the writes flow (a loaded machine may take seconds for the first ones), mid-stream
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acknowledged.size() - before < 4 * WRITERS && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(1000);
        service.kill();
        killed.set(true);
        writers.shutdown();
        assertTrue(writers.awaitTermination(30, TimeUnit.SECONDS));
    }

    private void verify(RunningService service, Map<Long, JsonNode> acknowledged) throws Exception {
        List<String> lost = new ArrayList<>();
        for (Map.Entry<Long, JsonNode> entry : acknowledged.entrySet()) {
            HttpResponse<String> read = send(service, "GET", "/api/v1/members/" + entry.getKey(), null);
            if (read.statusCode() != 200 || !isAcknowledgedOrInFlight(entry.getKey(), entry.getValue(),
                    JSON.readTree(read.body()))) {
                lost.add(entry.getKey() + " → " + read.statusCode() + " " + read.body());
            }
        }
        assertEquals(List.of(), lost, "acknowledged writes lost or changed after SIGKILL");
    }

    /** Reads the change feed on from the cursor kept since the last read, as an agency does after each restart. */
    private void readFeedOn(RunningService service) throws Exception {
        cursor = readFeed(service, cursor, events);
    }

    private String readFeed(RunningService service, String after, List<JsonNode> into) throws Exception {
        String next = after;
        while (true) {
            HttpResponse<String> read = send(service, "GET", "/api/v1/events?limit=500" + (next == null ? "" : "&after=" + next), null);
            assertEquals(200, read.statusCode(), read.body());
            JsonNode page = JSON.readTree(read.body());
            page.get("items").forEach(into::add);
            next = page.get("next").asText();
            if (page.get("items").size() < 500) {
                return next;
            }
        }
    }

    /**
     * The feed read on across the kills is the feed read at once from its start: nothing missed,
     * nothing twice; and each member's last event carries the member as stored (no change without
     * its event), while every member an event created exists (no event without its change).
     */
    private void verifyFeed(RunningService service, Map<Long, JsonNode> acknowledged) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        readFeed(service, null, all);
        assertEquals(all.stream().map(e -> e.get("id").asLong()).toList(), events.stream().map(e -> e.get("id").asLong()).toList(),
                "the feed read on from a cursor across the restarts against the feed read at once");
        Map<Long, JsonNode> lastOfMember = new java.util.HashMap<>();
        for (JsonNode event : all) {
            if (event.get("entityType").asText().equals("member")) {
                lastOfMember.put(event.get("entityId").asLong(), event.get("data"));
            }
        }
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<Long, JsonNode> member : lastOfMember.entrySet()) {
            HttpResponse<String> read = send(service, "GET", "/api/v1/members/" + member.getKey(), null);
            if (read.statusCode() != 200 || !JSON.readTree(read.body()).equals(member.getValue())) {
                wrong.add(member.getKey() + ": stored " + read.statusCode() + " " + read.body() + ", last event " + member.getValue());
            }
        }
        for (Long id : acknowledged.keySet()) {
            if (!lastOfMember.containsKey(id)) {
                wrong.add(id + ": acknowledged, and no event");
            }
        }
        assertEquals(List.of(), wrong, "members whose events disagree with what is stored");
    }

    /** Exactly what was acknowledged, or that plus the one unanswered PATCH, never anything else. */
    private boolean isAcknowledgedOrInFlight(long id, JsonNode acknowledged, JsonNode stored) {
        if (stored.equals(acknowledged)) {
            return true;
        }
        String pending = inFlight.get(id);
        if (pending == null || stored.get("version").asLong() != acknowledged.get("version").asLong() + 1) {
            return false;
        }
        com.fasterxml.jackson.databind.node.ObjectNode expected = acknowledged.deepCopy();
        expected.put("position", pending);
        expected.set("updatedAt", stored.get("updatedAt"));
        expected.set("version", stored.get("version"));
        return stored.equals(expected);
    }

    private long createSubcommittee(RunningService service, int round) throws Exception {
        HttpResponse<String> created = send(service, "POST", "/api/v1/subcommittees", JSON.writeValueAsString(Map.of(
                "code", "KILL-" + round + "-" + System.nanoTime() % 100000, "name", "Tiểu ban thử vòng " + round,
                "kind", "OTHER", "congress", "Đại hội thử", "termStart", 2020, "termEnd", 2025)));
        assertEquals(201, created.statusCode(), created.body());
        return JSON.readTree(created.body()).get("id").asLong();
    }

    private HttpResponse<String> send(RunningService service, String method, String path, String body)
            throws java.io.IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.baseUri() + path))
                .timeout(Duration.ofSeconds(20)).header("Authorization", RunningService.AUTHORIZATION);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
