package vn.portal.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import vn.portal.access.Access;
import vn.portal.access.GlobalRole;
import vn.portal.common.config.PortalConfig;
import vn.portal.common.problem.ErrorCode;
import vn.portal.common.problem.ProblemException;
import vn.portal.common.time.DueDates;
import vn.portal.common.time.PortalClock;
import vn.portal.login.Logins;
import vn.portal.member.MemberRequest;
import vn.portal.member.MemberService;
import vn.portal.milestone.MilestoneRequest;
import vn.portal.milestone.MilestoneService;
import vn.portal.session.AgendaItemRequest;
import vn.portal.session.AgendaService;
import vn.portal.session.AttendanceStatus;
import vn.portal.session.ConclusionRequest;
import vn.portal.session.ConclusionService;
import vn.portal.session.SessionRequest;
import vn.portal.session.SessionService;
import vn.portal.subcommittee.SubcommitteeRepository;
import vn.portal.subcommittee.SubcommitteeRequest;
import vn.portal.subcommittee.SubcommitteeService;
import vn.portal.submission.ReturnRequest;
import vn.portal.submission.SubmissionRequest;
import vn.portal.submission.SubmissionService;
import vn.portal.submission.attachment.AttachmentService;
import vn.portal.submission.comment.CommentPatch;
import vn.portal.submission.comment.CommentRequest;
import vn.portal.submission.comment.CommentService;
import vn.portal.user.User;
import vn.portal.user.UserRepository;
import vn.portal.user.UserRequest;
import vn.portal.user.UserService;

/**
 * The news item's story: the Documents Subcommittee of the 25th City Party Congress at its first
 * session on 20 February 2020, replayed at the story's own dates. Loaded only when {@code portal.demo-data=true} (on in dev), through
 * the same services and checks as the API, in one transaction, and only once: a database that
 * already holds the subcommittee is left alone. Besides the head, the names are made up.
 *
 * <p>It brings one login per role, with the passwords of {@link #USERS} (documented in the README;
 * for trying the service, never for production): {@code admin} when the database has no user
 * yet, an auditor, the head, a deputy head, the secretary, a support-staff editor, a member in
 * charge of the economy's figures, and an outsider who belongs to no subcommittee. Each acts
 * in the story by their role.
 */
@ApplicationScoped
public class DemoData {

    public static final String CODE = "VK-DH25";

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final String POLITICAL_REPORT_DATA = "Báo cáo chính trị / Số liệu, bảng biểu";

    @Inject
    PortalConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    SubcommitteeRepository subcommitteeRepository;

    @Inject
    SubcommitteeService subcommittees;

    @Inject
    MemberService members;

    @Inject
    MilestoneService milestones;

    @Inject
    SubmissionService submissions;

    @Inject
    AttachmentService attachments;

    @Inject
    CommentService comments;

    @Inject
    SessionService sessions;

    @Inject
    AgendaService agenda;

    @Inject
    ConclusionService conclusions;

    @Inject
    PortalClock clock;

    @Inject
    UserService userService;

    @Inject
    UserRepository users;

    @Inject
    Logins logins;

    @Inject
    Access access;

    /** The demo logins: user name, password, global roles. Passwords follow the rule: 12 to 64 characters. */
    public static final List<String[]> USERS = List.of(
            new String[] { "admin", "admin-demo-2020", "ADMIN" },
            new String[] { "auditor", "auditor-demo-2020", "AUDITOR" },
            new String[] { "head", "head-demo-2020", "" },
            new String[] { "deputy", "deputy-demo-2020", "" },
            new String[] { "secretary", "secretary-demo-2020", "" },
            new String[] { "support", "support-demo-2020", "" },
            new String[] { "member", "member-demo-2020", "" },
            new String[] { "outsider", "outsider-demo-2020", "" });

    /** Before the first admin is made up: the story brings its own (see {@code AdminBootstrap}). */
    void onStart(@Observes @Priority(1000) StartupEvent event) {
        if (config.demoData()) {
            load();
        }
    }

    /** Loads the story unless it is there already; returns whether it loaded it now. */
    public boolean load() {
        try {
            boolean loaded = QuarkusTransaction.requiringNew().call(() -> {
                if (subcommitteeRepository.codeTaken(CODE.toLowerCase(java.util.Locale.ROOT), null)) {
                    return false;
                }
                userService.createFirstAdmin(USERS.get(0)[1]);
                User admin = users.byUsername("admin").filter(u -> u.roles().contains(GlobalRole.ADMIN))
                        .or(() -> users.find("storedRoles like '%ADMIN%' and active = true order by id")
                                .firstResultOptional())
                        .orElseThrow(() -> new IllegalStateException("no active ADMIN to load the demo data as"));
                access.actAs(logins.callerOf(admin), () -> {
                    loadStory();
                    return null;
                });
                return true;
            });
            LOG.infof(loaded ? "Demo data loaded (subcommittee %s)" : "Demo data already present (subcommittee %s)", CODE);
            return loaded;
        } catch (ProblemException e) {
            if (e.errorCode() == ErrorCode.CODE_TAKEN) {
                LOG.infof("Demo data was loaded by another instance (subcommittee %s)", CODE);
                return false;
            }
            throw e;
        }
    }

    private void loadStory() {
        at("2020-02-20T08:00", () -> loadFirstSession());
    }

    /**
     * The first session: its agenda (the regulation, the task assignment, the plan), attendance,
     * minutes and conclusions, closed at 11:30, which made the members' responsibilities and the
     * milestone due 2020-02-22; the rest of the plan and the submissions follow it.
     */
    private Void loadFirstSession() {
        Map<String, Long> logins = demoUsers();
        long sid = subcommittees.create(SubcommitteeRequest.SPEC.parseCreate(json(
                "code", CODE,
                "name", "Tiểu ban Văn kiện Đại hội đại biểu Đảng bộ Thành phố lần thứ XXV",
                "kind", "DOCUMENTS",
                "congress", "Đại hội đại biểu Đảng bộ Thành phố lần thứ XXV, nhiệm kỳ 2020–2025",
                "termStart", 2020, "termEnd", 2025,
                "description", "Phiên họp thứ nhất ngày 20/02/2020 thông qua Quy chế làm việc, phân công nhiệm vụ "
                        + "các thành viên và Kế hoạch xây dựng văn kiện Đại hội."))).id();

        long head = member(sid, "Vũ Văn Diện", "HEAD", "Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Thành ủy",
                "Thành ủy", "dien.vv@thanhuy.vn", logins.get("head"));
        long deputy = member(sid, "Trần Thị Thu Hà", "DEPUTY_HEAD", "Phó Bí thư Thường trực Thành ủy", "Thành ủy",
                "ha.ttt@thanhuy.vn", logins.get("deputy"));
        long secretary = member(sid, "Lê Minh Tuấn", "SECRETARY", "Chánh Văn phòng Thành ủy", "Văn phòng Thành ủy",
                "tuan.lm@thanhuy.vn", logins.get("secretary"));
        long editor = member(sid, "Phạm Thị Hồng Nhung", "SUPPORT_STAFF", "Tổ biên tập", "Văn phòng Thành ủy",
                "nhung.pth@thanhuy.vn", logins.get("support"));
        member(sid, "Đỗ Quang Vinh", "SUPPORT_STAFF", "Tổ biên tập", "Ban Tuyên giáo Thành ủy", "vinh.dq@thanhuy.vn");
        long economy = member(sid, "Nguyễn Văn Hùng", "MEMBER", "Phó Chủ tịch UBND thành phố", "UBND thành phố",
                "hung.nv@thanhuy.vn", logins.get("member"));
        long culture = member(sid, "Hoàng Thị Mai", "MEMBER", "Trưởng ban Tuyên giáo Thành ủy",
                "Ban Tuyên giáo Thành ủy", "mai.ht@thanhuy.vn");
        long party = member(sid, "Bùi Đức Thắng", "MEMBER", "Trưởng ban Tổ chức Thành ủy", "Ban Tổ chức Thành ủy",
                "thang.bd@thanhuy.vn");
        long defence = member(sid, "Đặng Văn Long", "MEMBER", "Chỉ huy trưởng Ban Chỉ huy Quân sự thành phố",
                "Ban Chỉ huy Quân sự thành phố", "long.dv@thanhuy.vn");
        long front = member(sid, "Ngô Thị Lan", "MEMBER", "Chủ tịch Ủy ban MTTQ Việt Nam thành phố",
                "Ủy ban MTTQ Việt Nam thành phố", "lan.nt@thanhuy.vn");

        long session = sessions.create(sid, SessionRequest.SPEC.parseCreate(json(
                "title", "Phiên họp thứ nhất của Tiểu ban Văn kiện",
                "startsAt", "2020-02-20T08:00:00+07:00", "endsAt", "2020-02-20T11:30:00+07:00",
                "location", "Hội trường Thành ủy"))).id();
        long regulation = agendaItem(session, "Thảo luận, thông qua Quy chế làm việc của Tiểu ban", deputy, 45);
        long assignment = agendaItem(session, "Phân công nhiệm vụ các thành viên Tiểu ban", secretary, 60);
        long plan = agendaItem(session, "Thông qua Kế hoạch xây dựng văn kiện Đại hội", editor, 60);
        sessions.start(session, null);
        for (long present : List.of(head, deputy, secretary, editor, economy, culture, party, defence)) {
            sessions.attend(session, present, new SessionRequest.AttendanceRequest(AttendanceStatus.PRESENT, null), null);
        }
        sessions.attend(session, front, new SessionRequest.AttendanceRequest(AttendanceStatus.EXCUSED,
                "Đi công tác, gửi ý kiến bằng văn bản."), null);
        conclusion(session, json("kind", "DECISION", "agendaItemId", regulation, "text", "Thông qua Quy chế làm việc "
                + "của Tiểu ban. Giao bộ phận giúp việc tiếp thu đầy đủ các ý kiến, sớm hoàn thiện Quy chế."));
        long economyData = task(session, assignment, economy, "Kinh tế", POLITICAL_REPORT_DATA,
                "Số liệu, bảng biểu khối kinh tế", "LEAD", "2020-02-22");
        long cultureData = task(session, assignment, culture, "Văn hóa – Xã hội", POLITICAL_REPORT_DATA,
                "Số liệu, bảng biểu khối văn hóa – xã hội", "LEAD", "2020-02-22");
        task(session, assignment, front, "Văn hóa – Xã hội", POLITICAL_REPORT_DATA,
                "Phối hợp số liệu an sinh xã hội", "SUPPORT", "2020-02-22");
        long partyData = task(session, assignment, party, "Xây dựng Đảng, hệ thống chính trị", POLITICAL_REPORT_DATA,
                "Số liệu, bảng biểu công tác xây dựng Đảng", "LEAD", "2020-02-22");
        long defenceData = task(session, assignment, defence, "Quốc phòng – An ninh", POLITICAL_REPORT_DATA,
                "Số liệu, bảng biểu quốc phòng – an ninh", "LEAD", "2020-02-22");
        long draft = task(session, assignment, editor, "Tổng hợp", "Báo cáo chính trị / Dự thảo",
                "Chấp bút dự thảo báo cáo chính trị", "LEAD", null);
        task(session, assignment, secretary, "Tổng hợp", "Báo cáo chính trị / Dự thảo",
                "Tổng hợp ý kiến góp ý của các đại biểu", "SUPPORT", null);
        task(session, assignment, deputy, "Tổng hợp", "Quy chế làm việc và Kế hoạch", "Hoàn thiện Quy chế làm việc và Kế hoạch",
                "LEAD", "2020-02-25");
        // the self-review nobody leads yet: the matrix shows it as a section without a lead
        task(session, assignment, head, "Tổng hợp", "Báo cáo kiểm điểm của Ban Chấp hành",
                "Chỉ đạo xây dựng báo cáo kiểm điểm", "SUPPORT", null);
        long figuresConclusion = conclusion(session, json("kind", "MILESTONE", "agendaItemId", plan,
                "text", "Chậm nhất ngày 22/02/2020, các khối ngành, lĩnh vực hoàn thành số liệu, bảng biểu cho báo cáo chính trị.",
                "title", "Các khối ngành, lĩnh vực hoàn thành số liệu, bảng biểu cho báo cáo chính trị",
                "dueOn", "2020-02-22"));
        conclusion(session, json("kind", "DECISION", "agendaItemId", plan, "text", "Thông qua Kế hoạch xây dựng văn kiện "
                + "Đại hội. Đề nghị các thành viên bảo đảm tiến độ, chất lượng, tăng cường phối hợp giữa các đơn vị để "
                + "hạn chế chồng chéo, trùng lặp."));
        sessions.update(session, SessionRequest.SPEC.parsePatch(json("minutes", "Biên bản phiên họp thứ nhất, ngày "
                + "20/02/2020. Đồng chí Trưởng Tiểu ban chủ trì. Tiểu ban đã thảo luận, thông qua Quy chế làm việc, "
                + "phân công nhiệm vụ các thành viên và thông qua Kế hoạch xây dựng văn kiện Đại hội.")), null);
        milestone(sid, "Thông qua Quy chế làm việc và Kế hoạch xây dựng văn kiện", "2020-02-20", "DONE", List.of());
        at("2020-02-20T11:30", () -> sessions.close(session, null));
        economyData = applied(economyData);
        cultureData = applied(cultureData);
        partyData = applied(partyData);
        defenceData = applied(defenceData);
        draft = applied(draft);
        long figures = applied(figuresConclusion);
        milestones.update(figures, MilestoneRequest.SPEC.parsePatch(json("status", "IN_PROGRESS",
                "responsibilityIds", List.of(economyData, cultureData, partyData, defenceData))), null);
        milestone(sid, "Dự thảo 1 báo cáo chính trị", "2020-03-16", "PLANNED", List.of(draft));
        milestone(sid, "Lấy ý kiến góp ý dự thảo 1", "2020-04-10", "PLANNED", List.of(draft));
        milestone(sid, "Dự thảo 2 báo cáo chính trị", "2020-05-15", "PLANNED", List.of(draft));
        loadSubmissions(figures, economyData, cultureData, partyData, defenceData);
        return null;
    }

    /**
     * The sectors' figures and tables, due 2020-02-22: the economy's handed in on time and
     * accepted; culture and society's on time, commented on and returned, each comment dealt with
     * in one of the three ways; party building's still a draft; defence and security's late, with
     * a comment still pending.
     */
    private void loadSubmissions(long figures, long economyData, long cultureData, long partyData, long defenceData) {
        long economy = as("member", () -> submission(figures, economyData, "Số liệu, bảng biểu khối kinh tế 2015–2020",
                "Tăng trưởng GRDP bình quân 7,2%/năm; thu ngân sách năm 2019 vượt 8% dự toán."));
        as("member", () -> attach(economy, "Số liệu kinh tế 2015–2019.csv", """
                Chỉ tiêu,2015,2016,2017,2018,2019
                Tăng trưởng GRDP (%),6.8,7.0,7.1,7.4,7.6
                Thu ngân sách (tỷ đồng),4120,4385,4710,5032,5468
                Vốn đầu tư toàn xã hội (tỷ đồng),15200,16350,17800,19420,21050
                """));
        at("2020-02-21T10:00", () -> as("member", () -> submissions.submit(economy, null)));
        at("2020-02-24T15:00", () -> as("head", () -> submissions.accept(economy, null)));

        long culture = submission(figures, cultureData, "Số liệu, bảng biểu khối văn hóa – xã hội",
                "Tỷ lệ hộ nghèo giảm còn 1,2%; 100% xã đạt chuẩn quốc gia về y tế.");
        attach(culture, "Bảng biểu văn hóa – xã hội.csv", """
                Chỉ tiêu,2015,2019
                Tỷ lệ hộ nghèo (%),3.5,1.2
                Số trường đạt chuẩn quốc gia,112,158
                """);
        at("2020-02-22T16:30", () -> submissions.submit(culture, null));
        at("2020-02-23T09:00", () -> as("secretary", () -> {
            long incorporated = comment(culture, "Đề nghị bổ sung số liệu lao động có việc làm mới.", "Mục 2");
            long explained = comment(culture, "Vì sao tỷ lệ hộ nghèo năm 2017 tăng so với năm 2016?", "Mục 3");
            long rejected = comment(culture, "Đề nghị đưa thêm số liệu toàn tỉnh để so sánh.", null);
            dispose(incorporated, "INCORPORATED", null);
            dispose(explained, "EXPLAINED", "Năm 2017 áp dụng chuẩn nghèo đa chiều mới nên số hộ nghèo tăng.");
            dispose(rejected, "REJECTED", "Báo cáo chính trị của Thành phố chỉ dùng số liệu của Thành phố.");
            return submissions.returnForRevision(culture,
                    new ReturnRequest("Đề nghị bổ sung số liệu lao động, việc làm theo các ý kiến đã tiếp thu."), null);
        }));

        long party = submission(figures, partyData, "Số liệu, bảng biểu công tác xây dựng Đảng",
                "Đang tổng hợp số liệu kết nạp đảng viên mới từ các đảng bộ trực thuộc.");
        attach(party, "Dự kiến bảng biểu xây dựng Đảng.csv", "Chỉ tiêu,2015,2019\nKết nạp đảng viên mới,412,\n");

        long defence = submission(figures, defenceData, "Số liệu, bảng biểu quốc phòng – an ninh",
                "Hoàn thành 100% chỉ tiêu tuyển quân các năm 2015–2019.");
        at("2020-02-24T09:15", () -> submissions.submit(defence, null));
        at("2020-02-25T08:00", () -> as("deputy", () -> comment(defence, "Đề nghị làm rõ số liệu diễn tập khu vực phòng thủ năm 2019.", null)));
    }

    private long submission(long milestoneId, long responsibilityId, String title, String content) {
        return submissions.create(milestoneId, SubmissionRequest.SPEC.parseCreate(json("responsibilityId",
                responsibilityId, "title", title, "content", content))).id();
    }

    private Void attach(long submissionId, String fileName, String text) {
        try {
            Path file = Files.createTempFile("demo-", ".csv");
            try {
                Files.writeString(file, text, StandardCharsets.UTF_8);
                attachments.upload(submissionId, file, fileName);
                return null;
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long comment(long submissionId, String body, String section) {
        return comments.create(submissionId, CommentRequest.SPEC.parseCreate(json("body", body, "section", section))).id();
    }

    private void dispose(long commentId, String disposition, String rationale) {
        comments.update(commentId, CommentPatch.SPEC.parsePatch(json("disposition", disposition, "rationale", rationale)),
                null);
    }

    /** Runs part of the story at its moment, a local time in Vietnam. */
    private <T> T at(String localDateTime, java.util.function.Supplier<T> work) {
        return clock.replayAt(LocalDateTime.parse(localDateTime).atZone(DueDates.ZONE).toInstant(), work);
    }

    private long member(long sid, String fullName, String role, String position, String organization, String email) {
        return member(sid, fullName, role, position, organization, email, null);
    }

    private long member(long sid, String fullName, String role, String position, String organization, String email,
            Long userId) {
        return members.create(sid, MemberRequest.SPEC.parseCreate(json("fullName", fullName, "role", role,
                "position", position, "organization", organization, "email", email, "joinedOn", "2020-02-20",
                "userId", userId))).id();
    }

    /** Creates the demo logins that do not exist yet; returns every one's id by user name. */
    private Map<String, Long> demoUsers() {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (String[] user : USERS) {
            long id = users.byUsername(user[0]).map(u -> u.id).orElseGet(() -> userService.create(UserRequest.SPEC
                    .parseCreate(json("username", user[0], "displayName", displayName(user[0]), "password", user[1],
                            "roles", user[2].isEmpty() ? List.of() : List.of(user[2])))).id());
            ids.put(user[0], id);
        }
        return ids;
    }

    private static String displayName(String username) {
        return switch (username) {
            case "head" -> "Vũ Văn Diện";
            case "deputy" -> "Trần Thị Thu Hà";
            case "secretary" -> "Lê Minh Tuấn";
            case "support" -> "Phạm Thị Hồng Nhung";
            case "member" -> "Nguyễn Văn Hùng";
            case "outsider" -> "Người ngoài Tiểu ban";
            case "auditor" -> "Kiểm tra viên";
            default -> "Quản trị hệ thống";
        };
    }

    /** Runs part of the story as one of its people. */
    private <T> T as(String username, java.util.function.Supplier<T> work) {
        return access.actAs(logins.callerOf(users.byUsername(username).orElseThrow()), work);
    }

    private long agendaItem(long session, String title, long presenter, int minutes) {
        return agenda.create(session, AgendaItemRequest.SPEC.parseCreate(json("title", title,
                "presenterMemberId", presenter, "durationMinutes", minutes))).id();
    }

    private long conclusion(long session, JsonNode body) {
        return conclusions.create(session, ConclusionRequest.SPEC.parseCreate(body)).id();
    }

    /** A TASK conclusion: the responsibility it becomes when the session closes. */
    private long task(long session, long agendaItem, long memberId, String area, String section, String title,
            String role, String dueOn) {
        return conclusion(session, json("kind", "TASK", "agendaItemId", agendaItem, "text", "Giao chủ trì: " + title,
                "memberId", memberId, "area", area, "documentSection", section, "title", title, "role", role,
                "dueOn", dueOn));
    }

    /** What closing the session made of a conclusion. */
    private long applied(long conclusion) {
        return conclusions.get(conclusion).appliedEntityId();
    }

    private long milestone(long sid, String title, String dueOn, String status, List<Long> responsibilityIds) {
        return milestones.create(sid, MilestoneRequest.SPEC.parseCreate(json("title", title, "dueOn", dueOn,
                "status", status, "responsibilityIds", responsibilityIds))).id();
    }

    private JsonNode json(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                body.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return mapper.valueToTree(body);
    }
}
