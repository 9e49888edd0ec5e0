package vn.portal;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.portal.support.Api;

/**
 * No N+1: Hibernate's statistics count the SQL statements one HTTP request prepares. A list's count
 * must not grow with its page size (size 1 against size 25 over at least 25 rows, with the lazy
 * parts filled: responsibilityIds, attachments, comments); a single-resource GET or a write must not
 * take more than its budget below, which is what the bench table reports (there plus the login's one
 * JDBC statement, which Hibernate does not see). Lower a budget when a change saves a statement. Each
 * write's budget holds its change feed event (one insert, the outbox's).
 */
@QuarkusTest
class StatementCountTest {

    /** Statements per request, measured as the admin. */
    static final Map<String, Integer> BUDGET = Map.ofEntries(
            Map.entry("GET subcommittee", 2),
            Map.entry("GET member", 1),
            Map.entry("GET responsibility", 1),
            Map.entry("GET milestone", 2),
            Map.entry("GET submission", 4),
            Map.entry("GET comment", 2),
            Map.entry("GET user", 1),
            Map.entry("GET progress", 7),
            Map.entry("POST submission", 12),
            Map.entry("POST submit", 13),
            Map.entry("PATCH milestone", 7),
            Map.entry("POST comment", 6));

    private static final String API = "/api/v1";

    @Inject
    EntityManagerFactory emf;

    private Statistics statistics;

    @BeforeEach
    void countStatements() {
        statistics = emf.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
    }

    /** Statements prepared while one request ran, after the same request once (warm caches). */
    private long statementsOf(Supplier<Response> request, int expectedStatus) {
        long before = statistics.getPrepareStatementCount();
        request.get().then().statusCode(expectedStatus);
        return statistics.getPrepareStatementCount() - before;
    }

    private long listStatements(String path, int size) {
        given().queryParam("size", size).get(path).then().statusCode(200);
        return statementsOf(() -> given().queryParam("size", size).get(path), 200);
    }

    @Test
    void noListPreparesMoreStatementsForALargerPage() {
        long sid = Api.createSubcommittee();
        List<Long> responsibilities = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            long member = Api.createMember(sid, "MEMBER");
            responsibilities.add(Api.createResponsibility(sid, member, "Lĩnh vực " + i, "Phần " + i, "LEAD"));
        }
        long milestone = Api.createMilestone(sid, "2020-02-22", Map.of("responsibilityIds", responsibilities));
        for (int i = 0; i < 25; i++) {
            Api.createMilestone(sid, "2020-03-" + (10 + i % 15), Map.of("responsibilityIds",
                    responsibilities.subList(i, Math.min(25, i + 3))));
        }
        List<Long> submissions = new ArrayList<>();
        for (long responsibility : responsibilities) {
            submissions.add(Api.createSubmission(milestone, responsibility));
        }
        for (int i = 0; i < 3; i++) {
            given().multiPart("file", "so-lieu.csv", "Khối,Giá trị\nKinh tế,7\n".getBytes(StandardCharsets.UTF_8),
                    "text/csv").post(API + "/submissions/" + submissions.get(i) + "/attachments").then().statusCode(201);
        }
        long commented = submissions.get(0);
        Api.submit(commented);
        for (int i = 0; i < 25; i++) {
            Api.createComment(commented, "Góp ý " + i);
        }
        for (int i = 0; i < 25; i++) {
            Api.createSubcommittee();
            Api.createUser();
        }

        Map<String, String> lists = new LinkedHashMap<>();
        lists.put("subcommittees", API + "/subcommittees");
        lists.put("members", API + "/subcommittees/" + sid + "/members");
        lists.put("responsibilities", API + "/subcommittees/" + sid + "/responsibilities");
        lists.put("milestones", API + "/subcommittees/" + sid + "/milestones");
        lists.put("a milestone's submissions", API + "/milestones/" + milestone + "/submissions");
        lists.put("submissions of a subcommittee", API + "/submissions?subcommitteeId=" + sid);
        lists.put("comments", API + "/submissions/" + commented + "/comments");
        lists.put("users", API + "/users");
        lists.put("audit of a subcommittee", API + "/audit?subcommitteeId=" + sid);
        lists.put("missing submissions", API + "/subcommittees/" + sid + "/missing-submissions");
        List<String> failures = new ArrayList<>();
        lists.forEach((name, path) -> {
            long one = listStatements(path, 1);
            long many = listStatements(path, 25);
            System.out.printf("statements: %-32s size 1: %d, size 25: %d%n", name, one, many);
            if (many != one) {
                failures.add(name + " (" + path + "): " + one + " statements at size 1, " + many + " at size 25");
            }
        });
        assertTrue(failures.isEmpty(), "lists whose statements grow with the page (N+1):\n" + String.join("\n", failures));
    }

    @Test
    void singleResourcesAndWritesStayWithinTheirBudget() {
        long sid = Api.createSubcommittee();
        long member = Api.createMember(sid, "MEMBER");
        long responsibility = Api.createResponsibility(sid, member, "Kinh tế", "Phần I", "LEAD");
        long other = Api.createResponsibility(sid, Api.createMember(sid, "MEMBER"), "Văn hóa", "Phần II", "LEAD");
        long milestone = Api.createMilestone(sid, "2020-02-22", Map.of("responsibilityIds", List.of(responsibility, other)));
        long submission = Api.createSubmission(milestone, responsibility);
        Api.submit(submission);
        long comment = Api.createComment(submission);
        long user = Api.createUser();

        Map<String, Long> measured = new LinkedHashMap<>();
        Map<String, String> gets = new LinkedHashMap<>();
        gets.put("GET subcommittee", API + "/subcommittees/" + sid);
        gets.put("GET member", API + "/members/" + member);
        gets.put("GET responsibility", API + "/responsibilities/" + responsibility);
        gets.put("GET milestone", API + "/milestones/" + milestone);
        gets.put("GET submission", API + "/submissions/" + submission);
        gets.put("GET comment", API + "/comments/" + comment);
        gets.put("GET user", API + "/users/" + user);
        gets.put("GET progress", API + "/subcommittees/" + sid + "/progress");
        gets.forEach((name, path) -> {
            given().get(path).then().statusCode(200);
            measured.put(name, statementsOf(() -> given().get(path), 200));
        });
        long second = Api.createMilestone(sid, "2020-02-23", Map.of("responsibilityIds", List.of(responsibility, other)));
        Api.createSubmission(second, responsibility);
        measured.put("POST submission", statementsOf(() -> Api.json()
                .body(Map.of("responsibilityId", other, "title", "Số liệu")).post(API + "/milestones/" + second
                        + "/submissions"), 201));
        long draft = Api.createSubmission(milestone, other);
        measured.put("POST submit", statementsOf(() -> Api.json().post(API + "/submissions/" + draft + "/submit"), 200));
        measured.put("PATCH milestone", statementsOf(() -> Api.json()
                .body("{\"title\":\"Moc moi " + Api.unique() + "\"}").patch(API + "/milestones/" + milestone), 200));
        measured.put("POST comment", statementsOf(() -> Api.json()
                .body(Map.of("body", "Góp ý")).post(API + "/submissions/" + submission + "/comments"), 201));

        List<String> over = new ArrayList<>();
        measured.forEach((name, count) -> {
            System.out.printf("statements: %-20s %d (budget %d)%n", name, count, BUDGET.get(name));
            if (count > BUDGET.get(name)) {
                over.add(name + ": " + count + " statements, budget " + BUDGET.get(name));
            }
        });
        assertEquals(BUDGET.keySet(), measured.keySet());
        assertTrue(over.isEmpty(), "over budget:\n" + String.join("\n", over));
    }
}
