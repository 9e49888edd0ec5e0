package vn.portal.submission.comment;

import vn.portal.common.json.BodySpec;
import vn.portal.common.json.BodySpec.Field;

/** A new comment, and how a comment's disposition is changed. */
public final class CommentRequest {

    private static final String[] READ_ONLY = { "id", "submissionId", "authorUserId", "disposedByUserId", "disposedAt",
            "createdAt", "updatedAt", "version" };

    public static final BodySpec CREATE = BodySpec.named("Comment")
            .field(Field.longText("body", 20_000).required()
                    .example("Đề nghị bổ sung số liệu về thu hút đầu tư nước ngoài năm 2019."))
            .field(Field.text("section").example("Phần I, mục 2"))
            .field(Field.enumOf("disposition", Disposition.class).defaulted().description("A new comment is PENDING"))
            .field(Field.longText("rationale", 20_000))
            .readOnly(READ_ONLY);

    /** The body of a comment never changes after creation. */
    public static final BodySpec PATCH = BodySpec.named("CommentDisposition")
            .field(Field.text("section"))
            .field(Field.enumOf("disposition", Disposition.class).defaulted()
                    .description("INCORPORATED, EXPLAINED or REJECTED; never back to PENDING").example("EXPLAINED"))
            .field(Field.longText("rationale", 20_000).description("Required for EXPLAINED and REJECTED")
                    .example("Số liệu năm 2019 chưa được Cục Thống kê công bố chính thức."))
            .readOnly(READ_ONLY)
            .readOnly("body");

    private CommentRequest() {
    }
}
