package vn.portal.events;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.apache.http.entity.mime.HttpMultipartMode;
import org.junit.jupiter.api.Test;
import vn.portal.common.persistence.Changes;
import vn.portal.common.write.Written;
import vn.portal.support.Api;
import vn.portal.support.Feed;
import vn.portal.support.FixedClock;

@QuarkusTest
class EventFeedTest {

    @Inject
    EventOutbox outbox;

    @Inject
    EventSequencer sequencer;

    @Inject
    EntityManager em;

    /** "type #entityId" of each event after {@code cursor}, in feed order. */
    private static List<String> typesSince(String cursor) {
        return Feed.since(cursor).stream().map(e -> e.get("type") + " #" + e.get("entityId")).toList();
    }

    private static long id(io.restassured.response.Response response) {
        return response.then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void everyWriteOfEveryKindHasItsEventInOrder() {
        String cursor = Feed.head();
        long sid = Api.createSubcommittee();
        given().contentType("application/json").body(Map.of("name", "Tiểu ban Văn kiện (sửa)"))
                .patch("/api/v1/subcommittees/" + sid).then().statusCode(200);
        long member = Api.createMember(sid, "MEMBER");
        given().contentType("application/json").body(Map.of("phone", "0901234567"))
                .patch("/api/v1/members/" + member).then().statusCode(200);
        long resp = Api.createResponsibility(sid, member, "Kinh tế", "Báo cáo chính trị", "LEAD");
        given().contentType("application/json").body(Map.of("area", "Kinh tế - Xã hội"))
                .patch("/api/v1/responsibilities/" + resp).then().statusCode(200);
        long milestone = Api.createMilestone(sid, "2020-02-22", Map.of("responsibilityIds", List.of(resp)));
        given().contentType("application/json").body(Map.of("title", "Dự thảo lần 2"))
                .patch("/api/v1/milestones/" + milestone).then().statusCode(200);
        long submission = Api.createSubmission(milestone, resp);
        given().contentType("application/json").body(Map.of("content", "Tăng trưởng GRDP 7,2%"))
                .patch("/api/v1/submissions/" + submission).then().statusCode(200);
        long attachment = id(given().config(RestAssured.config()
                .httpClient(HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.RFC6532)))
                .multiPart("file", "bao-cao.pdf", "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), "application/pdf")
                .post("/api/v1/submissions/" + submission + "/attachments"));
        given().delete("/api/v1/submissions/" + submission + "/attachments/" + attachment).then().statusCode(204);
        Api.submit(submission);
        long comment = Api.createComment(submission);
        Api.disposeComment(comment, "INCORPORATED");
        Api.returnSubmission(submission, "Đề nghị bổ sung số liệu.");
        Api.submit(submission);
        Api.accept(submission);
        long user = Api.createUser();
        given().contentType("application/json").body(Map.of("displayName", "Lê Minh"))
                .patch("/api/v1/users/" + user).then().statusCode(200);
        long other = Api.createSubcommittee();
        long spare = Api.createMember(other, "MEMBER");
        given().delete("/api/v1/members/" + spare).then().statusCode(204);
        given().delete("/api/v1/subcommittees/" + other).then().statusCode(204);

        assertEquals(List.of("subcommittee.created #" + sid, "subcommittee.updated #" + sid, "member.created #" + member,
                "member.updated #" + member, "responsibility.created #" + resp, "responsibility.updated #" + resp,
                "milestone.created #" + milestone, "milestone.updated #" + milestone, "submission.created #" + submission,
                "submission.updated #" + submission, "attachment.created #" + attachment,
                "attachment.deleted #" + attachment, "submission.submitted #" + submission, "comment.created #" + comment,
                "comment.disposed #" + comment, "submission.returned #" + submission,
                "submission.submitted #" + submission, "submission.accepted #" + submission, "user.created #" + user,
                "user.updated #" + user, "subcommittee.created #" + other, "member.created #" + spare,
                "member.deleted #" + spare, "subcommittee.deleted #" + other), typesSince(cursor));
    }

    @Test
    void anEventCarriesTheObjectAfterTheChangeAndADeletionTheObjectBeforeIt() {
        String cursor = Feed.head();
        long sid = Api.createSubcommittee();
        long member = Api.createMember(sid, "SECRETARY");
        given().contentType("application/json").body(Map.of("phone", "0901234567"))
                .patch("/api/v1/members/" + member).then().statusCode(200);
        Map<String, Object> current = given().get("/api/v1/members/" + member).then().statusCode(200).extract()
                .jsonPath().getMap("$");
        given().delete("/api/v1/members/" + member).then().statusCode(204);

        List<Map<String, Object>> events = Feed.since(cursor);
        assertEquals(4, events.size(), events.toString());
        Map<String, Object> updated = events.get(2);
        assertEquals("member.updated", updated.get("type"));
        assertEquals("member", updated.get("entityType"));
        assertEquals(sid, ((Number) updated.get("subcommitteeId")).longValue());
        assertEquals("admin", updated.get("actor"));
        assertTrue(((String) updated.get("occurredAt")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z"));
        Map<String, Object> expected = new java.util.HashMap<>(current);
        expected.remove(EventOutbox.CALLERS_OWN);
        assertEquals(expected, updated.get("data"));
        assertEquals(expected, events.get(3).get("data"), "a deletion carries the object as it was");
        assertEquals("member.deleted", events.get(3).get("type"));
    }

    @Test
    void aWriteWhoseTransactionFailsAfterItsEventLeavesNeitherTheChangeNorTheEvent() {
        String cursor = Feed.head();
        long entries = auditEntries();
        String code = "T-" + Api.unique();
        ThrowAfterOutbox.eventsBeforeThrow = -1;
        given().contentType("application/json").body(Map.of("code", code, "name", ThrowAfterOutbox.MARK + code,
                "kind", "DOCUMENTS", "congress", "Đại hội XXV", "termStart", 2020, "termEnd", 2025))
                .post("/api/v1/subcommittees").then().statusCode(500);

        assertEquals(1, ThrowAfterOutbox.eventsBeforeThrow, "the outbox had written the event when the step failed");
        given().queryParam("q", code).get("/api/v1/subcommittees").then().statusCode(200).body("totalItems", equalTo(0));
        assertEquals(List.of(), typesSince(cursor), "no event without its change");
        assertEquals(entries, auditEntries(), "nor an audit entry");
    }

    @Test
    void aRefusedWriteAnUnchangingPatchAndARepeatedRequestAddNoEvent() {
        long sid = Api.createSubcommittee();
        String member = "u" + Api.unique();
        Api.createMember(sid, Map.of("role", "MEMBER", "userId", Api.createUserNamed(member)));
        long other = Api.createMember(sid, Map.of("phone", "0901"));
        String stale = Api.etag("/api/v1/members/" + other);
        given().contentType("application/json").body(Map.of("phone", "0902")).patch("/api/v1/members/" + other)
                .then().statusCode(200);
        String key = "feed-" + Api.unique();
        long made = id(Api.json().header("Idempotency-Key", key).body(Map.of("title", "Mốc một lần", "dueOn", "2020-03-01"))
                .post("/api/v1/subcommittees/" + sid + "/milestones"));
        String cursor = Feed.head();

        Api.json().header("If-Match", stale).body(Map.of("phone", "0903")).patch("/api/v1/members/" + other)
                .then().spec(Api.problem(412, "PRECONDITION_FAILED"));
        Api.as(member).body(Map.of("phone", "0904")).patch("/api/v1/members/" + other)
                .then().spec(Api.problem(403, "FORBIDDEN"));
        Api.json().body(Map.of("fullName", "Trưởng ban", "role", "HEAD", "email", "h" + Api.unique() + "@thanhuy.vn"))
                .post("/api/v1/subcommittees/" + sid + "/members").then().statusCode(201);
        Api.json().body(Map.of("fullName", "Trưởng ban thứ hai", "role", "HEAD", "email", "k" + Api.unique()
                + "@thanhuy.vn")).post("/api/v1/subcommittees/" + sid + "/members")
                .then().spec(Api.problem(409, "HEAD_ALREADY_ASSIGNED"));
        given().contentType("application/json").body(Map.of("phone", "0902")).patch("/api/v1/members/" + other)
                .then().statusCode(200);
        assertEquals(made, id(Api.json().header("Idempotency-Key", key)
                .body(Map.of("title", "Mốc một lần", "dueOn", "2020-03-01"))
                .post("/api/v1/subcommittees/" + sid + "/milestones")), "the first answer, replayed");

        List<String> types = Feed.since(cursor).stream().map(e -> (String) e.get("type")).toList();
        assertEquals(List.of("member.created"), types, "only the head who was appointed");
    }

    @Test
    void readingTheFeedIsNotAChange() {
        Api.createSubcommittee();
        long entries = auditEntries();
        String head = Feed.head();
        Feed.read(null, 500);
        assertEquals(entries, auditEntries(), "no audit entry for a read of the feed");
        assertEquals(List.of(), typesSince(head), "no event for it either");
    }

    private static long auditEntries() {
        return given().queryParam("size", 1).get("/api/v1/audit").then().statusCode(200).extract().jsonPath()
                .getLong("totalItems");
    }

    @Test
    void transactionsCommittingOutOfOrderAreReadWithoutASkipOrARepeat() throws Exception {
        String start = Feed.head();
        long lower = 9_000_000L + System.nanoTime() % 1_000_000;
        long higher = lower + 1;
        AtomicLong lowerId = new AtomicLong();
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        // the first transaction takes the lower id, then waits before it commits
        CompletableFuture<Void> first = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    lowerId.set(record(lower));
                    inserted.countDown();
                    await(commit);
                });
                first.complete(null);
            } catch (Throwable e) {
                first.completeExceptionally(e);
                inserted.countDown();
            }
        });
        thread.start();
        assertTrue(inserted.await(10, TimeUnit.SECONDS));
        assertTrue(!first.isCompletedExceptionally(), () -> first.handle((v, e) -> e.toString()).join());
        // the second takes a higher id and commits first
        long higherId = QuarkusTransaction.requiringNew().call(() -> record(higher));
        assertTrue(higherId > lowerId.get(), "the later transaction took the higher id");

        JsonPath poll = Feed.read(start, 500);
        assertEquals(List.of(higher), entityIds(poll), "only the committed event is read");
        String afterFirstPoll = poll.getString("next");
        assertEquals(List.of(), entityIds(Feed.read(afterFirstPoll, 500)), "polling again finds nothing new yet");

        commit.countDown();
        first.get(10, TimeUnit.SECONDS);
        JsonPath secondPoll = Feed.read(afterFirstPoll, 500);
        assertEquals(List.of(lower), entityIds(secondPoll), "the event that committed late is read once, after the cursor");
        assertEquals(List.of(), entityIds(Feed.read(secondPoll.getString("next"), 500)));
        assertEquals(List.of(higher, lower), entityIds(Feed.read(start, 500)), "read again from the start: commit order");
    }

    /**
     * Writers whose transactions commit in any order, several sequencers at once (as several
     * instances run theirs: the lock is the database's), and a reader polling in small steps all the
     * while: the reader gets every committed event exactly once, and the positions have no hole.
     */
    @Test
    void manyWritersSeveralSequencersAndAPollingReaderMissAndRepeatNothing() throws Exception {
        String cursor = Feed.head();
        long base = 8_000_000L + System.nanoTime() % 1_000_000 * 1000;
        int writers = 4;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                long first = base + (long) w * each;
                writes.add(pool.submit(() -> {
                    Random random = new Random(first);
                    for (long id = first; id < first + each; id++) {
                        long entityId = id;
                        QuarkusTransaction.requiringNew().run(() -> {
                            record(entityId);
                            sleep(random.nextInt(15));
                        });
                    }
                }));
            }
            List<Future<Integer>> sequencers = new ArrayList<>();
            for (int s = 0; s < 2; s++) {
                sequencers.add(pool.submit(() -> {
                    int runs = 0;
                    while (writing.get()) {
                        sequencer.sequence();
                        runs++;
                    }
                    return runs;
                }));
            }
            List<Long> read = new ArrayList<>();
            while (!writes.stream().allMatch(Future::isDone)) {
                JsonPath page = Feed.read(cursor, 7);
                read.addAll(entityIds(page));
                cursor = page.getString("next");
            }
            for (Future<?> write : writes) {
                write.get();
            }
            while (true) {
                JsonPath page = Feed.read(cursor, 7);
                if (page.getList("items").isEmpty()) {
                    break;
                }
                read.addAll(entityIds(page));
                cursor = page.getString("next");
            }
            List<Long> written = LongStream.range(base, base + writers * each).boxed().toList();
            assertEquals(written.size(), read.size(), "every event read once: " + read);
            assertEquals(new HashSet<>(written), new HashSet<>(read));
            List<Long> positions = em.createQuery("select e.position from Event e where e.entityId >= :from "
                    + "and e.entityId < :to order by e.position", Long.class).setParameter("from", base)
                    .setParameter("to", base + writers * each).getResultList();
            assertEquals(written.size(), positions.get(positions.size() - 1) - positions.get(0) + 1, "no hole");
            writing.set(false);
            for (Future<Integer> runs : sequencers) {
                assertTrue(runs.get(30, TimeUnit.SECONDS) > 0, "each sequencer ran, and never collided with the other");
            }
        } finally {
            writing.set(false);
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long record(long entityId) {
        Changes changes = new Changes();
        changes.by("feed-test");
        outbox.record(new Written("updated", "user", entityId, null, null, Map.of("id", entityId), changes));
        return em.createQuery("select max(e.id) from Event e where e.entityId = :id", Long.class)
                .setParameter("id", entityId).getSingleResult();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(20, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Long> entityIds(JsonPath page) {
        List<Map<String, Object>> items = page.getList("items");
        return items.stream().map(e -> ((Number) e.get("entityId")).longValue()).toList();
    }

    @Test
    void aSmallLimitReadsTheFeedOnePageAfterAnother() {
        String cursor = Feed.head();
        List<Long> made = List.of(Api.createSubcommittee(), Api.createSubcommittee(), Api.createSubcommittee());
        List<Long> read = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JsonPath page = Feed.read(cursor, 1);
            read.addAll(entityIds(page));
            assertNotEquals(cursor, page.getString("next"));
            cursor = page.getString("next");
        }
        assertEquals(made, read);
        JsonPath end = Feed.read(cursor, 1);
        assertEquals(List.of(), entityIds(end));
        assertEquals(cursor, end.getString("next"), "at the end, next is the cursor read from");
        given().get(Feed.EVENTS).then().statusCode(200).body("items.size()", lessThanOrEqualTo(100));
    }

    @Test
    void aMalformedCursorOrLimitIsRefused() {
        String head = Feed.head();
        for (String bad : List.of(" ", "abc", "djE6", "djE6LTE", "djE6MDE", "djI6MQ", "djE6MQ==", head + "A",
                "x".repeat(41), EventCursor.of(Long.parseLong("999999999999999999")))) {
            given().queryParam("after", bad).get(Feed.EVENTS).then().spec(Api.problem(400, "VALIDATION_FAILED"))
                    .body("errors.field", hasItem("after"));
        }
        for (String bad : List.of("0", "501", "-1", "abc", "1.5", " 1")) {
            given().queryParam("limit", bad).get(Feed.EVENTS).then().spec(Api.problem(400, "VALIDATION_FAILED"))
                    .body("errors.field", hasItem("limit"));
        }
        given().queryParam("limit", 500).queryParam("after", head).get(Feed.EVENTS).then().statusCode(200);
        given().auth().none().get(Feed.EVENTS).then().spec(Api.problem(401, "UNAUTHENTICATED"));
    }

    @Test
    void aMemberReadsTheEventsOfTheirSubcommitteesAndTheCursorMovesPastTheOthers() {
        long mine = Api.createSubcommittee();
        String member = "u" + Api.unique();
        long userId = Api.createUserNamed(member);
        Api.createMember(mine, Map.of("role", "MEMBER", "userId", userId));
        String outsider = "u" + Api.unique();
        Api.createUserNamed(outsider);
        String auditor = "u" + Api.unique();
        Api.createUserNamed(auditor, "AUDITOR");
        String cursor = Feed.head();

        long inMine = Api.createMilestone(mine, "2020-03-01", Map.of());
        long elsewhere = Api.createSubcommittee();
        long user = Api.createUser();
        Api.createMilestone(elsewhere, "2020-03-01", Map.of());

        JsonPath asMember = Feed.read(Api.as(member), cursor, 500);
        assertEquals(List.of(inMine), entityIds(asMember));
        String next = asMember.getString("next");
        JsonPath again = Feed.read(Api.as(member), next, 500);
        assertEquals(List.of(), entityIds(again));
        assertEquals(next, again.getString("next"), "next is past every event, seen or not");

        JsonPath asOutsider = Feed.read(Api.as(outsider), cursor, 500);
        assertEquals(List.of(), entityIds(asOutsider));
        assertEquals(next, asOutsider.getString("next"), "an outsider's cursor moves past what they may not see");

        List<String> types = Feed.read(Api.as(auditor), cursor, 500).getList("items.type");
        assertEquals(List.of("milestone.created", "subcommittee.created", "user.created", "milestone.created"), types);
        assertEquals(user, entityIds(Feed.read(Api.as(auditor), cursor, 500)).get(2));
    }

    @Test
    void aCursorOlderThanTheEventsKeptIsExpired() {
        // later than every event kept (a PostgreSQL test database keeps those of earlier runs)
        Instant latest = em.createQuery("select max(e.occurredAt) from Event e", Instant.class).getSingleResult();
        Instant start = latest == null || latest.isBefore(Instant.parse("2100-01-01T00:00:00Z"))
                ? Instant.parse("2100-01-01T00:00:00Z") : latest.plus(Duration.ofDays(1));
        FixedClock clock = FixedClock.install(start);
        String beforeOld = Feed.head();
        long old = Api.createSubcommittee();
        String afterOld = Feed.read(beforeOld, 500).getString("next");
        clock.set(start.plus(Duration.ofDays(90)).plusSeconds(1));
        long young = Api.createSubcommittee();

        assertTrue(sequencer.purge() >= 1);

        given().queryParam("after", beforeOld).get(Feed.EVENTS).then().spec(Api.problem(410, "CURSOR_EXPIRED"));
        assertEquals(List.of(young), entityIds(Feed.read(afterOld, 500)), "a cursor at the last event purged reads on");
        assertEquals(List.of(young), entityIds(Feed.read(null, 500)), "without after: from the oldest event kept");
        assertEquals(0, sequencer.purge(), "nothing younger than the retention goes");
        assertNotEquals(old, young);
    }
}
