package vn.portal.progress;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.portal.common.concurrency.SingleResource;

/**
 * Where a subcommittee's plan stands, in one call. It is polled by every open dashboard, so it
 * stays small: {@code missing} holds the first {@value #MISSING_SHOWN} pairs and {@code missingTotal}
 * counts them all (the whole list is paged at {@code …/missing-submissions}).
 */
public record ProgressView(Milestones milestones, Submissions submissions, Comments comments,
        @Schema(description = "The first " + MISSING_SHOWN + " missing pairs, by dueOn, milestoneId, responsibilityId; "
                + "all of them are at GET /api/v1/subcommittees/{sid}/missing-submissions") List<Missing> missing,
        @Schema(description = "How many missing pairs there are, shown in missing or not") long missingTotal)
        implements SingleResource {

    public static final int MISSING_SHOWN = 100;

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
