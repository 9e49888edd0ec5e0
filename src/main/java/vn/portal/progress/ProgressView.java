package vn.portal.progress;

import java.time.LocalDate;
import java.util.List;
import vn.portal.common.concurrency.SingleResource;

/** Where a subcommittee's plan stands, in one call. */
public record ProgressView(Milestones milestones, Submissions submissions, Comments comments, List<Missing> missing)
        implements SingleResource {

    public record Milestones(long total, long planned, long inProgress, long done, long cancelled, long overdue,
            long dueWithin7Days) {
    }

    public record Submissions(long draft, long submitted, long returned, long accepted, long late) {
    }

    public record Comments(long pending, long incorporated, long explained, long rejected) {
    }

    /** An expected (milestone, responsibility) pair with no SUBMITTED or ACCEPTED submission. */
    public record Missing(long milestoneId, String milestoneTitle, LocalDate dueOn, boolean overdue,
            long responsibilityId, long memberId, String fullName, String area) {
    }
}
