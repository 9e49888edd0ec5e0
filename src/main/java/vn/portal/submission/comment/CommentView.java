package vn.portal.submission.comment;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.portal.common.concurrency.SingleResource;

@Schema(name = "Comment")
public record CommentView(
        long id,
        long submissionId,
        @Schema(example = "Đề nghị bổ sung số liệu về thu hút đầu tư nước ngoài năm 2019.") String body,
        @Schema(example = "Phần I, mục 2", nullable = true) String section,
        @Schema(nullable = true, description = "Who wrote it (filled once logins exist)") Long authorUserId,
        Disposition disposition,
        @Schema(nullable = true) String rationale,
        @Schema(nullable = true) Long disposedByUserId,
        @Schema(nullable = true) Instant disposedAt,
        Instant createdAt,
        Instant updatedAt,
        long version) implements SingleResource {

    static CommentView of(Comment c) {
        return new CommentView(c.id, c.submissionId, c.body, c.section, c.authorUserId, c.disposition, c.rationale,
                c.disposedByUserId, c.disposedAt, c.createdAt, c.updatedAt, c.version);
    }
}
