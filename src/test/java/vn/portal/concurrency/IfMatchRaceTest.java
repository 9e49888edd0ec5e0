package vn.portal.concurrency;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.portal.support.Api;
import vn.portal.support.Races;
import vn.portal.support.Races.Outcome;
import vn.portal.support.Webhooks;

/**
 * No lost updates, for every operation of the contract that takes {@code If-Match}: 32 requests
 * released together with the tag they all read let exactly one through and refuse the others with
 * {@code 412}, never a 500, and what is stored afterwards is the winner's. Without {@code If-Match},
 * colliding PATCHes either apply one after the other or lose with {@code 409 CONCURRENT_MODIFICATION},
 * and every one that answered 200 is counted in the stored version: none vanished silently.
 */
@QuarkusTest
class IfMatchRaceTest {

    private static final Logger LOG = Logger.getLogger(IfMatchRaceTest.class);

    private static final int RACERS = 32;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SUBCOMMITTEE = "/api/v1/subcommittees/{id}";
    private static final String MEMBER = "/api/v1/members/{id}";
    private static final String RESPONSIBILITY = "/api/v1/responsibilities/{id}";
    private static final String MILESTONE = "/api/v1/milestones/{id}";
    private static final String SUBMISSION = "/api/v1/submissions/{id}";
    private static final String COMMENT = "/api/v1/comments/{id}";
    private static final String USER = "/api/v1/users/{id}";
    private static final String ATTACHMENT = "/api/v1/submissions/{id}/attachments/{aid}";
    private static final String SESSION = "/api/v1/sessions/{id}";
    private static final String AGENDA_ITEM = "/api/v1/agenda-items/{id}";
    private static final String CONCLUSION = "/api/v1/conclusions/{id}";
    private static final String ATTENDANCE = "/api/v1/sessions/{id}/attendance/{memberId}";
    private static final String WEBHOOK = "/api/v1/webhooks/{id}";
    private static final String DELIVERY = "/api/v1/webhooks/{id}/deliveries/{deliveryId}";

    @TestHTTPResource("/")
    URI root;

    /**
     * One write to race on a resource made for it: its path, what racer {@code i} sends (null: no
     * body), and where the result is read back (the path itself but for an attachment).
     */
    private record Target(String method, String path, IntFunction<Map<String, Object>> body, String readBack) {

        String contentType() {
            return "PATCH".equals(method) ? "application/merge-patch+json" : "application/json";
        }
    }

    private static Target target(String operation) {
        return switch (operation) {
            case "PATCH " + SUBCOMMITTEE -> patch("/api/v1/subcommittees/" + Api.createSubcommittee(),
                    i -> Map.of("name", "Tiểu ban Văn kiện số " + i));
            case "PATCH " + MEMBER -> patch("/api/v1/members/" + member(),
                    i -> Map.of("fullName", "Nguyễn Văn Số " + i));
            case "PATCH " + RESPONSIBILITY -> patch("/api/v1/responsibilities/" + responsibility(),
                    i -> Map.of("title", "Chấp bút phần " + i));
            case "PATCH " + MILESTONE -> patch("/api/v1/milestones/" + milestone(),
                    i -> Map.of("title", "Dự thảo lần " + i));
            case "PATCH " + SUBMISSION -> patch("/api/v1/submissions/" + Api.createSubmissionIn("DRAFT"),
                    i -> Map.of("title", "Số liệu, bảng biểu bản " + i));
            case "PATCH " + COMMENT -> patch("/api/v1/comments/" + Api.createComment(Api.createSubmissionIn("SUBMITTED")),
                    i -> Map.of("disposition", "EXPLAINED", "rationale", "Đã giải trình ở phụ lục " + i));
            case "PATCH " + USER -> patch("/api/v1/users/" + Api.createUser(),
                    i -> Map.of("displayName", "Người dùng số " + i));
            case "DELETE " + SUBCOMMITTEE -> delete("/api/v1/subcommittees/" + Api.createSubcommittee());
            case "DELETE " + MEMBER -> delete("/api/v1/members/" + member());
            case "DELETE " + RESPONSIBILITY -> delete("/api/v1/responsibilities/" + responsibility());
            case "DELETE " + MILESTONE -> delete("/api/v1/milestones/" + milestone());
            case "DELETE " + SUBMISSION -> delete("/api/v1/submissions/" + Api.createSubmissionIn("DRAFT"));
            case "DELETE " + ATTACHMENT -> {
                long submissionId = Api.createSubmissionIn("DRAFT");
                String submission = "/api/v1/submissions/" + submissionId;
                long attachmentId = given().multiPart("file", "so-lieu.csv",
                        "Khối ngành,Chỉ tiêu\r\nKinh tế,7\r\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                        .post(submission + "/attachments").then().statusCode(201).extract().jsonPath().getLong("id");
                yield delete(submission + "/attachments/" + attachmentId);
            }
            case "POST " + SUBMISSION + "/submit" -> action(Api.createSubmissionIn("DRAFT"), "submit", i -> null);
            case "POST " + SUBMISSION + "/return" -> action(Api.createSubmissionIn("SUBMITTED"), "return",
                    i -> Map.of("reason", "Đề nghị bổ sung số liệu, lần " + i));
            case "POST " + SUBMISSION + "/accept" -> action(Api.createSubmissionIn("SUBMITTED"), "accept", i -> null);
            case "PATCH " + SESSION -> patch("/api/v1/sessions/" + session(), i -> Map.of("title", "Phiên họp số " + i));
            case "PATCH " + AGENDA_ITEM -> patch("/api/v1/agenda-items/" + agendaItem(), i -> Map.of("title", "Mục " + i));
            case "PATCH " + CONCLUSION -> patch("/api/v1/conclusions/" + conclusion(), i -> Map.of("text", "Kết luận " + i));
            case "DELETE " + AGENDA_ITEM -> delete("/api/v1/agenda-items/" + agendaItem());
            case "DELETE " + CONCLUSION -> delete("/api/v1/conclusions/" + conclusion());
            case "POST " + SESSION + "/start" -> sessionAction(session(), "start", i -> null);
            case "POST " + SESSION + "/close" -> sessionAction(Api.sessionInProgress(Api.createSubcommittee()), "close",
                    i -> null);
            case "POST " + SESSION + "/cancel" -> sessionAction(session(), "cancel",
                    i -> Map.of("reason", "Hoãn, lần " + i));
            case "PATCH " + WEBHOOK -> patch(Webhooks.delivered().webhookPath(), i -> Map.of("description", "Nơi nhận số " + i));
            case "DELETE " + WEBHOOK -> delete(Webhooks.delivered().webhookPath());
            case "POST " + WEBHOOK + "/rotate-secret" -> {
                String webhook = Webhooks.delivered().webhookPath();
                yield new Target("POST", webhook + "/rotate-secret", i -> null, webhook);
            }
            case "POST " + DELIVERY + "/redeliver" -> {
                String delivery = Webhooks.delivered().deliveryPath();
                yield new Target("POST", delivery + "/redeliver", i -> null, delivery);
            }
            default -> throw new IllegalArgumentException("no race prepared for " + operation);
        };
    }

    private static Target patch(String path, IntFunction<Map<String, Object>> body) {
        return new Target("PATCH", path, body, path);
    }

    private static Target delete(String path) {
        return new Target("DELETE", path, i -> null, path);
    }

    private static Target action(long submissionId, String action, IntFunction<Map<String, Object>> body) {
        String submission = "/api/v1/submissions/" + submissionId;
        return new Target("POST", submission + "/" + action, body, submission);
    }

    private static Target sessionAction(long sessionId, String action, IntFunction<Map<String, Object>> body) {
        String session = "/api/v1/sessions/" + sessionId;
        return new Target("POST", session + "/" + action, body, session);
    }

    private static long session() {
        return Api.createSession(Api.createSubcommittee(), Map.of());
    }

    private static long agendaItem() {
        return given().contentType("application/json").body(Map.of("title", "Khai mạc"))
                .post("/api/v1/sessions/" + session() + "/agenda-items").then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    private static long conclusion() {
        return given().contentType("application/json").body(Map.of("kind", "DECISION", "text", "Thông qua Kế hoạch."))
                .post("/api/v1/sessions/" + session() + "/conclusions").then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    private static long member() {
        return Api.createMember(Api.createSubcommittee(), "MEMBER");
    }

    private static long responsibility() {
        long sid = Api.createSubcommittee();
        return Api.createResponsibility(sid, Api.createMember(sid, "MEMBER"), "Kinh tế", "Báo cáo chính trị", "LEAD");
    }

    private static long milestone() {
        return Api.createMilestone(Api.createSubcommittee(), "2099-12-31", Map.of());
    }

    private List<Outcome> race(Target target, String ifMatch) throws Exception {
        return Races.race(RACERS, i -> {
            Map<String, Object> body = target.body().apply(i);
            return Races.request(root.resolve(target.path()), target.method(), target.contentType(),
                    body == null ? null : write(body), ifMatch);
        });
    }

    private static String write(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** "200×1, 412 PRECONDITION_FAILED×31": what the racers got, for the log and for failure messages. */
    private static String tally(List<Outcome> outcomes) {
        return new TreeMap<>(outcomes.stream().collect(Collectors.groupingBy(Outcome::toString, Collectors.counting())))
                .entrySet().stream().map(e -> e.getKey() + "×" + e.getValue()).collect(Collectors.joining(", "));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "PATCH " + SUBCOMMITTEE, "PATCH " + MEMBER, "PATCH " + RESPONSIBILITY, "PATCH " + MILESTONE,
            "PATCH " + SUBMISSION, "PATCH " + COMMENT, "PATCH " + USER,
            "POST " + SUBMISSION + "/submit", "POST " + SUBMISSION + "/return", "POST " + SUBMISSION + "/accept",
            "PATCH " + SESSION, "PATCH " + AGENDA_ITEM, "PATCH " + CONCLUSION, "POST " + SESSION + "/start",
            "POST " + SESSION + "/close", "POST " + SESSION + "/cancel",
            "PATCH " + WEBHOOK, "POST " + WEBHOOK + "/rotate-secret", "POST " + DELIVERY + "/redeliver" })
    void racersWithTheSameIfMatchLetExactlyOneChangeThrough(String operation) throws Exception {
        Target target = target(operation);
        Response before = given().get(target.readBack()).then().statusCode(200).extract().response();

        List<Outcome> outcomes = race(target, before.header("ETag"));

        LOG.infof("%s with the same If-Match, %d racers: %s", operation, RACERS, tally(outcomes));
        Outcome winner = Races.onlyWinner(outcomes, 200, 412, "PRECONDITION_FAILED");
        Response after = given().get(target.readBack()).then().statusCode(200).extract().response();
        assertEquals(winner.etag(), after.header("ETag"), "the stored state is the winner's: " + after.asString());
        Map<String, Object> won = new java.util.HashMap<>(winner.json().getMap(""));
        won.remove("secret"); // shown once, in the answer that made it (a rotation's), never in a read
        assertEquals(won, after.jsonPath().getMap(""));
        assertEquals(before.jsonPath().getLong("version") + 1, after.jsonPath().getLong("version"),
                "exactly one write was made");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "DELETE " + SUBCOMMITTEE, "DELETE " + MEMBER, "DELETE " + RESPONSIBILITY,
            "DELETE " + MILESTONE, "DELETE " + SUBMISSION, "DELETE " + ATTACHMENT, "DELETE " + AGENDA_ITEM,
            "DELETE " + CONCLUSION, "DELETE " + WEBHOOK })
    void racingDeletesWithTheSameIfMatchDeleteOnceAndNeverFail(String operation) throws Exception {
        Target target = target(operation);
        String etag = given().get(target.readBack()).then().statusCode(200).extract().header("ETag");

        List<Outcome> outcomes = race(target, etag);

        String tally = tally(outcomes);
        LOG.infof("%s with the same If-Match, %d racers: %s", operation, RACERS, tally);
        assertEquals(1, outcomes.stream().filter(o -> o.status() == 204).count(), "exactly one delete: " + tally);
        // a loser that reads the resource after the winner committed finds nothing to compare its tag with
        assertTrue(outcomes.stream().allMatch(o -> o.status() == 204
                || (o.status() == 412 && "PRECONDITION_FAILED".equals(o.code()))
                || (o.status() == 404 && "NOT_FOUND".equals(o.code()))), tally);
        given().get(target.readBack()).then().statusCode(404);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "PATCH " + SUBCOMMITTEE, "PATCH " + MEMBER, "PATCH " + RESPONSIBILITY, "PATCH " + MILESTONE,
            "PATCH " + SUBMISSION, "PATCH " + COMMENT, "PATCH " + USER, "PATCH " + SESSION, "PATCH " + AGENDA_ITEM,
            "PATCH " + CONCLUSION, "PATCH " + WEBHOOK })
    void collidingPatchesWithoutIfMatchApplyOneByOneOrLoseWith409(String operation) throws Exception {
        Target target = target(operation);
        long versionBefore = given().get(target.readBack()).then().statusCode(200).extract().jsonPath().getLong("version");

        List<Outcome> outcomes = race(target, null);

        String tally = tally(outcomes);
        LOG.infof("%s without If-Match, %d racers: %s", operation, RACERS, tally);
        assertTrue(outcomes.stream().allMatch(o -> o.status() == 200
                || (o.status() == 409 && "CONCURRENT_MODIFICATION".equals(o.code()))), tally);
        List<Outcome> applied = outcomes.stream().filter(o -> o.status() == 200).toList();
        assertFalse(applied.isEmpty(), tally);
        Response after = given().get(target.readBack()).then().statusCode(200).extract().response();
        assertEquals(versionBefore + applied.size(), after.jsonPath().getLong("version"),
                "every 200 is one write that was kept, none was overwritten silently: " + tally);
        assertTrue(applied.stream().anyMatch(o -> o.etag().equals(after.header("ETag"))),
                "the stored state is the last applied one: " + after.asString());
    }

    /** An attendance is part of its session: the winner's is what the session's attendance shows, and the session moved one version. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "PUT " + ATTENDANCE })
    void racingAttendanceWithTheSameIfMatchLetsExactlyOneThrough(String operation) throws Exception {
        long sid = Api.createSubcommittee();
        long member = Api.createMember(sid, "MEMBER");
        String session = "/api/v1/sessions/" + Api.createSession(sid, Map.of());
        String path = session + "/attendance/" + member;
        String etag = given().contentType("application/json").body(Map.of("status", "INVITED")).put(path).then()
                .statusCode(200).extract().header("ETag");
        long versionBefore = given().get(session).then().extract().jsonPath().getLong("version");
        List<String> statuses = List.of("PRESENT", "ABSENT", "EXCUSED");
        Target target = new Target("PUT", path, i -> Map.of("status", statuses.get(i % 3), "note", "Lần " + i), session);

        List<Outcome> outcomes = race(target, etag);

        LOG.infof("%s with the same If-Match, %d racers: %s", operation, RACERS, tally(outcomes));
        Outcome winner = Races.onlyWinner(outcomes, 200, 412, "PRECONDITION_FAILED");
        assertEquals(winner.json().getMap(""), given().get(session + "/attendance").then().extract().jsonPath()
                .getMap("items[0]"));
        assertEquals(versionBefore + 1, given().get(session).then().extract().jsonPath().getLong("version"));
    }

    /**
     * The races above cover every operation the contract lets take If-Match; every PATCH and DELETE
     * takes it, and every operation that takes it documents the 412 its losers get.
     */
    @Test
    void everyOperationThatTakesIfMatchIsRacedAndDocumentsItsPreconditionFailure() throws IOException {
        Set<String> withIfMatch = new TreeSet<>();
        Set<String> with412 = new TreeSet<>();
        Set<String> writes = new TreeSet<>();
        Pattern path = Pattern.compile("^  (/\\S+):$");
        Pattern method = Pattern.compile("^    (get|post|put|patch|delete):$");
        String currentPath = null;
        String operation = null;
        for (String line : Files.readAllLines(Path.of("openapi", "openapi.yaml"))) {
            Matcher m;
            if ((m = path.matcher(line)).matches()) {
                currentPath = m.group(1);
                operation = null;
            } else if (currentPath != null && (m = method.matcher(line)).matches()) {
                operation = m.group(1).toUpperCase() + " " + currentPath;
                if (!operation.startsWith("GET ") && !operation.startsWith("POST ")) {
                    writes.add(operation);
                }
            } else if (operation != null && line.strip().equals("- name: If-Match")) {
                withIfMatch.add(operation);
            } else if (operation != null && line.equals("        \"412\":")) {
                with412.add(operation);
            } else if (!line.startsWith(" ") && !line.isEmpty()) {
                currentPath = null;
                operation = null;
            }
        }
        assertTrue(withIfMatch.containsAll(writes), "every PATCH and DELETE takes If-Match: " + writes);
        assertEquals(withIfMatch, with412, "the operations that take If-Match are those that document 412");
        assertEquals(withIfMatch, operationsOf("racersWithTheSameIfMatchLetExactlyOneChangeThrough",
                "racingDeletesWithTheSameIfMatchDeleteOnceAndNeverFail", "racingAttendanceWithTheSameIfMatchLetsExactlyOneThrough"));
        assertEquals(withIfMatch.stream().filter(o -> o.startsWith("PATCH ")).collect(Collectors.toSet()),
                operationsOf("collidingPatchesWithoutIfMatchApplyOneByOneOrLoseWith409"));
    }

    private Set<String> operationsOf(String... tests) {
        Set<String> operations = new TreeSet<>();
        for (String test : tests) {
            try {
                operations.addAll(List.of(getClass().getDeclaredMethod(test, String.class)
                        .getAnnotation(ValueSource.class).strings()));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }
        return operations;
    }
}
