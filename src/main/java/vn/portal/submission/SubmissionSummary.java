package vn.portal.submission;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A submission in a list: everything but its content. */
@Schema(name = "SubmissionSummary")
public record SubmissionSummary(
        long id,
        long milestoneId,
        long responsibilityId,
        String title,
        SubmissionStatus status,
        int revision,
        @Schema(nullable = true) Instant firstSubmittedAt,
        @Schema(nullable = true) Instant submittedAt,
        boolean late,
        @Schema(nullable = true) String returnReason,
        @Schema(nullable = true) Instant acceptedAt,
        List<AttachmentView> attachments,
        List<String> allowedActions,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    static SubmissionSummary of(SubmissionView v) {
        return new SubmissionSummary(v.id(), v.milestoneId(), v.responsibilityId(), v.title(), v.status(), v.revision(),
                v.firstSubmittedAt(), v.submittedAt(), v.late(), v.returnReason(), v.acceptedAt(), v.attachments(),
                v.allowedActions(), v.createdAt(), v.updatedAt(), v.version());
    }
}
