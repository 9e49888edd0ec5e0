package vn.portal.submission;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.portal.common.concurrency.SingleResource;

@Schema(name = "Submission")
public record SubmissionView(
        long id,
        long milestoneId,
        long responsibilityId,
        @Schema(example = "Số liệu, bảng biểu khối kinh tế nhiệm kỳ 2015–2020") String title,
        @Schema(example = "Tăng trưởng GRDP bình quân 7,2%/năm.", nullable = true) String content,
        SubmissionStatus status,
        @Schema(example = "1") int revision,
        @Schema(nullable = true) Instant firstSubmittedAt,
        @Schema(nullable = true) Instant submittedAt,
        @Schema(description = "Whether the first submit came after the end of the milestone's due day") boolean late,
        @Schema(nullable = true, example = "Đề nghị bổ sung số liệu năm 2019.") String returnReason,
        @Schema(nullable = true) Instant acceptedAt,
        List<AttachmentView> attachments,
        @Schema(description = "Of submit, return, accept, edit, delete, comment: what may be done now",
                examples = { "[\"return\", \"accept\", \"comment\"]" }) List<String> allowedActions,
        Instant createdAt,
        Instant updatedAt,
        long version) implements SingleResource {

    static SubmissionView of(Submission s, List<AttachmentView> attachments, List<String> allowedActions) {
        return new SubmissionView(s.id, s.milestoneId, s.responsibilityId, s.title, s.content, s.status, s.revision,
                s.firstSubmittedAt, s.submittedAt, s.late, s.returnReason, s.acceptedAt, attachments, allowedActions,
                s.createdAt, s.updatedAt, s.version);
    }
}
