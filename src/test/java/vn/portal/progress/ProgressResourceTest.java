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
                .body("missing", emptyIterable());
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
}
