package vn.portal.submission;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.portal.support.Api;
import vn.portal.support.FixedClock;

@QuarkusTest
class SubmissionResourceTest {

    private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";
    private static final int ONE_MIB = 1024 * 1024;

    private FixedClock clock;
    private long sid;
    private long member;

    @BeforeEach
    void standOnTheTwentyFirstOfFebruary2020() {
        clock = FixedClock.install(at("2020-02-21T09:00:00+07:00"));
        sid = Api.createSubcommittee();
        member = Api.createMember(sid, "MEMBER");
    }

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    private static String submission(long id) {
        return "/api/v1/submissions/" + id;
    }

    private static String submissionsOf(long milestoneId) {
        return "/api/v1/milestones/" + milestoneId + "/submissions";
    }

    private long responsibility(String area) {
        return Api.createResponsibility(sid, member, area, "Báo cáo chính trị", "SUPPORT");
    }

    private long milestone(String dueOn, Long... responsibilityIds) {
        return Api.createMilestone(sid, dueOn, Map.of("responsibilityIds", List.of(responsibilityIds)));
    }

    private static long create(long milestoneId, long responsibilityId, String title) {
        return Api.createSubmission(milestoneId, responsibilityId, Map.of("title", title));
    }

    /** A DRAFT for a milestone due 2020-02-22 that expects only its responsibility. */
    private long draft() {
        long responsibilityId = responsibility("Kinh tế");
        return Api.createSubmission(milestone("2020-02-22", responsibilityId), responsibilityId,
                Map.of("content", "Tăng trưởng GRDP bình quân 7,2%/năm."));
    }

    private long inState(String status) {
        long id = draft();
        switch (status) {
            case "SUBMITTED" -> Api.submit(id);
            case "RETURNED" -> {
                Api.submit(id);
                Api.returnSubmission(id, "Đề nghị bổ sung số liệu năm 2019.");
            }
            case "ACCEPTED" -> {
                Api.submit(id);
                Api.accept(id);
            }
            default -> assertEquals("DRAFT", status);
        }
        return id;
    }

    private static Response act(long id, String action) {
        if ("return".equals(action)) {
            return Api.json().body(Map.of("reason", "Đề nghị làm rõ nguồn số liệu.")).post(submission(id) + "/return");
        }
        return given().noContentType().post(submission(id) + "/" + action);
    }

    private static Response patch(long id, String json) {
        return Api.exact().contentType(MERGE_PATCH).body(json).patch(submission(id));
    }

    private static ExtractableResponse<Response> read(long id) {
        return given().get(submission(id)).then().statusCode(200).extract();
    }

    private static List<Long> ids(String path, Object... query) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < query.length; i += 2) {
            params.put((String) query[i], query[i + 1]);
        }
        return given().queryParams(params).get(path).then().statusCode(200)
                .extract().jsonPath().getList("items.id", Long.class);
    }

    private List<Long> mine(Object... query) {
        Object[] withSubcommittee = new Object[query.length + 2];
        withSubcommittee[0] = "subcommitteeId";
        withSubcommittee[1] = sid;
        System.arraycopy(query, 0, withSubcommittee, 2, query.length);
        return ids("/api/v1/submissions", withSubcommittee);
    }

    @Test
    void createAnswers201AsADraftWithRelativeLocationAndETag() {
        long responsibilityId = responsibility("Kinh tế");
        long milestoneId = milestone("2020-02-22", responsibilityId);

        Response created = Api.json().body(Map.of("responsibilityId", responsibilityId,
                "title", "Số liệu, bảng biểu khối kinh tế nhiệm kỳ 2015–2020",
                "content", "Tăng trưởng GRDP bình quân 7,2%/năm; thu ngân sách vượt dự toán."))
                .post(submissionsOf(milestoneId));

        created.then().statusCode(201)
                .body("milestoneId", equalTo((int) milestoneId))
                .body("responsibilityId", equalTo((int) responsibilityId))
                .body("title", equalTo("Số liệu, bảng biểu khối kinh tế nhiệm kỳ 2015–2020"))
                .body("content", equalTo("Tăng trưởng GRDP bình quân 7,2%/năm; thu ngân sách vượt dự toán."))
                .body("status", equalTo("DRAFT"))
                .body("revision", equalTo(1))
                .body("late", equalTo(false))
                .body("firstSubmittedAt", nullValue())
                .body("submittedAt", nullValue())
                .body("returnReason", nullValue())
                .body("acceptedAt", nullValue())
                .body("attachments", emptyIterable())
                .body("allowedActions", equalTo(List.of("submit", "edit", "delete")))
                .body("createdAt", equalTo("2020-02-21T02:00:00.000Z"))
                .body("updatedAt", equalTo("2020-02-21T02:00:00.000Z"));
        long id = created.jsonPath().getLong("id");
        assertEquals(submission(id), created.header("Location"));
        assertNotNull(created.header("ETag"));
        ExtractableResponse<Response> read = read(id);
        assertEquals(created.jsonPath().getMap(""), read.jsonPath().getMap(""));
        assertEquals(created.header("ETag"), read.header("ETag"));
    }

    @Test
    void responsibilityIdAndTitleAreRequiredAndUnknownFieldsRefused() {
        long responsibilityId = responsibility("Kinh tế");
        long milestoneId = milestone("2020-02-22", responsibilityId);

        Api.json().body("{}").post(submissionsOf(milestoneId)).then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", hasItems("responsibilityId", "title"));
        Api.json().body(Map.of("responsibilityId", responsibilityId, "title", "Số liệu", "area", "Kinh tế"))
                .post(submissionsOf(milestoneId))
                .then().spec(Api.problem(400, "UNKNOWN_FIELD")).body("errors.field", equalTo(List.of("area")));
    }

    @Test
    void aResponsibilityTheMilestoneDoesNotExpectIsRefusedNamingTheField() {
        long expected = responsibility("Kinh tế");
        long notExpected = responsibility("Văn hóa – Xã hội");
        long milestoneId = milestone("2020-02-22", expected);
        long otherSid = Api.createSubcommittee();
        long foreign = Api.createResponsibility(otherSid, Api.createMember(otherSid, "MEMBER"), "Kinh tế",
                "Báo cáo chính trị", "SUPPORT");
        long gone = responsibility("Quốc phòng – An ninh");
        given().delete("/api/v1/responsibilities/" + gone).then().statusCode(204);

        for (long responsibilityId : List.of(notExpected, foreign, gone)) {
            Api.json().body(Map.of("responsibilityId", responsibilityId, "title", "Số liệu"))
                    .post(submissionsOf(milestoneId))
                    .then().spec(Api.problem(400, "VALIDATION_FAILED"))
                    .body("errors.field", equalTo(List.of("responsibilityId")));
        }
        assertEquals(List.of(), ids(submissionsOf(milestoneId)));
    }

    @Test
    void aSecondSubmissionForTheSameMilestoneAndResponsibilityIsRefusedNamingTheFirst() {
        long responsibilityId = responsibility("Kinh tế");
        long milestoneId = milestone("2020-02-22", responsibilityId);
        long first = Api.createSubmission(milestoneId, responsibilityId);

        Api.json().body(Map.of("responsibilityId", responsibilityId, "title", "Lần thứ hai"))
                .post(submissionsOf(milestoneId))
                .then().spec(Api.problem(409, "SUBMISSION_EXISTS"))
                .body("conflictingId", equalTo((int) first));
        assertEquals(List.of(first), ids(submissionsOf(milestoneId)));
    }

    @Test
    void movingASubmissionOntoATakenResponsibilityIsRefusedNamingTheOwner() {
        long economy = responsibility("Kinh tế");
        long culture = responsibility("Văn hóa – Xã hội");
        long milestoneId = milestone("2020-02-22", economy, culture);
        long first = Api.createSubmission(milestoneId, economy);
        long second = Api.createSubmission(milestoneId, culture);

        patch(second, "{\"responsibilityId\":" + economy + "}").then().spec(Api.problem(409, "SUBMISSION_EXISTS"))
                .body("conflictingId", equalTo((int) first));
        read(second).response().then().body("responsibilityId", equalTo((int) culture));
    }

    @Test
    void aSubmissionMovesToAnotherExpectedResponsibilityFreeingItsOldOne() {
        long economy = responsibility("Kinh tế");
        long culture = responsibility("Văn hóa – Xã hội");
        long notExpected = responsibility("Quốc phòng – An ninh");
        long milestoneId = milestone("2020-02-22", economy, culture);
        long id = Api.createSubmission(milestoneId, economy);

        patch(id, "{\"responsibilityId\":" + notExpected + "}").then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of("responsibilityId")));
        patch(id, "{\"responsibilityId\":" + culture + "}").then().statusCode(200)
                .body("responsibilityId", equalTo((int) culture));
        Api.createSubmission(milestoneId, economy);
    }

    @ParameterizedTest
    @ValueSource(strings = { "responsibilityId", "title" })
    void patchNullForARequiredFieldIsRefused(String field) {
        long id = draft();

        patch(id, "{\"" + field + "\":null}").then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of(field)));
    }

    @Test
    void contentIsLimitedToOneMebibyteOfUtf8() {
        long economy = responsibility("Kinh tế");
        long culture = responsibility("Văn hóa – Xã hội");
        long defence = responsibility("Quốc phòng – An ninh");
        long party = responsibility("Xây dựng Đảng");
        long milestoneId = milestone("2020-02-22", economy, culture, defence, party);
        String threeByteChars = "ệ".repeat(400_000);
        String asciiExactly = "a".repeat(ONE_MIB);
        String vietnameseExactly = "ệ".repeat(ONE_MIB / 3) + "a";
        String asciiOneOver = "a".repeat(ONE_MIB + 1);

        for (String tooLong : List.of(threeByteChars, asciiOneOver)) {
            Api.json().body(Map.of("responsibilityId", economy, "title", "Quá dài", "content", tooLong))
                    .post(submissionsOf(milestoneId))
                    .then().spec(Api.problem(400, "VALIDATION_FAILED"))
                    .body("errors.field", equalTo(List.of("content")));
        }
        long ascii = Api.createSubmission(milestoneId, culture, Map.of("content", asciiExactly));
        long vietnamese = Api.createSubmission(milestoneId, defence, Map.of("content", vietnameseExactly));
        assertEquals(asciiExactly, read(ascii).jsonPath().getString("content"));
        assertEquals(vietnameseExactly, read(vietnamese).jsonPath().getString("content"));

        long patched = Api.createSubmission(milestoneId, party);
        Api.json().body(Map.of("content", threeByteChars)).patch(submission(patched))
                .then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of("content")));
        read(patched).response().then().body("content", nullValue());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "id               | 1",
            "milestoneId      | 1",
            "status           | \"DRAFT\"",
            "revision         | 1",
            "firstSubmittedAt | null",
            "submittedAt      | \"2020-02-21T02:00:00.000Z\"",
            "late             | false",
            "returnReason     | null",
            "acceptedAt       | null",
            "attachments      | []",
            "allowedActions   | [\"submit\"]",
            "createdAt        | \"2020-02-21T02:00:00.000Z\"",
            "updatedAt        | \"2020-02-21T02:00:00.000Z\"",
            "version          | 0" })
    void readOnlyFieldsAreRefusedOnCreateAndPatch(String field, String json) {
        long responsibilityId = responsibility("Kinh tế");
        long milestoneId = milestone("2020-02-22", responsibilityId);

        Api.json().body("{\"responsibilityId\":" + responsibilityId + ",\"title\":\"Số liệu\",\"" + field + "\":" + json + "}")
                .post(submissionsOf(milestoneId))
                .then().spec(Api.problem(400, "READ_ONLY_FIELD"))
                .body("errors.field", equalTo(List.of(field)));
        assertEquals(List.of(), ids(submissionsOf(milestoneId)));

        long id = Api.createSubmission(milestoneId, responsibilityId);
        String etag = read(id).header("ETag");
        patch(id, "{\"title\":\"Đổi tên\",\"" + field + "\":" + json + "}")
                .then().spec(Api.problem(400, "READ_ONLY_FIELD"))
                .body("errors.field", equalTo(List.of(field)));
        assertEquals(etag, read(id).header("ETag"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "SUBMITTED", "DRAFT" })
    void statusNeverChangesThroughPatch(String status) {
        long id = draft();

        patch(id, "{\"status\":\"" + status + "\"}").then().spec(Api.problem(400, "READ_ONLY_FIELD"))
                .body("errors.field", equalTo(List.of("status")));
        read(id).response().then().body("status", equalTo("DRAFT"));
    }

    @Test
    void aMilestonesListHoldsItsOwnSubmissionsAsSummariesWithoutContent() {
        long economy = responsibility("Kinh tế");
        long culture = responsibility("Văn hóa – Xã hội");
        long first = milestone("2020-02-22", economy, culture);
        long second = milestone("2020-03-10", economy);
        long a = Api.createSubmission(first, economy, Map.of("content", "Số liệu chi tiết"));
        long b = Api.createSubmission(first, culture);
        long c = Api.createSubmission(second, economy, Map.of("content", "Dự thảo"));

        given().get(submissionsOf(first)).then().statusCode(200)
                .body("items.id", equalTo(List.of((int) a, (int) b)))
                .body("totalItems", equalTo(2))
                .body("page", equalTo(0))
                .body("size", equalTo(20))
                .body("totalPages", equalTo(1))
                .body("items", everyItem(not(hasKey("content"))))
                .body("items[0].title", notNullValue())
                .body("items[0].allowedActions", equalTo(List.of("submit", "edit", "delete")))
                .body("items[0].attachments", emptyIterable());
        assertEquals(List.of(c), ids(submissionsOf(second)));
        given().queryParam("subcommitteeId", sid).get("/api/v1/submissions").then().statusCode(200)
                .body("items.id", equalTo(List.of((int) a, (int) b, (int) c)))
                .body("items", everyItem(not(hasKey("content"))));
    }

    @Test
    void anUnknownMilestoneIsNotFound() {
        long gone = milestone("2020-02-22");
        given().delete("/api/v1/milestones/" + gone).then().statusCode(204);

        given().get(submissionsOf(gone)).then().spec(Api.problem(404, "NOT_FOUND"));
        Api.json().body(Map.of("responsibilityId", responsibility("Kinh tế"), "title", "Mồ côi")).post(submissionsOf(gone))
                .then().spec(Api.problem(404, "NOT_FOUND"));
    }

    @Test
    void anUnknownSubmissionIsNotFound() {
        long id = draft();
        given().delete(submission(id)).then().statusCode(204);

        given().get(submission(id)).then().spec(Api.problem(404, "NOT_FOUND"));
        patch(id, "{\"title\":\"Đổi tên\"}").then().spec(Api.problem(404, "NOT_FOUND"));
        for (String action : List.of("submit", "return", "accept")) {
            act(id, action).then().spec(Api.problem(404, "NOT_FOUND"));
        }
    }

    @Test
    void listsFilterByEveryFilter() {
        long economy = responsibility("Kinh tế");
        long culture = responsibility("Văn hóa – Xã hội");
        long early = milestone("2020-02-20", economy, culture);
        long later = milestone("2020-03-10", economy, culture);
        long lateEconomy = create(early, economy, "Số liệu, bảng biểu khối kinh tế");
        Api.submit(lateEconomy);
        long draftCulture = create(early, culture, "Báo cáo chuyên đề văn hóa");
        long returnedEconomy = create(later, economy, "Dự thảo báo cáo Kinh tế");
        Api.submit(returnedEconomy);
        Api.returnSubmission(returnedEconomy, "Bổ sung số liệu năm 2019.");
        long acceptedCulture = create(later, culture, "Tổng hợp ý kiến góp ý");
        Api.submit(acceptedCulture);
        Api.accept(acceptedCulture);
        long otherSid = Api.createSubcommittee();
        long otherEconomy = Api.createResponsibility(otherSid, Api.createMember(otherSid, "MEMBER"), "Kinh tế",
                "Báo cáo chính trị", "SUPPORT");
        long foreign = create(Api.createMilestone(otherSid, "2020-02-22", Map.of("responsibilityIds", List.of(otherEconomy))),
                otherEconomy, "Số liệu, bảng biểu khối kinh tế");

        assertEquals(List.of(lateEconomy, draftCulture, returnedEconomy, acceptedCulture), mine());
        assertEquals(List.of(foreign), ids("/api/v1/submissions", "subcommitteeId", otherSid));
        assertEquals(List.of(lateEconomy, draftCulture), ids("/api/v1/submissions", "milestoneId", early));
        assertEquals(List.of(lateEconomy, returnedEconomy), ids("/api/v1/submissions", "responsibilityId", economy));
        assertEquals(List.of(lateEconomy, returnedEconomy), mine("area", "  KINH TE "));
        assertEquals(List.of(draftCulture, acceptedCulture), mine("area", "van hoa - xa hoi"));
        assertEquals(List.of(foreign), ids("/api/v1/submissions", "subcommitteeId", otherSid, "area", "kinh tế"));
        assertEquals(List.of(draftCulture), mine("status", "DRAFT"));
        assertEquals(List.of(lateEconomy), mine("status", "SUBMITTED"));
        assertEquals(List.of(returnedEconomy), mine("status", "RETURNED"));
        assertEquals(List.of(acceptedCulture), mine("status", "ACCEPTED"));
        assertEquals(List.of(lateEconomy), mine("late", "true"));
        assertEquals(List.of(draftCulture, returnedEconomy, acceptedCulture), mine("late", "false"));
        assertEquals(List.of(lateEconomy), mine("q", "so lieu"));
        assertEquals(List.of(lateEconomy, returnedEconomy), mine("q", "KINH tế"));
        assertEquals(List.of(draftCulture), mine("q", "van hoa bao cao"));
        assertEquals(List.of(acceptedCulture), mine("q", "ý kiến"));
        assertEquals(List.of(), mine("q", "bao cao y kien"));
        assertEquals(List.of(lateEconomy, draftCulture, returnedEconomy, acceptedCulture), mine("q", ""));
        assertEquals(List.of(returnedEconomy), mine("responsibilityId", economy, "status", "RETURNED"));

        assertEquals(List.of(draftCulture), ids(submissionsOf(early), "status", "DRAFT"));
        assertEquals(List.of(lateEconomy), ids(submissionsOf(early), "late", "true"));
        assertEquals(List.of(lateEconomy), ids(submissionsOf(early), "responsibilityId", economy));
        assertEquals(List.of(acceptedCulture), ids(submissionsOf(later), "area", "VĂN HÓA — XÃ HỘI"));
        assertEquals(List.of(returnedEconomy), ids(submissionsOf(later), "q", "du thao"));
    }

    @Test
    void aFilterNamingANonexistentIdGivesAnEmptyPage() {
        long goneSubcommittee = Api.createSubcommittee();
        given().delete("/api/v1/subcommittees/" + goneSubcommittee).then().statusCode(204);
        long goneMilestone = milestone("2020-02-22");
        given().delete("/api/v1/milestones/" + goneMilestone).then().statusCode(204);
        long goneResponsibility = responsibility("Kinh tế");
        given().delete("/api/v1/responsibilities/" + goneResponsibility).then().statusCode(204);
        long milestoneId = milestone("2020-02-22", responsibility("Văn hóa – Xã hội"));

        for (Object[] filter : List.of(new Object[] { "subcommitteeId", goneSubcommittee },
                new Object[] { "milestoneId", goneMilestone }, new Object[] { "responsibilityId", goneResponsibility })) {
            given().queryParam((String) filter[0], filter[1]).get("/api/v1/submissions").then().statusCode(200)
                    .body("items", emptyIterable()).body("totalItems", equalTo(0));
        }
        given().queryParam("responsibilityId", goneResponsibility).get(submissionsOf(milestoneId)).then().statusCode(200)
                .body("items", emptyIterable()).body("totalItems", equalTo(0));
    }

    @Test
    void anUnknownParameterOrSortFieldIsRefused() {
        given().queryParam("milestone", 1).get("/api/v1/submissions").then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of("milestone")));
        given().queryParam("sort", "content").get("/api/v1/submissions").then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of("sort")));
        given().queryParam("status", "LATE").get("/api/v1/submissions").then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of("status")));
    }

    @Test
    void sortsBySubmittedAtWithEmptyLastStatusInDeclaredOrderFoldedTitleAndCreatedAt() {
        Long[] responsibilities = new Long[5];
        for (int i = 0; i < responsibilities.length; i++) {
            responsibilities[i] = responsibility("Lĩnh vực " + i);
        }
        long milestoneId = milestone("2020-02-22", responsibilities);
        long a = create(milestoneId, responsibilities[0], "Đề cương báo cáo");
        clock.set(at("2020-02-21T09:01:00+07:00"));
        long b = create(milestoneId, responsibilities[1], "an toàn số liệu");
        clock.set(at("2020-02-21T09:02:00+07:00"));
        long c = create(milestoneId, responsibilities[2], "Báo cáo kiểm điểm");
        clock.set(at("2020-02-21T09:03:00+07:00"));
        long d = create(milestoneId, responsibilities[3], "Ấn phẩm tuyên truyền");
        clock.set(at("2020-02-21T09:04:00+07:00"));
        long e = create(milestoneId, responsibilities[4], "Bảng biểu tổng hợp");
        clock.set(at("2020-02-21T10:00:00+07:00"));
        Api.submit(b);
        Api.returnSubmission(b, "Bổ sung.");
        clock.set(at("2020-02-21T11:00:00+07:00"));
        Api.submit(c);
        Api.accept(c);
        clock.set(at("2020-02-21T12:00:00+07:00"));
        Api.submit(a);

        assertEquals(List.of(b, c, a, d, e), mine("sort", "submittedAt"));
        assertEquals(List.of(a, c, b, d, e), mine("sort", "-submittedAt"));
        assertEquals(List.of(d, e, a, b, c), mine("sort", "status"));
        assertEquals(List.of(c, b, a, d, e), mine("sort", "-status"));
        assertEquals(List.of(d, b, e, c, a), mine("sort", "title"));
        assertEquals(List.of(a, c, e, b, d), mine("sort", "-title"));
        assertEquals(List.of(a, b, c, d, e), mine("sort", "createdAt"));
        assertEquals(List.of(e, d, c, b, a), mine("sort", "-createdAt"));
        assertEquals(List.of(e, c), mine("sort", "title", "size", 2, "page", 1));
        assertEquals(List.of(a, c, b, d, e), ids(submissionsOf(milestoneId), "sort", "-submittedAt"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "DRAFT", "RETURNED" })
    void patchInDraftOrReturnedChangesOnlyTheFieldsSent(String status) {
        long id = inState(status);
        Map<String, Object> before = read(id).jsonPath().getMap("");
        clock.set(at("2020-02-21T15:00:00+07:00"));

        Map<String, Object> after = patch(id, "{\"title\":\"  Số liệu đã bổ sung \"}").then().statusCode(200)
                .extract().jsonPath().getMap("");
        assertEquals("Số liệu đã bổ sung", after.get("title"));
        assertEquals("2020-02-21T08:00:00.000Z", after.get("updatedAt"));
        for (String unchanged : List.of("content", "status", "revision", "responsibilityId", "submittedAt", "createdAt")) {
            assertEquals(before.get(unchanged), after.get(unchanged), unchanged);
        }

        Api.json().body("{\"content\":null}").patch(submission(id)).then().statusCode(200)
                .body("content", nullValue()).body("title", equalTo("Số liệu đã bổ sung"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "SUBMITTED", "ACCEPTED" })
    void patchIsRefusedOutsideDraftAndReturned(String status) {
        long id = inState(status);
        String etag = read(id).header("ETag");

        patch(id, "{\"title\":\"Sửa sau khi nộp\"}").then().spec(Api.problem(409, "SUBMISSION_LOCKED"));
        assertEquals(etag, read(id).header("ETag"));
    }

    @Test
    void deleteTakesADraftAway() {
        long id = draft();

        given().delete(submission(id)).then().statusCode(204);
        given().get(submission(id)).then().spec(Api.problem(404, "NOT_FOUND"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "SUBMITTED", "RETURNED", "ACCEPTED" })
    void deleteIsRefusedOutsideDraft(String status) {
        long id = inState(status);

        given().delete(submission(id)).then().spec(Api.problem(409, "SUBMISSION_LOCKED"));
        read(id).response().then().body("status", equalTo(status));
    }

    @Test
    void theWholeReviewCycleKeepsItsRecord() {
        long id = draft();
        clock.set(at("2020-02-22T10:00:00+07:00"));

        Api.submit(id);
        read(id).response().then()
                .body("status", equalTo("SUBMITTED"))
                .body("revision", equalTo(1))
                .body("firstSubmittedAt", equalTo("2020-02-22T03:00:00.000Z"))
                .body("submittedAt", equalTo("2020-02-22T03:00:00.000Z"))
                .body("late", equalTo(false))
                .body("allowedActions", equalTo(List.of("return", "accept", "comment")));

        clock.set(at("2020-02-22T14:00:00+07:00"));
        Api.returnSubmission(id, "Đề nghị bổ sung số liệu năm 2019.");
        read(id).response().then()
                .body("status", equalTo("RETURNED"))
                .body("revision", equalTo(1))
                .body("returnReason", equalTo("Đề nghị bổ sung số liệu năm 2019."))
                .body("allowedActions", equalTo(List.of("submit", "edit", "comment")));

        clock.set(at("2020-02-24T08:00:00+07:00"));
        Api.submit(id);
        read(id).response().then()
                .body("status", equalTo("SUBMITTED"))
                .body("revision", equalTo(2))
                .body("firstSubmittedAt", equalTo("2020-02-22T03:00:00.000Z"))
                .body("submittedAt", equalTo("2020-02-24T01:00:00.000Z"))
                .body("returnReason", equalTo("Đề nghị bổ sung số liệu năm 2019."))
                .body("late", equalTo(false));

        Api.returnSubmission(id, "Làm rõ nguồn số liệu.");
        clock.set(at("2020-02-25T08:00:00+07:00"));
        Api.submit(id);
        clock.set(at("2020-02-26T16:30:00+07:00"));
        Api.accept(id);
        read(id).response().then()
                .body("status", equalTo("ACCEPTED"))
                .body("revision", equalTo(3))
                .body("firstSubmittedAt", equalTo("2020-02-22T03:00:00.000Z"))
                .body("submittedAt", equalTo("2020-02-25T01:00:00.000Z"))
                .body("returnReason", equalTo("Làm rõ nguồn số liệu."))
                .body("acceptedAt", equalTo("2020-02-26T09:30:00.000Z"))
                .body("updatedAt", equalTo("2020-02-26T09:30:00.000Z"))
                .body("allowedActions", emptyIterable());
    }

    @Test
    void eachActionAnswers200WithTheResource() {
        long id = draft();

        given().noContentType().post(submission(id) + "/submit").then().statusCode(200)
                .body("id", equalTo((int) id)).body("status", equalTo("SUBMITTED"))
                .body("content", equalTo("Tăng trưởng GRDP bình quân 7,2%/năm."));
        Api.json().body(Map.of("reason", "Bổ sung.")).post(submission(id) + "/return").then().statusCode(200)
                .body("status", equalTo("RETURNED")).body("returnReason", equalTo("Bổ sung."));
        Api.json().body("{}").post(submission(id) + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("revision", equalTo(2));
        Api.json().body("{}").post(submission(id) + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("acceptedAt", equalTo("2020-02-21T02:00:00.000Z"));
    }

    @Test
    void anActionBodyWithAnUnknownFieldIsRefused() {
        long id = draft();

        Api.json().body(Map.of("reason", "Không cần")).post(submission(id) + "/submit")
                .then().spec(Api.problem(400, "UNKNOWN_FIELD")).body("errors.field", equalTo(List.of("reason")));
        read(id).response().then().body("status", equalTo("DRAFT"));
    }

    @Test
    void returnNeedsAReason() {
        long id = inState("SUBMITTED");

        Api.json().body("{}").post(submission(id) + "/return").then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of("reason")));
        read(id).response().then().body("status", equalTo("SUBMITTED")).body("returnReason", nullValue());
    }

    @ParameterizedTest(name = "{1} from {0}")
    @CsvSource(delimiter = '|', value = {
            "DRAFT     | return | submit,edit,delete",
            "DRAFT     | accept | submit,edit,delete",
            "SUBMITTED | submit | return,accept,comment",
            "RETURNED  | return | submit,edit,comment",
            "RETURNED  | accept | submit,edit,comment",
            "ACCEPTED  | submit | ",
            "ACCEPTED  | return | ",
            "ACCEPTED  | accept | " })
    void aMoveOutsideTheWorkflowIsRefusedWithTheAllowedActions(String status, String action, String allowed) {
        long id = inState(status);
        String etag = read(id).header("ETag");

        act(id, action).then().spec(Api.problem(409, "INVALID_TRANSITION"))
                .body("allowedActions", equalTo(allowed == null ? List.of() : List.of(allowed.split(","))));
        read(id).response().then().body("status", equalTo(status)).header("ETag", equalTo(etag));
    }

    @Test
    void acceptWaitsUntilNoCommentIsPending() {
        long id = inState("SUBMITTED");
        String beforeComment = read(id).header("ETag");
        long comment = Api.createComment(id);

        ExtractableResponse<Response> withComment = read(id);
        assertNotEquals(beforeComment, withComment.header("ETag"));
        assertEquals(List.of("return", "comment"), withComment.jsonPath().getList("allowedActions"));
        given().noContentType().post(submission(id) + "/accept").then().spec(Api.problem(409, "PENDING_COMMENTS"));
        read(id).response().then().body("status", equalTo("SUBMITTED")).body("acceptedAt", nullValue());

        Api.json().body(Map.of("disposition", "INCORPORATED")).patch("/api/v1/comments/" + comment).then().statusCode(200);
        read(id).response().then().body("allowedActions", equalTo(List.of("return", "accept", "comment")));
        given().noContentType().post(submission(id) + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("acceptedAt", equalTo("2020-02-21T02:00:00.000Z"));
    }

    @Test
    void submittingWhileACommentIsPendingIsAllowed() {
        long id = inState("RETURNED");
        Api.createComment(id);

        Api.submit(id);
        read(id).response().then().body("status", equalTo("SUBMITTED")).body("allowedActions",
                equalTo(List.of("return", "comment")));
    }

    @ParameterizedTest(name = "first submitted at {0} → late {1}")
    @CsvSource({
            "2020-02-22T23:59:59+07:00,     2020-02-22T16:59:59.000Z, false",
            "2020-02-22T23:59:59.999+07:00, 2020-02-22T16:59:59.999Z, false",
            "2020-02-23T00:00:00+07:00,     2020-02-22T17:00:00.000Z, true",
            "2020-02-22T17:00:00Z,          2020-02-22T17:00:00.000Z, true" })
    void lateMeansFirstSubmittedAfterTheDueDayEndedInHoChiMinhCity(String submittedAt, String stored, boolean late) {
        long id = draft();
        clock.set(OffsetDateTime.parse(submittedAt).toInstant());

        Api.submit(id);
        read(id).response().then().body("late", equalTo(late)).body("firstSubmittedAt", equalTo(stored));
    }

    @Test
    void aDraftIsNotLateEvenAfterTheDueDay() {
        clock.set(at("2020-03-01T09:00:00+07:00"));
        long id = draft();

        read(id).response().then().body("late", equalTo(false));
    }

    @Test
    void anOnTimeSubmissionStaysOnTimeWhateverHappensLater() {
        long responsibilityId = responsibility("Kinh tế");
        long milestoneId = milestone("2020-02-22", responsibilityId);
        long id = Api.createSubmission(milestoneId, responsibilityId);
        clock.set(at("2020-02-22T23:59:59+07:00"));
        Api.submit(id);

        Api.returnSubmission(id, "Bổ sung số liệu.");
        clock.set(at("2020-03-01T09:00:00+07:00"));
        Api.submit(id);
        Api.json().body(Map.of("dueOn", "2020-02-01")).patch("/api/v1/milestones/" + milestoneId).then().statusCode(200);

        read(id).response().then().body("late", equalTo(false)).body("revision", equalTo(2))
                .body("firstSubmittedAt", equalTo("2020-02-22T16:59:59.000Z"));
        assertEquals(List.of(id), mine("late", "false"));
    }

    @Test
    void aLateSubmissionStaysLateWhateverHappensLater() {
        long responsibilityId = responsibility("Kinh tế");
        long milestoneId = milestone("2020-02-22", responsibilityId);
        long id = Api.createSubmission(milestoneId, responsibilityId);
        clock.set(at("2020-02-23T00:00:00+07:00"));
        Api.submit(id);

        Api.returnSubmission(id, "Bổ sung số liệu.");
        clock.set(at("2020-02-10T09:00:00+07:00"));
        Api.submit(id);
        Api.json().body(Map.of("dueOn", "2020-12-31")).patch("/api/v1/milestones/" + milestoneId).then().statusCode(200);

        read(id).response().then().body("late", equalTo(true)).body("revision", equalTo(2));
        assertEquals(List.of(id), mine("late", "true"));
    }

    @Test
    void aMilestoneWithASubmissionCannotBeDeletedUntilTheDraftIsGone() {
        long id = draft();
        long milestoneId = read(id).jsonPath().getLong("milestoneId");

        given().delete("/api/v1/milestones/" + milestoneId).then().spec(Api.problem(409, "MILESTONE_HAS_SUBMISSIONS"));
        given().get("/api/v1/milestones/" + milestoneId).then().statusCode(200);

        given().delete(submission(id)).then().statusCode(204);
        given().delete("/api/v1/milestones/" + milestoneId).then().statusCode(204);
    }

    @Test
    void aResponsibilityWithASubmissionStaysInTheMilestone() {
        long submitting = responsibility("Kinh tế");
        long idle = responsibility("Văn hóa – Xã hội");
        long milestoneId = milestone("2020-02-22", submitting, idle);
        Api.createSubmission(milestoneId, submitting);

        Api.json().body(Map.of("responsibilityIds", List.of(idle))).patch("/api/v1/milestones/" + milestoneId)
                .then().spec(Api.problem(409, "RESPONSIBILITY_IN_USE"));
        Api.json().body(Map.of("responsibilityIds", List.of())).patch("/api/v1/milestones/" + milestoneId)
                .then().spec(Api.problem(409, "RESPONSIBILITY_IN_USE"));
        given().get("/api/v1/milestones/" + milestoneId).then().statusCode(200)
                .body("responsibilityIds", equalTo(List.of((int) submitting, (int) idle)));

        Api.json().body(Map.of("responsibilityIds", List.of(submitting))).patch("/api/v1/milestones/" + milestoneId)
                .then().statusCode(200).body("responsibilityIds", equalTo(List.of((int) submitting)));
    }

    @Test
    void aResponsibilityWithASubmissionCannotBeDeleted() {
        long responsibilityId = responsibility("Kinh tế");
        Api.createSubmission(milestone("2020-02-22", responsibilityId), responsibilityId);

        given().delete("/api/v1/responsibilities/" + responsibilityId).then().spec(Api.problem(409, "RESPONSIBILITY_IN_USE"));
        given().get("/api/v1/responsibilities/" + responsibilityId).then().statusCode(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "submit", "return", "accept", "patch", "delete" })
    void aStaleIfMatchIsRefusedAndNothingChanges(String operation) {
        long id = draft();
        String stale = read(id).header("ETag");
        if (List.of("return", "accept").contains(operation)) {
            Api.submit(id);
        } else {
            patch(id, "{\"title\":\"Bản mới\"}").then().statusCode(200);
        }
        ExtractableResponse<Response> before = read(id);

        var request = Api.json().header("If-Match", stale);
        Response response = switch (operation) {
            case "return" -> request.body(Map.of("reason", "Bổ sung.")).post(submission(id) + "/return");
            case "patch" -> request.body(Map.of("title", "Bản cũ")).patch(submission(id));
            case "delete" -> request.delete(submission(id));
            default -> request.post(submission(id) + "/" + operation);
        };

        response.then().spec(Api.problem(412, "PRECONDITION_FAILED"));
        ExtractableResponse<Response> after = read(id);
        assertEquals(before.header("ETag"), after.header("ETag"));
        assertEquals(before.jsonPath().getMap(""), after.jsonPath().getMap(""));
    }

    @Test
    void theCurrentIfMatchOrAStarLetsAnActionThrough() {
        long id = draft();

        given().noContentType().header("If-Match", read(id).header("ETag")).post(submission(id) + "/submit").then().statusCode(200);
        Api.json().header("If-Match", "*").body(Map.of("reason", "Bổ sung.")).post(submission(id) + "/return")
                .then().statusCode(200);
        given().noContentType().header("If-Match", read(id).header("ETag")).post(submission(id) + "/submit").then().statusCode(200);
        given().noContentType().header("If-Match", "*").post(submission(id) + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));
    }

    private static String tagMatchingARead(long id, Response response) {
        String tag = response.then().statusCode(200).extract().header("ETag");
        assertEquals(tag, read(id).header("ETag"));
        return tag;
    }

    @Test
    void theETagChangesAfterEveryActionAndMatchesARead() {
        long id = draft();

        List<String> tags = List.of(read(id).header("ETag"),
                tagMatchingARead(id, given().noContentType().post(submission(id) + "/submit")),
                tagMatchingARead(id, Api.json().body(Map.of("reason", "Bổ sung.")).post(submission(id) + "/return")),
                tagMatchingARead(id, given().noContentType().post(submission(id) + "/submit")),
                tagMatchingARead(id, given().noContentType().post(submission(id) + "/accept")));

        assertEquals(tags.size(), new HashSet<>(tags).size(), "every tag differs: " + tags);
        given().header("If-None-Match", tags.get(tags.size() - 1)).get(submission(id)).then().statusCode(304);
    }

    @Test
    void inAnArchivedSubcommitteeNothingMovesAndNothingIsAllowed() {
        long economy = responsibility("Kinh tế");
        long culture = responsibility("Văn hóa – Xã hội");
        long defence = responsibility("Quốc phòng – An ninh");
        long spare = responsibility("Xây dựng Đảng");
        long milestoneId = milestone("2020-02-22", economy, culture, defence, spare);
        long draft = Api.createSubmission(milestoneId, economy);
        long submitted = Api.createSubmission(milestoneId, culture);
        Api.submit(submitted);
        long returned = Api.createSubmission(milestoneId, defence);
        Api.submit(returned);
        Api.returnSubmission(returned, "Bổ sung.");
        String draftTag = read(draft).header("ETag");

        Api.archiveSubcommittee(sid);

        assertNotEquals(draftTag, read(draft).header("ETag"));
        for (long id : List.of(draft, submitted, returned)) {
            JsonPath before = read(id).jsonPath();
            assertEquals(List.of(), before.getList("allowedActions"));
            for (String action : List.of("submit", "return", "accept")) {
                act(id, action).then().spec(Api.problem(409, "SUBCOMMITTEE_ARCHIVED"));
            }
            patch(id, "{\"title\":\"Sửa khi đã lưu trữ\"}").then().spec(Api.problem(409, "SUBCOMMITTEE_ARCHIVED"));
            given().delete(submission(id)).then().spec(Api.problem(409, "SUBCOMMITTEE_ARCHIVED"));
            assertEquals(before.getMap(""), read(id).jsonPath().getMap(""));
        }
        given().get(submissionsOf(milestoneId)).then().statusCode(200)
                .body("items.allowedActions", everyItem(emptyIterable()));
        Api.json().body(Map.of("responsibilityId", spare, "title", "Số liệu")).post(submissionsOf(milestoneId))
                .then().spec(Api.problem(409, "SUBCOMMITTEE_ARCHIVED"));
    }
}
