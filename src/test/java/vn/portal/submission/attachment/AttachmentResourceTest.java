package vn.portal.submission.attachment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.http.entity.mime.HttpMultipartMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.portal.support.Api;
import vn.portal.support.FixedClock;

@QuarkusTest
class AttachmentResourceTest {

    private static final Instant NOW = OffsetDateTime.parse("2020-02-21T10:15:30.123+07:00").toInstant();
    private static final int MIB = 1024 * 1024;
    private static final Path STORED_FILES = Path.of("target", "test-data", "files");

    private static final String PDF_TYPE = "application/pdf";
    private static final String DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String ODT_TYPE = "application/vnd.oasis.opendocument.text";
    private static final String ODS_TYPE = "application/vnd.oasis.opendocument.spreadsheet";

    private static final Random RANDOM = new Random();

    @BeforeEach
    void standOnTheTwentyFirstOfFebruary2020() {
        FixedClock.install(NOW);
    }

    private static String submission(long id) {
        return "/api/v1/submissions/" + id;
    }

    private static String attachments(long submissionId) {
        return submission(submissionId) + "/attachments";
    }

    private static String attachment(long submissionId, long attachmentId) {
        return attachments(submissionId) + "/" + attachmentId;
    }

    /** Part headers in UTF-8, as browsers send them; RestAssured's default mode writes ASCII. */
    private static RequestSpecification multipart() {
        return given().config(RestAssured.config()
                .httpClient(HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.RFC6532)));
    }

    private static Response upload(long submissionId, String fileName, byte[] bytes, String claimedType) {
        return multipart().multiPart("file", fileName, bytes, claimedType).post(attachments(submissionId));
    }

    private static long uploaded(long submissionId, String fileName, byte[] bytes) {
        return upload(submissionId, fileName, bytes, "application/octet-stream").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    private static List<Map<String, Object>> attachmentsOf(long submissionId) {
        return given().get(submission(submissionId)).then().statusCode(200).extract().jsonPath().getList("attachments");
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static byte[] withHeader(byte[] header, int totalLength) {
        byte[] bytes = random(totalLength);
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }

    private static byte[] pdf(int length) {
        return withHeader("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), length);
    }

    private static byte[] png() {
        return withHeader(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }, 4096);
    }

    private static byte[] jpeg() {
        return withHeader(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 }, 4096);
    }

    private static byte[] ole2() {
        return withHeader(new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1 }, 4096);
    }

    private static byte[] zip(String... namesAndContents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An OpenDocument file: its first entry, stored uncompressed, is "mimetype" naming the type. */
    private static byte[] openDocument(String mimeType, String contentXml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] declared = mimeType.getBytes(StandardCharsets.US_ASCII);
            ZipEntry mimetype = new ZipEntry("mimetype");
            mimetype.setMethod(ZipEntry.STORED);
            mimetype.setSize(declared.length);
            CRC32 crc = new CRC32();
            crc.update(declared);
            mimetype.setCrc(crc.getValue());
            zip.putNextEntry(mimetype);
            zip.write(declared);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(contentXml.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] docx() {
        return zip("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
                "word/document.xml", "<w:document><w:body><w:p><w:r><w:t>Báo cáo chính trị</w:t></w:r></w:p></w:body></w:document>");
    }

    private static byte[] xlsx() {
        return zip("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
                "xl/workbook.xml", "<workbook><sheets><sheet name=\"Số liệu\" sheetId=\"1\"/></sheets></workbook>");
    }

    private static byte[] csv() {
        return "Khối ngành,Chỉ tiêu,Giá trị\r\nKinh tế,Tăng trưởng GRDP bình quân,\"7,2%\"\r\nVăn hóa – Xã hội,Hộ nghèo,\"1,5%\"\r\n"
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 5987 value decoding: only attr-chars may appear unescaped. */
    private static String rfc5987Decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                assertTrue((c < 0x80 && Character.isLetterOrDigit(c)) || "!#$&+-.^_`|~".indexOf(c) >= 0,
                        "not an attr-char: " + c);
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void uploadAnswers201WithLocationAndTheTypeDetectedFromTheBytes() {
        long sid = Api.createSubmissionIn("DRAFT");
        byte[] bytes = pdf(10_000);

        Response created = upload(sid, "Số liệu kinh tế.pdf", bytes, "image/png");

        created.then().statusCode(201)
                .header("ETag", notNullValue())
                .body("fileName", equalTo("Số liệu kinh tế.pdf"))
                .body("contentType", equalTo(PDF_TYPE))
                .body("size", equalTo(10_000))
                .body("sha256", equalTo(sha256(bytes)))
                .body("createdAt", equalTo("2020-02-21T03:15:30.123Z"));
        long id = created.jsonPath().getLong("id");
        assertEquals(attachment(sid, id), created.header("Location"));
        assertEquals(List.of(created.jsonPath().getMap("")), attachmentsOf(sid));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binaryFiles")
    void downloadReturnsTheExactBytesWithTheStoredTypeAndLength(String fileName, byte[] bytes, String type) {
        long sid = Api.createSubmissionIn("DRAFT");
        long id = uploaded(sid, fileName, bytes);

        Response download = given().get(attachment(sid, id));

        download.then().statusCode(200).header("Content-Length", String.valueOf(bytes.length));
        assertEquals(type, download.contentType());
        assertArrayEquals(bytes, download.asByteArray());
    }

    static Stream<Arguments> binaryFiles() {
        return Stream.of(
                Arguments.of("Báo cáo.pdf", pdf(300_000), PDF_TYPE),
                Arguments.of("Biểu đồ.png", png(), "image/png"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Báo cáo số liệu – Đợt 1.pdf", "Báo cáo; bản 2, 100% (chính thức) 'mới'.pdf" })
    void contentDispositionCarriesAnAsciiFallbackAndTheExactUtf8Name(String name) {
        long sid = Api.createSubmissionIn("DRAFT");
        long id = uploaded(sid, name, pdf(2_000));

        String disposition = given().get(attachment(sid, id)).then().statusCode(200).extract().header("Content-Disposition");

        assertTrue(disposition.startsWith("attachment"), disposition);
        Matcher fallback = Pattern.compile("(?<![*])filename=\"([^\"]*)\"").matcher(disposition);
        assertTrue(fallback.find(), disposition);
        assertTrue(fallback.group(1).matches("[\\x20-\\x7E&&[^\"\\\\]]+\\.pdf"), fallback.group(1));
        Matcher extended = Pattern.compile("filename\\*=UTF-8''([^;\\s]+)").matcher(disposition);
        assertTrue(extended.find(), disposition);
        assertEquals(name, rfc5987Decode(extended.group(1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namesWithPaths")
    void aFileNameLosesItsPathButKeepsItsLetters(String sent, byte[] bytes, String kept) {
        long sid = Api.createSubmissionIn("DRAFT");

        upload(sid, sent, bytes, "application/octet-stream").then().statusCode(201).body("fileName", equalTo(kept));
    }

    static Stream<Arguments> namesWithPaths() {
        return Stream.of(
                Arguments.of("../../etc/x.pdf", pdf(1_000), "x.pdf"),
                Arguments.of("C:\\Users\\a\\Số liệu.xlsx", xlsx(), "Số liệu.xlsx"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("allowedFiles")
    void everyAllowedTypeIsAcceptedWhenNameAndBytesAgree(String fileName, byte[] bytes, String expectedType) {
        long sid = Api.createSubmissionIn("DRAFT");

        long id = upload(sid, fileName, bytes, "application/octet-stream").then().statusCode(201)
                .body("fileName", equalTo(fileName))
                .body("contentType", equalTo(expectedType))
                .body("size", equalTo(bytes.length))
                .body("sha256", equalTo(sha256(bytes)))
                .extract().jsonPath().getLong("id");

        Response download = given().get(attachment(sid, id));
        download.then().statusCode(200);
        assertEquals(expectedType, download.contentType().replaceAll(";.*", ""));
        assertArrayEquals(bytes, download.asByteArray());
    }

    static Stream<Arguments> allowedFiles() {
        return Stream.of(
                Arguments.of("Báo cáo.pdf", pdf(5_000), PDF_TYPE),
                Arguments.of("Biểu đồ.png", png(), "image/png"),
                Arguments.of("Ảnh hội nghị.jpg", jpeg(), "image/jpeg"),
                Arguments.of("Ảnh phiên họp.jpeg", jpeg(), "image/jpeg"),
                Arguments.of("Tờ trình.doc", ole2(), "application/msword"),
                Arguments.of("Bảng biểu.xls", ole2(), "application/vnd.ms-excel"),
                Arguments.of("Dự thảo.docx", docx(), DOCX_TYPE),
                Arguments.of("Số liệu.xlsx", xlsx(), XLSX_TYPE),
                Arguments.of("Đề cương.odt", openDocument(ODT_TYPE, "<office:document-content/>"), ODT_TYPE),
                Arguments.of("Chỉ tiêu.ods", openDocument(ODS_TYPE, "<office:document-content/>"), ODS_TYPE),
                Arguments.of("Số liệu khối kinh tế.csv", csv(), "text/csv"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedFiles")
    void aFileWhoseBytesAreNotAnAllowedTypeOrDisagreeWithItsNameIsRefused(String fileName, byte[] bytes) {
        long sid = Api.createSubmissionIn("DRAFT");

        upload(sid, fileName, bytes, "application/pdf").then().spec(Api.problem(415, "FILE_TYPE_NOT_ALLOWED"));

        assertEquals(List.of(), attachmentsOf(sid));
    }

    static Stream<Arguments> refusedFiles() {
        return Stream.of(
                Arguments.of("setup.exe", withHeader(new byte[] { 'M', 'Z' }, 4096)),
                Arguments.of("baocao", pdf(2_000)),
                Arguments.of("Báo cáo.docx", pdf(2_000)),
                Arguments.of("Ảnh.png", jpeg()),
                Arguments.of("Tờ trình.docx", ole2()),
                Arguments.of("Số liệu.xlsx", docx()),
                Arguments.of("Chỉ tiêu.ods", openDocument(ODT_TYPE, "<office:document-content/>")),
                Arguments.of("Dự thảo.docx", zip("[Content_Types].xml", "<Types/>", "docProps/app.xml", "<Properties/>")),
                Arguments.of("Số liệu latin1.csv", "Dân chủ,Hòa bình,Tôn giáo\n".getBytes(StandardCharsets.ISO_8859_1)),
                Arguments.of("Số liệu nul.csv", "Kinh te,Tang truong\u0000,7\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aFileOverTwentyMebibytesIsRefusedWith413() {
        long sid = Api.createSubmissionIn("DRAFT");

        upload(sid, "Quá lớn.pdf", pdf(20 * MIB + 1024), PDF_TYPE).then().spec(Api.problem(413, "PAYLOAD_TOO_LARGE"));

        assertEquals(List.of(), attachmentsOf(sid));
    }

    @Test
    void aFileOfExactlyTwentyMebibytesIsAccepted() {
        long sid = Api.createSubmissionIn("DRAFT");
        byte[] bytes = pdf(20 * MIB);

        long id = upload(sid, "Vừa đủ.pdf", bytes, PDF_TYPE).then().statusCode(201).body("size", equalTo(20 * MIB))
                .extract().jsonPath().getLong("id");

        assertArrayEquals(bytes, given().get(attachment(sid, id)).then().statusCode(200).extract().asByteArray());
    }

    @Test
    void anEmptyFileIsRefused() {
        long sid = Api.createSubmissionIn("DRAFT");

        upload(sid, "Trống.pdf", new byte[0], PDF_TYPE).then().spec(Api.problem(400, "VALIDATION_FAILED"))
                .body("errors.field", hasItem("file"));
    }

    @Test
    void aBodyWithoutTheFilePartIsRefused() {
        long sid = Api.createSubmissionIn("DRAFT");

        multipart().multiPart("document", "Báo cáo.pdf", pdf(1_000), PDF_TYPE).post(attachments(sid))
                .then().spec(Api.problem(400, "VALIDATION_FAILED")).body("errors.field", hasItem("file"));
        assertEquals(List.of(), attachmentsOf(sid));
    }

    @Test
    void aBodyThatIsNotMultipartIsRefused() {
        long sid = Api.createSubmissionIn("DRAFT");

        Api.json().body("{\"file\":\"JVBERi0=\"}").post(attachments(sid)).then().spec(Api.problem(415, "UNSUPPORTED_MEDIA_TYPE"));
        Api.exact().contentType("application/pdf").body(pdf(1_000)).post(attachments(sid))
                .then().spec(Api.problem(415, "UNSUPPORTED_MEDIA_TYPE"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "DRAFT", "RETURNED" })
    void uploadAndDeleteAreTakenWhileDraftOrReturned(String status) {
        long sid = Api.createSubmissionIn(status);

        long id = uploaded(sid, "Báo cáo.pdf", pdf(1_000));
        given().delete(attachment(sid, id)).then().statusCode(204);

        assertEquals(List.of(), attachmentsOf(sid));
        given().get(attachment(sid, id)).then().spec(Api.problem(404, "NOT_FOUND"));
    }

    @Test
    void deleteHonoursIfMatchWithTheDownloadsTag() {
        long sid = Api.createSubmissionIn("DRAFT");
        long id = uploaded(sid, "Báo cáo.pdf", pdf(1_000));
        String tag = given().get(attachment(sid, id)).then().statusCode(200).extract().header("ETag");

        given().header("If-Match", "\"not-its-tag\"").delete(attachment(sid, id))
                .then().spec(Api.problem(412, "PRECONDITION_FAILED"));
        given().header("If-Match", "W/" + tag).delete(attachment(sid, id))
                .then().spec(Api.problem(412, "PRECONDITION_FAILED"));
        given().get(attachment(sid, id)).then().statusCode(200);

        given().header("If-Match", tag).delete(attachment(sid, id)).then().statusCode(204);
        assertEquals(List.of(), attachmentsOf(sid));
    }

    @ParameterizedTest
    @ValueSource(strings = { "SUBMITTED", "ACCEPTED" })
    void uploadAndDeleteAreRefusedOnceSubmittedOrAccepted(String status) {
        long sid = Api.createSubmissionIn("DRAFT");
        long id = uploaded(sid, "Báo cáo.pdf", pdf(1_000));
        Api.moveSubmission(sid, status);
        List<Map<String, Object>> before = attachmentsOf(sid);

        upload(sid, "Bổ sung.pdf", pdf(1_000), PDF_TYPE).then().spec(Api.problem(409, "SUBMISSION_LOCKED"));
        given().delete(attachment(sid, id)).then().spec(Api.problem(409, "SUBMISSION_LOCKED"));

        assertEquals(before, attachmentsOf(sid));
        given().get(attachment(sid, id)).then().statusCode(200);
    }

    @Test
    void uploadAndDeleteChangeTheSubmissionsETagAndAttachments() {
        long sid = Api.createSubmissionIn("DRAFT");
        String empty = Api.etag(submission(sid));

        Map<String, Object> added = upload(sid, "Báo cáo.pdf", pdf(1_000), PDF_TYPE).then().statusCode(201)
                .extract().jsonPath().getMap("");
        String withFile = Api.etag(submission(sid));
        assertNotEquals(empty, withFile);
        assertEquals(List.of(added), attachmentsOf(sid));
        given().header("If-None-Match", empty).get(submission(sid)).then().statusCode(200);

        given().delete(attachment(sid, ((Number) added.get("id")).longValue())).then().statusCode(204);
        assertNotEquals(withFile, Api.etag(submission(sid)));
        assertEquals(List.of(), attachmentsOf(sid));
        given().header("If-None-Match", withFile).get(submission(sid)).then().statusCode(200)
                .body("attachments", emptyIterable());
    }

    @Test
    void theSameBytesUploadedTwiceAreStoredOnce() throws IOException {
        long first = Api.createSubmissionIn("DRAFT");
        long second = Api.createSubmissionIn("DRAFT");
        byte[] bytes = pdf(50_000);
        String sha = sha256(bytes);

        String a = upload(first, "Báo cáo.pdf", bytes, PDF_TYPE).then().statusCode(201).extract().path("sha256");
        String b = upload(first, "Báo cáo (bản sao).pdf", bytes, PDF_TYPE).then().statusCode(201).extract().path("sha256");
        String c = upload(second, "Báo cáo.pdf", bytes, PDF_TYPE).then().statusCode(201).extract().path("sha256");

        assertEquals(List.of(sha, sha, sha), List.of(a, b, c));
        Path stored = STORED_FILES.resolve(sha.substring(0, 2)).resolve(sha);
        try (Stream<Path> everywhere = Files.walk(STORED_FILES)) {
            assertEquals(List.of(stored), everywhere.filter(p -> p.getFileName().toString().contains(sha)).toList());
        }
        assertArrayEquals(bytes, Files.readAllBytes(stored));
    }

    @Test
    void deletingOneOfTwoAttachmentsWithTheSameBytesKeepsTheOther() {
        long first = Api.createSubmissionIn("DRAFT");
        long second = Api.createSubmissionIn("DRAFT");
        byte[] bytes = pdf(20_000);
        long removed = uploaded(first, "Báo cáo.pdf", bytes);
        long kept = uploaded(second, "Báo cáo.pdf", bytes);

        given().delete(attachment(first, removed)).then().statusCode(204);

        assertArrayEquals(bytes, given().get(attachment(second, kept)).then().statusCode(200).extract().asByteArray());
    }

    @Test
    void attachmentsOfAnUnknownSubmissionAreNotFound() {
        long gone = Api.createSubmissionIn("DRAFT");
        given().delete(submission(gone)).then().statusCode(204);

        upload(gone, "Báo cáo.pdf", pdf(1_000), PDF_TYPE).then().spec(Api.problem(404, "NOT_FOUND"));
        given().get(attachment(gone, 1)).then().spec(Api.problem(404, "NOT_FOUND"));
        given().delete(attachment(gone, 1)).then().spec(Api.problem(404, "NOT_FOUND"));
    }

    @Test
    void anAttachmentIsNotFoundUnderAnotherSubmission() {
        long owner = Api.createSubmissionIn("DRAFT");
        long other = Api.createSubmissionIn("DRAFT");
        long id = uploaded(owner, "Báo cáo.pdf", pdf(1_000));

        given().get(attachment(other, id)).then().spec(Api.problem(404, "NOT_FOUND"));
        given().delete(attachment(other, id)).then().spec(Api.problem(404, "NOT_FOUND"));
        given().get(attachment(owner, id + 1_000_000)).then().spec(Api.problem(404, "NOT_FOUND"));

        given().get(attachment(owner, id)).then().statusCode(200);
    }

    @Test
    void ifNoneMatchWithTheDownloadsETagAnswers304() {
        long sid = Api.createSubmissionIn("DRAFT");
        long id = uploaded(sid, "Báo cáo.pdf", pdf(1_000));
        String tag = given().get(attachment(sid, id)).then().statusCode(200).extract().header("ETag");

        given().header("If-None-Match", tag).get(attachment(sid, id)).then().statusCode(304);
        given().header("If-None-Match", "\"something-else\"").get(attachment(sid, id)).then().statusCode(200);
    }

    @Test
    void aBodyThatIsNotTheMultipartItClaimsIsABadRequest() {
        long id = Api.createSubmissionIn("DRAFT");
        Api.exact().contentType("multipart/form-data; boundary=zz").body("{\"file\": 8}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/submissions/" + id + "/attachments")
                .then().spec(Api.problem(400, "VALIDATION_FAILED"));
        given().get("/api/v1/submissions/" + id).then().statusCode(200).body("attachments", emptyIterable());
    }

    /** FuzzTest found a part header without a colon answered with 500. */
    @Test
    void aPartHeaderWithoutAColonIsABadRequest() {
        long id = Api.createSubmissionIn("DRAFT");
        Api.exact().contentType("multipart/form-data; boundary=zz")
                .body("--zz\r\nContent-Disposition\r\n\r\nx\r\n--zz--\r\n".getBytes(StandardCharsets.US_ASCII))
                .post(attachments(id))
                .then().spec(Api.problem(400, "VALIDATION_FAILED")).body("errors[0].field", equalTo("body"));
        given().get(submission(id)).then().statusCode(200).body("attachments", emptyIterable());
    }

    /** FuzzTest found the multipart parser failing with a 500 on an empty boundary. */
    @ParameterizedTest
    @ValueSource(strings = { "multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=\"\"",
            "multipart/form-data; boundary=" + "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz" })
    void aMultipartTypeWithoutAUsableBoundaryIsABadRequest(String type) throws Exception {
        long id = Api.createSubmissionIn("DRAFT");
        byte[] body = ("--zz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4\r\n--zz--\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + RestAssured.port + attachments(id)))
                .header("Content-Type", type).header("Authorization", vn.portal.support.LoggedInAsAdmin.AUTHORIZATION)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build();

        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals("Content-Type", io.restassured.path.json.JsonPath.from(response.body()).getString("errors[0].field"));
        given().get(submission(id)).then().statusCode(200).body("attachments", emptyIterable());
    }

    @Test
    void aDownloadIgnoresIfMatchLikeEveryRead() {
        long sid = Api.createSubmissionIn("DRAFT");
        byte[] bytes = pdf(2048);
        long id = uploaded(sid, "Báo cáo.pdf", bytes);

        byte[] read = given().header("If-Match", "\"not-the-tag\"").get(attachment(sid, id))
                .then().statusCode(200).extract().asByteArray();
        assertArrayEquals(bytes, read);
    }
}
