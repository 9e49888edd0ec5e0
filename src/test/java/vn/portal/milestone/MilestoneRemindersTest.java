package vn.portal.milestone;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.portal.common.time.DueDates;
import vn.portal.support.Api;
import vn.portal.support.Feed;
import vn.portal.support.FixedClock;

/**
 * The deadline reminders as a client of the change feed sees them: the job is run by hand (its
 * schedule is off in the tests) on a fixed day, and the feed is read over HTTP.
 */
@QuarkusTest
class MilestoneRemindersTest {

    /** A due day far from every other test's milestones; each test moves the clock around it. */
    private static final LocalDate DUE = LocalDate.of(2041, 3, 10);

    @Inject
    MilestoneReminders reminders;

    private FixedClock clock;
    private long sid;

    @BeforeEach
    void createASubcommittee() {
        clock = FixedClock.installToday(DUE.minusDays(30));
        sid = Api.createSubcommittee();
    }

    private void standOn(LocalDate today) {
        clock.set(today.atTime(12, 0).atZone(DueDates.ZONE).toInstant());
    }

    /** Runs the job on each of {@code days} in turn. */
    private void remindOn(LocalDate... days) {
        for (LocalDate today : days) {
            standOn(today);
            reminders.remind();
        }
    }

    private long milestoneDue(LocalDate dueOn) {
        return Api.createMilestone(sid, dueOn.toString(), Map.of());
    }

    /** "type #entityId" of each reminder after {@code cursor} for one of {@code ids}, in feed order. */
    private static List<String> remindersSince(String cursor, Long... ids) {
        Set<Long> wanted = Set.of(ids);
        return Feed.since(cursor).stream()
                .filter(e -> ((String) e.get("type")).matches("milestone\\.(due_soon|overdue)"))
                .filter(e -> wanted.contains(((Number) e.get("entityId")).longValue()))
                .map(e -> e.get("type") + " #" + e.get("entityId")).toList();
    }

    private static void patch(long id, String body) {
        Api.json().body(body).patch("/api/v1/milestones/" + id).then().statusCode(200);
    }

    @Test
    void dueSoonComesThreeDaysBeforeTheDueDayAndNotFourOnceHoweverOftenTheJobRuns() {
        long id = milestoneDue(DUE);
        String cursor = Feed.head();

        remindOn(DUE.minusDays(4));
        assertEquals(List.of(), remindersSince(cursor, id), "four days before: not yet");

        remindOn(DUE.minusDays(3), DUE.minusDays(3), DUE.minusDays(1), DUE);
        assertEquals(List.of("milestone.due_soon #" + id), remindersSince(cursor, id));
    }

    @Test
    void overdueComesTheDayAfterTheDueDayOnce() {
        long id = milestoneDue(DUE);
        String cursor = Feed.head();

        remindOn(DUE.minusDays(2), DUE);
        assertEquals(List.of("milestone.due_soon #" + id), remindersSince(cursor, id), "on the due day: not overdue yet");
        remindOn(DUE.plusDays(1), DUE.plusDays(1), DUE.plusDays(40));
        assertEquals(List.of("milestone.due_soon #" + id, "milestone.overdue #" + id), remindersSince(cursor, id));
    }

    @Test
    void aMilestoneFirstSeenPastItsDueDayIsOnlyOverdue() {
        long id = milestoneDue(DUE);
        String cursor = Feed.head();

        remindOn(DUE.plusDays(1), DUE.plusDays(2));
        assertEquals(List.of("milestone.overdue #" + id), remindersSince(cursor, id));
    }

    @Test
    void theEventIsTheMilestoneAsItsGetShowsItBySystemInItsSubcommittee() {
        long id = milestoneDue(DUE);
        String cursor = Feed.head();

        remindOn(DUE.minusDays(3));
        Map<String, Object> current = given().get("/api/v1/milestones/" + id).then().statusCode(200).extract()
                .jsonPath().getMap("$");
        List<Map<String, Object>> events = Feed.since(cursor).stream()
                .filter(e -> ((Number) e.get("entityId")).longValue() == id).toList();
        assertEquals(1, events.size(), events.toString());
        Map<String, Object> event = events.get(0);
        assertEquals("milestone.due_soon", event.get("type"));
        assertEquals("milestone", event.get("entityType"));
        assertEquals(sid, ((Number) event.get("subcommitteeId")).longValue());
        assertEquals(MilestoneReminders.ACTOR, event.get("actor"));
        assertEquals(current, event.get("data"));
        assertEquals(current.get("version"), given().get("/api/v1/milestones/" + id).then().extract().path("version"),
                "a reminder is not a change of the milestone");

        remindOn(DUE.plusDays(1));
        Map<String, Object> overdue = Feed.since(cursor).stream()
                .filter(e -> ((Number) e.get("entityId")).longValue() == id && "milestone.overdue".equals(e.get("type")))
                .findFirst().orElseThrow();
        assertEquals(true, ((Map<?, ?>) overdue.get("data")).get("overdue"), "data is the milestone on the day it is sent");
    }

    @Test
    void doneAndCancelledMilestonesGetNone() {
        long done = milestoneDue(DUE);
        long cancelled = milestoneDue(DUE);
        patch(done, "{\"status\":\"DONE\"}");
        patch(cancelled, "{\"status\":\"CANCELLED\"}");
        long inProgress = milestoneDue(DUE);
        patch(inProgress, "{\"status\":\"IN_PROGRESS\"}");
        String cursor = Feed.head();

        remindOn(DUE.minusDays(1), DUE.plusDays(1));
        assertEquals(List.of("milestone.due_soon #" + inProgress, "milestone.overdue #" + inProgress),
                remindersSince(cursor, done, cancelled, inProgress));
    }

    @Test
    void aChangedDueDateMakesThemDueAgain() {
        long id = milestoneDue(DUE);
        String cursor = Feed.head();
        remindOn(DUE.minusDays(3));

        patch(id, "{\"dueOn\":\"" + DUE.plusDays(7) + "\"}");
        remindOn(DUE.minusDays(3), DUE.plusDays(3));
        assertEquals(List.of("milestone.due_soon #" + id), remindersSince(cursor, id), "the new due day is 7 days off");
        remindOn(DUE.plusDays(4), DUE.plusDays(8));
        assertEquals(List.of("milestone.due_soon #" + id, "milestone.due_soon #" + id, "milestone.overdue #" + id),
                remindersSince(cursor, id));

        patch(id, "{\"dueOn\":\"" + DUE + "\"}");
        remindOn(DUE.plusDays(8));
        assertEquals(4, remindersSince(cursor, id).size(), "back to a due date already reminded of: nothing new");
    }

    @Test
    void aMemberOfAnotherSubcommitteeDoesNotSeeTheReminder() {
        String member = "u" + Api.unique();
        Api.createMember(sid, Map.of("role", "MEMBER", "userId", Api.createUserNamed(member)));
        long other = Api.createSubcommittee();
        String outsider = "u" + Api.unique();
        Api.createMember(other, Map.of("role", "MEMBER", "userId", Api.createUserNamed(outsider)));
        long id = milestoneDue(DUE);
        String cursor = Feed.head();

        remindOn(DUE.minusDays(3));
        List<String> mine = Feed.read(Api.as(member), cursor, 500).getList("items", Map.class).stream()
                .filter(e -> ((Number) e.get("entityId")).longValue() == id).map(e -> (String) e.get("type")).toList();
        assertEquals(List.of("milestone.due_soon"), mine);
        List<Object> theirs = Feed.read(Api.as(outsider), cursor, 500).getList("items.entityId");
        assertTrue(theirs.stream().noneMatch(e -> ((Number) e).longValue() == id), theirs.toString());
    }

    @Test
    void theScanCrossesItsBatchesAndADeletedMilestoneTakesItsClaimsWithIt() {
        Long[] ids = LongStream.range(0, 5).mapToObj(i -> milestoneDue(DUE)).toArray(Long[]::new);
        String cursor = Feed.head();

        standOn(DUE.minusDays(3));
        reminders.remind(2);
        assertEquals(5, remindersSince(cursor, ids).size());
        given().delete("/api/v1/milestones/" + ids[0]).then().statusCode(204);
    }

    /** Two instances are several runs at once on one database: each reminder still goes out once. */
    @Test
    void racingRunsSendEachReminderOnce() throws Exception {
        remindOn(DUE.minusDays(3)); // what other tests left due goes first, so that only this test's milestones race
        Long[] ids = LongStream.range(0, 20).mapToObj(i -> milestoneDue(DUE)).toArray(Long[]::new);
        String cursor = Feed.head();

        int runs = 6;
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        CountDownLatch ready = new CountDownLatch(runs);
        CountDownLatch start = new CountDownLatch(1);
        List<Integer> sent = new ArrayList<>();
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return reminders.remind();
                }));
            }
            assertTrue(ready.await(30, TimeUnit.SECONDS));
            start.countDown();
            for (Future<Integer> future : futures) {
                sent.add(future.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> events = remindersSince(cursor, ids);
        Map<String, Long> perMilestone = events.stream().collect(Collectors.groupingBy(e -> e, Collectors.counting()));
        assertEquals(Stream.of(ids).map(id -> "milestone.due_soon #" + id).collect(Collectors.toSet()), perMilestone.keySet());
        assertTrue(perMilestone.values().stream().allMatch(n -> n == 1), "one each: " + perMilestone);
        assertEquals(20, sent.stream().mapToInt(Integer::intValue).sum(), "the runs together sent each once: " + sent);
    }
}
