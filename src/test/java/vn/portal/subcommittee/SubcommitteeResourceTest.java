package vn.portal.subcommittee;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.portal.support.Api;
import vn.portal.support.ContractValidation;
import vn.portal.support.FixedClock;

@QuarkusTest
class SubcommitteeResourceTest {

    private static final String BASE = "/api/v1/subcommittees";
    private static final String INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
    private static final String CONGRESS = "Đại hội đại biểu Đảng bộ Thành phố lần thứ XXV";

    private static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> valid(String code) {
        return fields("code", code, "name", "Tiểu ban Văn kiện " + code, "kind", "DOCUMENTS", "congress", CONGRESS,
                "termStart", 2020, "termEnd", 2025);
    }

    private static Map<String, Object> with(Map<String, Object> body, Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>(body);
        map.putAll(fields(keysAndValues));
        return map;
    }

    private static String marker() {
        return "zq" + Api.unique() + "x";
    }

    private static Response post(Object body) {
        return Api.json().body(body).post(BASE);
    }

    private static Response patch(long id, Object body) {
        return Api.json().body(body).patch(BASE + "/" + id);
    }

    private static ExtractableResponse<Response> read(long id) {
        return given().get(BASE + "/" + id).then().statusCode(200).extract();
    }

    private static List<Long> listIds(Object... parameters) {
        return given().queryParams(fields(parameters)).get(BASE).then().statusCode(200)
                .extract().jsonPath().getList("items.id", Long.class);
    }

    private static long createNamed(String code, String name) {
        return Api.createSubcommittee(Map.of("code", code, "name", name));
    }

    @Test
    void createAnswers201WithRelativeLocationETagAndTheFieldsSent() {
        FixedClock.install(Instant.parse("2020-02-22T16:59:59.250Z"));
        String code = "VK-" + Api.unique();

        Response created = post(with(valid(code), "kind", "PERSONNEL", "termStart", 2020, "termEnd", 2025,
                "description", "Chuẩn bị các văn kiện trình Đại hội."));

        created.then().statusCode(201)
                .header("ETag", notNullValue())
                .body("code", equalTo(code))
                .body("name", equalTo("Tiểu ban Văn kiện " + code))
                .body("kind", equalTo("PERSONNEL"))
                .body("congress", equalTo(CONGRESS))
                .body("termStart", equalTo(2020))
                .body("termEnd", equalTo(2025))
                .body("description", equalTo("Chuẩn bị các văn kiện trình Đại hội."))
                .body("status", equalTo("ACTIVE"))
                .body("headMemberId", nullValue())
                .body("version", notNullValue())
                .body("createdAt", equalTo("2020-02-22T16:59:59.250Z"))
                .body("updatedAt", equalTo("2020-02-22T16:59:59.250Z"));
        long id = created.jsonPath().getLong("id");
        assertEquals(BASE + "/" + id, created.header("Location"));
    }

    @Test
    void anInstantOnAWholeSecondStillCarriesThreeFractionalDigits() {
        FixedClock.install(Instant.parse("2020-02-22T16:59:59Z"));

        long id = post(valid("VK-" + Api.unique())).then().statusCode(201)
                .body("createdAt", equalTo("2020-02-22T16:59:59.000Z"))
                .body("updatedAt", equalTo("2020-02-22T16:59:59.000Z"))
                .extract().jsonPath().getLong("id");
        read(id).response().then().body("createdAt", equalTo("2020-02-22T16:59:59.000Z"));
    }

    @Test
    void instantsAreUtcWithExactlyThreeFractionalDigitsAndTheCreatedBodyEqualsALaterGet() {
        FixedClock.install(Instant.parse("2020-02-22T09:59:59.123456789Z"));
        Response created = post(valid("VK-" + Api.unique()));
        created.then().statusCode(201).body("createdAt", equalTo("2020-02-22T09:59:59.123Z"));

        ExtractableResponse<Response> read = read(created.jsonPath().getLong("id"));

        assertEquals(created.jsonPath().getMap(""), read.jsonPath().getMap(""));
        assertEquals(created.header("ETag"), read.header("ETag"));
    }

    @Test
    void theRealClockAlsoYieldsMillisecondInstantsThatSurviveStorage() {
        Response created = post(valid("VK-" + Api.unique()));
        created.then().statusCode(201)
                .body("createdAt", matchesPattern(INSTANT))
                .body("updatedAt", matchesPattern(INSTANT));

        assertEquals(created.jsonPath().getMap(""), read(created.jsonPath().getLong("id")).jsonPath().getMap(""));
    }

    @Test
    void textIsTrimmedAndOtherwiseReturnedExactlyAsSentVietnameseIncluded() {
        String code = "VK-" + Api.unique();
        String name = "Tiểu ban  Văn kiện Đại hội XXV – nhiệm kỳ 2020–2025 (ưu tiên: “bảo đảm tiến độ”)";
        String description = "Dòng một\n\tDòng hai: Quốc phòng – An ninh; Xây dựng Đảng, hệ thống chính trị";

        long id = Api.json().header(ContractValidation.OFF_CONTRACT, "surrounding spaces, trimmed")
                .body(with(valid("  " + code + "  "), "name", "   " + name + "  ", "congress", " " + CONGRESS + " ",
                        "description", "\n " + description + " \n"))
                .post(BASE).then().statusCode(201).extract().jsonPath().getLong("id");

        read(id).response().then()
                .body("code", equalTo(code))
                .body("name", equalTo(name))
                .body("congress", equalTo(CONGRESS))
                .body("description", equalTo(description));
    }

    @ParameterizedTest
    @ValueSource(strings = { "VK DH", "VK_DH", "VK.DH", "ĐH-25", "VK/25", "   " })
    void codeMayOnlyUseLettersDigitsAndDash(String code) {
        post(valid(code)).then().spec(Api.problem(400, "VALIDATION_FAILED")).body("errors.field", hasItem("code"));
    }

    @Test
    void codeIsAtMostFortyCharacters() {
        String u = Api.unique();
        String forty = "A".repeat(40 - u.length()) + u;
        post(valid(forty)).then().statusCode(201).body("code", equalTo(forty));
        post(valid("B" + forty)).then().spec(Api.problem(400, "VALIDATION_FAILED")).body("errors.field", hasItem("code"));
    }

    @Test
    void aCodeTakenIgnoringCaseIsRefusedOnCreate() {
        String u = Api.unique();
        post(valid("Vk-" + u)).then().statusCode(201);

        post(valid("vK-" + u)).then().spec(Api.problem(409, "CODE_TAKEN"));
        post(valid("VK-" + u)).then().spec(Api.problem(409, "CODE_TAKEN"));
    }

    @Test
    void aCodeTakenIgnoringCaseIsRefusedOnPatchAndNothingChanges() {
        String u = Api.unique();
        Api.createSubcommittee(Map.of("code", "a-" + u));
        long other = Api.createSubcommittee(Map.of("code", "b-" + u));

        patch(other, Map.of("code", "A-" + u.toUpperCase())).then().spec(Api.problem(409, "CODE_TAKEN"));

        read(other).response().then().body("code", equalTo("b-" + u));
    }

    @Test
    void changingOnlyTheCaseOfItsOwnCodeIsAllowed() {
        String u = Api.unique();
        long id = Api.createSubcommittee(Map.of("code", "own-" + u));

        patch(id, Map.of("code", "OWN-" + u.toUpperCase())).then().statusCode(200).body("code", equalTo("OWN-" + u.toUpperCase()));
    }

    @Test
    void termStartAfterTermEndIsRefusedOnTermEnd() {
        post(with(valid("T-" + Api.unique()), "termStart", 2026, "termEnd", 2025))
                .then().spec(Api.problem(400, "VALIDATION_FAILED")).body("errors.field", equalTo(List.of("termEnd")));
        post(with(valid("T-" + Api.unique()), "termStart", 2025, "termEnd", 2025)).then().statusCode(201);
    }

    @Test
    void aPatchThatPutsTermStartAfterTermEndIsRefusedOnTermEnd() {
        long id = Api.createSubcommittee();

        patch(id, Map.of("termStart", 2030)).then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of("termEnd")));

        read(id).response().then().body("termStart", equalTo(2020));
    }

    @Test
    void listFiltersByKindAndStatus() {
        String m = marker();
        long documents = Api.createSubcommittee(Map.of("name", "Tiểu ban Văn kiện " + m, "kind", "DOCUMENTS"));
        long personnel = Api.createSubcommittee(Map.of("name", "Tiểu ban Nhân sự " + m, "kind", "PERSONNEL"));
        long archived = Api.createSubcommittee(Map.of("name", "Tiểu ban Tuyên truyền " + m, "kind", "PROPAGANDA"));
        patch(archived, Map.of("status", "ARCHIVED")).then().statusCode(200);

        assertEquals(List.of(personnel), listIds("q", m, "kind", "PERSONNEL"));
        assertEquals(List.of(), listIds("q", m, "kind", "ORGANIZATION"));
        assertEquals(List.of(archived), listIds("q", m, "status", "ARCHIVED"));
        assertEquals(List.of(documents, personnel), listIds("q", m, "status", "ACTIVE"));
        assertEquals(List.of(documents, personnel, archived), listIds("q", m));
    }

    @Test
    void qSearchesCodeNameAndCongress() {
        String m = marker();
        long byCode = Api.createSubcommittee(Map.of("code", "C" + m));
        long byName = Api.createSubcommittee(Map.of("name", "Tiểu ban N" + m));
        long byCongress = Api.createSubcommittee(Map.of("congress", "Đại hội lần thứ XXV K" + m));

        assertEquals(List.of(byCode), listIds("q", "c" + m));
        assertEquals(List.of(byName), listIds("q", "n" + m));
        assertEquals(List.of(byCongress), listIds("q", "k" + m));
        assertEquals(List.of(byCode, byName, byCongress), listIds("q", m));
    }

    @Test
    void qFoldsTextAndEveryWordMustMatchInAnyOrder() {
        String m = marker();
        long dien = Api.createSubcommittee(Map.of("name", "Vũ Văn Diện " + m));
        long culture = Api.createSubcommittee(Map.of("name", "  Văn hóa – Xã hội " + m));

        assertEquals(List.of(dien), listIds("q", "vu van dien " + m));
        assertEquals(List.of(dien), listIds("q", m + " DIEN vu"));
        assertEquals(List.of(culture), listIds("q", "van hoa - xa hoi " + m));
        assertEquals(List.of(culture), listIds("q", "Văn Hóa " + m));
        assertEquals(List.of(dien, culture), listIds("q", "văn " + m));
        assertEquals(List.of(), listIds("q", "dien van hoa " + m));
    }

    @Test
    void aRenamedSubcommitteeIsFoundAndSortedByItsNewName() {
        String m = marker();
        long renamed = createNamed("R-" + Api.unique(), "Ấn phẩm " + m);
        long other = createNamed("R-" + Api.unique(), "Báo cáo " + m);

        patch(renamed, Map.of("name", "Đề án " + m)).then().statusCode(200);

        assertEquals(List.of(renamed), listIds("q", "de an " + m));
        assertEquals(List.of(), listIds("q", "an pham " + m));
        assertEquals(List.of(other, renamed), listIds("q", m, "sort", "name"));
    }

    @Test
    void percentAndUnderscoreInQAreLiteral() {
        String m = marker();
        long percent = Api.createSubcommittee(Map.of("name", "Hoàn thành 100% " + m));
        Api.createSubcommittee(Map.of("name", "Hoàn thành 1000 " + m));
        long underscore = Api.createSubcommittee(Map.of("name", "Ban_A " + m));
        Api.createSubcommittee(Map.of("name", "BanXA " + m));

        assertEquals(List.of(percent), listIds("q", m + " 100%"));
        assertEquals(List.of(underscore), listIds("q", m + " n_a"));
        assertEquals(List.of(), listIds("q", m + " %%"));
    }

    @Test
    void sortByCodeComparesIgnoringCase() {
        String m = marker();
        long b = Api.createSubcommittee(Map.of("code", "Q" + m + "-b"));
        long c = Api.createSubcommittee(Map.of("code", "q" + m + "-C"));
        long a = Api.createSubcommittee(Map.of("code", "q" + m + "-a"));

        assertEquals(List.of(a, b, c), listIds("q", m, "sort", "code"));
        assertEquals(List.of(c, b, a), listIds("q", m, "sort", "-code"));
    }

    @Test
    void sortByNameUsesTheFoldedText() {
        String m = marker();
        long de = createNamed("D-" + Api.unique(), "Đề án " + m);
        long du = createNamed("D-" + Api.unique(), "dự thảo " + m);
        long an = createNamed("D-" + Api.unique(), "Ấn phẩm " + m);
        long bao = createNamed("D-" + Api.unique(), "Báo cáo " + m);

        assertEquals(List.of(an, bao, de, du), listIds("q", m, "sort", "name"));
        assertEquals(List.of(du, de, bao, an), listIds("q", m, "sort", "-name"));
    }

    @Test
    void sortByTermStartBreaksTiesById() {
        String m = marker();
        long s2015 = Api.createSubcommittee(Map.of("name", "Nhiệm kỳ " + m, "termStart", 2015));
        long s2020a = Api.createSubcommittee(Map.of("name", "Nhiệm kỳ " + m, "termStart", 2020));
        long s2010 = Api.createSubcommittee(Map.of("name", "Nhiệm kỳ " + m, "termStart", 2010));
        long s2020b = Api.createSubcommittee(Map.of("name", "Nhiệm kỳ " + m, "termStart", 2020));

        assertEquals(List.of(s2010, s2015, s2020a, s2020b), listIds("q", m, "sort", "termStart"));
        List<Long> descending = listIds("q", m, "sort", "-termStart");
        assertEquals(List.of(s2015, s2010), descending.subList(2, 4));
        assertEquals(Set.of(s2020a, s2020b), new HashSet<>(descending.subList(0, 2)));
    }

    @Test
    void sortByCreatedAtFollowsTheCreationInstantNotTheId() {
        String m = marker();
        FixedClock clock = FixedClock.install(Instant.parse("2020-02-20T03:00:00Z"));
        long third = Api.createSubcommittee(Map.of("name", "Tạo " + m));
        clock.set(Instant.parse("2020-02-20T01:00:00Z"));
        long first = Api.createSubcommittee(Map.of("name", "Tạo " + m));
        clock.set(Instant.parse("2020-02-20T02:00:00Z"));
        long second = Api.createSubcommittee(Map.of("name", "Tạo " + m));

        assertEquals(List.of(first, second, third), listIds("q", m, "sort", "createdAt"));
        assertEquals(List.of(third, second, first), listIds("q", m, "sort", "-createdAt"));
    }

    @Test
    void defaultSortIsIdAscending() {
        String m = marker();
        long one = createNamed("Z-" + Api.unique(), "Zeta " + m);
        long two = createNamed("A-" + Api.unique(), "Alpha " + m);

        assertEquals(List.of(one, two), listIds("q", m));
    }

    @Test
    void pagesCarryTheEnvelopeAndNeverRepeatOrSkipRows() {
        String m = marker();
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.add(Api.createSubcommittee(Map.of("name", "Trang " + m)));
        }

        given().queryParams(fields("q", m, "size", 2, "page", 0)).get(BASE).then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(2))
                .body("totalItems", equalTo(5)).body("totalPages", equalTo(3))
                .body("items.size()", equalTo(2));
        List<Long> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            paged.addAll(listIds("q", m, "size", "2", "page", page));
        }
        assertEquals(all, paged);
    }

    @Test
    void pageSizeDefaultsToTwentyFromPageZero() {
        String m = marker();
        Api.createSubcommittee(Map.of("name", "Mặc định " + m));

        given().queryParam("q", m).get(BASE).then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(20))
                .body("totalItems", equalTo(1)).body("totalPages", equalTo(1));
    }

    @Test
    void aPagePastTheEndIsAnEmpty200() {
        String m = marker();
        Api.createSubcommittee(Map.of("name", "Hết trang " + m));

        given().queryParams(fields("q", m, "size", 1, "page", 7)).get(BASE).then().statusCode(200)
                .body("items", emptyIterable())
                .body("page", equalTo(7)).body("size", equalTo(1))
                .body("totalItems", equalTo(1)).body("totalPages", equalTo(1));
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "101", "-1" })
    void sizeOutsideOneToHundredIsRefusedOnSize(String size) {
        given().get(BASE + "?size=" + size).then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of("size")));
    }

    @Test
    void sizeHundredIsAccepted() {
        given().get(BASE + "?size=100").then().statusCode(200).body("size", equalTo(100));
    }

    @Test
    void patchChangesOnlyTheFieldsSent() {
        FixedClock clock = FixedClock.install(Instant.parse("2020-02-20T01:00:00.100Z"));
        String code = "P-" + Api.unique();
        Map<String, Object> before = post(with(valid(code), "description", "Mô tả ban đầu"))
                .then().statusCode(201).extract().jsonPath().getMap("");
        long id = ((Number) before.get("id")).longValue();
        clock.set(Instant.parse("2020-02-21T01:00:00.500Z"));

        Map<String, Object> after = Api.exact().contentType("application/merge-patch+json")
                .body("{\"name\":\"Tiểu ban Văn kiện (đổi tên)\"}").patch(BASE + "/" + id)
                .then().statusCode(200).extract().jsonPath().getMap("");

        assertEquals("Tiểu ban Văn kiện (đổi tên)", after.get("name"));
        assertEquals("2020-02-21T01:00:00.500Z", after.get("updatedAt"));
        for (String unchanged : List.of("id", "code", "kind", "congress", "termStart", "termEnd", "description", "status",
                "createdAt")) {
            assertEquals(before.get(unchanged), after.get(unchanged), unchanged);
        }
        assertTrue(((Number) after.get("version")).longValue() > ((Number) before.get("version")).longValue());
        assertEquals(after, read(id).jsonPath().getMap(""));
    }

    @Test
    void patchNullClearsAnOptionalField() {
        long id = Api.createSubcommittee(Map.of("description", "Sẽ bị xóa"));

        Api.json().body("{\"description\":null}").patch(BASE + "/" + id).then().statusCode(200)
                .body("description", nullValue());
        read(id).response().then().body("description", nullValue());
    }

    @ParameterizedTest
    @ValueSource(strings = { "code", "name", "kind", "congress", "termStart", "termEnd", "status" })
    void patchNullForARequiredOrDefaultedFieldIsRefused(String field) {
        long id = Api.createSubcommittee();

        Api.json().body("{\"" + field + "\":null}").patch(BASE + "/" + id)
                .then().spec(Api.problem(400, "VALIDATION_FAILED")).body("errors.field", equalTo(List.of(field)));
    }

    @Test
    void anEmptyPatchChangesNothing() {
        long id = Api.createSubcommittee();
        ExtractableResponse<Response> before = read(id);

        ExtractableResponse<Response> after = Api.json().body("{}").patch(BASE + "/" + id).then().statusCode(200).extract();

        assertEquals(before.jsonPath().getMap(""), after.jsonPath().getMap(""));
        assertEquals(before.header("ETag"), after.header("ETag"));
    }

    @Test
    void anArchivedSubcommitteeRefusesEveryChangeButReactivation() {
        long id = Api.createSubcommittee(Map.of("description", "Lưu trữ"));
        patch(id, Map.of("status", "ARCHIVED")).then().statusCode(200).body("status", equalTo("ARCHIVED"));
        String archivedTag = Api.etag(BASE + "/" + id);

        patch(id, Map.of("name", "Đổi tên khi lưu trữ")).then().spec(Api.problem(409, "SUBCOMMITTEE_ARCHIVED"));
        patch(id, Map.of("termEnd", 2026)).then().spec(Api.problem(409, "SUBCOMMITTEE_ARCHIVED"));
        Api.json().body("{\"description\":null}").patch(BASE + "/" + id).then().spec(Api.problem(409, "SUBCOMMITTEE_ARCHIVED"));
        patch(id, fields("status", "ACTIVE", "name", "Đổi tên cùng lúc")).then().spec(Api.problem(409, "SUBCOMMITTEE_ARCHIVED"));

        ExtractableResponse<Response> still = read(id);
        still.response().then().body("status", equalTo("ARCHIVED")).body("description", equalTo("Lưu trữ"));
        assertEquals(archivedTag, still.header("ETag"));
    }

    @Test
    void settingStatusActiveReopensAnArchivedSubcommittee() {
        long id = Api.createSubcommittee();
        patch(id, Map.of("status", "ARCHIVED")).then().statusCode(200);

        patch(id, Map.of("status", "ACTIVE")).then().statusCode(200).body("status", equalTo("ACTIVE"));

        patch(id, Map.of("name", "Hoạt động trở lại")).then().statusCode(200).body("name", equalTo("Hoạt động trở lại"));
        Api.createMember(id, "MEMBER");
    }

    enum WriteInside {
        CREATE_MEMBER, CREATE_RESPONSIBILITY, CREATE_MILESTONE, PATCH_MEMBER, PATCH_MILESTONE, DELETE_MILESTONE;

        Response attempt(long sid, long memberId, long milestoneId) {
            return switch (this) {
                case CREATE_MEMBER -> Api.json().body(Map.of("fullName", "Trần Thị " + Api.unique(), "role", "MEMBER",
                        "email", "a" + Api.unique() + "@thanhuy.vn")).post(BASE + "/" + sid + "/members");
                case CREATE_RESPONSIBILITY -> Api.json().body(Map.of("memberId", memberId, "area", "Kinh tế",
                        "documentSection", "Báo cáo chính trị", "title", "Số liệu", "role", "SUPPORT"))
                        .post(BASE + "/" + sid + "/responsibilities");
                case CREATE_MILESTONE -> Api.json().body(Map.of("title", "Dự thảo 1", "dueOn", "2020-03-01"))
                        .post(BASE + "/" + sid + "/milestones");
                case PATCH_MEMBER -> Api.json().body(Map.of("position", "Thư ký")).patch("/api/v1/members/" + memberId);
                case PATCH_MILESTONE -> Api.json().body(Map.of("title", "Đổi tên")).patch("/api/v1/milestones/" + milestoneId);
                case DELETE_MILESTONE -> given().delete("/api/v1/milestones/" + milestoneId);
            };
        }
    }

    @ParameterizedTest
    @EnumSource(WriteInside.class)
    void everyWriteInsideAnArchivedSubcommitteeIsRefused(WriteInside write) {
        long sid = Api.createSubcommittee();
        long memberId = Api.createMember(sid, "SECRETARY");
        long milestoneId = Api.createMilestone(sid, "2020-02-22", Map.of());
        patch(sid, Map.of("status", "ARCHIVED")).then().statusCode(200);

        write.attempt(sid, memberId, milestoneId).then().spec(Api.problem(409, "SUBCOMMITTEE_ARCHIVED"));

        given().get("/api/v1/milestones/" + milestoneId).then().statusCode(200).body("title", not(equalTo("Đổi tên")));
        given().get("/api/v1/members/" + memberId).then().statusCode(200).body("position", nullValue());
        given().get(BASE + "/" + sid + "/members").then().body("totalItems", equalTo(1));
        given().get(BASE + "/" + sid + "/milestones").then().body("totalItems", equalTo(1));
        given().get(BASE + "/" + sid + "/responsibilities").then().body("totalItems", equalTo(0));
    }

    @Test
    void anArchivedSubcommitteeCannotBeDeleted() {
        long id = Api.createSubcommittee();
        patch(id, Map.of("status", "ARCHIVED")).then().statusCode(200);

        given().delete(BASE + "/" + id).then().spec(Api.problem(409, "SUBCOMMITTEE_ARCHIVED"));

        read(id);
    }

    @Test
    void deletingAnEmptySubcommitteeAnswers204AndThenItIsGone() {
        long id = Api.createSubcommittee();

        given().delete(BASE + "/" + id).then().statusCode(204);

        given().get(BASE + "/" + id).then().spec(Api.problem(404, "NOT_FOUND"));
        given().delete(BASE + "/" + id).then().spec(Api.problem(404, "NOT_FOUND"));
        Api.json().body(Map.of("name", "Ma")).patch(BASE + "/" + id).then().spec(Api.problem(404, "NOT_FOUND"));
    }

    /** An id that does not exist is a 404 for everyone, also for a caller who may see every subcommittee but change none. */
    @ParameterizedTest
    @ValueSource(strings = { "AUDITOR", "ADMIN" })
    void aSubcommitteeThatDoesNotExistIsNotFoundForChangesToo(String role) {
        String who = Api.usernameOf(Api.createUser(role));
        long gone = Api.createSubcommittee();
        given().delete(BASE + "/" + gone).then().statusCode(204);

        Api.as(who).delete(BASE + "/" + gone).then().spec(Api.problem(404, "NOT_FOUND"));
        Api.as(who).body(Map.of("name", "Ma")).patch(BASE + "/" + gone).then().spec(Api.problem(404, "NOT_FOUND"));
    }

    @Test
    void deletingASubcommitteeWithAMemberIsRefused() {
        long id = Api.createSubcommittee();
        Api.createMember(id, "MEMBER");

        given().delete(BASE + "/" + id).then().spec(Api.problem(409, "SUBCOMMITTEE_NOT_EMPTY"));

        read(id);
    }

    @Test
    void deletingASubcommitteeWithAMilestoneIsRefused() {
        long id = Api.createSubcommittee();
        Api.createMilestone(id, "2020-02-22", Map.of());

        given().delete(BASE + "/" + id).then().spec(Api.problem(409, "SUBCOMMITTEE_NOT_EMPTY"));

        read(id);
    }

    @Test
    void headMemberIdFollowsTheActiveHeadAndTheETagChangesWithIt() {
        long id = Api.createSubcommittee();
        ExtractableResponse<Response> none = read(id);
        none.response().then().body("headMemberId", nullValue());

        Api.createMember(id, "DEPUTY_HEAD");
        ExtractableResponse<Response> deputyOnly = read(id);
        deputyOnly.response().then().body("headMemberId", nullValue());

        long head = Api.createMember(id, "HEAD");
        ExtractableResponse<Response> withHead = read(id);
        withHead.response().then().body("headMemberId", equalTo((int) head));
        assertNotEquals(none.header("ETag"), withHead.header("ETag"));
        given().header("If-None-Match", none.header("ETag")).get(BASE + "/" + id).then().statusCode(200)
                .body("headMemberId", equalTo((int) head));

        Api.json().body(Map.of("active", false)).patch("/api/v1/members/" + head).then().statusCode(200);
        ExtractableResponse<Response> inactive = read(id);
        inactive.response().then().body("headMemberId", nullValue());
        assertNotEquals(withHead.header("ETag"), inactive.header("ETag"));

        long next = Api.createMember(id, "MEMBER");
        Api.json().body(Map.of("role", "HEAD")).patch("/api/v1/members/" + next).then().statusCode(200);
        ExtractableResponse<Response> promoted = read(id);
        promoted.response().then().body("headMemberId", equalTo((int) next));
        assertNotEquals(inactive.header("ETag"), promoted.header("ETag"));

        given().queryParam("q", promoted.jsonPath().getString("code")).get(BASE).then()
                .body("items.find { it.id == " + id + " }.headMemberId", equalTo((int) next));
    }

    @Test
    void aCodeCanBeChangedToOneNobodyHas() {
        long id = Api.createSubcommittee();
        String code = "FREE-" + Api.unique();
        Api.json().body(Map.of("code", code)).patch("/api/v1/subcommittees/" + id)
                .then().statusCode(200).body("code", equalTo(code));
        Api.json().body(Map.of("code", code.toLowerCase())).patch("/api/v1/subcommittees/" + id)
                .then().statusCode(200).body("code", equalTo(code.toLowerCase()));
    }

    @Test
    void aWeakTagNeverSatisfiesIfMatch() {
        long id = Api.createSubcommittee();
        String tag = Api.etag("/api/v1/subcommittees/" + id);
        Api.json().header("If-Match", "W/" + tag).body(Map.of("name", "Tên mới")).patch("/api/v1/subcommittees/" + id)
                .then().spec(Api.problem(412, "PRECONDITION_FAILED"));
        given().header("If-None-Match", "W/" + tag).get("/api/v1/subcommittees/" + id).then().statusCode(304);
    }
}
