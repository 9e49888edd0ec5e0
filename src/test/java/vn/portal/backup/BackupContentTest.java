package vn.portal.backup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.http.entity.mime.HttpMultipartMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import vn.portal.support.Api;

/**
 * What a backup holds, on an embedded H2 file database of its own (the other tests' H2 is in
 * memory): the database file, which opens as a database with the rows written before, and every
 * attached file under {@code files/}, byte for byte, and nothing else. A PostgreSQL build has no
 * H2 file to back up ({@link BackupResourceTest} checks its answer).
 */
@QuarkusTest
@TestProfile(BackupContentTest.OnAnH2File.class)
@DisabledIfSystemProperty(named = "test.database", matches = "postgresql")
class BackupContentTest {

    public static class OnAnH2File implements QuarkusTestProfile {

        private static Path dataDir;

        private static synchronized Path dataDir() {
            if (dataDir == null) {
                try {
                    dataDir = Files.createTempDirectory("portal-backup-test");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return dataDir;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            Path dir = dataDir().toAbsolutePath();
            return Map.of("portal.data-dir", dir.toString(), "quarkus.datasource.jdbc.url",
                    "jdbc:h2:file:" + dir.resolve("portal") + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE");
        }
    }

    private static final Random RANDOM = new Random(20200220);

    @Test
    void theZipHoldsTheDatabaseAsOfTheRequestAndEveryAttachedFile() throws Exception {
        long subcommittee = Api.createSubcommittee();
        long member = Api.createMember(subcommittee, "MEMBER");
        long responsibility = Api.createResponsibility(subcommittee, member, "Kinh tế", "Báo cáo chính trị", "LEAD");
        long milestone = Api.createMilestone(subcommittee, "2020-02-22", Map.of("responsibilityIds", List.of(responsibility)));
        long submission = Api.createSubmission(milestone, responsibility);
        String title = given().get("/api/v1/submissions/" + submission).then().extract().path("title");
        byte[] png = png(200_000);
        byte[] csv = "Khối ngành,Chỉ tiêu\r\nKinh tế,\"7,2%\"\r\n".getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> attached = new TreeMap<>();
        attached.put(attach(submission, "Biểu đồ tăng trưởng.png", png), png);
        attached.put(attach(submission, "Số liệu.csv", csv), csv);
        // the same bytes again are one file
        attach(submission, "Biểu đồ (bản sao).png", png);

        Response backup = given().noContentType().accept("*/*").post("/api/v1/backup");
        backup.then().statusCode(200)
                .header("Content-Type", equalTo("application/zip"))
                .header("Content-Disposition", matchesPattern("attachment; filename=\"portal-backup-\\d{8}T\\d{6}Z\\.zip\""));
        Map<String, byte[]> entries = unzip(backup.asByteArray());

        TreeSet<String> expected = new TreeSet<>(List.of("portal.mv.db"));
        attached.keySet().forEach(sha -> expected.add("files/" + sha.substring(0, 2) + "/" + sha));
        assertEquals(expected, new TreeSet<>(entries.keySet()), "the database file and the attached files, nothing else");
        attached.forEach((sha, bytes) -> assertArrayEquals(bytes, entries.get("files/" + sha.substring(0, 2) + "/" + sha)));

        Path restored = Files.createTempDirectory("portal-restored");
        Files.write(restored.resolve("portal.mv.db"), entries.get("portal.mv.db"));
        try (Connection database = DriverManager.getConnection("jdbc:h2:file:" + restored.resolve("portal").toAbsolutePath()
                + ";ACCESS_MODE_DATA=r", "portal", "");
                PreparedStatement query = database.prepareStatement(
                        "select s.title, count(a.id) from submission s join attachment a on a.submission_id = s.id "
                                + "where s.id = ? group by s.title")) {
            query.setLong(1, submission);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "the submission is in the database copy");
                assertEquals(title, row.getString(1));
                assertEquals(3, row.getInt(2), "its three attachments are too");
            }
        }
    }

    @Test
    void backupsTakenAtOnceUnderWritesAreEachAWholeDatabase() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            AtomicBoolean stop = new AtomicBoolean();
            Future<Integer> writer = pool.submit(() -> {
                int written = 0;
                while (!stop.get()) {
                    Api.createSubcommittee();
                    written++;
                }
                return written;
            });
            List<Future<byte[]>> backups = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                backups.add(pool.submit(() -> given().noContentType().accept("*/*").post("/api/v1/backup")
                        .then().statusCode(200).extract().asByteArray()));
            }
            for (Future<byte[]> backup : backups) {
                Path copy = Files.createTempDirectory("portal-restored");
                Files.write(copy.resolve("portal.mv.db"), unzip(backup.get()).get("portal.mv.db"));
                try (Connection database = DriverManager.getConnection("jdbc:h2:file:" + copy.resolve("portal").toAbsolutePath()
                        + ";ACCESS_MODE_DATA=r", "portal", "");
                        ResultSet count = database.createStatement().executeQuery(
                                "select count(*) from subcommittee s join audit_entry a on a.entity_type = 'subcommittee' "
                                        + "and a.entity_id = s.id and a.action = 'created'");
                        ResultSet all = database.createStatement().executeQuery("select count(*) from subcommittee")) {
                    assertTrue(count.next() && all.next());
                    assertEquals(all.getLong(1), count.getLong(1), "every subcommittee in the copy with its audit entry");
                }
            }
            stop.set(true);
            assertTrue(writer.get() > 0);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBackupLeavesNoTemporaryFileBehind() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = countBackupsIn(tmp);
        given().noContentType().accept("*/*").post("/api/v1/backup").then().statusCode(200);
        assertEquals(before, countBackupsIn(tmp));
    }

    private static long countBackupsIn(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("portal-backup-")).count();
        }
    }

    /** Attaches the bytes and returns their SHA-256 as the service reports it. */
    private static String attach(long submission, String fileName, byte[] bytes) {
        return given().config(RestAssured.config().httpClient(
                HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.RFC6532)))
                .multiPart("file", fileName, bytes, "application/octet-stream")
                .post("/api/v1/submissions/" + submission + "/attachments")
                .then().statusCode(201).extract().path("sha256");
    }

    private static byte[] png(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        System.arraycopy(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }, 0, bytes, 0, 8);
        return bytes;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
