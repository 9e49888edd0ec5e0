package vn.portal.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import vn.portal.common.config.PortalConfig;
import vn.portal.common.problem.ProblemException;
import vn.portal.member.MemberRequest;
import vn.portal.member.MemberService;
import vn.portal.milestone.MilestoneRequest;
import vn.portal.milestone.MilestoneService;
import vn.portal.responsibility.ResponsibilityRequest;
import vn.portal.responsibility.ResponsibilityService;
import vn.portal.subcommittee.SubcommitteeRepository;
import vn.portal.subcommittee.SubcommitteeRequest;
import vn.portal.subcommittee.SubcommitteeService;

/**
 * The news item's story: the Documents Subcommittee of the 25th City Party Congress at its first
 * session on 20 February 2020. Loaded only when {@code portal.demo-data=true} (on in dev), through
 * the same services and checks as the API, in one transaction, and only once: a database that
 * already holds the subcommittee is left alone. Besides the head, the names are made up.
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
    ResponsibilityService responsibilities;

    @Inject
    MilestoneService milestones;

    void onStart(@Observes StartupEvent event) {
        if (config.demoData()) {
            load();
        }
    }

    /** Loads the story unless it is there already; returns whether it loaded it now. */
    public boolean load() {
        try {
            boolean loaded = QuarkusTransaction.requiringNew().call(() -> {
                if (subcommitteeRepository.codeTaken(CODE.toLowerCase(java.util.Locale.ROOT))) {
                    return false;
                }
                loadStory();
                return true;
            });
            LOG.infof(loaded ? "Demo data loaded (subcommittee %s)" : "Demo data already present (subcommittee %s)", CODE);
            return loaded;
        } catch (ProblemException e) {
            if ("CODE_TAKEN".equals(e.code())) {
                LOG.infof("Demo data was loaded by another instance (subcommittee %s)", CODE);
                return false;
            }
            throw e;
        }
    }

    private void loadStory() {
        long sid = subcommittees.create(SubcommitteeRequest.SPEC.parseCreate(json(
                "code", CODE,
                "name", "Tiểu ban Văn kiện Đại hội đại biểu Đảng bộ Thành phố lần thứ XXV",
                "kind", "DOCUMENTS",
                "congress", "Đại hội đại biểu Đảng bộ Thành phố lần thứ XXV, nhiệm kỳ 2020–2025",
                "termStart", 2020, "termEnd", 2025,
                "description", "Phiên họp thứ nhất ngày 20/02/2020 thông qua Quy chế làm việc, phân công nhiệm vụ "
                        + "các thành viên và Kế hoạch xây dựng văn kiện Đại hội."))).id();

        long head = member(sid, "Vũ Văn Diện", "HEAD", "Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Thành ủy",
                "Thành ủy", "dien.vv@thanhuy.vn");
        long deputy = member(sid, "Trần Thị Thu Hà", "DEPUTY_HEAD", "Phó Bí thư Thường trực Thành ủy", "Thành ủy",
                "ha.ttt@thanhuy.vn");
        long secretary = member(sid, "Lê Minh Tuấn", "SECRETARY", "Chánh Văn phòng Thành ủy", "Văn phòng Thành ủy",
                "tuan.lm@thanhuy.vn");
        long editor = member(sid, "Phạm Thị Hồng Nhung", "SUPPORT_STAFF", "Tổ biên tập", "Văn phòng Thành ủy",
                "nhung.pth@thanhuy.vn");
        member(sid, "Đỗ Quang Vinh", "SUPPORT_STAFF", "Tổ biên tập", "Ban Tuyên giáo Thành ủy", "vinh.dq@thanhuy.vn");
        long economy = member(sid, "Nguyễn Văn Hùng", "MEMBER", "Phó Chủ tịch UBND thành phố", "UBND thành phố",
                "hung.nv@thanhuy.vn");
        long culture = member(sid, "Hoàng Thị Mai", "MEMBER", "Trưởng ban Tuyên giáo Thành ủy",
                "Ban Tuyên giáo Thành ủy", "mai.ht@thanhuy.vn");
        long party = member(sid, "Bùi Đức Thắng", "MEMBER", "Trưởng ban Tổ chức Thành ủy", "Ban Tổ chức Thành ủy",
                "thang.bd@thanhuy.vn");
        long defence = member(sid, "Đặng Văn Long", "MEMBER", "Chỉ huy trưởng Ban Chỉ huy Quân sự thành phố",
                "Ban Chỉ huy Quân sự thành phố", "long.dv@thanhuy.vn");
        long front = member(sid, "Ngô Thị Lan", "MEMBER", "Chủ tịch Ủy ban MTTQ Việt Nam thành phố",
                "Ủy ban MTTQ Việt Nam thành phố", "lan.nt@thanhuy.vn");

        long economyData = responsibility(sid, economy, "Kinh tế", POLITICAL_REPORT_DATA,
                "Số liệu, bảng biểu khối kinh tế", "LEAD", "2020-02-22");
        long cultureData = responsibility(sid, culture, "Văn hóa – Xã hội", POLITICAL_REPORT_DATA,
                "Số liệu, bảng biểu khối văn hóa – xã hội", "LEAD", "2020-02-22");
        responsibility(sid, front, "Văn hóa – Xã hội", POLITICAL_REPORT_DATA,
                "Phối hợp số liệu an sinh xã hội", "SUPPORT", "2020-02-22");
        long partyData = responsibility(sid, party, "Xây dựng Đảng, hệ thống chính trị", POLITICAL_REPORT_DATA,
                "Số liệu, bảng biểu công tác xây dựng Đảng", "LEAD", "2020-02-22");
        long defenceData = responsibility(sid, defence, "Quốc phòng – An ninh", POLITICAL_REPORT_DATA,
                "Số liệu, bảng biểu quốc phòng – an ninh", "LEAD", "2020-02-22");
        long draft = responsibility(sid, editor, "Tổng hợp", "Báo cáo chính trị / Dự thảo",
                "Chấp bút dự thảo báo cáo chính trị", "LEAD", null);
        responsibility(sid, secretary, "Tổng hợp", "Báo cáo chính trị / Dự thảo",
                "Tổng hợp ý kiến góp ý của các đại biểu", "SUPPORT", null);
        responsibility(sid, deputy, "Tổng hợp", "Quy chế làm việc và Kế hoạch", "Hoàn thiện Quy chế làm việc và Kế hoạch",
                "LEAD", "2020-02-25");
        // the self-review nobody leads yet: the matrix shows it as a section without a lead
        responsibility(sid, head, "Tổng hợp", "Báo cáo kiểm điểm của Ban Chấp hành",
                "Chỉ đạo xây dựng báo cáo kiểm điểm", "SUPPORT", null);

        milestone(sid, "Thông qua Quy chế làm việc và Kế hoạch xây dựng văn kiện", "2020-02-20", "DONE", List.of());
        milestone(sid, "Các khối ngành, lĩnh vực hoàn thành số liệu, bảng biểu cho báo cáo chính trị", "2020-02-22",
                "IN_PROGRESS", List.of(economyData, cultureData, partyData, defenceData));
        milestone(sid, "Dự thảo 1 báo cáo chính trị", "2020-03-16", "PLANNED", List.of(draft));
        milestone(sid, "Lấy ý kiến góp ý dự thảo 1", "2020-04-10", "PLANNED", List.of(draft));
        milestone(sid, "Dự thảo 2 báo cáo chính trị", "2020-05-15", "PLANNED", List.of(draft));
    }

    private long member(long sid, String fullName, String role, String position, String organization, String email) {
        return members.create(sid, MemberRequest.SPEC.parseCreate(json("fullName", fullName, "role", role,
                "position", position, "organization", organization, "email", email, "joinedOn", "2020-02-20"))).id();
    }

    private long responsibility(long sid, long memberId, String area, String section, String title, String role,
            String dueOn) {
        return responsibilities.create(sid, ResponsibilityRequest.SPEC.parseCreate(json("memberId", memberId,
                "area", area, "documentSection", section, "title", title, "role", role, "dueOn", dueOn))).id();
    }

    private void milestone(long sid, String title, String dueOn, String status, List<Long> responsibilityIds) {
        milestones.create(sid, MilestoneRequest.SPEC.parseCreate(json("title", title, "dueOn", dueOn,
                "status", status, "responsibilityIds", responsibilityIds)));
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
