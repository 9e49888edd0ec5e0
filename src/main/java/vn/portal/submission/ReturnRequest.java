package vn.portal.submission;

import vn.portal.common.json.BodySpec;
import vn.portal.common.json.BodySpec.Field;

/** Returning a submission for revision, and why. */
public record ReturnRequest(String reason) {

    public static final BodySpec<ReturnRequest, Void> SPEC = BodySpec.named("SubmissionReturn")
            .field(Field.longText("reason", 20_000).required()
                    .example("Đề nghị bổ sung số liệu năm 2019 và làm rõ nguồn số liệu."))
            .creating(ReturnRequest.class, "SubmissionReturn");
}
