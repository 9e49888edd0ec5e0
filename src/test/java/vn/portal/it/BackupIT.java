package vn.portal.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The README's backup and restore commands, run as written (but for the port, the file name and the
 * directory) against the packaged service while writers add members, change them and attach files.
 * The zip, unzipped into an empty directory, is a data directory the service starts on, and there:
 * <ul>
 * <li>everything acknowledged before the backup began is there, exactly as acknowledged (or as
 * changed later by a write that raced the backup), and every file downloads with its bytes;</li>
 * <li>nothing sent after the backup ended is there;</li>
 * <li>nothing is there by half: every member is one of its acknowledged states with its audit
 * entries, every attachment has its file, and the submission's version counts its attachments.</li>
 * </ul>
 */
class BackupIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MEMBER_WRITERS = 6;
    private static final String README_ZIP = "portal-backup-20200220T013000Z.zip";
    private static final String README_RESTORE_DIR = "/var/lib/portal-restored";

    /** A request: when it was sent, when its answer came (nanoTime), and the answer. */
    private record Write(long sentAt, long ackedAt, JsonNode view) {
    }

    /** A member as created, then as changed once. */
    private static final class MemberWrites {
        volatile Write created;
        volatile Write changed;
    }

    /** An attachment as acknowledged, with the bytes sent. */
    private record AttachmentWrite(Write write, byte[] bytes) {
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Random random = new Random(20200220);

    @Test
    void aBackupTakenUnderWritesRestoresEverythingAcknowledgedBeforeItAndNothingByHalf() throws Exception {
        List<String> commands = readmeCommands();
        String backupCommand = commands.stream().filter(c -> c.startsWith("curl ")).findFirst().orElseThrow();
        String restoreCommand = commands.stream().filter(c -> c.startsWith("unzip ")).findFirst().orElseThrow();
        Path work = Files.createTempDirectory("portal-backup-work");
        Path restoredDir = work.resolve("restored");

        Map<String, JsonNode> before = new LinkedHashMap<>();
        ConcurrentLinkedQueue<MemberWrites> members = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<AttachmentWrite> attachments = new ConcurrentLinkedQueue<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        long subcommittee;
        long submission;
        long submissionVersion;
        long backupStart;
        long backupEnd;
        long afterwards;
        byte[] fixedFile = png(300_000);
        String fixedAttachment;
        Path zip;

        try (RunningService service = new RunningService(Files.createTempDirectory("portal-backup"), "backup")) {
            service.start();
            subcommittee = id(send(service, "POST", "/api/v1/subcommittees", Map.of("code", "BK-" + System.nanoTime() % 100000,
                    "name", "Tiểu ban Văn kiện (sao lưu)", "kind", "DOCUMENTS", "congress", "Đại hội XXV",
                    "termStart", 2020, "termEnd", 2025)));
            long head = id(send(service, "POST", members(subcommittee), Map.of("fullName", "Vũ Văn Diện", "role", "HEAD",
                    "email", "dien.vv@thanhuy.vn")));
            long member = id(send(service, "POST", members(subcommittee), Map.of("fullName", "Nguyễn Văn Hùng",
                    "role", "MEMBER", "email", "hung.nv@thanhuy.vn")));
            long responsibility = id(send(service, "POST", "/api/v1/subcommittees/" + subcommittee + "/responsibilities",
                    Map.of("memberId", member, "area", "Kinh tế", "documentSection", "Báo cáo chính trị",
                            "title", "Số liệu khối kinh tế", "role", "LEAD")));
            long milestone = id(send(service, "POST", "/api/v1/subcommittees/" + subcommittee + "/milestones",
                    Map.of("title", "Số liệu, bảng biểu", "dueOn", "2020-02-22", "responsibilityIds", List.of(responsibility))));
            submission = id(send(service, "POST", "/api/v1/milestones/" + milestone + "/submissions",
                    Map.of("responsibilityId", responsibility, "title", "Số liệu khối kinh tế 2015–2020")));
            fixedAttachment = "/api/v1/submissions/" + submission + "/attachments/"
                    + attach(service, submission, "Biểu đồ tăng trưởng.png", fixedFile).view().get("id").asLong();
            for (String path : List.of("/api/v1/subcommittees/" + subcommittee, "/api/v1/members/" + head,
                    "/api/v1/members/" + member, "/api/v1/responsibilities/" + responsibility, "/api/v1/milestones/" + milestone)) {
                before.put(path, JSON.readTree(get(service, path).body()));
            }
            submissionVersion = JSON.readTree(get(service, "/api/v1/submissions/" + submission).body()).get("version").asLong();

            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService writers = Executors.newFixedThreadPool(MEMBER_WRITERS + 1);
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < MEMBER_WRITERS; w++) {
                int writer = w;
                running.add(writers.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        MemberWrites writes = new MemberWrites();
                        String email = "w" + writer + "n" + i + "@thanhuy.vn";
                        writes.created = write(service, "POST", members(subcommittee), Map.of("fullName", "Thành viên " + email,
                                "role", "MEMBER", "email", email), 201, failures);
                        if (writes.created == null) {
                            return null;
                        }
                        members.add(writes);
                        writes.changed = write(service, "PATCH", "/api/v1/members/" + writes.created.view().get("id").asLong(),
                                Map.of("position", "Ủy viên, lượt " + i), 200, failures);
                    }
                    return null;
                }));
            }
            running.add(writers.submit(() -> {
                for (int i = 0; !stop.get(); i++) {
                    byte[] bytes = png(20_000 + random.nextInt(60_000));
                    attachments.add(new AttachmentWrite(attach(service, submission, "Ảnh " + i + ".png", bytes), bytes));
                }
                return null;
            }));

            awaitWrites(members, attachments, 2 * MEMBER_WRITERS, 2);
            backupStart = System.nanoTime();
            ProcessBuilder backup = new ProcessBuilder("bash", "-c",
                    backupCommand.replace("localhost:8080", "localhost:" + service.port()))
                    .directory(work.toFile()).redirectErrorStream(true);
            backup.environment().put("ADMIN_PASSWORD", RunningService.ADMIN_PASSWORD);
            Process curl = backup.start();
            String curlOutput = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int curlExit = curl.waitFor();
            backupEnd = System.nanoTime();
            if ("postgresql".equals(System.getProperty("test.database"))) {
                stop.set(true);
                writers.shutdown();
                assertEquals(22, curlExit, "curl -f on the 409 of a PostgreSQL build: " + curlOutput);
                HttpResponse<String> refused = send(service, "POST", "/api/v1/backup", null);
                assertEquals(409, refused.statusCode());
                assertTrue(refused.body().contains("BACKUP_NOT_AVAILABLE"), refused.body());
                Assumptions.abort("a PostgreSQL build is backed up with pg_dump");
            }
            awaitWrites(members, attachments, members.size() + 2 * MEMBER_WRITERS, attachments.size() + 2);
            stop.set(true);
            writers.shutdown();
            assertTrue(writers.awaitTermination(60, TimeUnit.SECONDS));
            for (Future<?> writer : running) {
                writer.get();
            }
            assertEquals(0, curlExit, "the README's backup command failed: " + curlOutput);
            afterwards = System.nanoTime();
            long after = id(send(service, "POST", "/api/v1/subcommittees", Map.of("code", "AFTER-" + System.nanoTime() % 100000,
                    "name", "Tiểu ban lập sau khi sao lưu", "kind", "OTHER", "congress", "Đại hội XXV",
                    "termStart", 2020, "termEnd", 2025)));
            before.put("/api/v1/subcommittees/" + after, null);
            assertEquals(List.of(), failures, "writes refused while the backup ran");
            try (Stream<Path> files = Files.list(work)) {
                List<Path> zips = files.filter(f -> f.getFileName().toString().matches("portal-backup-\\d{8}T\\d{6}Z\\.zip")).toList();
                assertEquals(1, zips.size(), "curl -OJ saves the zip under the name the service gives it: " + zips);
                zip = zips.get(0);
            }
        }

        Process unzip = new ProcessBuilder("bash", "-c", restoreCommand.replace(README_ZIP, zip.getFileName().toString())
                .replace(README_RESTORE_DIR, restoredDir.toString())).directory(work.toFile()).redirectErrorStream(true).start();
        String unzipOutput = new String(unzip.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, unzip.waitFor(), "the README's restore command failed: " + unzipOutput);

        try (RunningService restored = new RunningService(restoredDir, "backup-restored")) {
            restored.start();
            List<String> wrong = new ArrayList<>();
            for (Map.Entry<String, JsonNode> entry : before.entrySet()) {
                HttpResponse<String> read = get(restored, entry.getKey());
                if (entry.getValue() == null ? read.statusCode() != 404
                        : read.statusCode() != 200 || !JSON.readTree(read.body()).equals(entry.getValue())) {
                    wrong.add(entry.getKey() + " → " + read.statusCode() + " " + read.body());
                }
            }
            assertArrayEquals(fixedFile, download(restored, fixedAttachment), "the attachment made before the backup");

            int[] counts = new int[3];
            int presentMembers = 0;
            for (MemberWrites writes : members) {
                long id = writes.created.view().get("id").asLong();
                HttpResponse<String> read = get(restored, "/api/v1/members/" + id);
                String problem = memberProblem(writes, read, backupStart, backupEnd, counts);
                if (problem == null && read.statusCode() == 200) {
                    presentMembers++;
                    JsonNode stored = JSON.readTree(read.body());
                    Set<String> expected = stored.equals(writes.created.view()) ? Set.of("created") : Set.of("created", "updated");
                    Set<String> audited = actions(restored, "member", id);
                    if (!audited.equals(expected)) {
                        problem = "audit " + audited + ", expected " + expected;
                    }
                }
                if (problem != null) {
                    wrong.add("member " + id + ": " + problem + " (stored " + read.statusCode() + " " + read.body() + ")");
                }
            }
            long listed = JSON.readTree(get(restored, members(subcommittee) + "?size=1").body()).get("totalItems").asLong();
            if (listed != presentMembers + 2) {
                wrong.add("the member list counts " + listed + ", the members read one by one " + (presentMembers + 2));
            }

            int presentAttachments = 0;
            int[] attachmentCounts = new int[3];
            for (AttachmentWrite attachment : attachments) {
                Write write = attachment.write();
                String path = "/api/v1/submissions/" + submission + "/attachments/" + write.view().get("id").asLong();
                HttpResponse<byte[]> read = client.send(request(restored, path).build(), HttpResponse.BodyHandlers.ofByteArray());
                attachmentCounts[phase(write, backupStart, backupEnd)]++;
                if (read.statusCode() == 200) {
                    presentAttachments++;
                    if (write.sentAt() > backupEnd || !java.util.Arrays.equals(attachment.bytes(), read.body())) {
                        wrong.add(path + ": there, sent after the backup or with other bytes");
                    }
                } else if (read.statusCode() != 404 || write.ackedAt() < backupStart) {
                    wrong.add(path + " → " + read.statusCode() + ", acknowledged before the backup began");
                }
            }
            JsonNode restoredSubmission = JSON.readTree(get(restored, "/api/v1/submissions/" + submission).body());
            if (restoredSubmission.get("attachments").size() != presentAttachments + 1
                    || restoredSubmission.get("version").asLong() != submissionVersion + presentAttachments) {
                wrong.add("the submission lists " + restoredSubmission.get("attachments").size() + " attachments at version "
                        + restoredSubmission.get("version") + "; " + (presentAttachments + 1) + " can be downloaded, from version "
                        + submissionVersion);
            }
            assertEquals(List.of(), wrong, "restored data that differs from what was acknowledged");
            System.out.printf("BackupIT: a %d KiB backup taken in %d ms under %d writers; members acknowledged before / "
                    + "during / after it: %d / %d / %d (%d restored); attachments %d / %d / %d (%d restored); "
                    + "nothing half, nothing later%n", Files.size(zip) / 1024, Duration.ofNanos(backupEnd - backupStart).toMillis(),
                    MEMBER_WRITERS + 1, counts[0], counts[1], counts[2], presentMembers, attachmentCounts[0],
                    attachmentCounts[1], attachmentCounts[2], presentAttachments);
            assertTrue(counts[0] > MEMBER_WRITERS && attachmentCounts[0] > 0 && counts[2] > 0,
                    "too few writes before and after the backup to prove anything");
            assertTrue(afterwards > backupEnd);
        }
    }

    /** Lets the writers run until they have written that many members and attachments (or a minute passed). */
    private static void awaitWrites(ConcurrentLinkedQueue<MemberWrites> members, ConcurrentLinkedQueue<AttachmentWrite> attachments,
            int memberCount, int attachmentCount) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while ((members.size() < memberCount || attachments.size() < attachmentCount) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(300);
    }

    /**
     * Null when the member's restored state is allowed: present if created before the backup
     * began, absent if created after it ended, and exactly one of its acknowledged states.
     */
    private static String memberProblem(MemberWrites writes, HttpResponse<String> read, long backupStart, long backupEnd,
            int[] counts) throws IOException {
        Write created = writes.created;
        Write changed = writes.changed;
        counts[phase(created, backupStart, backupEnd)]++;
        if (read.statusCode() == 404) {
            return created.ackedAt() < backupStart ? "missing, created before the backup began" : null;
        }
        if (read.statusCode() != 200) {
            return "unreadable";
        }
        if (created.sentAt() > backupEnd) {
            return "there, created after the backup ended";
        }
        JsonNode stored = JSON.readTree(read.body());
        if (changed != null && changed.ackedAt() < backupStart) {
            return stored.equals(changed.view()) ? null : "not as changed before the backup began";
        }
        if (changed == null || changed.sentAt() > backupEnd) {
            return stored.equals(created.view()) ? null : "not as created";
        }
        return stored.equals(created.view()) || stored.equals(changed.view()) ? null : "neither as created nor as changed";
    }

    /** 0: acknowledged before the backup began; 2: sent after it ended; 1: in between. */
    private static int phase(Write write, long backupStart, long backupEnd) {
        return write.ackedAt() < backupStart ? 0 : write.sentAt() > backupEnd ? 2 : 1;
    }

    private Set<String> actions(RunningService service, String entityType, long id) throws Exception {
        JsonNode page = JSON.readTree(get(service, "/api/v1/audit?entityType=" + entityType + "&entityId=" + id).body());
        Set<String> actions = new HashSet<>();
        page.get("items").forEach(entry -> actions.add(entry.get("action").asText()));
        return actions;
    }

    private Write write(RunningService service, String method, String path, Object body, int expected, List<String> failures)
            throws Exception {
        long sent = System.nanoTime();
        HttpResponse<String> answer = send(service, method, path, body);
        long acked = System.nanoTime();
        if (answer.statusCode() != expected) {
            failures.add(method + " " + path + " → " + answer.statusCode() + " " + answer.body());
            return null;
        }
        return new Write(sent, acked, JSON.readTree(answer.body()));
    }

    private Write attach(RunningService service, long submission, String fileName, byte[] bytes) throws Exception {
        String boundary = "----portal" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(bytes);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        long sent = System.nanoTime();
        HttpResponse<String> answer = client.send(request(service, "/api/v1/submissions/" + submission + "/attachments")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        long acked = System.nanoTime();
        assertEquals(201, answer.statusCode(), answer.body());
        return new Write(sent, acked, JSON.readTree(answer.body()));
    }

    private byte[] download(RunningService service, String path) throws Exception {
        HttpResponse<byte[]> read = client.send(request(service, path).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, read.statusCode(), path);
        return read.body();
    }

    private synchronized byte[] png(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        System.arraycopy(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }, 0, bytes, 0, 8);
        return bytes;
    }

    private static String members(long subcommittee) {
        return "/api/v1/subcommittees/" + subcommittee + "/members";
    }

    private static long id(HttpResponse<String> created) throws IOException {
        assertEquals(201, created.statusCode(), created.body());
        return JSON.readTree(created.body()).get("id").asLong();
    }

    private HttpRequest.Builder request(RunningService service, String path) {
        return HttpRequest.newBuilder(URI.create(service.baseUri() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", RunningService.AUTHORIZATION);
    }

    private HttpResponse<String> get(RunningService service, String path) throws IOException, InterruptedException {
        return send(service, "GET", path, null);
    }

    private HttpResponse<String> send(RunningService service, String method, String path, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(service, path);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The commands between the README's backup markers. */
    private static List<String> readmeCommands() throws IOException {
        String text = Files.readString(Path.of(System.getProperty("portal.readme", "README.md")), StandardCharsets.UTF_8);
        int start = text.indexOf("<!-- backup:start -->");
        int end = text.indexOf("<!-- backup:end -->");
        assertTrue(start >= 0 && end > start, "README has no backup section");
        return text.substring(start, end).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")
                && !l.startsWith("```") && !l.startsWith("<!--")).toList();
    }
}
