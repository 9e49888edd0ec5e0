package vn.portal.submission.comment;

import vn.portal.common.json.BodySpec;
import vn.portal.common.json.BodySpec.Field;
import vn.portal.common.json.Patch;

/** How a comment was dealt with: its disposition and rationale (its body never changes after creation). */
public record CommentPatch(Patch<String> section, Patch<Disposition> disposition, Patch<String> rationale) {

    public static final BodySpec<Void, CommentPatch> SPEC = BodySpec.named("CommentDisposition")
            .field(Field.text("section"))
            .field(Field.enumOf("disposition", Disposition.class).defaulted()
                    .description("INCORPORATED, EXPLAINED or REJECTED; never back to PENDING").example("EXPLAINED"))
            .field(Field.longText("rationale", 20_000).description("Required for EXPLAINED and REJECTED")
                    .example("Số liệu năm 2019 chưa được Cục Thống kê công bố chính thức."))
            .readOnly(CommentRequest.READ_ONLY)
            .readOnly("body")
            .patching(CommentPatch.class, "CommentDispositionPatch");
}
