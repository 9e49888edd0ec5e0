package vn.portal.responsibility;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.portal.support.Api;

@QuarkusTest
class ResponsibilityResourceTest {

    private static String responsibilities(long sid) {
        return "/api/v1/subcommittees/" + sid + "/responsibilities";
    }

    private static String responsibility(long id) {
        return "/api/v1/responsibilities/" + id;
    }

    private static String matrix(long sid) {
        return "/api/v1/subcommittees/" + sid + "/responsibility-matrix";
    }

    private static Map<String, Object> body(long memberId, String area, String section, String role, Object... pairs) {
        Map<String, Object> map = new HashMap<>(Map.of("memberId", memberId, "area", area, "documentSection", section,
                "title", "Nhiệm vụ " + Api.unique(), "role", role));
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static ValidatableResponse create(long sid, Map<String, Object> body) {
        return Api.json().body(body).post(responsibilities(sid)).then();
    }

    private static ValidatableResponse patch(long id, Map<String, ?> body) {
        return Api.json().body(body).patch(responsibility(id)).then();
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status, String code) {
        return response.statusCode(status).contentType(startsWith("application/problem+json")).body("code", equalTo(code));
    }

    private static List<Long> ids(long sid, Object... query) {
        var request = given();
        for (int i = 0; i < query.length; i += 2) {
            request.queryParam((String) query[i], query[i + 1]);
        }
        return request.get(responsibilities(sid)).then().statusCode(200).extract().jsonPath().getList("items.id", Long.class);
    }

    private static long withDue(long sid, long memberId, String area, String dueOn) {
        Map<String, Object> body = body(memberId, area, "Phần " + Api.unique(), "SUPPORT");
        body.put("dueOn", dueOn);
        return create(sid, body).statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void createAnswers201WithRelativeLocationETagAndTrimmedFields() {
        long sid = Api.createSubcommittee();
        long member = Api.createMember(sid, "MEMBER");
        var created = create(sid, Map.of("memberId", member, "area", "  Kinh tế ", "documentSection",
                " Báo cáo chính trị / Phần I ", "title", " Số liệu, bảng biểu khối kinh tế ",
                "description", "Tổng hợp số liệu nhiệm kỳ 2015–2020.", "role", "LEAD", "dueOn", "2020-02-22"))
                .statusCode(201)
                .header("ETag", notNullValue())
                .body("subcommitteeId", equalTo((int) sid))
                .body("memberId", equalTo((int) member))
                .body("area", equalTo("Kinh tế"))
                .body("documentSection", equalTo("Báo cáo chính trị / Phần I"))
                .body("title", equalTo("Số liệu, bảng biểu khối kinh tế"))
                .body("description", equalTo("Tổng hợp số liệu nhiệm kỳ 2015–2020."))
                .body("role", equalTo("LEAD"))
                .body("dueOn", equalTo("2020-02-22"))
                .body("createdAt", notNullValue())
                .body("version", notNullValue())
                .extract();
        long id = created.jsonPath().getLong("id");
        assertEquals("/api/v1/responsibilities/" + id, created.header("Location"));
        given().get(responsibility(id)).then().statusCode(200)
                .header("ETag", notNullValue())
                .body("area", equalTo("Kinh tế"))
                .body("createdAt", equalTo(created.jsonPath().getString("createdAt")));
        given().header("If-None-Match", created.header("ETag")).get(responsibility(id)).then().statusCode(304);
    }

    @Test
    void createRequiresMemberAreaSectionTitleAndRole() {
        long sid = Api.createSubcommittee();
        problem(Api.json().body(Map.of()).post(responsibilities(sid)).then(), 400, "VALIDATION_FAILED")
                .body("errors.field", containsInAnyOrder("memberId", "area", "documentSection", "title", "role"));
    }

    @Test
    void createRefusesBadValuesAndReadOnlyOrUnknownFields() {
        long sid = Api.createSubcommittee();
        long member = Api.createMember(sid, "MEMBER");
        problem(create(sid, body(member, "K".repeat(121), "Phần I", "LEAD")), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("area"));
        problem(create(sid, body(member, "Kinh tế", "Phần I", "CHAIR")), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("role"));
        problem(create(sid, body(member, "Kinh tế", "Phần I", "LEAD", "dueOn", "22/02/2020")), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("dueOn"));
        problem(create(sid, body(member, "Kinh tế", "Phần I", "LEAD", "subcommitteeId", sid)), 400, "READ_ONLY_FIELD")
                .body("errors.field", contains("subcommitteeId"));
        problem(create(sid, body(member, "Kinh tế", "Phần I", "LEAD", "owner", "x")), 400, "UNKNOWN_FIELD")
                .body("errors.field", contains("owner"));
        assertEquals(List.of(), ids(sid));
    }

    @Test
    void memberOfAnotherSubcommitteeOrNoMemberIsRefusedNamingMemberId() {
        long sid = Api.createSubcommittee();
        long own = Api.createMember(sid, "MEMBER");
        long foreign = Api.createMember(Api.createSubcommittee(), "MEMBER");
        problem(create(sid, body(foreign, "Kinh tế", "Phần I", "LEAD")), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("memberId"));
        problem(create(sid, body(Long.MAX_VALUE, "Kinh tế", "Phần I", "LEAD")), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("memberId"));
        long id = Api.createResponsibility(sid, own, "Kinh tế", "Phần I", "LEAD");
        problem(patch(id, Map.of("memberId", foreign)), 400, "VALIDATION_FAILED").body("errors.field", contains("memberId"));
        given().get(responsibility(id)).then().body("memberId", equalTo((int) own));
    }

    @Test
    void aSecondLeadForTheSameFoldedAreaAndSectionOverlaps() {
        long sid = Api.createSubcommittee();
        long member = Api.createMember(sid, "MEMBER");
        long other = Api.createMember(sid, "MEMBER");
        long lead = Api.createResponsibility(sid, member, "Văn hóa – Xã hội", "Phần I", "LEAD");
        problem(create(sid, body(other, "  van hoa - xa hoi ", "phan i", "LEAD")), 409, "RESPONSIBILITY_OVERLAP")
                .body("conflictingId", equalTo((int) lead));
        problem(create(sid, body(other, "VĂN HÓA — XÃ   HỘI", "PHẦN I", "LEAD")), 409, "RESPONSIBILITY_OVERLAP")
                .body("conflictingId", equalTo((int) lead));
        assertEquals(List.of(lead), ids(sid));
    }

    @Test
    void supportsForALedPairAndLeadsOfOtherPairsAreAccepted() {
        long sid = Api.createSubcommittee();
        long member = Api.createMember(sid, "MEMBER");
        long other = Api.createMember(sid, "MEMBER");
        Api.createResponsibility(sid, member, "Văn hóa – Xã hội", "Phần I", "LEAD");
        create(sid, body(other, "  van hoa - xa hoi ", "phan i", "SUPPORT")).statusCode(201);
        create(sid, body(other, "van hoa - xa hoi", "phan i", "SUPPORT")).statusCode(201);
        create(sid, body(other, "Văn hóa – Xã hội", "Phần II", "LEAD")).statusCode(201);
        create(sid, body(other, "Kinh tế", "Phần I", "LEAD")).statusCode(201);
    }

    @Test
    void theSamePairMayBeLedInAnotherSubcommittee() {
        long first = Api.createSubcommittee();
        Api.createResponsibility(first, Api.createMember(first, "MEMBER"), "Văn hóa – Xã hội", "Phần I", "LEAD");
        long second = Api.createSubcommittee();
        create(second, body(Api.createMember(second, "MEMBER"), "van hoa - xa hoi", "phan i", "LEAD")).statusCode(201);
    }

    @Test
    void promotingASupportToLeadOfALedPairOverlaps() {
        long sid = Api.createSubcommittee();
        long member = Api.createMember(sid, "MEMBER");
        long lead = Api.createResponsibility(sid, member, "Văn hóa – Xã hội", "Phần I", "LEAD");
        long support = Api.createResponsibility(sid, member, "  van hoa - xa hoi ", "phan i", "SUPPORT");
        problem(patch(support, Map.of("role", "LEAD")), 409, "RESPONSIBILITY_OVERLAP")
                .body("conflictingId", equalTo((int) lead));
        given().get(responsibility(support)).then().body("role", equalTo("SUPPORT"));

        patch(lead, Map.of("role", "SUPPORT")).statusCode(200);
        patch(support, Map.of("role", "LEAD")).statusCode(200).body("role", equalTo("LEAD"));
    }

    @Test
    void movingALeadOntoALedPairByAreaOverlaps() {
        long sid = Api.createSubcommittee();
        long member = Api.createMember(sid, "MEMBER");
        long culture = Api.createResponsibility(sid, member, "Văn hóa – Xã hội", "Phần I", "LEAD");
        long economy = Api.createResponsibility(sid, member, "Kinh tế", "phần i", "LEAD");
        problem(patch(economy, Map.of("area", " VAN HOA - XA HOI")), 409, "RESPONSIBILITY_OVERLAP")
                .body("conflictingId", equalTo((int) culture));
        given().get(responsibility(economy)).then().body("area", equalTo("Kinh tế"));
        patch(culture, Map.of("title", "Văn hóa, xã hội: số liệu", "area", "Văn hóa - Xã hội")).statusCode(200);
    }

    @Test
    void listFiltersByFoldedAreaMemberAndRole() {
        long sid = Api.createSubcommittee();
        long lan = Api.createMember(sid, "MEMBER");
        long nam = Api.createMember(sid, "MEMBER");
        long culture = Api.createResponsibility(sid, lan, "Văn hóa – Xã hội", "Phần I", "LEAD");
        long cultureSupport = Api.createResponsibility(sid, nam, "van hoa - xa hoi", "Phần I", "SUPPORT");
        long economy = Api.createResponsibility(sid, nam, "Kinh tế", "Phần I", "LEAD");
        Api.createResponsibility(sid, lan, "Văn hóa", "Phần II", "LEAD");

        assertEquals(List.of(culture, cultureSupport), ids(sid, "area", "  VAN HOA — xã hội "));
        assertEquals(List.of(economy), ids(sid, "area", "kinh te"));
        assertEquals(List.of(cultureSupport, economy), ids(sid, "memberId", nam));
        assertEquals(List.of(economy), ids(sid, "memberId", nam, "role", "LEAD"));
        assertEquals(List.of(cultureSupport), ids(sid, "role", "SUPPORT"));
    }

    @Test
    void aMemberIdFilterNamingNoMemberGivesAnEmptyPage() {
        long sid = Api.createSubcommittee();
        Api.createResponsibility(sid, Api.createMember(sid, "MEMBER"), "Kinh tế", "Phần I", "LEAD");
        long foreign = Api.createMember(Api.createSubcommittee(), "MEMBER");
        for (long memberId : new long[] { Long.MAX_VALUE, foreign }) {
            given().queryParam("memberId", memberId).get(responsibilities(sid)).then().statusCode(200)
                    .body("items", empty())
                    .body("totalItems", equalTo(0));
        }
    }

    @Test
    void listRefusesMalformedFiltersAndUnsortableFields() {
        long sid = Api.createSubcommittee();
        problem(given().queryParam("memberId", "abc").get(responsibilities(sid)).then(), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("memberId"));
        problem(given().queryParam("role", "lead").get(responsibilities(sid)).then(), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("role"));
        problem(given().queryParam("sort", "title").get(responsibilities(sid)).then(), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("sort"));
        problem(given().queryParam("section", "Phần I").get(responsibilities(sid)).then(), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("section"));
    }

    @Test
    void qSearchesTitleAreaAndSectionFolded() {
        long sid = Api.createSubcommittee();
        long member = Api.createMember(sid, "MEMBER");
        long byTitle = create(sid, body(member, "Kinh tế", "Phần I", "LEAD", "title", "Bảng biểu đầu tư công"))
                .statusCode(201).extract().jsonPath().getLong("id");
        long byArea = Api.createResponsibility(sid, member, "Quốc phòng – An ninh", "Phần I", "LEAD");
        long bySection = Api.createResponsibility(sid, member, "Kinh tế", "Báo cáo kiểm điểm", "LEAD");
        assertEquals(List.of(byTitle), ids(sid, "q", "dau tu"));
        assertEquals(List.of(byArea), ids(sid, "q", "an ninh quoc phong"));
        assertEquals(List.of(bySection), ids(sid, "q", "KIỂM ĐIỂM"));
        assertEquals(List.of(byTitle, bySection), ids(sid, "q", "kinh te"));
    }

    @Test
    void sortByAreaAndSectionUsesTheFoldedForm() {
        long sid = Api.createSubcommittee();
        long member = Api.createMember(sid, "MEMBER");
        long quoc = Api.createResponsibility(sid, member, "Quốc phòng – An ninh", "Đề án", "SUPPORT");
        long anh = Api.createResponsibility(sid, member, "Ánh sáng", "Phần III", "SUPPORT");
        long dang = Api.createResponsibility(sid, member, "Đảng", "báo cáo", "SUPPORT");
        long kinh = Api.createResponsibility(sid, member, "kinh tế", "Ưu tiên", "SUPPORT");
        assertEquals(List.of(anh, dang, kinh, quoc), ids(sid, "sort", "area"));
        assertEquals(List.of(quoc, kinh, dang, anh), ids(sid, "sort", "-area"));
        assertEquals(List.of(dang, quoc, anh, kinh), ids(sid, "sort", "documentSection"));
        assertEquals(List.of(kinh, anh, quoc, dang), ids(sid, "sort", "-documentSection"));
    }

    @Test
    void sortByDueOnPutsEmptyDatesLastInBothDirections() {
        long sid = Api.createSubcommittee();
        long member = Api.createMember(sid, "MEMBER");
        long none1 = Api.createResponsibility(sid, member, "Kinh tế", "Phần " + Api.unique(), "SUPPORT");
        long late = withDue(sid, member, "Kinh tế", "2020-03-15");
        long early = withDue(sid, member, "Kinh tế", "2020-02-22");
        long none2 = Api.createResponsibility(sid, member, "Kinh tế", "Phần " + Api.unique(), "SUPPORT");
        long mid = withDue(sid, member, "Kinh tế", "2020-02-28");
        assertEquals(List.of(early, mid, late, none1, none2), ids(sid, "sort", "dueOn"));
        assertEquals(List.of(late, mid, early, none1, none2), ids(sid, "sort", "-dueOn"));
    }

    @Test
    void patchChangesOnlyTheFieldsSentAndNullClearsOptionalOnes() {
        long sid = Api.createSubcommittee();
        long member = Api.createMember(sid, "MEMBER");
        long id = create(sid, body(member, "Kinh tế", "Phần I", "LEAD", "title", "Số liệu kinh tế",
                "description", "Chi tiết", "dueOn", "2020-02-22")).statusCode(201).extract().jsonPath().getLong("id");

        patch(id, Map.of("title", "  Số liệu kinh tế 2015–2020 ")).statusCode(200)
                .body("title", equalTo("Số liệu kinh tế 2015–2020"))
                .body("area", equalTo("Kinh tế"))
                .body("description", equalTo("Chi tiết"))
                .body("dueOn", equalTo("2020-02-22"))
                .body("role", equalTo("LEAD"));

        Map<String, Object> clear = new HashMap<>();
        clear.put("description", null);
        clear.put("dueOn", null);
        patch(id, clear).statusCode(200).body("description", nullValue()).body("dueOn", nullValue())
                .body("title", equalTo("Số liệu kinh tế 2015–2020"));
        given().get(responsibility(id)).then().body("description", nullValue()).body("dueOn", nullValue());
    }

    @Test
    void patchRefusesNullForRequiredFieldsReadOnlyAndUnknownFields() {
        long sid = Api.createSubcommittee();
        long id = Api.createResponsibility(sid, Api.createMember(sid, "MEMBER"), "Kinh tế", "Phần I", "LEAD");
        String etag = Api.etag(responsibility(id));
        for (String field : List.of("memberId", "area", "documentSection", "title", "role")) {
            Map<String, Object> body = new HashMap<>();
            body.put(field, null);
            problem(patch(id, body), 400, "VALIDATION_FAILED").body("errors.field", contains(field));
        }
        problem(patch(id, Map.of("subcommitteeId", sid)), 400, "READ_ONLY_FIELD").body("errors.field", contains("subcommitteeId"));
        problem(patch(id, Map.of("createdAt", "2020-02-20T00:00:00.000Z")), 400, "READ_ONLY_FIELD")
                .body("errors.field", contains("createdAt"));
        problem(patch(id, Map.of("lead", true)), 400, "UNKNOWN_FIELD").body("errors.field", contains("lead"));
        given().get(responsibility(id)).then().header("ETag", equalTo(etag));
    }

    @Test
    void deleteAnswers204AndTheResponsibilityIsGone() {
        long sid = Api.createSubcommittee();
        long member = Api.createMember(sid, "MEMBER");
        long id = Api.createResponsibility(sid, member, "Kinh tế", "Phần I", "LEAD");
        given().delete(responsibility(id)).then().statusCode(204);
        problem(given().get(responsibility(id)).then(), 404, "NOT_FOUND");
        given().delete("/api/v1/members/" + member).then().statusCode(204);
    }

    @Test
    void aResponsibilityAMilestoneExpectsIsInUse() {
        long sid = Api.createSubcommittee();
        long id = Api.createResponsibility(sid, Api.createMember(sid, "MEMBER"), "Kinh tế", "Phần I", "LEAD");
        long milestone = Api.createMilestone(sid, "2020-02-22", Map.of("responsibilityIds", List.of(id)));
        problem(given().delete(responsibility(id)).then(), 409, "RESPONSIBILITY_IN_USE");
        given().get(responsibility(id)).then().statusCode(200);

        Api.json().body(Map.of("responsibilityIds", List.of())).patch("/api/v1/milestones/" + milestone)
                .then().statusCode(200);
        given().delete(responsibility(id)).then().statusCode(204);
    }

    @Test
    void unknownIdsAreNotFound() {
        long sid = Api.createSubcommittee();
        long id = Api.createResponsibility(sid, Api.createMember(sid, "MEMBER"), "Kinh tế", "Phần I", "LEAD");
        given().delete(responsibility(id)).then().statusCode(204);
        problem(given().get(responsibility(id)).then(), 404, "NOT_FOUND");
        problem(patch(id, Map.of("title", "x")), 404, "NOT_FOUND");
        problem(given().delete(responsibility(id)).then(), 404, "NOT_FOUND");
        problem(given().get(responsibilities(Long.MAX_VALUE)).then(), 404, "NOT_FOUND");
        problem(given().get(matrix(Long.MAX_VALUE)).then(), 404, "NOT_FOUND");
        problem(create(Long.MAX_VALUE, body(1, "Kinh tế", "Phần I", "LEAD")), 404, "NOT_FOUND");
    }

    @Test
    void writesInsideAnArchivedSubcommitteeAreRefused() {
        long sid = Api.createSubcommittee();
        long member = Api.createMember(sid, "MEMBER");
        long id = Api.createResponsibility(sid, member, "Kinh tế", "Phần I", "LEAD");
        Api.archiveSubcommittee(sid);
        problem(create(sid, body(member, "Kinh tế", "Phần II", "LEAD")), 409, "SUBCOMMITTEE_ARCHIVED");
        problem(patch(id, Map.of("title", "Đổi")), 409, "SUBCOMMITTEE_ARCHIVED");
        problem(given().delete(responsibility(id)).then(), 409, "SUBCOMMITTEE_ARCHIVED");
        assertEquals(List.of(id), ids(sid));
        given().get(responsibility(id)).then().statusCode(200).body("title", startsWith("Nhiệm vụ"));
    }

    @Test
    void ifMatchGuardsPatchAndDelete() {
        long sid = Api.createSubcommittee();
        long id = Api.createResponsibility(sid, Api.createMember(sid, "MEMBER"), "Kinh tế", "Phần I", "LEAD");
        String original = Api.etag(responsibility(id));
        String changed = Api.json().header("If-Match", original).body(Map.of("title", "Một"))
                .patch(responsibility(id)).then().statusCode(200).extract().header("ETag");
        assertNotEquals(original, changed);

        problem(Api.json().header("If-Match", original).body(Map.of("title", "Hai")).patch(responsibility(id)).then(),
                412, "PRECONDITION_FAILED");
        problem(given().header("If-Match", original).delete(responsibility(id)).then(), 412, "PRECONDITION_FAILED");
        given().get(responsibility(id)).then().statusCode(200).header("ETag", equalTo(changed)).body("title", equalTo("Một"));

        Api.json().header("If-Match", "*").body(Map.of("title", "Ba")).patch(responsibility(id))
                .then().statusCode(200).body("title", equalTo("Ba"));
        given().header("If-None-Match", Api.etag(responsibility(id))).get(responsibility(id)).then().statusCode(304);
        given().header("If-Match", Api.etag(responsibility(id))).delete(responsibility(id)).then().statusCode(204);
    }

    @Test
    void matrixGroupsByFoldedPairWithFirstSpellingLeadSupportsAndGaps() {
        long sid = Api.createSubcommittee();
        long lan = Api.createMember(sid, Map.of("fullName", "Nguyễn Thị Lan"));
        long nam = Api.createMember(sid, Map.of("fullName", "Trần Văn Nam", "role", "SECRETARY"));
        long idle = Api.createMember(sid, Map.of("fullName", "Lê Văn Hùng", "role", "SUPPORT_STAFF"));
        Api.createMember(sid, Map.of("fullName", "Phạm Thị Hạnh", "active", false));

        long cultureSupport = Api.createResponsibility(sid, nam, "Văn hóa – Xã hội", "Phần I", "SUPPORT");
        long cultureLead = Api.createResponsibility(sid, lan, "  VAN HOA - XA HOI ", "phan i", "LEAD");
        long economy1 = Api.createResponsibility(sid, lan, "Kinh tế", "Phần II", "SUPPORT");
        long economy2 = Api.createResponsibility(sid, nam, "KINH TẾ", "phần  ii", "SUPPORT");

        var response = given().get(matrix(sid)).then().statusCode(200).header("ETag", notNullValue()).extract();
        JsonPath json = response.jsonPath();
        assertEquals(2, json.getList("rows").size());

        String culture = "rows.find { it.area == 'Văn hóa – Xã hội' }";
        assertEquals("Phần I", json.getString(culture + ".documentSection"));
        assertEquals(Map.of("responsibilityId", (int) cultureLead, "memberId", (int) lan, "fullName", "Nguyễn Thị Lan"),
                json.getMap(culture + ".lead"));
        assertEquals(List.of(Map.of("responsibilityId", (int) cultureSupport, "memberId", (int) nam,
                "fullName", "Trần Văn Nam")), json.getList(culture + ".supports"));

        String economy = "rows.find { it.area == 'Kinh tế' }";
        assertEquals("Phần II", json.getString(economy + ".documentSection"));
        assertNull(json.get(economy + ".lead"));
        assertThat(json.getList(economy + ".supports"), containsInAnyOrder(
                Map.of("responsibilityId", (int) economy1, "memberId", (int) lan, "fullName", "Nguyễn Thị Lan"),
                Map.of("responsibilityId", (int) economy2, "memberId", (int) nam, "fullName", "Trần Văn Nam")));

        assertEquals(List.of(Map.of("area", "Kinh tế", "documentSection", "Phần II")), json.getList("sectionsWithoutLead"));
        assertEquals(List.of(Map.of("memberId", (int) idle, "fullName", "Lê Văn Hùng", "role", "SUPPORT_STAFF")),
                json.getList("membersWithoutResponsibility"));

        given().header("If-None-Match", response.header("ETag")).get(matrix(sid)).then().statusCode(304);
        Api.createResponsibility(sid, idle, "kinh te", "phan ii", "LEAD");
        given().get(matrix(sid)).then().statusCode(200)
                .header("ETag", notNullValue())
                .body("sectionsWithoutLead", empty())
                .body("membersWithoutResponsibility", empty());
        assertNotEquals(response.header("ETag"), Api.etag(matrix(sid)));
    }

    @Test
    void matrixOfAnEmptySubcommitteeIsEmpty() {
        long sid = Api.createSubcommittee();
        given().get(matrix(sid)).then().statusCode(200)
                .header("ETag", notNullValue())
                .body("rows", empty())
                .body("sectionsWithoutLead", empty())
                .body("membersWithoutResponsibility", empty());
    }
}
