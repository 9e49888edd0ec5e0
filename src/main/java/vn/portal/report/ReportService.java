package vn.portal.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import vn.portal.access.Access;
import vn.portal.access.Caller;
import vn.portal.common.paging.PageView;
import vn.portal.common.paging.SortFields;
import vn.portal.common.time.PortalClock;
import vn.portal.member.MemberFilter;
import vn.portal.member.MemberService;
import vn.portal.milestone.MilestoneFilter;
import vn.portal.milestone.MilestoneService;
import vn.portal.milestone.MilestoneView;
import vn.portal.progress.MissingFilter;
import vn.portal.progress.ProgressService;
import vn.portal.responsibility.ResponsibilityFilter;
import vn.portal.responsibility.ResponsibilityService;
import vn.portal.subcommittee.SubcommitteeService;
import vn.portal.submission.SubmissionFilter;
import vn.portal.submission.SubmissionService;
import vn.portal.submission.comment.CommentService;

/**
 * The subcommittee's lists as a workbook and its plan as a picture. Both read through the lists'
 * own services, so they show exactly the rows, in the order, that the API lists do, a batch at a
 * time: one batch is one transaction, and the workbook's rows leave memory as they are flushed.
 */
@ApplicationScoped
public class ReportService {

    /** Rows read per query. */
    static final int BATCH = 200;

    @Inject
    SubcommitteeService subcommittees;

    @Inject
    MilestoneService milestones;

    @Inject
    MemberService members;

    @Inject
    ResponsibilityService responsibilities;

    @Inject
    SubmissionService submissions;

    @Inject
    ProgressService progress;

    @Inject
    CommentService comments;

    @Inject
    Access access;

    @Inject
    PortalClock clock;

    /** Checks that the caller may read the subcommittee (404 otherwise) before anything is sent. */
    @Transactional
    public Caller requireReader(long subcommitteeId) {
        subcommittees.require(subcommitteeId);
        return access.caller();
    }

    /** Writes the workbook, reading as {@code caller} (the writing may run after the request's method returned). */
    public void writeReport(long sid, Caller caller, OutputStream out) {
        access.actAs(caller, () -> {
            try (Spreadsheet book = new Spreadsheet()) {
                fill(book, sid);
                book.write(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    private void fill(Spreadsheet book, long sid) {
        Spreadsheet.Tab plan = book.sheet("Milestones", List.of("ID", "Tiêu đề", "Mô tả", "Hạn", "Trạng thái",
                "Hoàn thành ngày", "Quá hạn", "Phân công dự kiến", "Số phân công", "Tạo lúc", "Cập nhật lúc"));
        each(page -> milestones.list(sid, new MilestoneFilter(null, null, null, null, null),
                MilestoneService.SORT.batch(page, BATCH)), m -> plan.row(m.id(), m.title(), m.description(), m.dueOn(),
                        m.status(), m.completedOn(), m.overdue(), ids(m.responsibilityIds()),
                        m.responsibilityIds().size(), m.createdAt(), m.updatedAt()));
        plan.fit();

        // a subcommittee has tens of members, not thousands: their names are held while its tasks are written
        Map<Long, String> names = new HashMap<>();
        each(page -> members.list(sid, new MemberFilter(null, null, null), MemberService.SORT.batch(page, BATCH)),
                m -> names.put(m.id(), m.fullName()));
        Spreadsheet.Tab tasks = book.sheet("Responsibilities", List.of("ID", "Thành viên (ID)", "Họ và tên",
                "Khối ngành, lĩnh vực", "Phần văn kiện", "Tiêu đề", "Mô tả", "Vai trò", "Hạn", "Tạo lúc",
                "Cập nhật lúc"));
        each(page -> responsibilities.list(sid, new ResponsibilityFilter(null, null, null, null),
                ResponsibilityService.SORT.batch(page, BATCH)), r -> tasks.row(r.id(), r.memberId(),
                        names.get(r.memberId()), r.area(), r.documentSection(), r.title(), r.description(), r.role(),
                        r.dueOn(), r.createdAt(), r.updatedAt()));
        tasks.fit();

        Spreadsheet.Tab handedIn = book.sheet("Submissions", List.of("ID", "Mốc (ID)", "Phân công (ID)", "Tiêu đề",
                "Trạng thái", "Lần nộp", "Nộp lần đầu lúc", "Nộp gần nhất lúc", "Nộp muộn", "Lý do trả lại",
                "Chấp nhận lúc", "Số tệp đính kèm", "Tạo lúc", "Cập nhật lúc"));
        each(page -> submissions.list(new SubmissionFilter(sid, null, null, null, null, null, null),
                SubmissionService.SORT.batch(page, BATCH)), s -> handedIn.row(s.id(), s.milestoneId(),
                        s.responsibilityId(), s.title(), s.status(), s.revision(), s.firstSubmittedAt(),
                        s.submittedAt(), s.late(), s.returnReason(), s.acceptedAt(), s.attachments().size(),
                        s.createdAt(), s.updatedAt()));
        handedIn.fit();

        Spreadsheet.Tab missing = book.sheet("Missing submissions", List.of("Mốc (ID)", "Mốc", "Hạn", "Quá hạn",
                "Phân công (ID)", "Thành viên (ID)", "Họ và tên", "Khối ngành, lĩnh vực"));
        each(page -> progress.missing(sid, MissingFilter.NONE, SortFields.byId().batch(page, BATCH)),
                m -> missing.row(m.milestoneId(), m.milestoneTitle(), m.dueOn(), m.overdue(), m.responsibilityId(),
                        m.memberId(), m.fullName(), m.area()));
        missing.fit();

        Spreadsheet.Tab remarks = book.sheet("Comments", List.of("ID", "Hồ sơ nộp (ID)", "Mục", "Nội dung",
                "Người góp ý (ID)", "Xử lý", "Giải trình", "Người xử lý (ID)", "Xử lý lúc", "Tạo lúc", "Cập nhật lúc"));
        each(page -> comments.listInSubcommittee(sid, CommentService.SORT.batch(page, BATCH)), c -> remarks.row(c.id(),
                c.submissionId(), c.section(), c.body(), c.authorUserId(), c.disposition(), c.rationale(),
                c.disposedByUserId(), c.disposedAt(), c.createdAt(), c.updatedAt()));
        remarks.fit();
    }

    /** The milestones due within the axis the timeline draws, with today; 404 when the caller may not read. */
    @Transactional
    public Timeline timeline(long sid, LocalDate from, LocalDate to) {
        String name = subcommittees.require(sid).name;
        List<MilestoneView> plan = new ArrayList<>();
        each(page -> milestones.list(sid, new MilestoneFilter(null, null, from, to, null),
                MilestoneService.SORT.batch(page, BATCH)), plan::add);
        return new Timeline(plan, clock.today(), from, to, name);
    }

    /** Reads a list a batch at a time until a batch comes back short. */
    private static <T> void each(IntFunction<PageView<T>> batch, Consumer<T> row) {
        for (int page = 0;; page++) {
            List<T> items = batch.apply(page).items();
            items.forEach(row);
            if (items.size() < BATCH) {
                return;
            }
        }
    }

    private static String ids(List<Long> ids) {
        return ids.isEmpty() ? null : ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
