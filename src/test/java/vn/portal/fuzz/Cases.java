package vn.portal.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import vn.portal.fuzz.Contract.Operation;
import vn.portal.fuzz.Contract.Param;
import vn.portal.fuzz.Contract.Property;
import vn.portal.support.LoggedInAsAdmin;
import vn.portal.support.Webhooks;

/**
 * The malformed requests for one operation: first every systematic mutation of its path, query,
 * headers, credentials and body, then random combinations of them drawn from a seeded
 * {@link Random}. Everything is derived from the contract, so a new operation or field is fuzzed
 * without touching this class.
 */
final class Cases {

    /** YYYY-MM-DD, four year digits, a real day. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final String VIETNAMESE = "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĐƯƠ";
    private static final String MIB_TEXT = "x".repeat(1 << 20);
    /** Where raw bytes go into a JSON text: the bytes replace this token. */
    private static final String RAW = "FUZZRAWBYTES";

    /** Ids in a path: not numbers, out of range, encoded slashes and dots, other scripts. Never an id that exists. */
    static final List<String> BAD_IDS = List.of("abc", "-1", "0", "-0", "9223372036854775807", "9223372036854775808",
            "-9223372036854775809", "18446744073709551616", "99999999999999999999999999999999999999", "1.5", "1e3",
            "0x1F", "+9223372036854775807", "%2F", "a%2Fb", "1%2F2", "%2E%2E", "..", ".", "%00", "1%00", "%20", "%201",
            "%E1%BB%87", "%EF%BC%99%EF%BC%99%EF%BC%99%EF%BC%99%EF%BC%99%EF%BC%99%EF%BC%99%EF%BC%99%EF%BC%99",
            "%F0%9F%98%80", "%FF", "%C3%28", "%ED%A0%80", "%", "%zz", "%%", "ệ", "９９９９９９９９９", "x".repeat(2000), "NaN",
            "null", "true", "[1]", "%7Bid%7D", "{id}", "1;a=b", "1,2", "%0A", "%0D%0A", "%09", "~", "*");

    /** Bytes that are not UTF-8: bad leads, lone continuations, overlong forms, surrogates, past U+10FFFF, cut short. */
    static final List<byte[]> INVALID_UTF8 = List.of(bytes(0xC3, 0x28), bytes(0xA0, 0xA1), bytes(0xE2, 0x28, 0xA1),
            bytes(0xE2, 0x82, 0x28), bytes(0xF0, 0x28, 0x8C, 0xBC), bytes(0xF0, 0x90, 0x28, 0xBC),
            bytes(0xF8, 0xA1, 0xA1, 0xA1, 0xA1), bytes(0xFC, 0xA1, 0xA1, 0xA1, 0xA1, 0xA1), bytes(0xC0, 0xAF),
            bytes(0xE0, 0x80, 0xAF), bytes(0xED, 0xA0, 0x80), bytes(0xED, 0xBF, 0xBF), bytes(0xF4, 0x90, 0x80, 0x80),
            bytes(0xFF), bytes(0xFE), bytes(0xE2, 0x82), bytes(0xC3));

    static final List<String> JSON_TYPES = List.of("application/json", "application/merge-patch+json");
    static final List<String> BAD_CONTENT_TYPES = List.of("text/plain", "application/xml", "text/xml",
            "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=x",
            "application/json; charset=ISO-8859-1", "application/json; charset=utf-16", "application/json; charset=UTF-32",
            "application/json; charset=", "application/json; charset=\"utf-8\"", "application/json; charset=UTF-8; charset=latin1",
            "application/json; charset=no-such-charset", "application/json; charset=\u00fctf-8", "application/json;;",
            "application/json; =", "application/json; a", "application/", "/json", "json", "*/*", "application/*", "*",
            "garbage", "", " ", "application/json, text/plain", "application/problem+json", "text/json",
            "APPLICATION/JSON", "Application/Json; Charset=Utf-8", "application/json\t", "application/json; boundary=\"",
            "application/octet-stream", "application/json-patch+json", "application/vnd.api+json", "image/png",
            "application/json; q=0.5", "application/" + "x".repeat(4000), "application/json; charset=" + "u".repeat(2000));
    static final List<String> BAD_TAGS = List.of("", " ", "*", "**", "\"", "\"\"", "W/\"x\"", "W/", "\"x\", *", ",,,",
            "\"abc", "abc\"", "x".repeat(8000), "\u00e9\u00ff", "\"aaaaaaaaaaaaaaaaaaaaaaaaaaa\"",
            "\"a\",".repeat(200), "*, *", "W/*", "null", "0", "-1", "\"\\\"\"", "\t");
    static final List<String> BAD_IDEMPOTENCY_KEYS = List.of("", " ", "x".repeat(256), "x".repeat(5000), "\u00e9t\u00e9",
            "a b", "\t", "*", "\"quoted\"", "%00", "k".repeat(255));
    static final List<String> BAD_ACCEPTS = List.of("text/html", "application/xml", "garbage", "", "*/*;q=0",
            "application/json;q=abc", "application/json;q=0", "*/", "/", "image/*", "application/json;q=2", "a/b/c",
            "text/csv", "application/json, ".repeat(500) + "*/*", "*/*; charset=latin1", "application/json; charset=utf-16",
            ";;;", "application/problem+json", "text/*", "application/json;q=0.5, text/html;q=1", "\u00e9/\u00e9");
    static final List<String> ODD_HEADERS = List.of("Content-Encoding: gzip", "Content-Encoding: x-nonsense",
            "Accept-Encoding: x-nonsense;q=2", "Accept-Charset: latin1", "Range: bytes=0-0", "Range: garbage",
            "X-HTTP-Method-Override: DELETE", "X-HTTP-Method: PUT", "Origin: https://evil.example", "Origin: null",
            "Origin: garbage", "Origin: https://vankien.test.portal", "Cookie: a=b; JSESSIONID=x",
            "Forwarded: for=\"[::1\"", "X-Forwarded-For: garbage, , ,", "X-Forwarded-Proto: gopher",
            "If-Modified-Since: garbage", "If-Unmodified-Since: Thu, 01 Jan 1970 00:00:00 GMT", "If-Range: garbage",
            "Prefer: return=minimal", "TE: trailers", "Access-Control-Request-Method: DELETE", "Accept-Language: \u00e9\u00e9",
            "Max-Forwards: -1", "Via: garbage", "Content-Range: bytes */*", "Content-MD5: garbage",
            "Content-Disposition: attachment; filename=\"../../x\"", "Content-Location: ../../x", "Link: <garbage");

    private final Operation op;
    private final Fixture fixture;
    private final Random random;
    private final String path;
    private final List<Case> out = new ArrayList<>();
    private int counter;

    private Cases(Operation op, Fixture fixture, Random random) {
        this.op = op;
        this.fixture = fixture;
        this.random = random;
        this.path = fixture.fill(op.template());
    }

    /** The systematic cases, then {@code rounds} random ones; {@code firstOfPath} adds wrong methods. */
    static List<Case> of(Operation op, Fixture fixture, Random random, int rounds, boolean firstOfPath) {
        Cases cases = new Cases(op, fixture, random);
        cases.pathIds();
        cases.query();
        cases.headers();
        cases.credentials();
        if (op.takesJson()) {
            cases.fields();
            cases.bodies();
            cases.contentTypes();
        } else if (op.takesMultipart()) {
            cases.multipart();
        } else {
            cases.unexpectedBodies();
        }
        if (firstOfPath) {
            cases.methods();
        }
        for (int i = 0; i < rounds; i++) {
            cases.randomCase();
        }
        return cases.out;
    }

    // --- the request the mutations start from ---

    private Case base(String kind) {
        Case c = new Case(op.id(), kind).method(op.method()).path(path);
        c.header("Accept", op.id().endsWith("download") ? "*/*" : "application/json");
        if (op.takesJson()) {
            c.header("Content-Type", op.method().equals("PATCH") ? JSON_TYPES.get(random.nextInt(2)) : JSON_TYPES.get(0));
            c.body(json(validFields()));
        } else if (op.takesMultipart()) {
            c.header("Content-Type", "multipart/form-data; boundary=fzb");
            c.body(Fixture.multipart("fzb", "file", "tệp " + unique() + ".png", Fixture.PNG));
        }
        return c;
    }

    private Case add(Case c) {
        out.add(c);
        return c;
    }

    private String unique() {
        return fixture.unique() + "x" + Integer.toString(++counter, 36);
    }

    /** The required fields of the body, each with a value that passes (for a patch: none). */
    private LinkedHashMap<String, String> validFields() {
        LinkedHashMap<String, String> fields = new LinkedHashMap<>();
        if (op.body() != null) {
            op.body().properties().values().stream().filter(p -> op.body().required().contains(p.name()))
                    .forEach(p -> fields.put(p.name(), valid(p)));
        }
        return fields;
    }

    private String valid(Property p) {
        switch (p.name()) {
            case "memberId":
                return Long.toString(fixture.member);
            case "responsibilityId":
                return Long.toString(fixture.responsibility);
            case "responsibilityIds":
                return "[" + fixture.responsibility + "]";
            case "userId":
                return "null";
            case "url":
                return quote(Webhooks.NOWHERE + "fz/" + unique());
            default:
                break;
        }
        if (!p.enumValues().isEmpty()) {
            return quote(p.example() != null && p.enumValues().contains(p.example().asText()) ? p.example().asText()
                    : p.enumValues().get(0));
        }
        if (p.is("integer")) {
            return p.example() != null ? p.example().asText() : p.minimum() != null ? p.minimum().toString() : "1";
        }
        if (p.is("boolean")) {
            return "true";
        }
        if (p.is("array")) {
            return "[]";
        }
        if ("date".equals(p.format())) {
            return quote("2020-02-22");
        }
        if ("email".equals(p.format())) {
            return quote("fz" + unique() + "@thanhuy.vn");
        }
        if (p.pattern() != null) {
            return quote(p.pattern().contains("A-Z") ? "FZ-" + unique() : "fz" + unique());
        }
        if (p.minLength() != null && p.minLength() >= 12) {
            return quote("mật-khẩu-fuzz-2020");
        }
        String text = p.example() != null ? p.example().asText() + " " + unique() : "Thử " + unique();
        return quote(p.maxLength() != null && text.length() > p.maxLength() ? text.substring(0, p.maxLength()) : text);
    }

    // --- path ---

    private void pathIds() {
        for (Param param : op.in("path")) {
            for (String bad : sample(BAD_IDS, 20)) {
                String target = op.template();
                for (Param other : op.in("path")) {
                    String value = other.equals(param) ? bad : Long.toString(fixture.idFor(op.template(), other.name()));
                    target = target.replace("{" + other.name() + "}", value);
                }
                Case c = add(base("path.id").path(target));
                if (op.takesJson()) {
                    // nothing of an object that happens to exist may change
                    c.body("{}");
                }
            }
        }
        for (String shape : sample(List.of(path + "/", path + "//", path.replace("/api/v1/", "/api/v1//"),
                path.replace("/api/v1/", "/api/v1/./"), path.replace("/api/v1", "/api/v1/x/.."), path.toUpperCase(),
                path + "/extra", path + ";a=b", path.replace("/", "%2F"), path + "%00", path + "%2F", path + "/%2E%2E",
                path + "#fragment", "/api/v1/%2E%2E/q/health", path + "/" + "x".repeat(3000)), 6)) {
            add(base("path.shape").path(shape));
        }
    }

    // --- query ---

    private static final List<String> GENERIC_VALUES = List.of("", "%20", "%00", "%FF", "%C3%28", "%ED%A0%80", "%0A",
            "%0D%0A", "+", "%2B", "a%26b%3Dc", "%E1%BB%87", "x".repeat(3000), "%25", "null", "undefined", "[]", "%7B%7D",
            "-", "--", "%09", "%", "%zz", "ệ", "%E2%80%AE", "%EF%BB%BF");

    private static List<String> valuesFor(String name) {
        return switch (name) {
            case "page", "size" -> List.of("-1", "0", "1", "101", "2147483647", "2147483648", "-2147483649",
                    "9223372036854775808", "1e2", "1.0", "0x10", "010", "%2B1", "%EF%BC%91%EF%BC%90", "NaN", "Infinity",
                    "99999999999999999999999", "100", "20%20", "%2010");
            case "sort" -> List.of("-", "--code", "code,name", "-id", "ID", "createdAt%20", "code%20desc", "e.id",
                    "id;drop", "(select%201)", "case", "name'", "%00", "%2Bcode", "-createdAt", "createdAt", "submittedAt",
                    "dueOn", "-title", "fullName", "username", "x".repeat(300), "id,id", "-%20id", "role", "status", "area");
            case "q", "area", "actor" -> List.of("%25", "_", "%5C", "%25%25%25", "'", "%22", "*", "%01", "%7F", "%C2%85",
                    "%E2%80%A8", "x".repeat(301), "%E1%BB%87".repeat(300), "%20%20%20", "a%09b", "%F0%9F%98%80", "..",
                    "%2F", "vu%20van%20dien", "%5C%25", "%5B%5D", "%F0%9F%98%80".repeat(301));
            case "dueFrom", "dueTo" -> List.of("2020-02-30", "2019-02-29", "2020-13-01", "2020-00-10", "20200222",
                    "2020-2-2", "2020-02-22T00:00:00", "%2B99999-01-01", "99999-01-01", "%2B999999999-12-31",
                    "-999999999-01-01", "-0001-01-01", "0000-01-01", "garbage", "2020-02-22%20", "%2B10000-01-01",
                    "9999-12-31", "0001-01-01");
            case "from", "to" -> List.of("2020-02-22T23:59:59", "2020-02-22T23:59:59Z", "2020-02-22T23:59:59%2B07:00",
                    "2020-02-22T23:59:59+07:00", "2020-02-30T00:00:00Z", "%2B999999999-12-31T23:59:59.999999999-18:00",
                    "-999999999-01-01T00:00:00%2B18:00", "2020-02-22T24:00:00Z", "2020-02-22T23:59:60Z",
                    "2020-02-22%2023:59:59Z", "1582957499", "2020-02-22T23:59:59%2B25:00",
                    "2020-02-22T23:59:59%2B07:00%5BAsia/Ho_Chi_Minh%5D", "2020-02-22", "garbage", "%2B10000-01-01T00:00:00Z",
                    "-10000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "0000-01-01T00:00:00Z",
                    "-0001-01-01T00:00:00Z");
            case "limit" -> List.of("0", "501", "-1", "1e2", "1.0", "0x10", "2147483648", "%2B1", "NaN", "500", "1",
                    "%EF%BC%91");
            case "after" -> List.of("djE6MQ", "djE6MA", "djE6LTE", "djE6MDE", "djI6MQ", "djE6MQ%3D%3D", "djE6", "%2B%2F",
                    "djE6OTk5OTk5OTk5OTk5OTk5OTk5", "djE6OTIyMzM3MjAzNjg1NDc3NTgwOA", "x".repeat(41), "not-a-cursor");
            case "active", "overdue", "late" -> List.of("TRUE", "True", "1", "0", "yes", "true%20", "null", "truee", "on");
            default -> name.endsWith("Id") ? List.of("-1", "0", "abc", "9223372036854775808", "1.5", "9223372036854775807",
                    "1e3", "%2B1", "99999999999999999999", "0x1")
                    : List.of("documents", "X", "DOCUMENTS,PERSONNEL", "DOCUMENTS%00", "%20DOCUMENTS", "%C4%90OCUMENTS",
                            "0", "-1", "submission", "SUBMISSION", "ACTIVE", "active", "PENDING", "LOST", "LEAD", "ADMIN");
        };
    }

    private void query() {
        List<Param> params = op.in("query");
        for (String unknown : List.of("foo=1", "Page=1", "page%5B%5D=1", "=1", "&", "&&&", "a", "%00=1", "%FF=1",
                "%C3%28=x", "x=%FF", "ệ=1", "%=1", "a=%", "a=%zz", "page", "page==1", "?", "%3F=1", "%26=1",
                IntStream.range(0, 200).mapToObj(i -> "p" + i + "=x").collect(Collectors.joining("&")))) {
            add(base("query.unknown").query(unknown));
        }
        for (Param param : params) {
            List<String> values = new ArrayList<>(sample(valuesFor(param.name()), 12));
            values.addAll(sample(GENERIC_VALUES, 6));
            for (String value : values) {
                add(base("query.value").query(param.name() + "=" + value));
            }
            add(base("query.repeated").query(param.name() + "=1&" + param.name() + "=2"));
            add(base("query.repeated").query(IntStream.range(0, 100).mapToObj(i -> param.name() + "=" + i)
                    .collect(Collectors.joining("&"))));
            add(base("query.no-value").query(param.name()));
            add(base("query.case").query(param.name().toUpperCase() + "=1"));
        }
        if (params.stream().anyMatch(p -> p.name().equals("page"))) {
            for (String paging : List.of("page=2147483647&size=100", "page=-1&size=0", "size=1&page=99999999",
                    "page=1073741824&size=2", "page=21474837&size=100", "page=0&size=100&sort=-id")) {
                add(base("query.paging").query(paging));
            }
        }
        if (op.answersCsv()) {
            // the export reads the same parameters: a few of each kind, asked for as CSV
            add(base("query.csv").header("Accept", "text/csv").query("foo=1"));
            add(base("query.csv").header("Accept", "text/csv").query("page=2147483647&size=100&sort=-id"));
            for (Param param : params) {
                for (String value : sample(valuesFor(param.name()), 3)) {
                    add(base("query.csv").header("Accept", "text/csv").query(param.name() + "=" + value));
                }
            }
        }
    }

    // --- headers and credentials ---

    /** A sample of the header cases: every operation gets some, and across all of them each is sent several times. */
    private void headers() {
        int before = out.size();
        for (String tag : BAD_TAGS) {
            add(base("header.if-match").header("If-Match", tag));
            add(base("header.if-none-match").header("If-None-Match", tag));
        }
        for (String key : BAD_IDEMPOTENCY_KEYS) {
            add(base("header.idempotency-key").header("Idempotency-Key", key));
        }
        add(base("header.idempotency-key").addHeader("Idempotency-Key", "a").addHeader("Idempotency-Key", "b"));
        for (String accept : BAD_ACCEPTS) {
            add(base("header.accept").header("Accept", accept));
        }
        add(base("header.accept").without("Accept"));
        // an X-Request-Id the access log cannot use is replaced, never refused
        for (String requestId : List.of("", " ", "x".repeat(65), "a b", "ünï", "../../etc", "id;drop", "{id}")) {
            add(base("header.request-id").header("X-Request-Id", requestId));
        }
        add(base("header.request-id").addHeader("X-Request-Id", "one").addHeader("X-Request-Id", "two"));
        for (String header : ODD_HEADERS) {
            int colon = header.indexOf(':');
            add(base("header.odd").header(header.substring(0, colon), header.substring(colon + 2)));
        }
        add(base("header.huge").header("X-Fuzz", "x".repeat(16 * 1024)));
        Case many = add(base("header.many"));
        for (int i = 0; i < 200; i++) {
            many.addHeader("X-Fuzz-" + i, "v" + i);
        }
        // below HTTP: the server's own parser may refuse these with its bare 400, 413 or 431
        for (String value : List.of("a\u0000b", "\u0001", "x\u001fy", "\u007f", "é\u0000")) {
            add(base("header.control").header("If-Match", value).framing());
            add(base("header.control").header("X-Fuzz", value).framing());
        }
        add(base("header.control").header("Content-Type", "application/json\u0000").framing());
        add(base("header.oversized").header("X-Fuzz", "x".repeat(64 * 1024)).framing());
        add(base("header.syntax").header("Bad Header", "x").framing());
        add(base("header.syntax").header("X-Fuzz", "a\r\n folded").framing());
        for (String length : List.of("abc", "-1", "1, 1", " ", "0x10", "99999999999999999999999")) {
            add(base("header.content-length").header("Content-Length", length).body("{").framing());
        }
        add(base("header.content-length").header("Transfer-Encoding", "chunked").header("Content-Length", "5")
                .body("0\r\n\r\n").framing());
        add(base("header.request-line").query("q=" + "x".repeat(10_000)).framing());
        add(base("header.transfer-encoding").header("Transfer-Encoding", "chunked").body("zz\r\n{}\r\n0\r\n\r\n")
                .framing());
        keepSample(before, 30);
    }

    /** Keeps a random {@code n} of the cases added since {@code from}. */
    private void keepSample(int from, int n) {
        List<Case> added = new ArrayList<>(out.subList(from, out.size()));
        out.subList(from, out.size()).clear();
        out.addAll(sample(added, n));
    }

    private <T> List<T> sample(List<T> values, int n) {
        List<T> copy = new ArrayList<>(values);
        Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(n, copy.size()));
    }

    private void credentials() {
        String username = "fz" + unique();
        List<String> values = new ArrayList<>(List.of("", "Basic", "Basic ", "Basic  ", "Basic !!!!", "Basic =",
                "Basic " + b64("nocolon"), "Basic " + b64(":"), "Basic " + b64(":x"), "Basic " + b64(username + ":"),
                "Basic " + b64(username + "\u0000x:pw"), "Basic " + b64("x".repeat(1000) + ":pw"),
                "Basic " + b64(username + ":" + "p".repeat(1000)), "Basic " + b64(username + ":pw").replace("=", ""),
                "Basic " + b64(username + ":pw") + "====", "Basic " + "A".repeat(10000),
                "basic " + LoggedInAsAdmin.AUTHORIZATION.substring(6), "BASIC " + LoggedInAsAdmin.AUTHORIZATION.substring(6),
                "Basic\t" + LoggedInAsAdmin.AUTHORIZATION.substring(6), LoggedInAsAdmin.AUTHORIZATION + " extra",
                "Bearer", "Bearer ", "Bearer abc", "Bearer a.b.c", "Bearer ..",
                "Bearer eyJhbGciOiJub25lIn0.eyJwcmVmZXJyZWRfdXNlcm5hbWUiOiJhZG1pbiJ9.",
                "Bearer eyJhbGciOiJSUzI1NiJ9.eyJwcmVmZXJyZWRfdXNlcm5hbWUiOiJhZG1pbiJ9.c2ln",
                "Bearer " + "x".repeat(10000), "Bearer " + b64("{\"alg\":") + "." + b64("{") + ".x",
                "Digest username=\"admin\"", "Negotiate YII=", "NTLM TlRMTVNTUAABAAAA", "Token abc", "Basic " + b64("admin"),
                "Basic \u00e9\u00e9", "Bearer \u00e9.\u00e9.\u00e9", "Basic " + b64("\u00e9" + username + ":pw"),
                "Basic " + b64(username + ":m\u1eadt-kh\u1ea9u-" + username)));
        int before = out.size();
        for (String value : values) {
            add(base("auth.header").header("Authorization", value));
        }
        ByteArrayOutputStream invalid = new ByteArrayOutputStream();
        invalid.writeBytes(username.getBytes(StandardCharsets.US_ASCII));
        invalid.writeBytes(INVALID_UTF8.get(0));
        invalid.writeBytes(":pw".getBytes(StandardCharsets.US_ASCII));
        add(base("auth.header").header("Authorization", "Basic " + Base64.getEncoder().encodeToString(invalid.toByteArray())));
        add(base("auth.twice").addHeader("Authorization", LoggedInAsAdmin.AUTHORIZATION).addHeader("Authorization", "Bearer x"));
        add(base("auth.twice").addHeader("Authorization", "Basic " + b64(username + ":pw"))
                .addHeader("Authorization", LoggedInAsAdmin.AUTHORIZATION));
        add(base("auth.anonymous").anonymous());
        add(base("auth.anonymous").anonymous().query("page=-1"));
        add(base("auth.anonymous").anonymous().body("{\"a\":").header("Content-Type", "text/plain"));
        add(base("auth.control").header("Authorization", "Basic \u0000").framing());
        keepSample(before, 12);
        add(base("auth.anonymous").anonymous());
    }

    // --- JSON bodies ---

    /** Each field of the body alone given values of the wrong type, size, format or encoding. */
    private void fields() {
        if (op.body() == null) {
            return;
        }
        for (Property p : op.body().properties().values()) {
            List<String> values = core(p);
            values.addAll(sample(badValues(p).stream().filter(v -> !values.contains(v)).toList(), 12));
            for (String value : values) {
                LinkedHashMap<String, String> fields = validFields();
                fields.put(p.name(), value);
                Case c = add(base("body.field").body(json(fields)));
                if (refuses(p, value)) {
                    c.mustBeRefused();
                }
            }
            for (byte[] invalid : sample(INVALID_UTF8, 2)) {
                LinkedHashMap<String, String> fields = validFields();
                fields.put(p.name(), quote("ab" + RAW + "cd"));
                add(base("body.invalid-utf8").body(raw(json(fields), invalid)).mustBeRefused());
            }
            LinkedHashMap<String, String> fields = validFields();
            fields.put(p.name(), random.nextBoolean() ? "[".repeat(5000) + "]".repeat(5000)
                    : "{\"a\":".repeat(5000) + "1" + "}".repeat(5000));
            add(base("body.deep").body(json(fields)).mustBeRefused());
            if (op.body().required().contains(p.name())) {
                LinkedHashMap<String, String> missing = validFields();
                missing.remove(p.name());
                add(base("body.missing").body(json(missing)).mustBeRefused());
            }
            LinkedHashMap<String, String> renamed = validFields();
            String value = renamed.containsKey(p.name()) ? renamed.remove(p.name()) : valid(p);
            renamed.put(Character.toUpperCase(p.name().charAt(0)) + p.name().substring(1), value);
            add(base("body.unknown").body(json(renamed)).mustBeRefused());
            LinkedHashMap<String, String> twice = validFields();
            twice.remove(p.name());
            add(base("body.duplicate").body("{" + quote(p.name()) + ":" + valid(p) + "," + quote(p.name()) + ":" + valid(p)
                    + (twice.isEmpty() ? "" : ",") + json(twice).substring(1)).mustBeRefused());
        }
        add(base("body.missing").body("{}"));
        for (String unknown : List.of("unknownField", "", " ", "__proto__", "constructor", "x".repeat(10000), "\u0000",
                "a.b", "title ", "ÿ", "\ud83d\ude00", "$ref", "id")) {
            LinkedHashMap<String, String> fields = validFields();
            fields.put(unknown, "1");
            add(base("body.unknown").body(json(fields)).mustBeRefused());
        }
        for (String readOnly : op.readOnly()) {
            for (String value : List.of("1", "null", "\"2020-02-22T00:00:00.000Z\"", "[]", "{}")) {
                LinkedHashMap<String, String> fields = validFields();
                fields.put(readOnly, value);
                add(base("body.read-only").body(json(fields)).mustBeRefused());
            }
        }
        LinkedHashMap<String, String> many = validFields();
        for (int i = 0; i < 10000; i++) {
            many.put("u" + i, "0");
        }
        add(base("body.unknown").body(json(many)).mustBeRefused());
    }

    /** What every field is sent: null, the wrong types, empty and blank, NUL, just over its limit and 1 MiB. */
    private List<String> core(Property p) {
        List<String> values = new ArrayList<>(List.of("null", "\"\"", "\"   \"", "\"a\\u0000b\"", "{}", "[]", "true", "1.5",
                "-1", "\"1\"", "9223372036854775808", "[null]"));
        if (p.is("string")) {
            int max = p.maxLength() == null ? 300 : p.maxLength();
            values.add(quote("x".repeat(max + 1)));
            values.add(quote(MIB_TEXT + "x"));
        }
        if (!p.enumValues().isEmpty()) {
            values.addAll(List.of(quote("UNKNOWN"), quote(p.enumValues().get(0).toLowerCase())));
        }
        if ("date".equals(p.format())) {
            values.addAll(List.of(quote("2020-02-30"), quote("+999999999-12-31"), quote("2020-02-22T00:00:00Z")));
        }
        return values;
    }

    private List<String> badValues(Property p) {
        List<String> values = new ArrayList<>(List.of("null", "0", "-1", "1.5", "true", "false", "[]", "[null]", "{}",
                "{\"a\":1}", "1e309", "-1e309", "99999999999999999999999999", "\"\"", "\"   \"", "\"\\u0000\"",
                "\"\\ud800\"", "\"\\udc00x\"", "[" + valid(p) + "]", "{\"value\":" + valid(p) + "}",
                "1" + "0".repeat(2000), "0." + "0".repeat(2000) + "1", "-0", "1E400", "\"" + "\\u0000".repeat(20_000) + "\""));
        if (p.is("string") || !p.enumValues().isEmpty()) {
            int max = p.maxLength() == null ? 300 : p.maxLength();
            values.addAll(List.of(quote("x".repeat(max + 1)), quote("Đ".repeat(max + 1)),
                    quote("\ud83d\ude00".repeat(Math.min(max, 100_000))), quote(" ".repeat(max + 1) + "a"),
                    quote(MIB_TEXT + "x"), quote("a\u0000b"), quote("\u0007bell"), quote("line\nbreak"), quote("\r\n"),
                    quote("tab\there"), quote("\u007f"), quote("\u0085"), quote("\u2028"), quote("\ufeff"),
                    quote("\u202eRTL"), quote("\u200b"), quote("%s%n%x"), quote("'; DROP TABLE x;--"),
                    quote("<script>alert(1)</script>"), quote("../../etc/passwd"), quote("${jndi:ldap://x/a}"),
                    quote("null"), quote("NaN"), quote("\t"), quote("\u3000"), quote("x\\y"), quote("\"quoted\""),
                    "\"\\ud800\\ud800\"", "\"a\\uDFFFb\"", quote("e\u0301\u0301\u0301\u0301")));
        }
        if (!p.enumValues().isEmpty()) {
            String first = p.enumValues().get(0);
            values.addAll(List.of(quote(first.toLowerCase()), quote(" " + first), quote(first + " "), quote(first + "\u0000"),
                    quote("UNKNOWN"), quote("\u0110" + first.substring(1)), quote(first + "," + first), "[" + quote(first) + "]",
                    quote(first.toLowerCase().replace('_', '-')), quote("0")));
        }
        if (p.items() != null && !p.items().enumValues().isEmpty()) {
            String first = quote(p.items().enumValues().get(0));
            values.addAll(List.of("[" + first + "," + first + "]", "[\"admin\"]", "[null]", "[[]]", first,
                    "[" + (first + ",").repeat(5000) + first + "]", "[" + quote("X") + "]", "[1]"));
        }
        if (p.is("integer") || (p.items() != null && p.items().is("integer"))) {
            values.addAll(List.of("\"1\"", "\"abc\"", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
                    "2147483648", "-2147483649", "1899", "3000", "1e3", "1.0", "2020.5", "\"2020\"", "NaN", "Infinity",
                    "0x10", "010", "+1", ".5", "1.", "9223372036854775807.0"));
        }
        if (p.items() != null && p.items().is("integer")) {
            values.addAll(List.of("[1.5]", "[\"1\"]", "[-1]", "[0]", "[9223372036854775808]", "\"1\"", "[[1]]",
                    "[" + IntStream.range(0, 2000).mapToObj(i -> Long.toString(8_000_000_000_000_000_000L + i))
                            .collect(Collectors.joining(",")) + "]",
                    "[" + IntStream.range(0, 1000).mapToObj(i -> Long.toString(8_000_000_000_000_000_000L + i))
                            .collect(Collectors.joining(",")) + "]",
                    "[" + fixture.responsibility + "," + fixture.responsibility + "]",
                    "[" + fixture.responsibility + ",9223372036854775807]", "[true]", "[{}]", "[null]"));
        }
        if ("date".equals(p.format())) {
            values.addAll(List.of("2020-02-30", "2019-02-29", "2020-13-01", "2020-00-10", "20200222", "2020-2-2",
                    "2020-02-22T00:00:00", "2020-02-22T00:00:00Z", "+99999-01-01", "99999-01-01", "+999999999-12-31",
                    "-999999999-01-01", "-0001-01-01", "0000-01-01", "garbage", " 2020-02-22", "2020-02-22 ",
                    "\uff12\uff10\uff12\uff10-02-22", "+10000-01-01", "9999-12-31", "0001-01-01", "1900-01-01", "2020-W08-6",
                    "2020-053", "22/02/2020").stream().map(Cases::quote).toList());
            values.add("20200222");
        }
        if ("email".equals(p.format())) {
            values.addAll(List.of("no-at", "a@b", "@x.vn", "a@@b.vn", "a b@c.vn", "x".repeat(250) + "@a.vn",
                    "x".repeat(65) + "@a.vn", "\u0111@thanhuy.vn", "a@b..vn", "a@.vn", "a@b.vn.", "<a@b.vn>",
                    "a@b.vn\u0000", "\"a\"@b.vn", "a@[127.0.0.1]").stream().map(Cases::quote).toList());
        }
        if (p.pattern() != null) {
            values.addAll(List.of("a b", "\u0110\u0110", "a/b", "UPPER", "ab", "x".repeat(65), "-", "..", "a\u0000",
                    "fz" + unique() + "\u0301").stream().map(Cases::quote).toList());
        }
        if (p.minLength() != null && p.minLength() > 1) {
            values.addAll(List.of("x".repeat(p.minLength() - 1), " ".repeat(p.minLength()), "\u0000".repeat(p.minLength()),
                    "\ud83d\ude00".repeat(p.minLength() - 1)).stream().map(Cases::quote).toList());
        }
        if (p.is("boolean")) {
            values.addAll(List.of("\"true\"", "1", "\"yes\"", "TRUE", "True"));
        }
        return values;
    }

    /** Whole bodies that are not the JSON object the operation takes. */
    private void bodies() {
        String valid = json(validFields());
        List<String> texts = new ArrayList<>(List.of("", " ", "\n", "null", "true", "0", "-1", "1e309", "\"x\"", "[]",
                "[{}]", "[" + valid + "]", "{", "}", "{}}", "{\"a\":}", "{'a':1}", "{a:1}", "{\"a\":1,}", "{} {}",
                valid + "x", "/*c*/" + valid, "//c\n" + valid, "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":01}",
                "{\"a\":.5}", "{\"a\":1.}", "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"unterminated}",
                "{\"a\":\"tab\there\"}", "{\"a\" 1}", "\u0000", "\u0000" + valid, valid + "\u0000", valid + "\n\n",
                "\ufeff" + valid, valid.replace("{", "{ , "), "{\"\":\"\"}", "{\"a\":1}{\"b\":2}", "undefined", "NaN",
                "{\"a\":-}", "{\"a\":1e}", "{\"a\":tru}", "{\"a\":nul}", "{\"a\":\"\\ud800\"}", "\u00ff\u00fe{}",
                "{\"a\":\"\u0085\"}"));
        // the large ones cost time: a few per operation, all of them across the operations
        texts.addAll(sample(List.of("[".repeat(100_000), "[".repeat(100_000) + "]".repeat(100_000),
                "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000), "{\"" + "k".repeat(100_000) + "\":1}",
                " ".repeat(1 << 20) + valid, "{\"a\":" + "9".repeat(100_000) + "}",
                "{\"a\":\"" + "\\u0000".repeat(500_000) + "\"}", "{\"a\":\"" + "x".repeat(3_900_000) + "\"}",
                "[" + "1,".repeat(1_000_000) + "1]", "{\"a\":[" + "{},".repeat(100_000) + "{}]}",
                "\"" + "x".repeat(2_000_000) + "\"", "{\"a\":\"" + "x".repeat(4 * 1024 * 1024) + "\"}"), 3));
        for (String text : texts) {
            Case c = add(base("body.whole").body(text));
            // an empty body, where the body may be left out, is no body
            boolean none = text.isEmpty() && op.bodyOptional();
            if (!none && !text.strip().equals(valid) && !text.equals("\ufeff" + valid)) {
                c.mustBeRefused();
            }
        }
        // JSON, but not in UTF-8
        for (Charset charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16,
                Charset.forName("UTF-32"), Charset.forName("UTF-32LE"))) {
            add(base("body.charset").body(valid.getBytes(charset)).mustBeRefused());
        }
        for (byte[] invalid : sample(INVALID_UTF8, 6)) {
            add(base("body.invalid-utf8").body(raw("{\"" + RAW + "\":1}", invalid)).mustBeRefused());
            add(base("body.invalid-utf8").body(raw(RAW + valid, invalid)).mustBeRefused());
            add(base("body.invalid-utf8").body(raw(valid.replace("{", "{" + RAW), invalid)).mustBeRefused());
        }
        byte[] noise = new byte[4096];
        random.nextBytes(noise);
        add(base("body.random-bytes").body(noise));
        add(base("body.none").body((byte[]) null));
    }

    private void contentTypes() {
        for (String type : sample(BAD_CONTENT_TYPES, 15)) {
            add(base("content-type").header("Content-Type", type));
        }
        add(base("content-type").without("Content-Type"));
        add(base("content-type").without("Content-Type").body((byte[]) null));
        add(base("content-type").addHeader("Content-Type", "text/plain"));
        add(base("content-type").header("Content-Type", "application/json\u0001").framing());
    }

    /** Operations without a body sent one anyway. */
    private void unexpectedBodies() {
        add(base("body.unexpected").header("Content-Type", "application/json").body("{\"a\":1}"));
        add(base("body.unexpected").header("Content-Type", "application/json").body("{"));
        add(base("body.unexpected").header("Content-Type", "text/plain").body(new byte[] { (byte) 0xff, 0 }));
        add(base("body.unexpected").header("Content-Type", "multipart/form-data; boundary=x").body("--x\r\ngarbage"));
        add(base("body.unexpected").header("Content-Type", "application/json; charset=latin1").body("{}"));
        add(base("body.unexpected").header("Content-Type", "garbage").body("x".repeat(100_000)));
    }

    // --- multipart ---

    private void multipart() {
        String b = "fzb";
        String type = "multipart/form-data; boundary=" + b;
        List<byte[]> bodies = new ArrayList<>(List.of(
                ascii("--" + b + "--\r\n"),
                ascii("--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\n"),
                ascii("--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"),
                ascii("--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\n\u0089PNG"),
                ascii("--" + b + "\r\n\r\nxyz\r\n--" + b + "--\r\n"),
                ascii("--" + b + "\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nplain field\r\n--" + b + "--\r\n"),
                ascii("--" + b + "\r\nContent-Disposition: attachment; name=\"file\"; filename=\"a.png\"\r\n\r\nx\r\n--" + b + "--\r\n"),
                ascii("--" + b + "\r\nContent-Disposition: form-data; name=file; filename=a.png\r\n\r\nx\r\n--" + b + "--\r\n"),
                ascii("--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\r\n\r\nx\r\n--" + b + "--\r\n"),
                ascii("--" + b + "\r\nContent-Disposition: form-data\r\n\r\nx\r\n--" + b + "--\r\n"),
                ascii("--" + b + "\r\nContent-Disposition\r\n\r\nx\r\n--" + b + "--\r\n"),
                ascii("--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: ;;;\r\n\r\nx\r\n--" + b + "--\r\n"),
                ascii("--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!\r\n--" + b + "--\r\n"),
                ascii("--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: multipart/mixed; boundary=inner\r\n\r\n--inner\r\n\r\nx\r\n--inner--\r\n\r\n--" + b + "--\r\n"),
                ascii("--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename*=UTF-8''%E1%BB%87.png\r\n\r\nx\r\n--" + b + "--\r\n"),
                ascii("--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename*=UTF-8''%FF%FE.png\r\n\r\nx\r\n--" + b + "--\r\n"),
                ascii("--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nX-Long: " + "x".repeat(10_000) + "\r\n\r\nx\r\n--" + b + "--\r\n"),
                ascii("preamble garbage\r\n" + "--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\nx\r\n--" + b + "--\r\n"),
                ascii("--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\nx\r\n--" + b + "--\r\nepilogue"),
                ascii("--" + b + "\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\n\nx\n--" + b + "--\n"),
                ascii("--" + b + "--"), ascii("--"), ascii("\r\n"), ascii("{\"file\":1}"), new byte[0],
                ascii(IntStream.range(0, 500).mapToObj(i -> "--" + b + "\r\nContent-Disposition: form-data; name=\"f" + i
                        + "\"\r\n\r\nv\r\n").collect(Collectors.joining()) + "--" + b + "--\r\n"),
                ascii(IntStream.range(0, 20).mapToObj(i -> "--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; "
                        + "filename=\"a" + i + ".png\"\r\n\r\nx\r\n").collect(Collectors.joining()) + "--" + b + "--\r\n")));
        byte[] noise = new byte[8192];
        random.nextBytes(noise);
        bodies.add(noise);
        for (String fileName : List.of("", "a", ".png", "a.PNG", "a.png.", "a.png%00.pdf", "../../../etc/passwd.png",
                "C:\\Windows\\a.png", "/abs/a.png", "a\u0000.png", "a\r\nX: y.png", "x".repeat(10_000) + ".png", "a.exe",
                "a.pdf", "a.csv", "\"quoted\".png", "a;b=c.png", "\u202eg\u202dnp.exe", "con.png", "a\\.png",
                "\ud83d\ude00.png", "a\u0085.png", "a\ttab.png", "%2e%2e%2fa.png", " .png", "a .png")) {
            bodies.add(Fixture.multipart(b, "file", fileName, Fixture.PNG));
        }
        for (byte[] invalid : INVALID_UTF8) {
            bodies.add(raw(new String(Fixture.multipart(b, "file", RAW + ".png", Fixture.PNG), StandardCharsets.ISO_8859_1),
                    invalid, StandardCharsets.ISO_8859_1));
        }
        bodies.add(Fixture.multipart(b, "files", "a.png", Fixture.PNG));
        bodies.add(Fixture.multipart(b, "t\u1ec7p", "a.png", Fixture.PNG));
        bodies.add(Fixture.multipart(b, "", "a.png", Fixture.PNG));
        bodies.add(Fixture.multipart(b, "file", "a.csv", new byte[0]));
        bodies.add(Fixture.multipart(b, "file", "a.exe", ascii("MZ\u0090\u0000")));
        bodies.add(Fixture.multipart(b, "file", "a.pdf", Fixture.PNG));
        bodies.add(Fixture.multipart(b, "file", "a.csv", noise));
        bodies.add(Fixture.multipart(b, "file", "a.docx", ascii("PK\u0003\u0004garbage")));
        bodies.add(Fixture.multipart(b, "file", "a.xlsx", ascii("PK\u0003\u0004" + "\u0000".repeat(100))));
        bodies.add(Fixture.multipart(b, "file", "a.doc", new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0,
                (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 }));
        bodies.add(Fixture.multipart(b, "file", "a.jpg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }));
        bodies.add(Fixture.multipart(b, "file", "a.pdf", ascii("%PDF-")));
        bodies.add(Fixture.multipart(b, "file", "a.png", new byte[1 << 20]));
        for (byte[] body : bodies) {
            add(base("multipart.body").body(body));
        }
        for (String badType : List.of("multipart/form-data", "multipart/form-data; boundary=other",
                "multipart/form-data; boundary=", "multipart/form-data; boundary=\"\"", "multipart/form-data; boundary=\"fzb",
                "multipart/form-data; boundary=fzb; boundary=other", "multipart/mixed; boundary=fzb",
                "multipart/form-data; boundary=fzb; charset=latin1", "multipart/form-data; boundary=" + "b".repeat(100),
                "multipart/form-data; boundary=\"a b\"", "multipart/form-data; boundary=f\u00fczb", "multipart/",
                "application/json", "application/octet-stream", "image/png", "text/plain", "garbage", "",
                "application/x-www-form-urlencoded", "multipart/form-data;boundary=fzb;;", "MULTIPART/FORM-DATA; BOUNDARY=fzb")) {
            add(base("multipart.content-type").header("Content-Type", badType));
        }
        add(base("multipart.content-type").without("Content-Type"));
        String longBoundary = "b".repeat(100);
        add(base("multipart.boundary").header("Content-Type", "multipart/form-data; boundary=" + longBoundary)
                .body(Fixture.multipart(longBoundary, "file", "a.png", Fixture.PNG)));
        add(base("multipart.boundary").header("Content-Type", "multipart/form-data; boundary=\"a b\"")
                .body(Fixture.multipart("a b", "file", "a.png", Fixture.PNG)));
        add(base("multipart.json").header("Content-Type", "application/json").body("{\"file\":\"a.png\"}"));
    }

    // --- methods the path does not take ---

    private void methods() {
        for (String method : List.of("PUT", "TRACE", "OPTIONS", "HEAD", "FOO", "get", "PATCH", "DELETE", "POST", "GET",
                "PROPFIND", "M-SEARCH")) {
            add(base("method").method(method));
        }
    }

    // --- random combinations ---

    private void randomCase() {
        Case c = base("random");
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            switch (random.nextInt(10)) {
                case 0 -> c.query(randomQuery());
                case 1 -> {
                    List<Param> params = op.in("path");
                    if (!params.isEmpty()) {
                        Param param = params.get(random.nextInt(params.size()));
                        String target = op.template();
                        for (Param other : params) {
                            target = target.replace("{" + other.name() + "}", other.equals(param)
                                    ? pick(BAD_IDS) : Long.toString(fixture.idFor(op.template(), other.name())));
                        }
                        c.path(target);
                        if (op.takesJson()) {
                            c.body("{}");
                            c.mustBeRefused = false;
                        }
                    }
                }
                case 2 -> header(c, pick(List.of("If-Match", "If-None-Match", "Idempotency-Key", "Accept")),
                        random.nextBoolean() ? pick(BAD_TAGS) : randomText(40, false));
                case 3 -> {
                    if (random.nextInt(4) == 0) {
                        c.anonymous();
                    } else {
                        header(c, "Authorization", pick(List.of("Basic ", "Bearer ", "")) + randomText(30, false));
                    }
                }
                case 4 -> c.header("Content-Type", pick(BAD_CONTENT_TYPES));
                case 5 -> {
                    byte[] noise = new byte[random.nextInt(2048)];
                    random.nextBytes(noise);
                    c.body(noise);
                    c.mustBeRefused = false;
                }
                case 6 -> {
                    c.body(randomJson(0));
                    c.mustBeRefused = false;
                }
                default -> {
                    if (op.body() != null && !op.body().properties().isEmpty()) {
                        LinkedHashMap<String, String> fields = validFields();
                        List<Property> properties = new ArrayList<>(op.body().properties().values());
                        int changed = 1 + random.nextInt(Math.min(4, properties.size()));
                        for (int j = 0; j < changed; j++) {
                            Property p = properties.get(random.nextInt(properties.size()));
                            fields.put(p.name(), random.nextInt(3) == 0 ? randomJson(1) : pick(badValues(p)));
                        }
                        c.body(json(fields));
                        c.mustBeRefused = properties.stream()
                                .anyMatch(p -> fields.containsKey(p.name()) && refuses(p, fields.get(p.name())));
                    } else {
                        c.body(randomJson(0));
                        c.mustBeRefused = false;
                    }
                }
            }
        }
        add(c);
    }

    /** A header whose value has control characters is malformed below HTTP. */
    private static void header(Case c, String name, String value) {
        c.header(name, value);
        if (value.chars().anyMatch(ch -> ch < 0x20 && ch != '\t' || ch == 0x7f)) {
            c.framing();
        }
    }

    private String randomQuery() {
        List<Param> params = op.in("query");
        List<String> pairs = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            if (params.isEmpty() || random.nextInt(5) == 0) {
                pairs.add(percent(randomText(8, false)) + "=" + percent(randomText(12, false)));
            } else {
                String name = params.get(random.nextInt(params.size())).name();
                pairs.add(name + "=" + (random.nextBoolean() ? pick(valuesFor(name)) : percent(randomText(20, false))));
            }
        }
        return String.join("&", pairs);
    }

    /** A random JSON value as text, nested a few levels, with odd strings and numbers. */
    private String randomJson(int depth) {
        int kind = random.nextInt(depth > 4 ? 5 : 8);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> Boolean.toString(random.nextBoolean());
            case 2 -> pick(List.of("0", "-1", "1e309", "9223372036854775808", "1.5", Long.toString(random.nextLong()),
                    Double.toString(random.nextDouble() * 1e300), "-0.0", "1E-400"));
            case 3, 4 -> randomJsonString();
            case 5 -> "[" + IntStream.range(0, random.nextInt(4)).mapToObj(i -> randomJson(depth + 1))
                    .collect(Collectors.joining(",")) + "]";
            default -> {
                List<String> names = new ArrayList<>(op.body() == null ? List.of() : op.body().properties().keySet());
                names.addAll(List.of("x", "", "id", "version"));
                yield "{" + IntStream.range(0, random.nextInt(5)).mapToObj(i -> quote(pick(names)) + ":" + randomJson(depth + 1))
                        .collect(Collectors.joining(",")) + "}";
            }
        };
    }

    private String randomJsonString() {
        StringBuilder text = new StringBuilder("\"");
        int length = random.nextInt(8) == 0 ? 300 + random.nextInt(20_000) : random.nextInt(40);
        for (int i = 0; i < length; i++) {
            int choice = random.nextInt(20);
            if (choice == 0) {
                text.append(String.format("\\u%04x", random.nextInt(0x10000)));
            } else if (choice == 1) {
                text.append(pick(List.of("\\\"", "\\\\", "\\n", "\\t", "\\u0000", "\\ud800", "\\/")));
            } else {
                String one = randomText(1, true);
                text.append(one.equals("\"") || one.equals("\\") ? "\\" + one : one);
            }
        }
        return text.append('"').toString();
    }

    /** Random characters: printable ASCII, controls, Vietnamese letters, emoji; never a lone surrogate. */
    private String randomText(int maxLength, boolean jsonSafe) {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(maxLength);
        for (int i = 0; i < length; i++) {
            int pool = random.nextInt(10);
            int codePoint;
            if (pool < 5) {
                codePoint = 0x20 + random.nextInt(0x5f);
            } else if (pool == 5) {
                codePoint = jsonSafe ? 0x20 : random.nextInt(0x20);
            } else if (pool < 8) {
                codePoint = VIETNAMESE.charAt(random.nextInt(VIETNAMESE.length()));
            } else if (pool == 8) {
                codePoint = 0x1F600 + random.nextInt(0x40);
            } else {
                codePoint = 0x80 + random.nextInt(0x780);
            }
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    // --- what the contract refuses ---

    /**
     * Whether the contract refuses this JSON value for the property whatever else the request
     * says, judged from its schema alone: type, range, length, enum, pattern, date format, unique
     * items, control characters and lone surrogates. Where the schema cannot tell (line breaks in
     * a single-line text, an e-mail's form, an id that does not exist) it says no.
     */
    static boolean refuses(Property p, String json) {
        JsonNode value;
        try {
            value = Fixture.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return true;
        }
        return value == null || refuses(p, value);
    }

    private static boolean refuses(Property p, JsonNode value) {
        if (value.isNull()) {
            return !p.is("null");
        }
        if (value.isTextual()) {
            return !p.is("string") || refusesText(p, value.textValue());
        }
        if (value.isIntegralNumber()) {
            return !p.is("integer") || !value.canConvertToLong()
                    || (p.minimum() != null && value.longValue() < p.minimum())
                    || (p.maximum() != null && value.longValue() > p.maximum());
        }
        if (value.isBoolean()) {
            return !p.is("boolean");
        }
        if (value.isArray()) {
            if (!p.is("array")) {
                return true;
            }
            Set<String> seen = new HashSet<>();
            for (JsonNode item : value) {
                if (refuses(p.items(), item) || !seen.add(item.toString())) {
                    return true;
                }
            }
            return false;
        }
        // fractions and objects: no field takes them
        return true;
    }

    private static boolean refusesText(Property p, String sent) {
        if (!p.enumValues().isEmpty()) {
            return !p.enumValues().contains(sent);
        }
        String text = p.writeOnly() ? sent : sent.strip();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        int length = text.codePointCount(0, text.length());
        if ((p.maxLength() != null && length > p.maxLength()) || (p.minLength() != null && length < p.minLength())) {
            return true;
        }
        if (p.pattern() != null && !Pattern.compile(p.pattern()).matcher(text).find()) {
            return true;
        }
        if ("date".equals(p.format())) {
            if (!text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                return true;
            }
            try {
                LocalDate.parse(text, DATE);
            } catch (DateTimeParseException e) {
                return true;
            }
        }
        return false;
    }

    // --- helpers ---

    static String quote(String text) {
        try {
            return Fixture.JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> quote(e.getKey()) + ":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static byte[] raw(String text, byte[] bytes) {
        return raw(text, bytes, StandardCharsets.UTF_8);
    }

    /** The text's bytes with the first {@link #RAW} replaced by {@code bytes}. */
    private static byte[] raw(String text, byte[] bytes, Charset charset) {
        int at = text.indexOf(RAW);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.substring(0, at).getBytes(charset));
        out.writeBytes(bytes);
        out.writeBytes(text.substring(at + RAW.length()).getBytes(charset));
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Percent-encodes everything but unreserved ASCII, as UTF-8. */
    static String percent(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
