package vn.portal.member;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.portal.support.Api;
import vn.portal.support.ContractValidation;

@QuarkusTest
class MemberResourceTest {

    private static final String INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    private static String members(long sid) {
        return "/api/v1/subcommittees/" + sid + "/members";
    }

    private static String member(long id) {
        return "/api/v1/members/" + id;
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        map.put("fullName", "Nguyễn Văn " + Api.unique());
        map.put("role", "MEMBER");
        map.put("email", "m" + Api.unique() + "@thanhuy.vn");
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static ValidatableResponse create(long sid, Map<String, Object> body) {
        return Api.json().body(body).post(members(sid)).then();
    }

    private static ValidatableResponse patch(long id, Map<String, ?> body) {
        return Api.json().body(body).patch(member(id)).then();
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status, String code) {
        return response.statusCode(status).contentType(startsWith("application/problem+json")).body("code", equalTo(code));
    }

    private static List<Long> ids(ValidatableResponse response) {
        return response.statusCode(200).extract().jsonPath().getList("items.id", Long.class);
    }

    @Test
    void createAnswers201WithRelativeLocationETagTrimmedFieldsAndDefaults() {
        long sid = Api.createSubcommittee();
        var created = Api.json().header(ContractValidation.OFF_CONTRACT, "surrounding spaces, trimmed")
                .body(body("fullName", "  Vũ Văn Diện  ", "position", " Bí thư Thành ủy ",
                        "organization", "Thành ủy", "role", "HEAD", "email", " Dien.VV@ThanhUy.vn ", "phone", "0912 345 678",
                        "joinedOn", "2020-02-20"))
                .post(members(sid)).then()
                .statusCode(201)
                .header("ETag", notNullValue())
                .body("subcommitteeId", equalTo((int) sid))
                .body("fullName", equalTo("Vũ Văn Diện"))
                .body("position", equalTo("Bí thư Thành ủy"))
                .body("organization", equalTo("Thành ủy"))
                .body("role", equalTo("HEAD"))
                .body("email", equalTo("Dien.VV@ThanhUy.vn"))
                .body("phone", equalTo("0912 345 678"))
                .body("active", equalTo(true))
                .body("userId", nullValue())
                .body("joinedOn", equalTo("2020-02-20"))
                .body("leftOn", nullValue())
                .body("createdAt", matchesPattern(INSTANT))
                .body("updatedAt", matchesPattern(INSTANT))
                .body("version", notNullValue())
                .extract();
        long id = created.jsonPath().getLong("id");
        assertEquals("/api/v1/members/" + id, created.header("Location"));

        given().get(member(id)).then().statusCode(200)
                .header("ETag", notNullValue())
                .body("id", equalTo((int) id))
                .body("fullName", equalTo("Vũ Văn Diện"))
                .body("createdAt", equalTo(created.jsonPath().getString("createdAt")));
        given().header("If-None-Match", created.header("ETag")).get(member(id)).then().statusCode(304);
    }

    @Test
    void createRequiresFullNameRoleAndEmail() {
        long sid = Api.createSubcommittee();
        problem(Api.json().body(Map.of()).post(members(sid)).then(), 400, "VALIDATION_FAILED")
                .body("errors.field", containsInAnyOrder("fullName", "role", "email"));
    }

    @Test
    void createRefusesBlankNameInvalidEmailUnknownRoleAndTooLongText() {
        long sid = Api.createSubcommittee();
        problem(create(sid, body("fullName", "   ")), 400, "VALIDATION_FAILED").body("errors.field", contains("fullName"));
        problem(create(sid, body("email", "not-an-email")), 400, "VALIDATION_FAILED").body("errors.field", contains("email"));
        problem(create(sid, body("email", "a".repeat(64) + "@" + "b".repeat(190) + ".vn")), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("email"));
        problem(create(sid, body("role", "CHAIR")), 400, "VALIDATION_FAILED").body("errors.field", contains("role"));
        problem(create(sid, body("fullName", "Đ".repeat(201))), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("fullName"));
        problem(create(sid, body("phone", "0".repeat(31))), 400, "VALIDATION_FAILED").body("errors.field", contains("phone"));
        create(sid, body("fullName", "Đ".repeat(200))).statusCode(201);
    }

    @Test
    void createRefusesReadOnlyAndUnknownFields() {
        long sid = Api.createSubcommittee();
        problem(create(sid, body("subcommitteeId", sid)), 400, "READ_ONLY_FIELD")
                .body("errors.field", contains("subcommitteeId"));
        problem(create(sid, body("version", 0)), 400, "READ_ONLY_FIELD").body("errors.field", contains("version"));
        problem(create(sid, body("nickname", "Ba")), 400, "UNKNOWN_FIELD").body("errors.field", contains("nickname"));
        assertEquals(0, given().get(members(sid)).then().statusCode(200).extract().jsonPath().getInt("totalItems"));
    }

    @Test
    void userIdMustNameAnExistingUser() {
        long sid = Api.createSubcommittee();
        problem(create(sid, body("userId", Long.MAX_VALUE)), 400, "VALIDATION_FAILED").body("errors.field", contains("userId"));
        long id = Api.json().body(body("userId", null)).post(members(sid)).then().statusCode(201)
                .body("userId", nullValue()).extract().jsonPath().getLong("id");
        problem(patch(id, Map.of("userId", Long.MAX_VALUE)), 400, "VALIDATION_FAILED").body("errors.field", contains("userId"));
        long user = Api.createUser();
        patch(id, Map.of("userId", user)).statusCode(200).body("userId", equalTo((int) user));
        patch(id, java.util.Collections.singletonMap("userId", null)).statusCode(200).body("userId", nullValue());
    }

    @Test
    void oneUserIsLinkedToAtMostOneMemberOfASubcommittee() {
        long sid = Api.createSubcommittee();
        long user = Api.createUser();
        long first = Api.createMember(sid, Map.of("userId", user));
        problem(create(sid, body("userId", user)), 409, "USER_ALREADY_MEMBER").body("conflictingId", equalTo((int) first));
        long second = Api.createMember(sid, "MEMBER");
        problem(patch(second, Map.of("userId", user)), 409, "USER_ALREADY_MEMBER").body("conflictingId", equalTo((int) first));
        // another subcommittee is another matter
        Api.createMember(Api.createSubcommittee(), Map.of("userId", user));
    }

    @Test
    void leftOnBeforeJoinedOnIsRefusedOnCreateAndPatch() {
        long sid = Api.createSubcommittee();
        problem(create(sid, body("joinedOn", "2020-02-20", "leftOn", "2020-02-19")), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("leftOn"));
        long id = Api.createMember(sid, Map.of("joinedOn", "2020-02-20"));
        problem(patch(id, Map.of("leftOn", "2020-01-31")), 400, "VALIDATION_FAILED").body("errors.field", contains("leftOn"));
        patch(id, Map.of("leftOn", "2020-02-20")).statusCode(200).body("leftOn", equalTo("2020-02-20"));
    }

    @Test
    void createUnderUnknownSubcommitteeIsNotFound() {
        problem(create(Long.MAX_VALUE, body()), 404, "NOT_FOUND");
    }

    @Test
    void unknownMemberIsNotFoundForGetPatchAndDelete() {
        long sid = Api.createSubcommittee();
        long id = Api.createMember(sid, "MEMBER");
        given().delete(member(id)).then().statusCode(204);
        problem(given().get(member(id)).then(), 404, "NOT_FOUND");
        problem(patch(id, Map.of("phone", "1")), 404, "NOT_FOUND");
        problem(given().delete(member(id)).then(), 404, "NOT_FOUND");
        problem(given().get(member(Long.MAX_VALUE)).then(), 404, "NOT_FOUND");
    }

    @Test
    void listUnderUnknownSubcommitteeIsNotFound() {
        problem(given().get(members(Long.MAX_VALUE)).then(), 404, "NOT_FOUND");
    }

    @Test
    void listIsPagedInIdOrderWithTheEnvelope() {
        long sid = Api.createSubcommittee();
        long[] created = new long[5];
        for (int i = 0; i < created.length; i++) {
            created[i] = Api.createMember(sid, "MEMBER");
        }
        given().queryParam("page", 1).queryParam("size", 2).get(members(sid)).then().statusCode(200)
                .body("page", equalTo(1))
                .body("size", equalTo(2))
                .body("totalItems", equalTo(5))
                .body("totalPages", equalTo(3))
                .body("items.id", contains((int) created[2], (int) created[3]));
        given().get(members(sid)).then().statusCode(200)
                .body("page", equalTo(0))
                .body("size", equalTo(20))
                .body("totalPages", equalTo(1))
                .body("items.id", contains((int) created[0], (int) created[1], (int) created[2], (int) created[3],
                        (int) created[4]));
        given().queryParam("page", 3).queryParam("size", 2).get(members(sid)).then().statusCode(200)
                .body("items", empty())
                .body("totalItems", equalTo(5));
    }

    @Test
    void listRefusesUnknownParametersMalformedValuesAndUnsortableFields() {
        long sid = Api.createSubcommittee();
        problem(given().queryParam("rol", "HEAD").get(members(sid)).then(), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("rol"));
        problem(given().queryParam("role", "CHAIR").get(members(sid)).then(), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("role"));
        problem(given().queryParam("active", "yes").get(members(sid)).then(), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("active"));
        problem(given().queryParam("size", 101).get(members(sid)).then(), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("size"));
        problem(given().queryParam("size", 0).get(members(sid)).then(), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("size"));
        problem(given().queryParam("page", -1).get(members(sid)).then(), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("page"));
        problem(given().queryParam("sort", "email").get(members(sid)).then(), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("sort"));
    }

    @Test
    void listFiltersByRoleAndActive() {
        long sid = Api.createSubcommittee();
        long secretary = Api.createMember(sid, "SECRETARY");
        long member = Api.createMember(sid, "MEMBER");
        long retired = Api.createMember(sid, Map.of("role", "MEMBER", "active", false));
        assertEquals(List.of(secretary), ids(given().queryParam("role", "SECRETARY").get(members(sid)).then()));
        assertEquals(List.of(member, retired), ids(given().queryParam("role", "MEMBER").get(members(sid)).then()));
        assertEquals(List.of(retired), ids(given().queryParam("active", "false").get(members(sid)).then()));
        assertEquals(List.of(member), ids(given().queryParam("role", "MEMBER").queryParam("active", "true")
                .get(members(sid)).then()));
    }

    @Test
    void qFoldsDiacriticsAndMatchesEveryWordInAnyOrder() {
        long sid = Api.createSubcommittee();
        long dien = Api.createMember(sid, Map.of("fullName", "Vũ Văn Diện", "role", "HEAD"));
        Api.createMember(sid, Map.of("fullName", "Vũ Thị Hoa"));
        Api.createMember(sid, Map.of("fullName", "Lê Diên"));
        for (String q : List.of("dien vu", "vu van dien", "VŨ DIỆN", "  diện   vũ ")) {
            assertEquals(List.of(dien), ids(given().queryParam("q", q).get(members(sid)).then()), q);
        }
        assertEquals(3, ids(given().queryParam("q", "").get(members(sid)).then()).size());
        assertEquals(List.of(), ids(given().queryParam("q", "dien%").get(members(sid)).then()));
    }

    @Test
    void qSearchesPositionOrganizationAndEmail() {
        long sid = Api.createSubcommittee();
        long byPosition = Api.createMember(sid, Map.of("position", "Phó Trưởng ban Tuyên giáo"));
        long byOrganization = Api.createMember(sid, Map.of("organization", "Sở Kế hoạch và Đầu tư"));
        String mailbox = "hoang" + Api.unique();
        long byEmail = Api.createMember(sid, Map.of("email", mailbox + "@so-khdt.vn"));
        assertEquals(List.of(byPosition), ids(given().queryParam("q", "tuyen giao").get(members(sid)).then()));
        assertEquals(List.of(byOrganization), ids(given().queryParam("q", "dau tu").get(members(sid)).then()));
        assertEquals(List.of(byEmail), ids(given().queryParam("q", mailbox.toUpperCase()).get(members(sid)).then()));
    }

    @Test
    void sortByFullNameUsesTheFoldedForm() {
        long sid = Api.createSubcommittee();
        long duong = Api.createMember(sid, Map.of("fullName", "Dương Thị Bình"));
        long anh = Api.createMember(sid, Map.of("fullName", "Ánh Nguyễn"));
        long doVan = Api.createMember(sid, Map.of("fullName", "Đỗ Văn An"));
        long bui = Api.createMember(sid, Map.of("fullName", "bùi Văn Cường"));
        assertEquals(List.of(anh, bui, doVan, duong), ids(given().queryParam("sort", "fullName").get(members(sid)).then()));
        assertEquals(List.of(duong, doVan, bui, anh), ids(given().queryParam("sort", "-fullName").get(members(sid)).then()));
    }

    @Test
    void sortByRoleFollowsTheDeclaredOrderWithIdAsTieBreaker() {
        long sid = Api.createSubcommittee();
        long support = Api.createMember(sid, "SUPPORT_STAFF");
        long member1 = Api.createMember(sid, "MEMBER");
        long secretary = Api.createMember(sid, "SECRETARY");
        long head = Api.createMember(sid, "HEAD");
        long member2 = Api.createMember(sid, "MEMBER");
        long deputy = Api.createMember(sid, "DEPUTY_HEAD");
        assertEquals(List.of(head, deputy, member1, member2, secretary, support),
                ids(given().queryParam("sort", "role").get(members(sid)).then()));
        assertEquals(List.of(support, secretary, member1, member2, deputy, head),
                ids(given().queryParam("sort", "-role").get(members(sid)).then()));
        assertEquals(List.of(member1, member2), ids(given().queryParam("sort", "role").queryParam("page", 1)
                .queryParam("size", 2).get(members(sid)).then()));
    }

    @Test
    void patchChangesOnlyTheFieldsSentAndNullClearsAnOptionalField() {
        long sid = Api.createSubcommittee();
        long id = Api.createMember(sid, Map.of("fullName", "Trần Thị Mai", "position", "Chuyên viên",
                "organization", "Văn phòng Thành ủy", "phone", "0901", "role", "SECRETARY"));
        String email = given().get(member(id)).then().extract().jsonPath().getString("email");

        given().contentType("application/merge-patch+json; charset=UTF-8").body(Map.of("phone", "  0987 654 321 "))
                .patch(member(id)).then().statusCode(200)
                .header("ETag", notNullValue())
                .body("phone", equalTo("0987 654 321"))
                .body("fullName", equalTo("Trần Thị Mai"))
                .body("position", equalTo("Chuyên viên"))
                .body("organization", equalTo("Văn phòng Thành ủy"))
                .body("role", equalTo("SECRETARY"))
                .body("email", equalTo(email))
                .body("active", equalTo(true));

        Map<String, Object> clear = new HashMap<>();
        clear.put("position", null);
        patch(id, clear).statusCode(200)
                .body("position", nullValue())
                .body("organization", equalTo("Văn phòng Thành ủy"))
                .body("phone", equalTo("0987 654 321"));
        given().get(member(id)).then().statusCode(200)
                .body("position", nullValue())
                .body("organization", equalTo("Văn phòng Thành ủy"));
    }

    @Test
    void patchWithNullForARequiredFieldIsRefusedAndChangesNothing() {
        long sid = Api.createSubcommittee();
        long id = Api.createMember(sid, Map.of("fullName", "Phạm Văn Nam", "role", "MEMBER"));
        String etag = Api.etag(member(id));
        for (String field : List.of("fullName", "role", "email")) {
            Map<String, Object> body = new HashMap<>();
            body.put(field, null);
            body.put("phone", "0911");
            problem(patch(id, body), 400, "VALIDATION_FAILED").body("errors.field", contains(field));
        }
        given().get(member(id)).then().statusCode(200)
                .header("ETag", equalTo(etag))
                .body("fullName", equalTo("Phạm Văn Nam"))
                .body("phone", nullValue());
    }

    @Test
    void patchRefusesReadOnlyFieldsEvenWithTheirCurrentValueAndUnknownFields() {
        long sid = Api.createSubcommittee();
        long id = Api.createMember(sid, "MEMBER");
        problem(patch(id, Map.of("subcommitteeId", sid)), 400, "READ_ONLY_FIELD").body("errors.field", contains("subcommitteeId"));
        problem(patch(id, Map.of("id", id)), 400, "READ_ONLY_FIELD").body("errors.field", contains("id"));
        problem(patch(id, Map.of("title", "x")), 400, "UNKNOWN_FIELD").body("errors.field", contains("title"));
    }

    @Test
    void secondActiveHeadIsRefusedOnCreate() {
        long sid = Api.createSubcommittee();
        long head = Api.createMember(sid, "HEAD");
        problem(create(sid, body("role", "HEAD")), 409, "HEAD_ALREADY_ASSIGNED");
        assertEquals(List.of(head), ids(given().queryParam("role", "HEAD").get(members(sid)).then()));
    }

    @Test
    void promotingASecondMemberToHeadIsRefusedOnPatch() {
        long sid = Api.createSubcommittee();
        Api.createMember(sid, "HEAD");
        long deputy = Api.createMember(sid, "DEPUTY_HEAD");
        problem(patch(deputy, Map.of("role", "HEAD")), 409, "HEAD_ALREADY_ASSIGNED");
        given().get(member(deputy)).then().body("role", equalTo("DEPUTY_HEAD"));
    }

    @Test
    void theHeadMayBePatchedWithoutConflictingWithItself() {
        long sid = Api.createSubcommittee();
        long head = Api.createMember(sid, "HEAD");
        patch(head, Map.of("role", "HEAD", "position", "Bí thư Thành ủy")).statusCode(200).body("role", equalTo("HEAD"));
    }

    @Test
    void anInactiveHeadDoesNotTakeTheSlot() {
        long sid = Api.createSubcommittee();
        Api.createMember(sid, Map.of("role", "HEAD", "active", false));
        long active = Api.createMember(sid, "HEAD");
        given().get("/api/v1/subcommittees/" + sid).then().body("headMemberId", equalTo((int) active));
    }

    @Test
    void anInactiveHeadMayBeAddedBesideTheActiveOneButNotActivated() {
        long sid = Api.createSubcommittee();
        long head = Api.createMember(sid, "HEAD");
        long former = create(sid, body("role", "HEAD", "active", false)).statusCode(201)
                .body("active", equalTo(false)).extract().jsonPath().getLong("id");
        problem(patch(former, Map.of("active", true)), 409, "HEAD_ALREADY_ASSIGNED");
        given().get("/api/v1/subcommittees/" + sid).then().body("headMemberId", equalTo((int) head));
    }

    @Test
    void deletingTheHeadFreesTheSlot() {
        long sid = Api.createSubcommittee();
        long head = Api.createMember(sid, "HEAD");
        given().delete(member(head)).then().statusCode(204);
        given().get("/api/v1/subcommittees/" + sid).then().body("headMemberId", nullValue());
        long next = Api.createMember(sid, "HEAD");
        given().get("/api/v1/subcommittees/" + sid).then().body("headMemberId", equalTo((int) next));
    }

    @Test
    void deactivatingTheHeadFreesTheSlotAndHeadMemberIdFollows() {
        long sid = Api.createSubcommittee();
        String subcommittee = "/api/v1/subcommittees/" + sid;
        given().get(subcommittee).then().body("headMemberId", nullValue());

        long first = Api.createMember(sid, "HEAD");
        String withFirst = Api.etag(subcommittee);
        given().get(subcommittee).then().body("headMemberId", equalTo((int) first));

        patch(first, Map.of("active", false)).statusCode(200).body("active", equalTo(false));
        given().get(subcommittee).then().body("headMemberId", nullValue());
        assertNotEquals(withFirst, Api.etag(subcommittee));

        long second = Api.createMember(sid, "HEAD");
        given().get(subcommittee).then().body("headMemberId", equalTo((int) second));

        problem(patch(first, Map.of("active", true)), 409, "HEAD_ALREADY_ASSIGNED");
        patch(second, Map.of("role", "DEPUTY_HEAD")).statusCode(200);
        given().get(subcommittee).then().body("headMemberId", nullValue());
        patch(first, Map.of("active", true)).statusCode(200);
        given().get(subcommittee).then().body("headMemberId", equalTo((int) first));
    }

    @Test
    void emailIsUniqueWithinASubcommitteeIgnoringCase() {
        long sid = Api.createSubcommittee();
        String email = "lan" + Api.unique() + "@thanhuy.vn";
        long first = Api.createMember(sid, Map.of("email", email));
        problem(create(sid, body("email", email.toUpperCase())), 409, "EMAIL_TAKEN");
        long other = Api.createMember(sid, "MEMBER");
        problem(patch(other, Map.of("email", "  " + email.toUpperCase())), 409, "EMAIL_TAKEN");
        patch(first, Map.of("email", email.toUpperCase())).statusCode(200).body("email", equalTo(email.toUpperCase()));
    }

    @Test
    void theSameEmailInAnotherSubcommitteeIsAccepted() {
        String email = "hai" + Api.unique() + "@thanhuy.vn";
        Api.createMember(Api.createSubcommittee(), Map.of("email", email));
        create(Api.createSubcommittee(), body("email", email)).statusCode(201).body("email", equalTo(email));
    }

    @Test
    void deleteAnswers204AndTheMemberIsGone() {
        long sid = Api.createSubcommittee();
        long id = Api.createMember(sid, "MEMBER");
        given().delete(member(id)).then().statusCode(204);
        problem(given().get(member(id)).then(), 404, "NOT_FOUND");
        assertEquals(List.of(), ids(given().get(members(sid)).then()));
    }

    @Test
    void aMemberWhoHoldsResponsibilitiesCannotBeDeleted() {
        long sid = Api.createSubcommittee();
        long id = Api.createMember(sid, "MEMBER");
        Api.createResponsibility(sid, id, "Kinh tế", "Phần I", "SUPPORT");
        problem(given().delete(member(id)).then(), 409, "MEMBER_HAS_RESPONSIBILITIES");
        given().get(member(id)).then().statusCode(200);
        patch(id, Map.of("active", false)).statusCode(200).body("active", equalTo(false));
    }

    @Test
    void writesInsideAnArchivedSubcommitteeAreRefused() {
        long sid = Api.createSubcommittee();
        long id = Api.createMember(sid, Map.of("fullName", "Lý Thị Thu"));
        Api.archiveSubcommittee(sid);

        problem(create(sid, body()), 409, "SUBCOMMITTEE_ARCHIVED");
        problem(patch(id, Map.of("fullName", "Lý Thị Thu Hà")), 409, "SUBCOMMITTEE_ARCHIVED");
        problem(given().delete(member(id)).then(), 409, "SUBCOMMITTEE_ARCHIVED");
        given().get(member(id)).then().statusCode(200).body("fullName", equalTo("Lý Thị Thu"));
        assertEquals(List.of(id), ids(given().get(members(sid)).then()));

        Api.json().body(Map.of("status", "ACTIVE")).patch("/api/v1/subcommittees/" + sid).then().statusCode(200);
        patch(id, Map.of("fullName", "Lý Thị Thu Hà")).statusCode(200);
    }

    @Test
    void patchWithStaleIfMatchIsRefusedAndChangesNothing() {
        long sid = Api.createSubcommittee();
        long id = Api.createMember(sid, Map.of("fullName", "Đặng Văn Tú"));
        String original = Api.etag(member(id));
        String changed = Api.json().header("If-Match", original).body(Map.of("phone", "0900"))
                .patch(member(id)).then().statusCode(200).extract().header("ETag");
        assertNotEquals(original, changed);

        problem(Api.json().header("If-Match", original).body(Map.of("fullName", "Đặng Văn Tài")).patch(member(id)).then(),
                412, "PRECONDITION_FAILED");
        given().get(member(id)).then().statusCode(200)
                .header("ETag", equalTo(changed))
                .body("fullName", equalTo("Đặng Văn Tú"))
                .body("phone", equalTo("0900"));
    }

    @Test
    void patchWithCurrentOrWildcardIfMatchSucceeds() {
        long sid = Api.createSubcommittee();
        long id = Api.createMember(sid, "MEMBER");
        Api.json().header("If-Match", Api.etag(member(id))).body(Map.of("phone", "1")).patch(member(id))
                .then().statusCode(200).body("phone", equalTo("1"));
        Api.json().header("If-Match", "*").body(Map.of("phone", "2")).patch(member(id))
                .then().statusCode(200).body("phone", equalTo("2"));
    }

    @Test
    void deleteHonoursIfMatch() {
        long sid = Api.createSubcommittee();
        long id = Api.createMember(sid, "MEMBER");
        String original = Api.etag(member(id));
        patch(id, Map.of("phone", "0900")).statusCode(200);
        problem(given().header("If-Match", original).delete(member(id)).then(), 412, "PRECONDITION_FAILED");
        given().get(member(id)).then().statusCode(200);
        given().header("If-Match", Api.etag(member(id))).delete(member(id)).then().statusCode(204);
    }

    @Test
    void ifNoneMatchWithTheCurrentTagAnswers304AndWithAnOldTagTheMember() {
        long sid = Api.createSubcommittee();
        long id = Api.createMember(sid, "MEMBER");
        String original = Api.etag(member(id));
        given().header("If-None-Match", original).get(member(id)).then().statusCode(304);
        String changed = patch(id, Map.of("phone", "0900")).statusCode(200).extract().header("ETag");
        given().header("If-None-Match", original).get(member(id)).then().statusCode(200)
                .header("ETag", equalTo(changed)).body("phone", equalTo("0900"));
        given().header("If-None-Match", changed).get(member(id)).then().statusCode(304);
    }
}
