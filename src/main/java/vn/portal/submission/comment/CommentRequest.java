package vn.portal.submission.comment;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import vn.portal.common.json.BodySpec;
import vn.portal.common.json.BodySpec.Field;
import vn.portal.common.openapi.RequestSchemas;

/** A new comment on a submission; how it was dealt with is recorded later, by a {@link CommentPatch}. */
public record CommentRequest(String body, String section, Disposition disposition, String rationale) {

    static final String[] READ_ONLY = { "id", "submissionId", "authorUserId", "disposedByUserId", "disposedAt",
            "createdAt", "updatedAt", "version" };

    public static final BodySpec<CommentRequest, Void> SPEC = BodySpec.named("Comment")
            .field(Field.longText("body", 20_000).required()
                    .example("Đề nghị bổ sung số liệu về thu hút đầu tư nước ngoài năm 2019."))
            .field(Field.text("section").example("Phần I, mục 2"))
            .field(Field.enumOf("disposition", Disposition.class).defaulted().description("A new comment is PENDING"))
            .field(Field.longText("rationale", 20_000))
            .readOnly(READ_ONLY)
            .creating(CommentRequest.class, "CommentCreate");

    /** Contributes the comment's bodies to the contract. */
    @OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = 50)
    public static final class Schemas extends RequestSchemas implements OASFilter {
        public Schemas() {
            super(SPEC, CommentPatch.SPEC);
        }
    }
}
