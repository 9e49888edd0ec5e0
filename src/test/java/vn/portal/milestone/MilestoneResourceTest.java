package vn.portal.milestone;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
class MilestoneResourceTest {

    private static final LocalDate TODAY = LocalDate.of(2020, 2, 23);

    private FixedClock clock;
    private long sid;

    @BeforeEach
    void standOnTheTwentyThirdOfFebruary2020() {
        clock = FixedClock.installToday(TODAY);
        sid = Api.createSubcommittee();
    }

    private String milestones() {
        return "/api/v1/subcommittees/" + sid + "/milestones";
    }

    private static String milestone(long id) {
        return "/api/v1/milestones/" + id;
    }

    private long create(String dueOn, Object... overrides) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put((String) overrides[i], overrides[i + 1]);
        }
        return Api.createMilestone(sid, dueOn, fields);
    }

    private List<Long> listIds(Object... parameters) {
        Map<String, Object> query = new LinkedHashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            query.put((String) parameters[i], parameters[i + 1]);
        }
        return given().queryParams(query).get(milestones()).then().statusCode(200)
                .extract().jsonPath().getList("items.id", Long.class);
    }

    private static Response patch(long id, String json) {
        return Api.json().body(json).patch(milestone(id));
    }

    private static ExtractableResponse<Response> read(long id) {
        return given().get(milestone(id)).then().statusCode(200).extract();
    }

    private long responsibilityIn(long subcommitteeId) {
        long member = Api.createMember(subcommitteeId, "MEMBER");
        return Api.createResponsibility(subcommitteeId, member, "Kinh tế " + Api.unique(), "Báo cáo chính trị", "SUPPORT");
    }

    @Test
    void createAnswers201WithLocationETagAndDefaults() {
        Response created = Api.json().body(Map.of("title", "Các khối ngành hoàn thành số liệu, bảng biểu", "dueOn", "2020-02-22"))
                .post(milestones());

        created.then().statusCode(201)
                .body("subcommitteeId", equalTo((int) sid))
                .body("title", equalTo("Các khối ngành hoàn thành số liệu, bảng biểu"))
                .body("dueOn", equalTo("2020-02-22"))
                .body("status", equalTo("PLANNED"))
                .body("completedOn", nullValue())
                .body("responsibilityIds", emptyIterable())
                .body("description", nullValue());
        long id = created.jsonPath().getLong("id");
        assertEquals(milestone(id), created.header("Location"));
        ExtractableResponse<Response> read = read(id);
        assertEquals(created.jsonPath().getMap(""), read.jsonPath().getMap(""));
        assertEquals(created.header("ETag"), read.header("ETag"));
    }

    @Test
    void titleAndDueOnAreRequired() {
        Api.json().body("{}").post(milestones()).then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", hasItems("title", "dueOn"));
    }

    /** FuzzTest found these taken; -999999999-01-01 came back from H2 as +169087565-03-15. */
    @ParameterizedTest
    @ValueSource(strings = { "+999999999-12-31", "-999999999-01-01", "+10000-01-01", "99999-01-01", "-0001-01-01",
            "+2020-02-22" })
    void aDueDateIsYyyyMmDdWithAFourDigitYear(String dueOn) {
        Api.json().body(Map.of("title", "Mốc", "dueOn", dueOn)).post(milestones())
                .then().spec(Api.problem(400, "VALIDATION_FAILED")).body("errors.field", equalTo(List.of("dueOn")));
        given().queryParam("dueFrom", dueOn).get(milestones())
                .then().spec(Api.problem(400, "VALIDATION_FAILED")).body("errors.field", equalTo(List.of("dueFrom")));
        Api.json().body(Map.of("title", "Mốc", "dueOn", "0001-01-01")).post(milestones()).then().statusCode(201)
                .body("dueOn", equalTo("0001-01-01"));
        Api.json().body(Map.of("title", "Mốc", "dueOn", "9999-12-31")).post(milestones()).then().statusCode(201)
                .body("dueOn", equalTo("9999-12-31"));
    }

    @ParameterizedTest
    @CsvSource({ "title", "dueOn", "status", "responsibilityIds" })
    void patchNullForARequiredOrDefaultedFieldIsRefused(String field) {
        long id = create("2020-02-22");

        patch(id, "{\"" + field + "\":null}").then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of(field)));
    }

    @Test
    void patchChangesOnlyTheFieldsSentAndNullClearsTheDescription() {
        long id = create("2020-02-22", "description", "Hạn chót theo kết luận phiên họp thứ nhất", "status", "IN_PROGRESS");
        Map<String, Object> before = read(id).jsonPath().getMap("");

        Map<String, Object> after = patch(id, "{\"dueOn\":\"2020-02-28\"}").then().statusCode(200).extract().jsonPath().getMap("");
        assertEquals("2020-02-28", after.get("dueOn"));
        for (String unchanged : List.of("title", "description", "status", "responsibilityIds", "createdAt")) {
            assertEquals(before.get(unchanged), after.get(unchanged), unchanged);
        }

        patch(id, "{\"description\":null}").then().statusCode(200).body("description", nullValue())
                .body("dueOn", equalTo("2020-02-28"));
    }

    @Test
    void aMilestoneOfAnUnknownSubcommitteeIsNotFound() {
        long gone = Api.createSubcommittee();
        given().delete("/api/v1/subcommittees/" + gone).then().statusCode(204);

        given().get("/api/v1/subcommittees/" + gone + "/milestones").then().spec(Api.problem(404, "NOT_FOUND"));
        Api.json().body(Map.of("title", "Mồ côi", "dueOn", "2020-02-22")).post("/api/v1/subcommittees/" + gone + "/milestones")
                .then().spec(Api.problem(404, "NOT_FOUND"));
    }

    @ParameterizedTest(name = "{0} due {1} → overdue {2}")
    @CsvSource({
            "PLANNED,     2020-02-22, true",
            "IN_PROGRESS, 2020-02-22, true",
            "IN_PROGRESS, 2019-12-31, true",
            "DONE,        2020-02-22, false",
            "CANCELLED,   2020-02-22, false",
            "PLANNED,     2020-02-23, false",
            "IN_PROGRESS, 2020-02-24, false" })
    void overdueOnlyWhenNotDoneOrCancelledAndTodayIsAfterDueOn(String status, String dueOn, boolean overdue) {
        long id = create(dueOn, "status", status);

        read(id).response().then().body("overdue", equalTo(overdue));
    }

    @Test
    void theDueDayEndsAtMidnightInHoChiMinhCity() {
        long id = create("2020-02-22");

        clock.set(OffsetDateTime.parse("2020-02-22T23:59:59.999+07:00").toInstant());
        read(id).response().then().body("overdue", equalTo(false));

        clock.set(OffsetDateTime.parse("2020-02-23T00:00:00+07:00").toInstant());
        read(id).response().then().body("overdue", equalTo(true));
    }

    @Test
    void filterOverdueSelectsByTheComputedFlag() {
        long lateOpen = create("2020-02-22");
        long done = create("2020-02-20", "status", "DONE");
        long dueToday = create("2020-02-23");
        long lateInProgress = create("2020-02-01", "status", "IN_PROGRESS");
        long cancelled = create("2020-02-01", "status", "CANCELLED");

        assertEquals(List.of(lateInProgress, lateOpen), listIds("overdue", "true"));
        assertEquals(List.of(cancelled, done, dueToday), listIds("overdue", "false"));
    }

    @Test
    void filterStatus() {
        create("2020-02-22");
        long done = create("2020-02-20", "status", "DONE");
        long inProgress = create("2020-02-25", "status", "IN_PROGRESS");

        assertEquals(List.of(done), listIds("status", "DONE"));
        assertEquals(List.of(inProgress), listIds("status", "IN_PROGRESS"));
        assertEquals(List.of(), listIds("status", "CANCELLED"));
    }

    @Test
    void dueFromAndDueToAreInclusive() {
        long d20 = create("2020-02-20");
        long d21 = create("2020-02-21");
        long d22 = create("2020-02-22");
        long d23 = create("2020-02-23");

        assertEquals(List.of(d21, d22), listIds("dueFrom", "2020-02-21", "dueTo", "2020-02-22"));
        assertEquals(List.of(d22, d23), listIds("dueFrom", "2020-02-22"));
        assertEquals(List.of(d20), listIds("dueTo", "2020-02-20"));
        assertEquals(List.of(d21), listIds("dueFrom", "2020-02-21", "dueTo", "2020-02-21"));
        assertEquals(List.of(), listIds("dueFrom", "2020-02-24"));
    }

    @Test
    void qSearchesTheFoldedTitle() {
        long draft = create("2020-03-01", "title", "Dự thảo lần 1 Báo cáo chính trị");
        long comments = create("2020-03-10", "title", "Tổng hợp ý kiến góp ý");
        long tables = create("2020-02-22", "title", "Số liệu, bảng biểu");

        assertEquals(List.of(draft), listIds("q", "bao cao"));
        assertEquals(List.of(draft), listIds("q", "CHINH du thao"));
        assertEquals(List.of(comments), listIds("q", "ý kiến"));
        assertEquals(List.of(tables), listIds("q", "so lieu bang"));
        assertEquals(List.of(), listIds("q", "bao cao y kien"));
    }

    @Test
    void defaultOrderIsDueOnThenId() {
        long late25 = create("2020-02-25");
        long early = create("2020-02-20");
        long later25 = create("2020-02-25");
        long middle = create("2020-02-22");

        assertEquals(List.of(early, middle, late25, later25), listIds());
    }

    @Test
    void sortDescendingDueOn() {
        long d22 = create("2020-02-22");
        long d25 = create("2020-02-25");
        long d20 = create("2020-02-20");

        assertEquals(List.of(d25, d22, d20), listIds("sort", "-dueOn"));
    }

    @Test
    void sortTitleUsesTheFoldedText() {
        long deCuong = create("2020-03-01", "title", "Đề cương báo cáo");
        long duThao = create("2020-03-01", "title", "dự thảo");
        long anPham = create("2020-03-01", "title", "Ấn phẩm tuyên truyền");
        long baoCao = create("2020-03-01", "title", "Báo cáo kiểm điểm");
        long anToan = create("2020-03-01", "title", "an toàn thông tin");

        assertEquals(List.of(anPham, anToan, baoCao, deCuong, duThao), listIds("sort", "title"));
        assertEquals(List.of(duThao, deCuong, baoCao, anToan, anPham), listIds("sort", "-title"));
    }

    @Test
    void sortStatusFollowsTheDeclaredOrder() {
        long cancelled = create("2020-03-01", "status", "CANCELLED");
        long done = create("2020-03-01", "status", "DONE");
        long inProgress = create("2020-03-01", "status", "IN_PROGRESS");
        long planned = create("2020-03-01", "status", "PLANNED");

        assertEquals(List.of(planned, inProgress, done, cancelled), listIds("sort", "status"));
        assertEquals(List.of(cancelled, done, inProgress, planned), listIds("sort", "-status"));
    }

    @Test
    void completedOnIsTheDayItBecameDoneAndIsClearedWhenItLeavesDone() {
        long id = create("2020-02-22");
        read(id).response().then().body("completedOn", nullValue());

        patch(id, "{\"status\":\"DONE\"}").then().statusCode(200).body("completedOn", equalTo("2020-02-23"));

        clock.set(OffsetDateTime.parse("2020-02-25T09:00:00+07:00").toInstant());
        patch(id, "{\"status\":\"DONE\",\"title\":\"Đã xong\"}").then().statusCode(200).body("completedOn", equalTo("2020-02-23"));
        patch(id, "{\"status\":\"IN_PROGRESS\"}").then().statusCode(200).body("completedOn", nullValue());
        patch(id, "{\"status\":\"DONE\"}").then().statusCode(200).body("completedOn", equalTo("2020-02-25"));
        patch(id, "{\"status\":\"CANCELLED\"}").then().statusCode(200).body("completedOn", nullValue());
        read(id).response().then().body("completedOn", nullValue());
    }

    @Test
    void aMilestoneCreatedDoneIsCompletedToday() {
        long id = create("2020-02-22", "status", "DONE");

        read(id).response().then().body("completedOn", equalTo("2020-02-23")).body("overdue", equalTo(false));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "completedOn | \"2020-02-23\"",
            "completedOn | null",
            "overdue     | false",
            "overdue     | true",
            "subcommitteeId | 1",
            "id          | 1",
            "version     | 0" })
    void readOnlyFieldsAreRefusedOnCreate(String field, String json) {
        Api.json().body("{\"title\":\"Mốc\",\"dueOn\":\"2020-02-22\",\"" + field + "\":" + json + "}").post(milestones())
                .then().spec(Api.problem(400, "READ_ONLY_FIELD")).body("errors.field", equalTo(List.of(field)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "completedOn | null",
            "completedOn | \"2020-02-23\"",
            "overdue     | false",
            "overdue     | true" })
    void readOnlyFieldsAreRefusedOnPatchEvenWithTheirCurrentValue(String field, String json) {
        long id = create("2020-02-25");
        ExtractableResponse<Response> before = read(id);

        patch(id, "{\"" + field + "\":" + json + "}").then().spec(Api.problem(400, "READ_ONLY_FIELD"))
                .body("errors.field", equalTo(List.of(field)));

        assertEquals(before.header("ETag"), read(id).header("ETag"));
    }

    @Test
    void responsibilityIdsMustBelongToTheSameSubcommittee() {
        long own = responsibilityIn(sid);
        long foreign = responsibilityIn(Api.createSubcommittee());

        Api.json().body(Map.of("title", "Mốc", "dueOn", "2020-02-22", "responsibilityIds", List.of(own, foreign)))
                .post(milestones()).then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of("responsibilityIds[1]")));

        long id = create("2020-02-22");
        patch(id, "{\"responsibilityIds\":[" + own + "," + foreign + "]}").then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of("responsibilityIds[1]")));
        read(id).response().then().body("responsibilityIds", emptyIterable());
    }

    @Test
    void anUnknownResponsibilityIdIsRefusedByItsIndex() {
        long own = responsibilityIn(sid);

        Api.json().body(Map.of("title", "Mốc", "dueOn", "2020-02-22", "responsibilityIds", List.of(own, own + 1_000_000)))
                .post(milestones()).then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of("responsibilityIds[1]")));
    }

    @Test
    void duplicateResponsibilityIdsAreRefused() {
        long own = responsibilityIn(sid);
        long other = responsibilityIn(sid);

        Api.json().body(Map.of("title", "Mốc", "dueOn", "2020-02-22", "responsibilityIds", List.of(own, other, own)))
                .post(milestones()).then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of("responsibilityIds[2]")));
    }

    @Test
    void responsibilityIdsAreReturnedSortedAndReplacedByAPatch() {
        long first = responsibilityIn(sid);
        long second = responsibilityIn(sid);
        long third = responsibilityIn(sid);

        long id = Api.json().body(Map.of("title", "Mốc", "dueOn", "2020-02-22", "responsibilityIds", List.of(third, first, second)))
                .post(milestones()).then().statusCode(201).extract().jsonPath().getLong("id");
        assertEquals(List.of(first, second, third), read(id).jsonPath().getList("responsibilityIds", Long.class));

        String before = read(id).header("ETag");
        patch(id, "{\"responsibilityIds\":[" + third + "," + second + "]}").then().statusCode(200);
        ExtractableResponse<Response> replaced = read(id);
        assertEquals(List.of(second, third), replaced.jsonPath().getList("responsibilityIds", Long.class));
        assertNotEquals(before, replaced.header("ETag"));

        patch(id, "{\"responsibilityIds\":[]}").then().statusCode(200).body("responsibilityIds", emptyIterable());
    }

    @Test
    void theETagChangesWhenOverdueFlipsBecauseTheDayMoved() {
        clock.set(OffsetDateTime.parse("2020-02-22T12:00:00+07:00").toInstant());
        long id = create("2020-02-22");
        ExtractableResponse<Response> onTime = read(id);
        onTime.response().then().body("overdue", equalTo(false));

        clock.set(OffsetDateTime.parse("2020-02-23T12:00:00+07:00").toInstant());
        ExtractableResponse<Response> late = read(id);
        late.response().then().body("overdue", equalTo(true));

        assertNotEquals(onTime.header("ETag"), late.header("ETag"));
        given().header("If-None-Match", onTime.header("ETag")).get(milestone(id)).then().statusCode(200)
                .body("overdue", equalTo(true));
        given().header("If-None-Match", late.header("ETag")).get(milestone(id)).then().statusCode(304);
    }

    @Test
    void deleteAnswers204AndTheMilestoneIsGone() {
        long kept = create("2020-02-22");
        long id = create("2020-02-23");

        given().delete(milestone(id)).then().statusCode(204);

        given().get(milestone(id)).then().spec(Api.problem(404, "NOT_FOUND"));
        assertEquals(List.of(kept), listIds());
    }
}
