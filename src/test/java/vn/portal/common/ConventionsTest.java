package vn.portal.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.portal.support.Api;
import vn.portal.support.LoggedInAsAdmin;

@QuarkusTest
class ConventionsTest {

    private static final int FOUR_MIB = 4 * 1024 * 1024;
    private static final int FIVE_MIB = 5 * 1024 * 1024;

    @TestHTTPResource("/")
    URI baseUri;

    /** Where a write goes, and a body it would accept (empty for a patch). */
    record Target(String method, String path, Map<String, Object> body) {

        Map<String, Object> bodyWith(String field, Object value) {
            Map<String, Object> map = new LinkedHashMap<>(body);
            map.put(field, value);
            return map;
        }

        Response send(Object payload) {
            return Api.json().body(payload).request(method, path);
        }

        Response sendRaw(String contentType, byte[] payload) {
            return Api.exact().contentType(contentType).body(payload).request(method, path);
        }
    }

    enum Endpoint {
        CREATE_SUBCOMMITTEE, CREATE_MEMBER, CREATE_RESPONSIBILITY, CREATE_MILESTONE,
        PATCH_SUBCOMMITTEE, PATCH_MEMBER, PATCH_RESPONSIBILITY, PATCH_MILESTONE;

        Target prepare() {
            return switch (this) {
                case CREATE_SUBCOMMITTEE -> new Target("POST", "/api/v1/subcommittees", map("code", "C-" + Api.unique(),
                        "name", "Tiểu ban Văn kiện", "kind", "DOCUMENTS", "congress", "Đại hội XXV", "termStart", 2020,
                        "termEnd", 2025));
                case CREATE_MEMBER -> new Target("POST", "/api/v1/subcommittees/" + Api.createSubcommittee() + "/members",
                        map("fullName", "Lê Thị Hồng", "role", "MEMBER", "email", "m" + Api.unique() + "@thanhuy.vn"));
                case CREATE_RESPONSIBILITY -> {
                    long sid = Api.createSubcommittee();
                    yield new Target("POST", "/api/v1/subcommittees/" + sid + "/responsibilities",
                            map("memberId", Api.createMember(sid, "MEMBER"), "area", "Kinh tế",
                                    "documentSection", "Báo cáo chính trị / Phần I", "title", "Số liệu khối kinh tế",
                                    "role", "SUPPORT"));
                }
                case CREATE_MILESTONE -> new Target("POST", "/api/v1/subcommittees/" + Api.createSubcommittee() + "/milestones",
                        map("title", "Dự thảo lần 1", "dueOn", "2020-02-22"));
                case PATCH_SUBCOMMITTEE -> new Target("PATCH", Resource.SUBCOMMITTEE.create(), map());
                case PATCH_MEMBER -> new Target("PATCH", Resource.MEMBER.create(), map());
                case PATCH_RESPONSIBILITY -> new Target("PATCH", Resource.RESPONSIBILITY.create(), map());
                case PATCH_MILESTONE -> new Target("PATCH", Resource.MILESTONE.create(), map());
            };
        }
    }

    /** A single resource: how to make one, and a field a patch may change. */
    enum Resource {
        SUBCOMMITTEE("description"), MEMBER("position"), RESPONSIBILITY("description"), MILESTONE("description");

        final String changeable;

        Resource(String changeable) {
            this.changeable = changeable;
        }

        String create() {
            return switch (this) {
                case SUBCOMMITTEE -> "/api/v1/subcommittees/" + Api.createSubcommittee();
                case MEMBER -> "/api/v1/members/" + Api.createMember(Api.createSubcommittee(), "MEMBER");
                case RESPONSIBILITY -> {
                    long sid = Api.createSubcommittee();
                    yield "/api/v1/responsibilities/"
                            + Api.createResponsibility(sid, Api.createMember(sid, "MEMBER"), "Kinh tế", "Phần I", "LEAD");
                }
                case MILESTONE -> "/api/v1/milestones/" + Api.createMilestone(Api.createSubcommittee(), "2020-02-22", Map.of());
            };
        }
    }

    enum Listing {
        SUBCOMMITTEES, MEMBERS, RESPONSIBILITIES, MILESTONES;

        String path() {
            return switch (this) {
                case SUBCOMMITTEES -> "/api/v1/subcommittees";
                case MEMBERS -> "/api/v1/subcommittees/" + Api.createSubcommittee() + "/members";
                case RESPONSIBILITIES -> "/api/v1/subcommittees/" + Api.createSubcommittee() + "/responsibilities";
                case MILESTONES -> "/api/v1/subcommittees/" + Api.createSubcommittee() + "/milestones";
            };
        }
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            } else {
                for (int b : (int[]) part) {
                    out.write(b);
                }
            }
        }
        return out.toByteArray();
    }

    private static int expectedSuccess(Target target) {
        return "POST".equals(target.method()) ? 201 : 200;
    }

    private static Stream<Arguments> everyEndpointWith(Object... variants) {
        return Arrays.stream(Endpoint.values()).flatMap(e -> Arrays.stream(variants).map(v -> Arguments.of(e, v)));
    }

    static Stream<Arguments> malformedBodies() {
        return everyEndpointWith("{\"title\":", "{title: \"x\"}", "not json", "{\"a\":1,}", "{'a':1}",
                "{\"title\":\"x\"} trailing", "{\"title\":\"x\"}{}", "{} []");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("malformedBodies")
    void aBodyThatIsNotJsonIsMalformed(Endpoint endpoint, String body) {
        endpoint.prepare().sendRaw("application/json", body.getBytes(StandardCharsets.UTF_8))
                .then().spec(Api.problem(400, "MALFORMED_JSON"));
    }

    static Stream<Arguments> invalidUtf8() {
        // FuzzTest found overlong forms (C0 AF is "/") and encoded surrogates taken and stored decoded
        return everyEndpointWith("C3 28", "80", "FF", "E1 BB", "C0 AF", "E0 80 AF", "ED A0 80", "F4 90 80 80");
    }

    @ParameterizedTest(name = "{0} bytes {1}")
    @MethodSource("invalidUtf8")
    void invalidUtf8IsMalformed(Endpoint endpoint, String hex) {
        Target target = endpoint.prepare();
        int[] bad = Arrays.stream(hex.split(" ")).mapToInt(h -> Integer.parseInt(h, 16)).toArray();
        String field = target.body().isEmpty() ? "description" : target.body().keySet().iterator().next();

        target.sendRaw("application/json", bytes("{\"" + field + "\":\"Vi", bad, "t\"}"))
                .then().spec(Api.problem(400, "MALFORMED_JSON"));
    }

    /** FuzzTest found JSON in UTF-16 and UTF-32 taken: Jackson guesses the encoding from the first bytes. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("otherEncodings")
    void jsonInAnEncodingOtherThanUtf8IsMalformed(Endpoint endpoint, String charset) {
        Target target = endpoint.prepare();
        byte[] encoded = new String(toJson(target.body()), StandardCharsets.UTF_8).getBytes(java.nio.charset.Charset.forName(charset));

        target.sendRaw("application/json", encoded).then().spec(Api.problem(400, "MALFORMED_JSON"));
    }

    static Stream<Arguments> otherEncodings() {
        return everyEndpointWith("UTF-16LE", "UTF-16BE", "UTF-16", "UTF-32BE", "UTF-32LE");
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void anEmptyBodyIsMalformed(Endpoint endpoint) {
        endpoint.prepare().sendRaw("application/json", new byte[0]).then().spec(Api.problem(400, "MALFORMED_JSON"));
    }

    static Stream<Arguments> jsonThatIsNotAnObject() {
        return everyEndpointWith("[]", "[{\"title\":\"x\"}]", "\"Tiểu ban\"", "42", "true", "null");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("jsonThatIsNotAnObject")
    void jsonThatIsNotAnObjectFailsValidation(Endpoint endpoint, String body) {
        endpoint.prepare().sendRaw("application/json", body.getBytes(StandardCharsets.UTF_8))
                .then().spec(Api.problem(400, "VALIDATION_FAILED"));
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void duplicateKeysAreRefused(Endpoint endpoint) {
        Target target = endpoint.prepare();
        String key = target.body().isEmpty() ? "title" : target.body().keySet().iterator().next();
        String rest = target.body().isEmpty() ? "{\"title\":\"Hai\"}" : new String(toJson(target.body()), StandardCharsets.UTF_8);
        String body = "{\"" + key + "\":\"Một\"," + rest.substring(1);

        target.sendRaw("application/json", body.getBytes(StandardCharsets.UTF_8)).then().statusCode(400)
                .header("Content-Type", startsWith("application/problem+json"))
                .body("code", anyOf(equalTo("MALFORMED_JSON"), equalTo("VALIDATION_FAILED")));
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void absurdlyDeepNestingIsRefusedAsABadRequest(Endpoint endpoint) {
        String body = "{\"title\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

        endpoint.prepare().sendRaw("application/json", body.getBytes(StandardCharsets.UTF_8)).then().statusCode(400)
                .header("Content-Type", startsWith("application/problem+json"))
                .body("code", anyOf(equalTo("MALFORMED_JSON"), equalTo("VALIDATION_FAILED")));
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void anUnknownFieldIsRefusedByName(Endpoint endpoint) {
        Target target = endpoint.prepare();

        target.send(target.bodyWith("chairman", "Vũ Văn Diện")).then().spec(Api.problem(400, "UNKNOWN_FIELD"))
                .body("errors.field", equalTo(List.of("chairman")));
    }

    static Stream<Arguments> readOnlyFields() {
        return everyEndpointWith("id", "createdAt", "updatedAt", "version");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("readOnlyFields")
    void aReadOnlyFieldIsRefusedByName(Endpoint endpoint, String field) {
        Target target = endpoint.prepare();

        target.send(target.bodyWith(field, "version".equals(field) || "id".equals(field) ? 1 : "2020-02-22T16:59:59.000Z"))
                .then().spec(Api.problem(400, "READ_ONLY_FIELD")).body("errors.field", equalTo(List.of(field)));
    }

    static Stream<Arguments> wronglyTypedValues() {
        return Stream.of(
                Arguments.of(Endpoint.CREATE_SUBCOMMITTEE, "name", 5, "name"),
                Arguments.of(Endpoint.CREATE_SUBCOMMITTEE, "congress", true, "congress"),
                Arguments.of(Endpoint.CREATE_SUBCOMMITTEE, "code", List.of("VK"), "code"),
                Arguments.of(Endpoint.CREATE_SUBCOMMITTEE, "termStart", "2020", "termStart"),
                Arguments.of(Endpoint.CREATE_SUBCOMMITTEE, "termStart", 2020.5, "termStart"),
                Arguments.of(Endpoint.CREATE_SUBCOMMITTEE, "termEnd", 2025.0, "termEnd"),
                Arguments.of(Endpoint.CREATE_SUBCOMMITTEE, "kind", "documents", "kind"),
                Arguments.of(Endpoint.CREATE_SUBCOMMITTEE, "kind", 1, "kind"),
                Arguments.of(Endpoint.CREATE_SUBCOMMITTEE, "status", "CLOSED", "status"),
                Arguments.of(Endpoint.CREATE_SUBCOMMITTEE, "description", 12, "description"),
                Arguments.of(Endpoint.PATCH_SUBCOMMITTEE, "termEnd", "2025", "termEnd"),
                Arguments.of(Endpoint.PATCH_SUBCOMMITTEE, "name", Map.of("vi", "Tiểu ban"), "name"),
                Arguments.of(Endpoint.CREATE_MEMBER, "fullName", 123, "fullName"),
                Arguments.of(Endpoint.CREATE_MEMBER, "role", "CHAIR", "role"),
                Arguments.of(Endpoint.CREATE_MEMBER, "email", "not-an-email", "email"),
                Arguments.of(Endpoint.CREATE_MEMBER, "active", "true", "active"),
                Arguments.of(Endpoint.CREATE_MEMBER, "userId", "7", "userId"),
                Arguments.of(Endpoint.CREATE_MEMBER, "joinedOn", "2020-02-30", "joinedOn"),
                Arguments.of(Endpoint.CREATE_MEMBER, "joinedOn", "22/02/2020", "joinedOn"),
                Arguments.of(Endpoint.PATCH_MEMBER, "active", 1, "active"),
                Arguments.of(Endpoint.CREATE_RESPONSIBILITY, "memberId", "1", "memberId"),
                Arguments.of(Endpoint.CREATE_RESPONSIBILITY, "memberId", 1.5, "memberId"),
                Arguments.of(Endpoint.CREATE_RESPONSIBILITY, "role", "CHU_TRI", "role"),
                Arguments.of(Endpoint.CREATE_RESPONSIBILITY, "dueOn", "2020-13-01", "dueOn"),
                Arguments.of(Endpoint.PATCH_RESPONSIBILITY, "role", "lead", "role"),
                Arguments.of(Endpoint.CREATE_MILESTONE, "dueOn", "2020-02-30", "dueOn"),
                Arguments.of(Endpoint.CREATE_MILESTONE, "dueOn", "22/02/2020", "dueOn"),
                Arguments.of(Endpoint.CREATE_MILESTONE, "dueOn", "2020-2-22", "dueOn"),
                Arguments.of(Endpoint.CREATE_MILESTONE, "dueOn", "2020-02-22T00:00:00Z", "dueOn"),
                Arguments.of(Endpoint.CREATE_MILESTONE, "dueOn", 20200222, "dueOn"),
                Arguments.of(Endpoint.CREATE_MILESTONE, "status", "FINISHED", "status"),
                Arguments.of(Endpoint.CREATE_MILESTONE, "responsibilityIds", "1", "responsibilityIds"),
                Arguments.of(Endpoint.CREATE_MILESTONE, "responsibilityIds", List.of(0), "responsibilityIds[0]"),
                Arguments.of(Endpoint.CREATE_MILESTONE, "responsibilityIds", List.of("a"), "responsibilityIds[0]"),
                Arguments.of(Endpoint.CREATE_MILESTONE, "title", List.of("Dự thảo"), "title"),
                Arguments.of(Endpoint.PATCH_MILESTONE, "dueOn", "2020-02-30", "dueOn"),
                Arguments.of(Endpoint.PATCH_MILESTONE, "status", "done", "status"));
    }

    @ParameterizedTest(name = "{0} {1}={2}")
    @MethodSource("wronglyTypedValues")
    void aValueOfTheWrongTypeOrFormatFailsValidationNamingTheField(Endpoint endpoint, String field, Object value,
            String errorField) {
        Target target = endpoint.prepare();

        target.send(target.bodyWith(field, value)).then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of(errorField)));
    }

    static Stream<Arguments> singleLineTextFields() {
        return Stream.of(
                Arguments.of(Endpoint.CREATE_SUBCOMMITTEE, "name"),
                Arguments.of(Endpoint.CREATE_SUBCOMMITTEE, "congress"),
                Arguments.of(Endpoint.PATCH_SUBCOMMITTEE, "name"),
                Arguments.of(Endpoint.CREATE_MEMBER, "fullName"),
                Arguments.of(Endpoint.PATCH_MEMBER, "organization"),
                Arguments.of(Endpoint.CREATE_RESPONSIBILITY, "area"),
                Arguments.of(Endpoint.CREATE_RESPONSIBILITY, "title"),
                Arguments.of(Endpoint.CREATE_MILESTONE, "title"),
                Arguments.of(Endpoint.PATCH_MILESTONE, "title"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("singleLineTextFields")
    void controlCharactersInASingleLineTextAreRefused(Endpoint endpoint, String field) {
        for (String bad : List.of("Tiểu\u0007ban", "Tiểu\nban", "Tiểu\tban", "Tiểu\u0000ban", "Tiểu\u007Fban")) {
            Target target = endpoint.prepare();
            target.send(target.bodyWith(field, bad)).then().spec(Api.problem(400, "VALIDATION_FAILED"))
                    .body("errors.field", equalTo(List.of(field)));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Endpoint.class, names = { "CREATE_SUBCOMMITTEE", "CREATE_RESPONSIBILITY", "CREATE_MILESTONE",
            "PATCH_SUBCOMMITTEE", "PATCH_RESPONSIBILITY", "PATCH_MILESTONE" })
    void aDescriptionTakesLineBreaksAndTabsButNoOtherControlCharacters(Endpoint endpoint) {
        Target target = endpoint.prepare();
        target.send(target.bodyWith("description", "Dòng một\r\n\tDòng hai")).then().statusCode(expectedSuccess(target))
                .body("description", equalTo("Dòng một\r\n\tDòng hai"));

        Target again = endpoint.prepare();
        again.send(again.bodyWith("description", "Dòng một\u0000")).then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of("description")));
    }

    static Stream<Arguments> textLimits() {
        return Stream.of(
                Arguments.of(Endpoint.CREATE_SUBCOMMITTEE, "name", 300),
                Arguments.of(Endpoint.CREATE_SUBCOMMITTEE, "congress", 300),
                Arguments.of(Endpoint.CREATE_SUBCOMMITTEE, "description", 10_000),
                Arguments.of(Endpoint.PATCH_SUBCOMMITTEE, "name", 300),
                Arguments.of(Endpoint.CREATE_MEMBER, "fullName", 200),
                Arguments.of(Endpoint.CREATE_MEMBER, "position", 300),
                Arguments.of(Endpoint.PATCH_MEMBER, "organization", 300),
                Arguments.of(Endpoint.CREATE_RESPONSIBILITY, "area", 120),
                Arguments.of(Endpoint.CREATE_RESPONSIBILITY, "documentSection", 300),
                Arguments.of(Endpoint.CREATE_RESPONSIBILITY, "title", 300),
                Arguments.of(Endpoint.PATCH_RESPONSIBILITY, "description", 10_000),
                Arguments.of(Endpoint.CREATE_MILESTONE, "title", 300),
                Arguments.of(Endpoint.CREATE_MILESTONE, "description", 10_000),
                Arguments.of(Endpoint.PATCH_MILESTONE, "title", 300));
    }

    @ParameterizedTest(name = "{0} {1} ≤ {2}")
    @MethodSource("textLimits")
    void textLimitsCountVietnameseCharactersNotBytes(Endpoint endpoint, String field, int limit) {
        String atLimit = "ệ".repeat(limit - 1) + "Đ";
        Target target = endpoint.prepare();
        target.send(target.bodyWith(field, atLimit)).then().statusCode(expectedSuccess(target)).body(field, equalTo(atLimit));

        Target again = endpoint.prepare();
        again.send(again.bodyWith(field, atLimit + "ạ")).then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of(field)));
    }

    @Test
    void aNameOfThreeHundredCharactersBeyondTheBasicPlaneIsAccepted() {
        Target target = Endpoint.CREATE_SUBCOMMITTEE.prepare();
        String name = "𠀧".repeat(300);

        target.send(target.bodyWith("name", name)).then().statusCode(201).body("name", equalTo(name));
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void aBodyThatIsNotJsonByContentTypeIsUnsupported(Endpoint endpoint) {
        Target target = endpoint.prepare();

        target.sendRaw("text/plain", "{}".getBytes(StandardCharsets.UTF_8))
                .then().spec(Api.problem(415, "UNSUPPORTED_MEDIA_TYPE"));
        target.sendRaw("application/xml", "<a/>".getBytes(StandardCharsets.UTF_8))
                .then().spec(Api.problem(415, "UNSUPPORTED_MEDIA_TYPE"));
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void aCharsetOtherThanUtf8IsUnsupported(Endpoint endpoint) {
        Target target = endpoint.prepare();
        byte[] latin1 = "{\"title\":\"Ti\u00EAu\"}".getBytes(StandardCharsets.ISO_8859_1);

        target.sendRaw("application/json; charset=ISO-8859-1", latin1).then().spec(Api.problem(415, "UNSUPPORTED_MEDIA_TYPE"));
        target.sendRaw("application/json; charset=UTF-16", latin1).then().spec(Api.problem(415, "UNSUPPORTED_MEDIA_TYPE"));
    }

    /** FuzzTest found these answered with 500: the guard reading the charset could not parse them. */
    @ParameterizedTest
    @ValueSource(strings = { "", "garbage", "json", "/json", "application/" })
    void aContentTypeThatIsNoMediaTypeAtAllIsUnsupported(String type) throws Exception {
        Target target = Endpoint.CREATE_MILESTONE.prepare();
        for (String method : List.of("GET", "POST")) {
            HttpRequest request = HttpRequest.newBuilder(baseUri.resolve(target.path()))
                    .header("Content-Type", type).header("Authorization", LoggedInAsAdmin.AUTHORIZATION)
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(toJson(target.body()))).build();

            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());

            assertEquals(415, response.statusCode(), method + " " + response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertEquals("UNSUPPORTED_MEDIA_TYPE", JsonPath.from(response.body()).getString("code"));
        }
        given().get(target.path()).then().body("totalItems", equalTo(0));
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void utf8DeclaredInAnyCaseOrNotAtAllIsAccepted(Endpoint endpoint) {
        for (String type : List.of("application/json", "application/json; charset=UTF-8", "application/json;charset=utf-8")) {
            Target target = endpoint.prepare();
            target.sendRaw(type, toJson(target.body())).then().statusCode(expectedSuccess(target));
        }
    }

    private static byte[] toJson(Map<String, Object> body) {
        return body.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + (e.getValue() instanceof String s ? "\"" + s + "\"" : e.getValue()))
                .collect(Collectors.joining(",", "{", "}")).getBytes(StandardCharsets.UTF_8);
    }

    /** The body as JSON followed by spaces up to exactly {@code size} bytes. */
    private static byte[] padded(Map<String, Object> body, int size) {
        byte[] json = toJson(body);
        byte[] padded = new byte[size];
        Arrays.fill(padded, (byte) ' ');
        System.arraycopy(json, 0, padded, 0, json.length);
        return padded;
    }

    static Stream<Arguments> patchMediaTypes() {
        return Arrays.stream(Resource.values()).flatMap(r -> Stream.of("application/merge-patch+json", "application/json")
                .map(type -> Arguments.of(r, type)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("patchMediaTypes")
    void patchTakesMergePatchJsonAndPlainJson(Resource resource, String type) {
        String path = resource.create();
        String value = "Cập nhật qua " + type;

        Api.exact().contentType(type).body(toJson(Map.of(resource.changeable, value))).patch(path)
                .then().statusCode(200).body(resource.changeable, equalTo(value));
        given().get(path).then().body(resource.changeable, equalTo(value));
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void aJsonBodyOverFourMebibytesIsTooLarge(Endpoint endpoint) {
        Target target = endpoint.prepare();

        target.sendRaw("application/json", padded(target.body(), FIVE_MIB)).then().spec(Api.problem(413, "PAYLOAD_TOO_LARGE"));
    }

    @Test
    void aChunkedJsonBodyOverFourMebibytesIsTooLarge() throws Exception {
        Target target = Endpoint.CREATE_MILESTONE.prepare();
        byte[] body = padded(target.body(), FIVE_MIB);
        HttpRequest chunked = HttpRequest.newBuilder(baseUri.resolve(target.path()))
                .header("Content-Type", "application/json").header("Authorization", LoggedInAsAdmin.AUTHORIZATION)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(chunked, HttpResponse.BodyHandlers.ofString());

        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals("PAYLOAD_TOO_LARGE", JsonPath.from(response.body()).getString("code"));
        given().get(target.path()).then().body("totalItems", equalTo(0));
    }

    @Test
    void aJsonBodyOfExactlyFourMebibytesIsTaken() {
        Target target = Endpoint.CREATE_MILESTONE.prepare();

        target.sendRaw("application/json", padded(target.body(), FOUR_MIB)).then().statusCode(201);
        target.sendRaw("application/json", padded(target.body(), FOUR_MIB + 1)).then().spec(Api.problem(413, "PAYLOAD_TOO_LARGE"));
    }

    @ParameterizedTest
    @EnumSource(Listing.class)
    void anUnknownQueryParameterIsRefusedByName(Listing listing) {
        given().queryParam("colour", "red").get(listing.path()).then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of("colour")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1", "/api/v1/subcommittees/{sid}", "/api/v1/milestones/{mid}" })
    void aSingleResourceTakesNoQueryParameters(String template) {
        long sid = Api.createSubcommittee();
        String path = template.replace("{sid}", Long.toString(sid))
                .replace("{mid}", Long.toString(Api.createMilestone(sid, "2020-02-22", Map.of())));

        given().queryParam("page", 0).get(path).then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of("page")));
    }

    @ParameterizedTest
    @EnumSource(Listing.class)
    void aRepeatedQueryParameterIsRefused(Listing listing) {
        given().queryParam("size", 5, 5).get(listing.path()).then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of("size")));
        given().queryParam("q", "a", "b").get(listing.path()).then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of("q")));
    }

    static Stream<Arguments> badQueryValues() {
        Stream<Arguments> paging = Arrays.stream(Listing.values()).flatMap(l -> Stream.of(
                Arguments.of(l, "page", "-1"), Arguments.of(l, "page", "x"), Arguments.of(l, "page", "1.5"),
                Arguments.of(l, "size", "0"), Arguments.of(l, "size", "101"), Arguments.of(l, "size", "ten"),
                Arguments.of(l, "sort", "colour"), Arguments.of(l, "sort", "--id"), Arguments.of(l, "sort", "+id")));
        Stream<Arguments> filters = Stream.of(
                Arguments.of(Listing.SUBCOMMITTEES, "kind", "documents"),
                Arguments.of(Listing.SUBCOMMITTEES, "status", "DELETED"),
                Arguments.of(Listing.SUBCOMMITTEES, "sort", "congress"),
                Arguments.of(Listing.MEMBERS, "role", "BOSS"),
                Arguments.of(Listing.MEMBERS, "active", "yes"),
                Arguments.of(Listing.MEMBERS, "active", "1"),
                Arguments.of(Listing.MEMBERS, "sort", "email"),
                Arguments.of(Listing.RESPONSIBILITIES, "role", "CHU_TRI"),
                Arguments.of(Listing.RESPONSIBILITIES, "memberId", "abc"),
                Arguments.of(Listing.RESPONSIBILITIES, "memberId", "0"),
                Arguments.of(Listing.RESPONSIBILITIES, "sort", "title"),
                Arguments.of(Listing.MILESTONES, "status", "done"),
                Arguments.of(Listing.MILESTONES, "overdue", "yes"),
                Arguments.of(Listing.MILESTONES, "overdue", "TRUE"),
                Arguments.of(Listing.MILESTONES, "dueFrom", "2020-02-30"),
                Arguments.of(Listing.MILESTONES, "dueTo", "22/02/2020"),
                Arguments.of(Listing.MILESTONES, "dueTo", "2020-2-22"),
                Arguments.of(Listing.MILESTONES, "sort", "overdue"));
        return Stream.concat(paging, filters);
    }

    @ParameterizedTest(name = "{0} {1}={2}")
    @MethodSource("badQueryValues")
    void aMalformedQueryValueIsRefusedNamingTheParameter(Listing listing, String parameter, String value) {
        given().queryParam(parameter, value).get(listing.path()).then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of(parameter)));
    }

    @Test
    void aFilterByAnUnknownIdGivesAnEmptyPage() {
        given().queryParam("memberId", Long.MAX_VALUE).get(Listing.RESPONSIBILITIES.path()).then().statusCode(200)
                .body("items", emptyIterable()).body("totalItems", equalTo(0));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/nothing-here", "/api/v1/subcommittees/1/nothing-here", "/api/v2/subcommittees",
            "/nothing-here" })
    void anUnknownPathIsNotFound(String path) {
        given().get(path).then().spec(Api.problem(404, "NOT_FOUND"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/subcommittees/abc", "/api/v1/members/1x", "/api/v1/responsibilities/%20",
            "/api/v1/milestones/1.0", "/api/v1/subcommittees/abc/milestones", "/api/v1/subcommittees/99999999999999999999",
            "/api/v1/milestones/9223372036854775807" })
    void aNonNumericOrUnknownIdInThePathIsNotFound(String path) {
        given().urlEncodingEnabled(false).get(path).then().spec(Api.problem(404, "NOT_FOUND"));
    }

    static Stream<Arguments> wrongMethods() {
        return Stream.of(
                Arguments.of("PUT", "/api/v1/subcommittees/1", Set.of("GET", "PATCH", "DELETE")),
                Arguments.of("POST", "/api/v1/subcommittees/1", Set.of("GET", "PATCH", "DELETE")),
                Arguments.of("DELETE", "/api/v1/subcommittees", Set.of("GET", "POST")),
                Arguments.of("PUT", "/api/v1/milestones/1", Set.of("GET", "PATCH", "DELETE")),
                Arguments.of("PATCH", "/api/v1/subcommittees/1/milestones", Set.of("GET", "POST")),
                Arguments.of("POST", "/api/v1", Set.of("GET")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("wrongMethods")
    void aMethodThePathDoesNotTakeIsNotAllowed(String method, String path) {
        Api.json().body("{}").request(method, path).then().spec(Api.problem(405, "METHOD_NOT_ALLOWED"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("wrongMethods")
    void aNotAllowedAnswerNamesTheAllowedMethods(String method, String path, Set<String> allowed) {
        String allow = Api.json().body("{}").request(method, path).then().spec(Api.problem(405, "METHOD_NOT_ALLOWED"))
                .header("Allow", notNullValue()).extract().header("Allow");

        Set<String> methods = Arrays.stream(allow.split(",")).map(String::strip).collect(Collectors.toSet());
        assertTrue(methods.containsAll(allowed), allow);
        assertFalse(methods.contains(method), allow);
    }

    /** FuzzTest found Allow missing here: the path is matched with its dot segments removed, and was looked up without. */
    @Test
    void aNotAllowedAnswerNamesTheMethodsOfThePathAsNormalised() {
        given().urlEncodingEnabled(false).contentType("application/json").body("{}")
                .post("/api/v1/subcommittees/1/members/%2E%2E")
                .then().spec(Api.problem(405, "METHOD_NOT_ALLOWED")).header("Allow", equalTo("DELETE, GET, HEAD, PATCH"));
    }

    @Test
    void anAcceptThatCannotBeMetIsNotAcceptable() {
        given().accept("application/xml").get("/api/v1/subcommittees").then().spec(Api.problem(406, "NOT_ACCEPTABLE"));
    }

    @ParameterizedTest
    @EnumSource(Resource.class)
    void everySingleResourceResponseCarriesTheETagOfWhatItSends(Resource resource) {
        String path = resource.create();
        String read = given().get(path).then().statusCode(200).header("ETag", notNullValue()).extract().header("ETag");

        String patched = Api.json().body(Map.of(resource.changeable, "Đã đổi")).patch(path).then().statusCode(200)
                .extract().header("ETag");

        assertTrue(patched != null && !patched.equals(read));
        assertEquals(patched, Api.etag(path));
    }

    @ParameterizedTest
    @EnumSource(Resource.class)
    void aStaleIfMatchOnPatchIsPreconditionFailedAndNothingChanges(Resource resource) {
        String path = resource.create();
        String stale = Api.etag(path);
        Api.json().body(Map.of(resource.changeable, "Lần một")).patch(path).then().statusCode(200);
        ExtractableResponse<Response> before = given().get(path).then().extract();

        Api.json().header("If-Match", stale).body(Map.of(resource.changeable, "Lần hai")).patch(path)
                .then().spec(Api.problem(412, "PRECONDITION_FAILED"));

        ExtractableResponse<Response> after = given().get(path).then().extract();
        assertEquals(before.jsonPath().getMap(""), after.jsonPath().getMap(""));
        assertEquals(before.header("ETag"), after.header("ETag"));
    }

    @ParameterizedTest
    @EnumSource(Resource.class)
    void aStaleIfMatchOnDeleteIsPreconditionFailedAndItStays(Resource resource) {
        String path = resource.create();
        String stale = Api.etag(path);
        Api.json().body(Map.of(resource.changeable, "Đổi")).patch(path).then().statusCode(200);

        given().header("If-Match", stale).delete(path).then().spec(Api.problem(412, "PRECONDITION_FAILED"));
        given().header("If-Match", "\"not-a-tag\"").delete(path).then().spec(Api.problem(412, "PRECONDITION_FAILED"));

        given().get(path).then().statusCode(200);
    }

    @ParameterizedTest
    @EnumSource(Resource.class)
    void ifMatchWithTheCurrentTagOrStarGoesAhead(Resource resource) {
        String path = resource.create();

        Api.json().header("If-Match", Api.etag(path)).body(Map.of(resource.changeable, "Một")).patch(path)
                .then().statusCode(200).body(resource.changeable, equalTo("Một"));
        Api.json().header("If-Match", "*").body(Map.of(resource.changeable, "Hai")).patch(path)
                .then().statusCode(200).body(resource.changeable, equalTo("Hai"));
        given().header("If-Match", "*").delete(path).then().statusCode(204);
        given().get(path).then().spec(Api.problem(404, "NOT_FOUND"));
    }

    @ParameterizedTest
    @EnumSource(Resource.class)
    void ifNoneMatchWithTheCurrentTagIsNotModifiedWithoutABody(Resource resource) {
        String path = resource.create();
        String tag = Api.etag(path);

        ExtractableResponse<Response> notModified = given().header("If-None-Match", tag).get(path).then().statusCode(304)
                .extract();
        assertEquals(0, notModified.asByteArray().length);
        assertEquals(tag, notModified.header("ETag"));

        given().header("If-None-Match", "\"something-else\"").get(path).then().statusCode(200).header("ETag", tag);
    }

    @Test
    void theIndexNeedsNothingAndLinksTheCollections() {
        given().get("/api/v1").then().statusCode(200)
                .header("Content-Type", startsWith("application/json"))
                .body("name", notNullValue())
                .body("version", equalTo("v1"))
                .body("links.self", equalTo("/api/v1"))
                .body("links.subcommittees", equalTo("/api/v1/subcommittees"))
                .body("links.members", equalTo("/api/v1/subcommittees/{subcommitteeId}/members"))
                .body("links.responsibilities", equalTo("/api/v1/subcommittees/{subcommitteeId}/responsibilities"))
                .body("links.milestones", equalTo("/api/v1/subcommittees/{subcommitteeId}/milestones"));
    }
}
