package vn.portal.common.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestFingerprintTest {

    private static final String PATH = "/api/v1/subcommittees/7/members";

    /** Resource methods shaped like the real ones; only their signatures are read. */
    @SuppressWarnings("unused")
    static final class Resource {
        public void create(@PathParam("sid") long subcommitteeId, byte[] body) {
        }

        public void submit(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, byte[] body) {
        }

        public void upload(@PathParam("id") long id, @RestForm("file") List<FileUpload> files) {
        }

        public void uploadNamedByParameter(@RestForm FileUpload document, @RestForm("note") String note) {
        }
    }

    /** What the interceptor hands over: the method and its arguments, nothing else is asked. */
    record Invocation(Method method, Object... arguments) implements InvocationContext {
        @Override
        public Method getMethod() {
            return method;
        }

        @Override
        public Object[] getParameters() {
            return arguments;
        }

        @Override
        public Object getTarget() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object getTimer() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Constructor<?> getConstructor() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setParameters(Object[] params) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, Object> getContextData() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object proceed() {
            throw new UnsupportedOperationException();
        }
    }

    record Upload(String name, Path filePath, String fileName) implements FileUpload {
        @Override
        public long size() {
            try {
                return Files.size(filePath);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String contentType() {
            return "text/csv";
        }

        @Override
        public String charSet() {
            return "UTF-8";
        }

        @Override
        public MultivaluedMap<String, String> getHeaders() {
            return null;
        }
    }

    @TempDir
    Path dir;

    private final RequestFingerprint fingerprint = fingerprint();

    private static RequestFingerprint fingerprint() {
        RequestFingerprint fingerprint = new RequestFingerprint();
        fingerprint.mapper = new ObjectMapper();
        return fingerprint;
    }

    private static Method method(String name) {
        return Arrays.stream(Resource.class.getMethods()).filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
    }

    private String ofJson(String method, String pathAndQuery, String body) {
        return fingerprint.of(method, pathAndQuery, new Invocation(method("create"), 7L, body.getBytes(StandardCharsets.UTF_8)));
    }

    private String ofJson(String body) {
        return ofJson("POST", PATH, body);
    }

    private Upload file(String fileName, String content) throws IOException {
        Path stored = Files.createTempFile(dir, "upload", ".tmp");
        Files.writeString(stored, content);
        return new Upload("file", stored, fileName);
    }

    @Test
    void aFingerprintIsSha256InHex() {
        assertTrue(ofJson("{\"a\":1}").matches("[0-9a-f]{64}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"fullName\":\"Lê Thị Hồng\",\"role\":\"MEMBER\"}|{\"role\":\"MEMBER\",\"fullName\":\"Lê Thị Hồng\"}",
            "{\"a\":1,\"b\":[1,2]}|'  {\n  \"b\" : [ 1 , 2 ] ,\t\"a\" : 1\n}  '",
            "{\"x\":{\"d\":1,\"c\":{\"f\":2,\"e\":3}}}|{\"x\":{\"c\":{\"e\":3,\"f\":2},\"d\":1}}",
            "{\"termStart\":2020}|{\"termStart\":2020.0}",
            "{\"termStart\":2020}|{\"termStart\":2.02E3}",
            "{\"termStart\":2020}|{\"termStart\":20200e-1}",
            "[1, 1.0, 1.00, 1e0, 10E-1, 0.1e1]|[1, 1, 1, 1, 1, 1]",
            "[0, -0, 0.0, -0.0, 0e5]|[0, 0, 0, 0, 0]",
            "[100]|[1e2]",
            "[0.1]|[1e-1]",
            "[12345678901234567890]|[1.2345678901234567890e19]",
            "{\"name\":\"é/\"}|{\"name\":\"\\u00e9\\/\"}",
            "{\"n\":null}|{ \"n\" : null }"
    })
    void theSameJsonSpelledOtherwiseHasTheSameFingerprint(String one, String other) {
        assertEquals(ofJson(one), ofJson(other));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"role\":\"MEMBER\"}|{\"role\":\"HEAD\"}",
            "{\"termStart\":2020}|{\"termStart\":\"2020\"}",
            "{\"active\":true}|{\"active\":\"true\"}",
            "{\"email\":null}|{}",
            "{\"email\":null}|{\"email\":\"\"}",
            "{\"a\":{}}|{\"a\":[]}",
            "[1,2]|[2,1]",
            "{\"Role\":\"HEAD\"}|{\"role\":\"HEAD\"}",
            "[0.1]|[0.10000000000000001]",
            "[1]|[1.0000000000000000000001]",
            "[-1]|[1]",
            "{\"name\":\"Việt\"}|{\"name\":\"Vie\\u0323\\u0302t\"}",
            "{\"a\":1}|[{\"a\":1}]"
    })
    void anotherValueHasAnotherFingerprint(String one, String other) {
        assertNotEquals(ofJson(one), ofJson(other));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PUT|/api/v1/subcommittees/7/members",
            "POST|/api/v1/subcommittees/8/members",
            "POST|/api/v1/subcommittees/7/members/",
            "POST|/api/v1/subcommittees/7/members?dryRun=true",
            "post|/api/v1/subcommittees/7/members"
    })
    void anotherMethodPathOrQueryHasAnotherFingerprint(String method, String pathAndQuery) {
        assertNotEquals(ofJson("POST", PATH, "{\"a\":1}"), ofJson(method, pathAndQuery, "{\"a\":1}"));
    }

    /** The query is compared as sent: the same parameters in another order count as another request. */
    @Test
    void theQueryIsComparedAsSent() {
        assertNotEquals(ofJson("POST", PATH + "?a=1&b=2", "{}"), ofJson("POST", PATH + "?b=2&a=1", "{}"));
    }

    @Test
    void headersAndPathArgumentsAreNotPartOfTheBody() {
        Method submit = method("submit");
        byte[] body = "{\"note\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals(fingerprint.of("POST", "/api/v1/submissions/5/submit", new Invocation(submit, 5L, "\"v1\"", body)),
                fingerprint.of("POST", "/api/v1/submissions/5/submit", new Invocation(submit, 6L, null, body)));
    }

    @Test
    void aBodyThatIsNotJsonCountsByItsBytes() {
        assertEquals(ofJson("not json"), ofJson("not json"));
        assertNotEquals(ofJson("not json"), ofJson("not json "));
        assertTrue(fingerprint.canonicalJson("not json".getBytes(StandardCharsets.UTF_8)).matches("bytes [0-9a-f]{64}"));
    }

    @Test
    void theCanonicalSpellingSortsMembersAndNormalisesNumbers() {
        assertEquals("json {\"a\":[1,\"x\",null,true,],\"b\":{\"c\":0,},}",
                fingerprint.canonicalJson("{\"b\":{\"c\":-0.0},\"a\":[1.0,\"x\",null,true]}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("empty", fingerprint.canonicalJson(new byte[0]));
        assertEquals("json missing", fingerprint.canonicalJson("  \n".getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The plain reader stops after the first value and keeps the last of duplicate members, where
     * JsonBodies refuses both: a retry carrying them gets the first request's answer replayed.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"a\":1}|{\"a\":1} trailing garbage",
            "{\"a\":1}|{\"a\":1}{\"a\":2}",
            "{\"a\":2}|{\"a\":1,\"a\":2}"
    })
    void bodiesTheParserWouldRefuseCanShareAFingerprintWithAValidOne(String valid, String refused) {
        assertEquals(ofJson(valid), ofJson(refused));
    }

    @Test
    void aFileCountsByItsPartNameFileNameAndBytesNotWhereItWasStored() throws IOException {
        Method upload = method("upload");
        String path = "/api/v1/submissions/5/attachments";
        String first = fingerprint.of("POST", path, new Invocation(upload, 5L, List.of(file("so-lieu.csv", "a,b\n"))));
        assertEquals(first, fingerprint.of("POST", path, new Invocation(upload, 5L, List.of(file("so-lieu.csv", "a,b\n")))));
        assertNotEquals(first, fingerprint.of("POST", path, new Invocation(upload, 5L, List.of(file("so-lieu.csv", "a,c\n")))));
        assertNotEquals(first, fingerprint.of("POST", path, new Invocation(upload, 5L, List.of(file("bang.csv", "a,b\n")))));
        assertNotEquals(first, fingerprint.of("POST", path, new Invocation(upload, 5L, List.of())));
        assertNotEquals(first, fingerprint.of("POST", path,
                new Invocation(upload, 5L, List.of(file("so-lieu.csv", "a,b\n"), file("so-lieu.csv", "a,b\n")))));
    }

    @Test
    void thePartsAreTakenInTheOrderTheyCame() throws IOException {
        Method upload = method("upload");
        Upload a = file("a.csv", "a\n");
        Upload b = file("b.csv", "b\n");
        assertNotEquals(fingerprint.of("POST", "/x", new Invocation(upload, 5L, List.of(a, b))),
                fingerprint.of("POST", "/x", new Invocation(upload, 5L, List.of(b, a))));
    }

    /** Only file parts count: a text field of the form is left out of the fingerprint. */
    @Test
    void aPartWithoutANameIsNamedByItsParameterAndTextPartsDoNotCount() throws IOException {
        Method upload = method("uploadNamedByParameter");
        Upload file = file("so-lieu.csv", "a,b\n");
        String withNote = fingerprint.of("POST", "/x", new Invocation(upload, file, "first note"));
        assertEquals(withNote, fingerprint.of("POST", "/x", new Invocation(upload, file, "another note")));
        String canonical = "POST /x\npart document so-lieu.csv " + sha256("a,b\n") + "\n";
        assertEquals(sha256(canonical), withNote);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
