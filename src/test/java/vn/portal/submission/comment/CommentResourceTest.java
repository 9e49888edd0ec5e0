package vn.portal.submission.comment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
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
class CommentResourceTest {

    private static final Instant NOW = OffsetDateTime.parse("2020-02-21T09:15:30.123+07:00").toInstant();
    private static final String RATIONALE = "Số liệu năm 2019 chưa được Cục Thống kê công bố chính thức.";

    private FixedClock clock;

    @BeforeEach
    void standOnTheTwentyFirstOfFebruary2020() {
        clock = FixedClock.install(NOW);
    }

    private static String comments(long submissionId) {
        return "/api/v1/submissions/" + submissionId + "/comments";
    }

    private static String comment(long id) {
        return "/api/v1/comments/" + id;
    }

    private static Response create(long submissionId, String json) {
        return Api.json().body(json).post(comments(submissionId));
    }

    private static RequestSpecification mergePatch() {
        return Api.exact().contentType("application/merge-patch+json; charset=UTF-8");
    }

    private static Response patch(long id, String json) {
        return mergePatch().body(json).patch(comment(id));
    }

    private static Response patch(long id, String ifMatch, String json) {
        return mergePatch().header("If-Match", ifMatch).body(json).patch(comment(id));
    }

    private static ExtractableResponse<Response> read(long id) {
        return given().get(comment(id)).then().statusCode(200).extract();
    }

    private static List<Long> listIds(long submissionId, Object... parameters) {
        Map<String, Object> query = new LinkedHashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            query.put((String) parameters[i], parameters[i + 1]);
        }
        return given().queryParams(query).get(comments(submissionId)).then().statusCode(200)
                .extract().jsonPath().getList("items.id", Long.class);
    }

    private void moveClockTo(String instant) {
        clock.set(OffsetDateTime.parse(instant).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = { "SUBMITTED", "RETURNED" })
    void aCommentOnASubmittedOrReturnedSubmissionIsCreatedPendingWithItsTextTrimmed(String status) {
        long sid = Api.createSubmissionIn(status);

        Response created = create(sid, "{\"body\":\"  Đề nghị bổ sung số liệu về thu hút đầu tư nước ngoài năm 2019.\\n"
                + "Làm rõ nguồn số liệu.  \",\"section\":\"Phần I, mục 2\"}");

        created.then().statusCode(201)
                .header("ETag", notNullValue())
                .body("submissionId", equalTo((int) sid))
                .body("body", equalTo("Đề nghị bổ sung số liệu về thu hút đầu tư nước ngoài năm 2019.\nLàm rõ nguồn số liệu."))
                .body("section", equalTo("Phần I, mục 2"))
                .body("disposition", equalTo("PENDING"))
                .body("rationale", nullValue())
                .body("authorUserId", equalTo(Api.myUserId()))
                .body("disposedByUserId", nullValue())
                .body("disposedAt", nullValue())
                .body("createdAt", equalTo("2020-02-21T02:15:30.123Z"))
                .body("updatedAt", equalTo("2020-02-21T02:15:30.123Z"));
        long id = created.jsonPath().getLong("id");
        assertEquals(comment(id), created.header("Location"));
        ExtractableResponse<Response> read = read(id);
        assertEquals(created.jsonPath().getMap(""), read.jsonPath().getMap(""));
        assertEquals(created.header("ETag"), read.header("ETag"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "DRAFT", "ACCEPTED" })
    void commentsAreClosedOnDraftAndAcceptedSubmissions(String status) {
        long sid = Api.createSubmissionIn(status);

        create(sid, "{\"body\":\"Ý kiến muộn\"}").then().spec(Api.problem(409, "COMMENTS_CLOSED"));

        assertEquals(List.of(), listIds(sid));
    }

    @Test
    void aNewCommentMayStatePendingExplicitly() {
        long sid = Api.createSubmissionIn("SUBMITTED");

        create(sid, "{\"body\":\"Ý kiến\",\"disposition\":\"PENDING\"}").then().statusCode(201)
                .body("disposition", equalTo("PENDING"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "INCORPORATED", "EXPLAINED", "REJECTED" })
    void aNewCommentCannotStartDisposed(String disposition) {
        long sid = Api.createSubmissionIn("SUBMITTED");

        create(sid, "{\"body\":\"Ý kiến\",\"disposition\":\"" + disposition + "\",\"rationale\":\"" + RATIONALE + "\"}")
                .then().spec(Api.problem(400, "VALIDATION_FAILED")).body("errors.field", equalTo(List.of("disposition")));

        assertEquals(List.of(), listIds(sid));
    }

    @ParameterizedTest
    @ValueSource(strings = { "{}", "{\"body\":null}", "{\"body\":\"   \"}", "{\"section\":\"Phần I\"}" })
    void bodyIsRequired(String json) {
        long sid = Api.createSubmissionIn("SUBMITTED");

        create(sid, json).then().spec(Api.problem(400, "VALIDATION_FAILED")).body("errors.field", equalTo(List.of("body")));
    }

    @Test
    void bodyMayHoldUpTo20000Characters() {
        long sid = Api.createSubmissionIn("SUBMITTED");
        String longest = "ệ".repeat(20_000);

        long id = create(sid, "{\"body\":\"" + longest + "\"}").then().statusCode(201).extract().jsonPath().getLong("id");
        assertEquals(longest, read(id).path("body"));

        create(sid, "{\"body\":\"" + longest + "a\"}").then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of("body")));
        assertEquals(List.of(id), listIds(sid));
    }

    @Test
    void incorporatedNeedsNoRationale() {
        long id = Api.createComment(Api.createSubmissionIn("SUBMITTED"), "Đề nghị bổ sung số liệu năm 2019.");

        patch(id, "{\"disposition\":\"INCORPORATED\"}").then().statusCode(200)
                .body("disposition", equalTo("INCORPORATED"))
                .body("rationale", nullValue())
                .body("disposedByUserId", equalTo(Api.myUserId()))
                .body("disposedAt", equalTo("2020-02-21T02:15:30.123Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "EXPLAINED", "REJECTED" })
    void explainedAndRejectedNeedARationale(String disposition) {
        long id = Api.createComment(Api.createSubmissionIn("SUBMITTED"), "Đề nghị bổ sung số liệu năm 2019.");
        String pending = read(id).header("ETag");

        patch(id, "{\"disposition\":\"" + disposition + "\"}").then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of("rationale")));
        patch(id, "{\"disposition\":\"" + disposition + "\",\"rationale\":\"  \"}")
                .then().spec(Api.problem(400, "VALIDATION_FAILED")).body("errors.field", equalTo(List.of("rationale")));
        assertEquals(pending, read(id).header("ETag"));

        patch(id, "{\"disposition\":\"" + disposition + "\",\"rationale\":\"" + RATIONALE + "\"}").then().statusCode(200)
                .body("disposition", equalTo(disposition)).body("rationale", equalTo(RATIONALE));

        patch(id, "{\"rationale\":null}").then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of("rationale")));
        read(id).response().then().body("rationale", equalTo(RATIONALE));
    }

    @ParameterizedTest
    @ValueSource(strings = { "INCORPORATED", "EXPLAINED", "REJECTED" })
    void aDisposedCommentNeverGoesBackToPending(String disposition) {
        long id = Api.createComment(Api.createSubmissionIn("SUBMITTED"), "Ý kiến");
        Api.disposeComment(id, disposition, RATIONALE);

        patch(id, "{\"disposition\":\"PENDING\"}").then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of("disposition")));

        read(id).response().then().body("disposition", equalTo(disposition));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "body             | \"Đề nghị bổ sung số liệu năm 2019.\"",
            "body             | \"Nội dung khác\"",
            "submissionId     | 1",
            "authorUserId     | null",
            "disposedByUserId | null",
            "disposedAt       | null",
            "createdAt        | \"2020-02-21T02:15:30.123Z\"" })
    void readOnlyFieldsAreRefusedInAPatchEvenWithTheirCurrentValue(String field, String json) {
        long id = Api.createComment(Api.createSubmissionIn("SUBMITTED"), "Đề nghị bổ sung số liệu năm 2019.");
        String before = read(id).header("ETag");

        patch(id, "{\"disposition\":\"INCORPORATED\",\"" + field + "\":" + json + "}")
                .then().spec(Api.problem(400, "READ_ONLY_FIELD")).body("errors.field", equalTo(List.of(field)));

        assertEquals(before, read(id).header("ETag"));
    }

    @Test
    void disposedAtIsTheInstantTheDispositionLastChanged() {
        long id = Api.createComment(Api.createSubmissionIn("SUBMITTED"), "Ý kiến");

        moveClockTo("2020-02-22T08:00:00.456+07:00");
        patch(id, "{\"disposition\":\"INCORPORATED\"}").then().statusCode(200)
                .body("disposedAt", equalTo("2020-02-22T01:00:00.456Z"));

        moveClockTo("2020-02-23T10:30:00.789+07:00");
        patch(id, "{\"section\":\"Phần II\"}").then().statusCode(200).body("disposedAt", equalTo("2020-02-22T01:00:00.456Z"));
        patch(id, "{\"disposition\":\"INCORPORATED\"}").then().statusCode(200)
                .body("disposedAt", equalTo("2020-02-22T01:00:00.456Z"));

        moveClockTo("2020-02-24T16:45:12.001+07:00");
        patch(id, "{\"disposition\":\"EXPLAINED\",\"rationale\":\"" + RATIONALE + "\"}").then().statusCode(200)
                .body("disposedAt", equalTo("2020-02-24T09:45:12.001Z"));
        read(id).response().then().body("disposedAt", equalTo("2020-02-24T09:45:12.001Z"))
                .body("disposition", equalTo("EXPLAINED"));
    }

    @Test
    void dispositionsMayStillChangeWhileTheSubmissionIsReturned() {
        long sid = Api.createSubmissionIn("SUBMITTED");
        long id = Api.createComment(sid, "Ý kiến");
        Api.returnSubmission(sid, "Đề nghị tiếp thu ý kiến góp ý.");

        patch(id, "{\"disposition\":\"INCORPORATED\"}").then().statusCode(200).body("disposition", equalTo("INCORPORATED"));
        patch(id, "{\"disposition\":\"REJECTED\",\"rationale\":\"" + RATIONALE + "\"}").then().statusCode(200)
                .body("disposition", equalTo("REJECTED"));
    }

    @Test
    void dispositionsAreClosedOnceTheSubmissionIsAccepted() {
        long sid = Api.createSubmissionIn("SUBMITTED");
        long id = Api.createComment(sid, "Ý kiến");
        Api.disposeComment(id, "INCORPORATED", null);
        Api.accept(sid);
        String before = read(id).header("ETag");

        patch(id, "{\"disposition\":\"REJECTED\",\"rationale\":\"" + RATIONALE + "\"}")
                .then().spec(Api.problem(409, "COMMENTS_CLOSED"));

        ExtractableResponse<Response> after = read(id);
        assertEquals("INCORPORATED", after.path("disposition"));
        assertEquals(before, after.header("ETag"));
    }

    @Test
    void listShowsOneSubmissionsCommentsFilteredByDispositionAndPaged() {
        long sid = Api.createSubmissionIn("SUBMITTED");
        long other = Api.createSubmissionIn("SUBMITTED");
        Api.createComment(other, "Ý kiến về báo cáo khác");
        long c1 = Api.createComment(sid, "Ý kiến 1");
        long c2 = Api.createComment(sid, "Ý kiến 2");
        long c3 = Api.createComment(sid, "Ý kiến 3");
        long c4 = Api.createComment(sid, "Ý kiến 4");
        long c5 = Api.createComment(sid, "Ý kiến 5");
        Api.disposeComment(c2, "INCORPORATED", null);
        Api.disposeComment(c4, "INCORPORATED", null);
        Api.disposeComment(c5, "REJECTED", RATIONALE);

        assertEquals(List.of(c1, c2, c3, c4, c5), listIds(sid));
        assertEquals(List.of(c2, c4), listIds(sid, "disposition", "INCORPORATED"));
        assertEquals(List.of(c1, c3), listIds(sid, "disposition", "PENDING"));
        assertEquals(List.of(c5), listIds(sid, "disposition", "REJECTED"));
        assertEquals(List.of(), listIds(sid, "disposition", "EXPLAINED"));

        given().queryParam("size", 2).queryParam("page", 1).get(comments(sid)).then().statusCode(200)
                .body("page", equalTo(1)).body("size", equalTo(2))
                .body("totalItems", equalTo(5)).body("totalPages", equalTo(3));
        assertEquals(List.of(c3, c4), listIds(sid, "size", 2, "page", 1));
        assertEquals(List.of(c5), listIds(sid, "size", 2, "page", 2));
        assertEquals(List.of(), listIds(sid, "size", 2, "page", 3));
        given().queryParam("disposition", "INCORPORATED").queryParam("size", 1).queryParam("page", 1).get(comments(sid))
                .then().statusCode(200).body("totalItems", equalTo(2)).body("totalPages", equalTo(2));
        assertEquals(List.of(c4), listIds(sid, "disposition", "INCORPORATED", "size", 1, "page", 1));
    }

    @Test
    void anUnknownDispositionFilterIsRefused() {
        long sid = Api.createSubmissionIn("SUBMITTED");

        given().queryParam("disposition", "ACCEPTED").get(comments(sid)).then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of("disposition")));
    }

    @Test
    void unknownIdsAreNotFound() {
        long gone = Api.createSubmissionIn("DRAFT");
        given().delete("/api/v1/submissions/" + gone).then().statusCode(204);

        given().get(comments(gone)).then().spec(Api.problem(404, "NOT_FOUND"));
        create(gone, "{\"body\":\"Ý kiến\"}").then().spec(Api.problem(404, "NOT_FOUND"));
        given().get(comment(Long.MAX_VALUE)).then().spec(Api.problem(404, "NOT_FOUND"));
        patch(Long.MAX_VALUE, "{\"disposition\":\"INCORPORATED\"}").then().spec(Api.problem(404, "NOT_FOUND"));
    }

    @Test
    void aStaleIfMatchIsRefusedWith412AndNothingChanges() {
        long id = Api.createComment(Api.createSubmissionIn("SUBMITTED"), "Ý kiến");
        String pending = read(id).header("ETag");
        String incorporated = patch(id, pending, "{\"disposition\":\"INCORPORATED\"}").then().statusCode(200)
                .extract().header("ETag");

        patch(id, pending, "{\"disposition\":\"REJECTED\",\"rationale\":\"" + RATIONALE + "\"}")
                .then().spec(Api.problem(412, "PRECONDITION_FAILED"));

        ExtractableResponse<Response> after = read(id);
        assertEquals("INCORPORATED", after.path("disposition"));
        assertEquals(incorporated, after.header("ETag"));
        patch(id, "*", "{\"disposition\":\"REJECTED\",\"rationale\":\"" + RATIONALE + "\"}").then().statusCode(200)
                .body("disposition", equalTo("REJECTED"));
    }
}
