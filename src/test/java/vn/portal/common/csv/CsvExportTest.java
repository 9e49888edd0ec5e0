package vn.portal.common.csv;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.portal.support.Api;

/**
 * The CSV variant of the lists, through HTTP: the format, every row (the test profile reads them in
 * batches of 7, so a short list crosses batch edges), and the same rules as the JSON list.
 */
@QuarkusTest
class CsvExportTest {

    private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    private long sid;

    @BeforeEach
    void aSubcommittee() {
        sid = Api.createSubcommittee();
    }

    private String milestones() {
        return "/api/v1/subcommittees/" + sid + "/milestones";
    }

    private static Map<String, Object> query(Object... pairs) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.put((String) pairs[i], pairs[i + 1]);
        }
        return parameters;
    }

    private static Response csv(RequestSpecification request, String path, Object... pairs) {
        return request.accept("text/csv").queryParams(query(pairs)).get(path);
    }

    private static Response csv(String path, Object... pairs) {
        return csv(given(), path, pairs);
    }

    /** The body after its BOM, as CRLF-ended lines (a quoted cell may hold a bare LF). */
    private static List<String> lines(Response response) {
        byte[] bytes = response.then().statusCode(200).extract().asByteArray();
        assertArrayEquals(BOM, Arrays.copyOf(bytes, 3), "a UTF-8 byte-order mark first");
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\r\n"), "every line ends with CRLF");
        return new ArrayList<>(Arrays.asList(text.substring(0, text.length() - 2).split("\r\n", -1)));
    }

    /** The first cell of each row after the header: the ids, for lists whose first field is id. */
    private static List<Long> ids(List<String> lines) {
        return lines.subList(1, lines.size()).stream().map(line -> Long.valueOf(line.substring(0, line.indexOf(','))))
                .toList();
    }

    private List<Long> jsonIds(String path, Object... pairs) {
        List<Long> ids = new ArrayList<>();
        for (int page = 0;; page++) {
            Map<String, Object> parameters = query(pairs);
            parameters.put("page", page);
            parameters.put("size", 100);
            List<Long> items = given().queryParams(parameters).get(path).then().statusCode(200).extract().jsonPath()
                    .getList("items.id", Long.class);
            if (items.isEmpty()) {
                return ids;
            }
            ids.addAll(items);
        }
    }

    @Test
    void answersRfc4180WithBomCrlfHeaderAndAttachmentName() {
        long id = Api.createMilestone(sid, "2020-02-22", Map.of("title", "Mốc, \"một\"",
                "description", "dòng một\ndòng hai\r\ndòng ba"));
        Response response = csv(milestones());
        response.then().statusCode(200).header("Content-Type", equalTo("text/csv; charset=UTF-8"))
                .header("Content-Disposition", equalTo("attachment; filename=\"milestones-" + sid + ".csv\""));
        List<String> lines = lines(response);
        assertEquals("id,subcommitteeId,title,description,dueOn,status,completedOn,responsibilityIds,overdue,"
                + "conclusionId,createdAt,updatedAt,version", lines.get(0));
        String createdAt = given().get("/api/v1/milestones/" + id).then().extract().path("createdAt");
        // the CRLF inside the quoted description splits the row in two here
        assertEquals(id + "," + sid + ",\"Mốc, \"\"một\"\"\",\"dòng một\ndòng hai", lines.get(1));
        assertTrue(lines.get(2).startsWith("dòng ba\",2020-02-22,PLANNED,,,"), lines.get(2));
        assertTrue(lines.get(2).endsWith("," + createdAt + "," + createdAt + ",0"), "instants as in JSON: " + lines.get(2));
        assertEquals(3, lines.size());
    }

    @Test
    void vietnameseTextRoundTripsAndAnEmptyListHasItsHeader() {
        String name = "Tiểu ban Văn kiện – Đảng bộ Thành phố " + Api.unique();
        long member = Api.createMember(sid, Map.of("fullName", "Nguyễn Thị Ánh Tuyết", "position", name, "role", "HEAD"));
        List<String> lines = lines(csv("/api/v1/subcommittees/" + sid + "/members"));
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).startsWith(member + "," + sid + ",Nguyễn Thị Ánh Tuyết," + name + ","), lines.get(1));
        long empty = Api.createSubcommittee();
        assertEquals(List.of("id,subcommitteeId,fullName,position,organization,role,email,phone,active,userId,"
                + "joinedOn,leftOn,createdAt,updatedAt,version"), lines(csv("/api/v1/subcommittees/" + empty + "/members")));
    }

    @Test
    void aCellThatAFormulaCouldStartGetsAQuote() {
        Api.createMilestone(sid, "2020-02-22", Map.of("title", "=HYPERLINK(\"http://x\")", "description", "@SUM(A1)"));
        Api.createMilestone(sid, "2020-02-23", Map.of("title", "+84 912", "description", "-1"));
        List<String> lines = lines(csv(milestones()));
        assertTrue(lines.get(1).contains(",\"'=HYPERLINK(\"\"http://x\"\")\",'@SUM(A1),"), lines.get(1));
        assertTrue(lines.get(2).contains(",'+84 912,'-1,"), lines.get(2));
    }

    @Test
    void everyRowBeyondOnePageInTheListsSortAndFilters() {
        for (int i = 0; i < 120; i++) {
            Api.createMilestone(sid, "2020-03-" + String.format("%02d", 1 + i % 28),
                    Map.of("title", "Mốc " + (char) ('a' + i % 26) + " " + i, "status", i % 3 == 0 ? "DONE" : "PLANNED"));
        }
        List<Long> all = ids(lines(csv(milestones())));
        assertEquals(120, all.size());
        assertEquals(jsonIds(milestones()), all, "dueOn, then id, as the JSON pages");
        List<Long> sorted = ids(lines(csv(milestones(), "sort", "-title", "status", "PLANNED", "page", "3", "size", "5")));
        assertEquals(80, sorted.size(), "page and size are not used");
        assertEquals(jsonIds(milestones(), "sort", "-title", "status", "PLANNED"), sorted);
        assertEquals(jsonIds(milestones(), "q", "mốc a"), ids(lines(csv(milestones(), "q", "moc a"))).stream()
                .filter(jsonIds(milestones(), "q", "mốc a")::contains).toList());
    }

    @Test
    void inTheOrderOfTheIdsEachBatchStartsAfterTheLastId() {
        for (int i = 0; i < 17; i++) {
            Api.createMember(sid, Map.of("role", i % 4 == 0 ? "SECRETARY" : "MEMBER"));
        }
        String members = "/api/v1/subcommittees/" + sid + "/members";
        assertEquals(17, ids(lines(csv(members))).size());
        assertEquals(jsonIds(members), ids(lines(csv(members))));
        assertEquals(jsonIds(members, "sort", "-id"), ids(lines(csv(members, "sort", "-id"))));
        List<Long> filtered = ids(lines(csv(members, "role", "MEMBER", "sort", "-id")));
        assertEquals(12, filtered.size());
        assertEquals(jsonIds(members, "role", "MEMBER", "sort", "-id"), filtered);
        List<Long> trail = ids(lines(csv("/api/v1/audit", "subcommitteeId", sid)));
        assertEquals(18, trail.size(), "the subcommittee and its members, newest first");
        assertEquals(jsonIds("/api/v1/audit", "subcommitteeId", sid), trail);
    }

    @Test
    void nestedListsAreFlat() {
        long member = Api.createMember(sid, "MEMBER");
        long first = Api.createResponsibility(sid, member, "Kinh tế", "Phần I", "LEAD");
        long second = Api.createResponsibility(sid, member, "Xã hội", "Phần II", "LEAD");
        long milestone = Api.createMilestone(sid, "2020-02-22", Map.of("responsibilityIds", List.of(second, first)));
        List<String> milestones = lines(csv(milestones()));
        assertTrue(milestones.get(1).contains(",PLANNED,," + first + "; " + second + ","), "ids joined, in order: "
                + milestones.get(1));
        long submission = Api.createSubmission(milestone, first);
        given().multiPart("file", "so-lieu.csv", "a,b\r\n1,2\r\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/submissions/" + submission + "/attachments").then().statusCode(201);
        List<String> submissions = lines(csv("/api/v1/milestones/" + milestone + "/submissions"));
        assertEquals("id,milestoneId,responsibilityId,title,status,revision,firstSubmittedAt,submittedAt,late,"
                + "returnReason,acceptedAt,attachments,allowedActions,createdAt,updatedAt,version", submissions.get(0));
        assertTrue(submissions.get(1).contains(",\"[{\"\"id\"\":"), "a list of objects as its JSON: " + submissions.get(1));
        assertTrue(submissions.get(1).contains("\"\"fileName\"\":\"\"so-lieu.csv\"\""), submissions.get(1));
        assertTrue(submissions.get(1).contains(",submit; edit; delete,"), submissions.get(1));
        csv("/api/v1/milestones/" + milestone + "/submissions").then()
                .header("Content-Disposition", equalTo("attachment; filename=\"submissions-milestone-" + milestone + ".csv\""));
    }

    @Test
    void everyListAnswersCsv() {
        long member = Api.createMember(sid, "MEMBER");
        long responsibility = Api.createResponsibility(sid, member, "Kinh tế", "Phần I", "LEAD");
        long milestone = Api.createMilestone(sid, "2020-02-22", Map.of("responsibilityIds", List.of(responsibility)));
        long submission = Api.createSubmission(milestone, responsibility);
        Api.submit(submission);
        Api.createComment(submission, "=cmd|' /C calc'!A0");
        Map<String, String> headers = Map.of(
                "/api/v1/subcommittees", "id,code,name,kind,congress,termStart,termEnd,description,status,headMemberId,",
                "/api/v1/users", "id,username,displayName,roles,active,hasPassword,createdAt,updatedAt,version",
                "/api/v1/subcommittees/" + sid + "/responsibilities", "id,subcommitteeId,memberId,area,documentSection,",
                "/api/v1/submissions", "id,milestoneId,responsibilityId,title,",
                "/api/v1/submissions/" + submission + "/comments", "id,submissionId,body,section,authorUserId,",
                "/api/v1/audit", "id,occurredAt,actor,action,entityType,entityId,subcommitteeId,changes",
                "/api/v1/subcommittees/" + sid + "/missing-submissions",
                "milestoneId,milestoneTitle,dueOn,overdue,responsibilityId,memberId,fullName,area");
        headers.forEach((path, header) -> assertTrue(lines(csv(path)).get(0).startsWith(header), path));
        List<String> comments = lines(csv("/api/v1/submissions/" + submission + "/comments"));
        assertTrue(comments.get(1).contains(",'=cmd|' /C calc'!A0,"), comments.get(1));
        List<String> audit = lines(csv("/api/v1/audit", "entityType", "submission", "entityId", submission));
        assertEquals(3, audit.size(), "created and submitted");
        assertTrue(audit.get(1).contains(",submission," + submission + "," + sid + ",\"[{\"\"field\"\":"), audit.get(1));
        assertEquals(List.of("milestoneId,milestoneTitle,dueOn,overdue,responsibilityId,memberId,fullName,area"),
                lines(csv("/api/v1/subcommittees/" + sid + "/missing-submissions")), "the one pair was handed in");
    }

    @Test
    void theCallerSeesWhatTheJsonListShows() {
        String outsider = "u" + Api.unique();
        Api.createUserNamed(outsider);
        csv(Api.as(outsider), milestones()).then().spec(Api.problem(404, "NOT_FOUND"));
        csv(Api.as(outsider), "/api/v1/audit").then().spec(Api.problem(403, "FORBIDDEN"));
        csv(Api.as(outsider), "/api/v1/users").then().spec(Api.problem(403, "FORBIDDEN"));
        Api.createMilestone(sid, "2020-02-22", Map.of());
        assertEquals(1, lines(csv(Api.as(outsider), "/api/v1/submissions")).size(), "only the header");
        given().auth().none().accept("text/csv").get(milestones()).then().spec(Api.problem(401, "UNAUTHENTICATED"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "status=LATE", "sort=colour", "size=0", "page=-1", "dueFrom=22-02-2020", "colour=red" })
    void aBadQueryIsAProblemEvenForCsv(String parameter) {
        given().accept("text/csv").get(milestones() + "?" + parameter).then().spec(Api.problem(400, "VALIDATION_FAILED"));
    }

    @Test
    void theAcceptHeaderChooses() {
        Api.createMilestone(sid, "2020-02-22", Map.of());
        given().accept("text/csv;q=0.5, application/json").get(milestones()).then().statusCode(200)
                .contentType(startsWith("application/json")).body("totalItems", equalTo(1));
        given().accept("application/json;q=0.2, text/csv").get(milestones()).then().statusCode(200)
                .contentType(startsWith("text/csv"));
        given().accept("*/*").get(milestones()).then().statusCode(200).contentType(startsWith("application/json"));
        given().header("Accept", "").get(milestones()).then().statusCode(200).contentType(startsWith("application/json"));
        given().accept("application/xml").get(milestones()).then().spec(Api.problem(406, "NOT_ACCEPTABLE"));
        given().accept("text/csv").get("/api/v1/milestones/" + Api.createMilestone(sid, "2020-02-23", Map.of()))
                .then().spec(Api.problem(406, "NOT_ACCEPTABLE"));
    }
}
