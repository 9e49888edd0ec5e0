package vn.portal.progress;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.portal.support.Api;
import vn.portal.support.FixedClock;

@QuarkusTest
class ProgressResourceTest {

    private static final LocalDate TODAY = LocalDate.of(2020, 2, 20);

    private long sid;

    @BeforeEach
    void standOnTheTwentiethOfFebruary2020() {
        FixedClock.installToday(TODAY);
        sid = Api.createSubcommittee();
    }

    private String progress() {
        return "/api/v1/subcommittees/" + sid + "/progress";
    }

    private JsonPath read() {
        return given().get(progress()).then().statusCode(200).extract().jsonPath();
    }

    private record Holder(long responsibilityId, long memberId, String fullName, String area) {
    }

    private record Plan(long id, String title, String dueOn) {
    }

    private Holder holder(String fullName, String area, String section) {
        long memberId = Api.createMember(sid, Map.of("fullName", fullName));
        return new Holder(Api.createResponsibility(sid, memberId, area, section, "LEAD"), memberId, fullName, area);
    }

    private Plan plan(String title, LocalDate dueOn, String status, Holder... expected) {
        List<Long> responsibilityIds = Arrays.stream(expected).map(Holder::responsibilityId).toList();
        long id = Api.createMilestone(sid, dueOn.toString(),
                Map.of("title", title, "status", status, "responsibilityIds", responsibilityIds));
        return new Plan(id, title, dueOn.toString());
    }

    private static long submissionIn(String status, Plan plan, Holder holder) {
        long id = Api.createSubmission(plan.id(), holder.responsibilityId());
        Api.moveSubmission(id, status);
        return id;
    }

    private static Map<String, Object> missing(Plan plan, Holder holder, boolean overdue) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("milestoneId", plan.id());
        item.put("milestoneTitle", plan.title());
        item.put("dueOn", plan.dueOn());
        item.put("overdue", overdue);
        item.put("responsibilityId", holder.responsibilityId());
        item.put("memberId", holder.memberId());
        item.put("fullName", holder.fullName());
        item.put("area", holder.area());
        return item;
    }

    private static List<Map<String, Object>> withLongNumbers(List<Map<String, Object>> items) {
        return items.stream().map(item -> {
            Map<String, Object> copy = new LinkedHashMap<>();
            item.forEach((key, value) -> copy.put(key, value instanceof Number n ? (Object) n.longValue() : value));
            return copy;
        }).toList();
    }

    @Test
    void progressCountsEveryMilestoneSubmissionAndCommentAndListsWhatIsMissing() {
        Holder economy = holder("Trần Văn Kinh", "Kinh tế", "Báo cáo chính trị / Phần I");
        Holder culture = holder("Lê Thị Hoa", "Văn hóa – Xã hội", "Báo cáo chính trị / Phần II");
        Holder defence = holder("Phạm Quốc An", "Quốc phòng – An ninh", "Báo cáo chính trị / Phần III");

        Plan dueInSevenDays = plan("Dự thảo lần 2", TODAY.plusDays(7), "PLANNED", culture);
        plan("Hội nghị chuyên đề (hủy)", TODAY.minusDays(10), "CANCELLED", culture, economy);
        Plan dueToday = plan("Số liệu, bảng biểu", TODAY, "IN_PROGRESS", defence, culture, economy);
        Plan overdue = plan("Đề cương báo cáo", TODAY.minusDays(2), "PLANNED", economy, culture);
        Plan dueInSixDays = plan("Dự thảo lần 1", TODAY.plusDays(6), "PLANNED", defence);
        Plan doneLate = plan("Quy chế làm việc", TODAY.minusDays(5), "DONE", economy);
        plan("Kế hoạch tuyên truyền", TODAY.minusDays(1), "IN_PROGRESS");
        plan("Phiên họp thứ nhất", TODAY.plusDays(2), "DONE");
        plan("Tọa đàm (hủy)", TODAY.plusDays(1), "CANCELLED", defence);
        Plan alsoDueInSixDays = plan("Báo cáo kiểm điểm", TODAY.plusDays(6), "PLANNED", economy);

        long lateSubmitted = submissionIn("SUBMITTED", overdue, economy);
        submissionIn("RETURNED", overdue, culture);
        submissionIn("DRAFT", dueToday, economy);
        long returned = submissionIn("RETURNED", dueToday, culture);
        long accepted = submissionIn("SUBMITTED", dueToday, defence);
        Api.disposeComment(Api.createComment(accepted, "Đề nghị bổ sung nguồn số liệu."), "INCORPORATED", null);
        Api.accept(accepted);
        Api.createComment(lateSubmitted, "Ý kiến chưa xử lý");
        Api.disposeComment(Api.createComment(lateSubmitted, "Ý kiến tiếp thu"), "INCORPORATED", null);
        Api.disposeComment(Api.createComment(lateSubmitted, "Ý kiến giải trình"), "EXPLAINED", "Đã có trong Phần II.");
        Api.disposeComment(Api.createComment(returned, "Ý kiến không tiếp thu"), "REJECTED", "Không thuộc phạm vi báo cáo.");
        Api.createComment(returned, "Ý kiến mới chưa xử lý");
        Api.createComment(Api.createSubmissionIn("SUBMITTED"), "Ý kiến ở tiểu ban khác");

        JsonPath progress = read();

        assertEquals(Map.of("total", 10, "planned", 4, "inProgress", 2, "done", 2, "cancelled", 2, "overdue", 2,
                "dueWithin7Days", 3), progress.getMap("milestones"));
        assertEquals(Map.of("draft", 1, "submitted", 1, "returned", 2, "accepted", 1, "late", 2),
                progress.getMap("submissions"));
        assertEquals(Map.of("pending", 2, "incorporated", 2, "explained", 1, "rejected", 1), progress.getMap("comments"));
        assertEquals(List.of(
                missing(doneLate, economy, false),
                missing(overdue, culture, true),
                missing(dueToday, economy, false),
                missing(dueToday, culture, false),
                missing(dueInSixDays, defence, false),
                missing(alsoDueInSixDays, economy, false),
                missing(dueInSevenDays, culture, false)),
                withLongNumbers(progress.getList("missing")));
    }

    @Test
    void anEmptySubcommitteeHasZeroesAndNothingMissing() {
        given().get(progress()).then().statusCode(200)
                .body("milestones", equalTo(Map.of("total", 0, "planned", 0, "inProgress", 0, "done", 0, "cancelled", 0,
                        "overdue", 0, "dueWithin7Days", 0)))
                .body("submissions", equalTo(Map.of("draft", 0, "submitted", 0, "returned", 0, "accepted", 0, "late", 0)))
                .body("comments", equalTo(Map.of("pending", 0, "incorporated", 0, "explained", 0, "rejected", 0)))
                .body("missing", emptyIterable()).body("missingTotal", equalTo(0));
    }

    @Test
    void anUnknownSubcommitteeIsNotFound() {
        long gone = Api.createSubcommittee();
        given().delete("/api/v1/subcommittees/" + gone).then().statusCode(204);

        given().get("/api/v1/subcommittees/" + gone + "/progress").then().spec(Api.problem(404, "NOT_FOUND"));
    }

    @Test
    void progressHasAnETagThatAnswersIfNoneMatchWith304UntilSomethingChanges() {
        Holder economy = holder("Trần Văn Kinh", "Kinh tế", "Báo cáo chính trị / Phần I");
        Plan plan = plan("Số liệu, bảng biểu", TODAY, "IN_PROGRESS", economy);
        long draft = submissionIn("DRAFT", plan, economy);
        String tag = given().get(progress()).then().statusCode(200).extract().header("ETag");
        assertNotNull(tag);

        given().header("If-None-Match", tag).get(progress()).then().statusCode(304);

        Api.submit(draft);
        String changed = given().header("If-None-Match", tag).get(progress()).then().statusCode(200)
                .body("missing", emptyIterable()).body("submissions.submitted", equalTo(1)).extract().header("ETag");
        assertNotEquals(tag, changed);
    }

    private String missingList() {
        return "/api/v1/subcommittees/" + sid + "/missing-submissions";
    }

    /** 20 holders over 4 areas; 6 milestones expecting all of them, 2 overdue; a CANCELLED one that counts for nothing. */
    private record Crowd(List<Holder> holders, List<Plan> plans) {
    }

    private Crowd crowd() {
        List<Holder> holders = new java.util.ArrayList<>();
        for (int k = 0; k < 20; k++) {
            holders.add(holder("Nguyễn Văn " + k, "Lĩnh vực " + (k % 4), "Phần " + k));
        }
        Holder[] all = holders.toArray(Holder[]::new);
        List<Plan> plans = new java.util.ArrayList<>();
        // created out of due order, so that the order by dueOn is not the order of ids
        for (int m : new int[] { 3, 1, 5, 0, 4, 2 }) {
            plans.add(plan("Mốc " + m, TODAY.plusDays(m - 2L), "PLANNED", all));
        }
        plan("Mốc hủy", TODAY.minusDays(9), "CANCELLED", all);
        return new Crowd(holders, plans);
    }

    @Test
    void progressShowsTheFirstHundredMissingPairsAndCountsThemAllWhileTheListPagesThroughEveryOne() {
        Crowd crowd = crowd();
        Plan first = crowd.plans().stream().filter(p -> p.title().equals("Mốc 0")).findFirst().orElseThrow();
        submissionIn("SUBMITTED", first, crowd.holders().get(0));
        submissionIn("ACCEPTED", first, crowd.holders().get(1));
        submissionIn("DRAFT", first, crowd.holders().get(2));
        submissionIn("RETURNED", first, crowd.holders().get(3));

        List<Map<String, Object>> walked = new java.util.ArrayList<>();
        for (int page = 0; page < 5; page++) {
            JsonPath body = given().queryParam("page", page).queryParam("size", 30).get(missingList()).then()
                    .statusCode(200).body("totalItems", equalTo(118)).body("totalPages", equalTo(4))
                    .body("size", equalTo(30)).extract().jsonPath();
            walked.addAll(body.getList("items"));
        }
        assertEquals(118, walked.size(), "6 × 20 pairs but the SUBMITTED and the ACCEPTED one");
        assertEquals(118, walked.stream().map(i -> i.get("milestoneId") + "/" + i.get("responsibilityId")).distinct()
                .count(), "no pair twice");
        List<String> order = walked.stream().map(i -> i.get("dueOn") + "/" + String.format("%012d/%012d",
                ((Number) i.get("milestoneId")).longValue(), ((Number) i.get("responsibilityId")).longValue())).toList();
        assertEquals(order.stream().sorted().toList(), order, "ordered by dueOn, milestoneId, responsibilityId");
        assertEquals(0, walked.stream().filter(i -> i.get("milestoneTitle").equals("Mốc hủy")).count());

        JsonPath progress = read();
        assertEquals(118, progress.getInt("missingTotal"));
        assertEquals(withLongNumbers(walked.subList(0, 100)), withLongNumbers(progress.getList("missing")));
    }

    @Test
    void theMissingListFiltersByMilestoneMemberAreaAndOverdue() {
        Crowd crowd = crowd();
        Plan plan = crowd.plans().get(0);
        Holder holder = crowd.holders().get(5);
        given().queryParam("milestoneId", plan.id()).get(missingList()).then().statusCode(200)
                .body("totalItems", equalTo(20)).body("items.milestoneId", org.hamcrest.Matchers.everyItem(
                        equalTo((int) plan.id())));
        given().queryParam("memberId", holder.memberId()).get(missingList()).then().statusCode(200)
                .body("totalItems", equalTo(6)).body("items.fullName", org.hamcrest.Matchers.everyItem(
                        equalTo(holder.fullName())));
        given().queryParam("area", "  LINH vuc 1 ").get(missingList()).then().statusCode(200)
                .body("totalItems", equalTo(30)).body("items.area", org.hamcrest.Matchers.everyItem(equalTo("Lĩnh vực 1")));
        // due TODAY - 2 and TODAY - 1 are overdue; TODAY is not
        given().queryParam("overdue", true).queryParam("size", 100).get(missingList()).then().statusCode(200)
                .body("totalItems", equalTo(40)).body("items.overdue", org.hamcrest.Matchers.everyItem(equalTo(true)));
        given().queryParam("overdue", false).get(missingList()).then().statusCode(200).body("totalItems", equalTo(80));
        given().queryParam("milestoneId", 9_000_000_000_017L).get(missingList()).then().statusCode(200)
                .body("totalItems", equalTo(0)).body("items", emptyIterable());
        given().queryParam("page", 9).get(missingList()).then().statusCode(200).body("items", emptyIterable())
                .body("totalItems", equalTo(120));
    }

    @Test
    void theMissingListRefusesBadParametersAndUnknownSubcommittees() {
        given().queryParam("size", 0).get(missingList()).then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", org.hamcrest.Matchers.hasItem("size"));
        given().queryParam("milestoneId", "abc").get(missingList()).then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", org.hamcrest.Matchers.hasItem("milestoneId"));
        given().queryParam("overdue", "maybe").get(missingList()).then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", org.hamcrest.Matchers.hasItem("overdue"));
        given().queryParam("sort", "dueOn").get(missingList()).then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", org.hamcrest.Matchers.hasItem("sort"));
        given().get("/api/v1/subcommittees/9000000000017/missing-submissions").then().spec(Api.problem(404, "NOT_FOUND"));
    }
}
