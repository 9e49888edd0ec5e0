import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import vn.portal.common.text.TextFold;

/**
 * The bench's bulk path: writes generated subcommittees straight into the service's schema with
 * JDBC batches (no HTTP call per row), on H2 or PostgreSQL, into a database whose schema Flyway
 * has made and where the service created the bench's user. Run with the JDBC drivers of the
 * packaged jar and its own classes (for the text fold the service writes) on the class path:
 *
 * <pre>java -cp 'target/quarkus-app/lib/main/*:target/quarkus-app/app/*' bench/load/Load.java URL USER PASSWORD SUBMISSIONS BENCH_USER_ID OUT</pre>
 *
 * Shape (as the performance issue measured it): subcommittees of 20 members, each holding one LEAD
 * responsibility, and 50 milestones each expecting all 20; one submission per (milestone,
 * responsibility), so 1,000 per subcommittee; comments on a tenth of the handed-in ones; one
 * audit entry per object created and per action taken. The first subcommittee is the measured
 * one: the bench user is its SECRETARY. One more subcommittee, "BENCH-W", holds the write load:
 * 20 responsibilities and enough PLANNED milestones (each expecting all 20) for the pairs the
 * write run creates. Everything is seeded: the same size gives the same data.
 *
 * <p>Writes OUT, a shell-sourceable file naming the ids the bench drives.
 */
public class Load {

    static final int MEMBERS = 20;
    static final int MILESTONES = 50;
    static final int WRITE_MILESTONES = 2_000;
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.ofHours(7));
    static final String[] ROLES = { "HEAD", "DEPUTY_HEAD", "SECRETARY", "SUPPORT_STAFF", "MEMBER" };
    static final String[] AREAS = { "Kinh tế", "Văn hóa - Xã hội", "Quốc phòng - An ninh", "Xây dựng Đảng",
            "Đối ngoại", "Khoa học - Công nghệ", "Giáo dục - Đào tạo", "Y tế", "Tài nguyên - Môi trường", "Nội chính" };
    static final String CONTENT = ("Báo cáo số liệu, bảng biểu phục vụ xây dựng báo cáo chính trị: tăng trưởng GRDP "
            + "bình quân 7,2%/năm; thu ngân sách vượt dự toán; tỷ lệ hộ nghèo giảm còn 0,8%. ").repeat(5);

    final Connection db;
    final boolean postgres;
    final Random random = new Random(20200220);
    final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
    final long benchUser;
    final Map<String, Long> next = new LinkedHashMap<>();
    final Map<String, Batch> batches = new LinkedHashMap<>();

    Load(Connection db, long benchUser) throws SQLException {
        this.db = db;
        this.postgres = db.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        this.benchUser = benchUser;
        for (String table : List.of("subcommittee", "committee_member", "responsibility", "milestone", "submission",
                "submission_comment", "audit_entry")) {
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select coalesce(max(id), 0) from " + table)) {
                rs.next();
                next.put(table, rs.getLong(1) + 1);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: Load URL USER PASSWORD SUBMISSIONS BENCH_USER_ID OUT");
            System.exit(2);
        }
        int subcommittees = Math.max(1, Integer.parseInt(args[3]) / (MEMBERS * MILESTONES));
        long started = System.nanoTime();
        try (Connection db = DriverManager.getConnection(args[0], args[1], args[2])) {
            db.setAutoCommit(false);
            Load load = new Load(db, Long.parseLong(args[4]));
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= subcommittees; i++) {
                load.subcommittee(String.format("BENCH-%03d", i), i == 1, MILESTONES, true, i == 1 ? out : null);
                load.flushIfBig();
            }
            load.subcommittee("BENCH-W", true, WRITE_MILESTONES, false, out);
            load.flushAll();
            load.restartIdentities();
            db.commit();
            java.nio.file.Files.write(java.nio.file.Path.of(args[5]), out, StandardCharsets.UTF_8);
            System.out.printf("loaded %d subcommittees (%d submissions) in %.1f s%n", subcommittees,
                    subcommittees * MEMBERS * MILESTONES, (System.nanoTime() - started) / 1e9);
        }
    }

    /** One subcommittee; {@code out} (the measured one, the write one) gets its ids. */
    void subcommittee(String code, boolean withBenchUser, int milestones, boolean withSubmissions, List<String> out)
            throws SQLException {
        long sid = id("subcommittee");
        String name = "Tiểu ban " + code;
        String congress = "Đại hội đại biểu Đảng bộ Thành phố lần thứ XXV";
        batch("subcommittee", "id, code, code_folded, name, name_folded, kind, congress, term_start, term_end, "
                + "description, status, search_text, created_at, updated_at, version")
                .row(sid, code, fold(code), name, fold(name), "DOCUMENTS", congress, 2020, 2025, null, "ACTIVE",
                        search(code, name, congress), now, now, 0L);
        audit("subcommittee", sid, sid, "created");

        long[] members = new long[MEMBERS];
        long[] responsibilities = new long[MEMBERS];
        for (int k = 0; k < MEMBERS; k++) {
            long mid = id("committee_member");
            members[k] = mid;
            String role = k == 0 ? "SECRETARY" : k == 1 ? "HEAD" : ROLES[1 + k % 4];
            String fullName = "Nguyễn Văn Bench " + (k + 1);
            String email = "bench" + sid + "-" + (k + 1) + "@thanhuy.vn";
            Long user = k == 0 && withBenchUser ? benchUser : null;
            batch("committee_member", "id, subcommittee_id, full_name, full_name_folded, position, organization, role, "
                    + "email, email_folded, phone, active, user_id, joined_on, left_on, head_key, search_text, "
                    + "created_at, updated_at, version")
                    .row(mid, sid, fullName, fold(fullName), "Ủy viên", "Văn phòng Thành ủy", role, email, fold(email),
                            null, true, user, null, null, "HEAD".equals(role) ? sid : null,
                            search(fullName, "Ủy viên", "Văn phòng Thành ủy", email), now, now, 0L);
            audit("member", mid, sid, "created");

            long rid = id("responsibility");
            responsibilities[k] = rid;
            String area = AREAS[k % AREAS.length];
            String section = "Báo cáo chính trị / Phần " + (k + 1);
            String title = "Số liệu, bảng biểu " + area + " " + (k + 1);
            batch("responsibility", "id, subcommittee_id, member_id, area, area_folded, document_section, section_folded, "
                    + "title, description, role, due_on, lead_key, search_text, created_at, updated_at, version")
                    .row(rid, sid, mid, area, fold(area), section, fold(section), title, null, "LEAD",
                            LocalDate.of(2020, 2, 22), sha256(fold(area) + '\u0000' + fold(section)),
                            search(title, area, section), now, now, 0L);
            audit("responsibility", rid, sid, "created");
        }

        long firstMilestone = 0;
        long firstSubmission = 0;
        long lastSubmission = 0;
        for (int m = 0; m < milestones; m++) {
            long mlid = id("milestone");
            firstMilestone = m == 0 ? mlid : firstMilestone;
            LocalDate dueOn = withSubmissions ? TODAY.plusDays(7L * (m - 25)) : TODAY.plusDays(30 + m / 10);
            String status = !withSubmissions ? "PLANNED" : pick("PLANNED", 40, "IN_PROGRESS", 30, "DONE", 20, "CANCELLED", 10);
            String title = "Mốc " + (m + 1) + ": số liệu, bảng biểu cho báo cáo chính trị";
            batch("milestone", "id, subcommittee_id, title, title_folded, description, due_on, status, completed_on, "
                    + "created_at, updated_at, version")
                    .row(mlid, sid, title, fold(title), null, dueOn, status, "DONE".equals(status) ? dueOn : null, now,
                            now, 0L);
            audit("milestone", mlid, sid, "created");
            for (int k = 0; k < MEMBERS; k++) {
                batch("milestone_responsibility", "milestone_id, responsibility_id").row(mlid, responsibilities[k]);
                if (withSubmissions) {
                    long s = submission(sid, mlid, responsibilities[k], dueOn, m, k);
                    firstSubmission = firstSubmission == 0 ? s : firstSubmission;
                    lastSubmission = s;
                }
            }
        }
        if (out != null) {
            String p = withSubmissions ? "MEASURED" : "WRITE";
            out.add(p + "_SID=" + sid);
            out.add(p + "_FIRST_MILESTONE=" + firstMilestone);
            out.add(p + "_MILESTONES=" + milestones);
            out.add(p + "_FIRST_RESPONSIBILITY=" + responsibilities[0]);
            out.add(p + "_RESPONSIBILITIES=" + MEMBERS);
            if (withSubmissions) {
                out.add(p + "_FIRST_SUBMISSION=" + firstSubmission);
                out.add(p + "_LAST_SUBMISSION=" + lastSubmission);
            }
        }
    }

    long submission(long sid, long milestone, long responsibility, LocalDate dueOn, int m, int k) throws SQLException {
        long id = id("submission");
        String status = pick("DRAFT", 25, "SUBMITTED", 30, "RETURNED", 10, "ACCEPTED", 35);
        boolean handedIn = !"DRAFT".equals(status);
        OffsetDateTime first = handedIn ? dueOn.atTime(10, 0).atOffset(ZoneOffset.ofHours(7)).minusDays(random.nextInt(10) - 3)
                .withOffsetSameInstant(ZoneOffset.UTC) : null;
        boolean late = handedIn && first.toLocalDate().isAfter(dueOn);
        String title = "Số liệu mốc " + (m + 1) + ", phần " + (k + 1);
        batch("submission", "id, subcommittee_id, milestone_id, responsibility_id, title, title_folded, content, status, "
                + "revision, first_submitted_at, submitted_at, late, return_reason, accepted_at, created_at, updated_at, version")
                .row(id, sid, milestone, responsibility, title, fold(title), CONTENT, status, 1, first, first, late,
                        "RETURNED".equals(status) ? "Bổ sung số liệu năm 2019." : null,
                        "ACCEPTED".equals(status) ? first.plusDays(1) : null, now, now, 0L);
        audit("submission", id, sid, "created");
        if (handedIn) {
            audit("submission", id, sid, "submitted");
            if (random.nextInt(10) == 0) {
                long cid = id("submission_comment");
                String disposition = "ACCEPTED".equals(status) ? pick("INCORPORATED", 60, "EXPLAINED", 20, "REJECTED", 20)
                        : pick("PENDING", 50, "INCORPORATED", 30, "EXPLAINED", 10, "REJECTED", 10);
                boolean disposed = !"PENDING".equals(disposition);
                batch("submission_comment", "id, submission_id, body, section, author_user_id, disposition, rationale, "
                        + "disposed_by_user_id, disposed_at, created_at, updated_at, version")
                        .row(cid, id, "Đề nghị bổ sung số liệu so sánh với nhiệm kỳ trước.", "Phần I", benchUser,
                                disposition, disposed && !"INCORPORATED".equals(disposition) ? "Đã giải trình." : null,
                                disposed ? benchUser : null, disposed ? now : null, now, now, 0L);
                audit("comment", cid, sid, "created");
            }
        }
        return id;
    }

    void audit(String type, long id, long sid, String action) throws SQLException {
        batch("audit_entry", "id, occurred_at, actor, action, entity_type, entity_id, subcommittee_id, changes")
                .row(id("audit_entry"), now, "bench-loader", action, type, id, sid, "[]");
    }

    /** A status from weighted choices. */
    String pick(Object... weighted) {
        int total = 0;
        for (int i = 1; i < weighted.length; i += 2) {
            total += (Integer) weighted[i];
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weighted.length; i += 2) {
            r -= (Integer) weighted[i + 1];
            if (r < 0) {
                return (String) weighted[i];
            }
        }
        throw new IllegalStateException();
    }

    long id(String table) {
        return next.merge(table, 1L, Long::sum) - 1;
    }

    Batch batch(String table, String columns) throws SQLException {
        Batch b = batches.get(table);
        if (b == null) {
            b = new Batch(table, columns);
            batches.put(table, b);
        }
        return b;
    }

    void flushIfBig() throws SQLException {
        if (batches.values().stream().mapToInt(b -> b.pending).sum() > 20_000) {
            flushAll();
            db.commit();
        }
    }

    /** In the order of the foreign keys. */
    void flushAll() throws SQLException {
        for (Batch b : batches.values()) {
            b.flush();
        }
    }

    void restartIdentities() throws SQLException {
        try (Statement s = db.createStatement()) {
            for (Map.Entry<String, Long> e : next.entrySet()) {
                s.execute(postgres
                        ? "select setval(pg_get_serial_sequence('" + e.getKey() + "', 'id'), " + e.getValue() + ", false)"
                        : "alter table " + e.getKey() + " alter column id restart with " + e.getValue());
            }
            if (postgres) {
                s.execute("analyze");
            }
        }
    }

    final class Batch {
        final PreparedStatement insert;
        int pending;

        Batch(String table, String columns) throws SQLException {
            int n = columns.split(",").length;
            insert = db.prepareStatement("insert into " + table + " (" + columns + ") values ("
                    + "?, ".repeat(n - 1) + "?)");
        }

        Batch row(Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.addBatch();
            if (++pending >= 1_000) {
                flushAll();
            }
            return this;
        }

        void flush() throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
                pending = 0;
            }
        }
    }

    static String fold(String text) {
        return TextFold.fold(text);
    }

    static String search(String... fields) {
        return TextFold.searchText(fields);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
