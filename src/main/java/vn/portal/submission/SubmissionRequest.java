package vn.portal.submission;

import vn.portal.common.json.BodySpec;
import vn.portal.common.json.BodySpec.Field;

/** The bodies of a submission's create and merge-patch, and of its actions. */
public final class SubmissionRequest {

    public static final int MAX_CONTENT_BYTES = 1024 * 1024;

    public static final BodySpec SPEC = BodySpec.named("Submission")
            .field(Field.id("responsibilityId").required()
                    .description("One of the milestone's responsibilityIds; one submission per (milestone, responsibility)"))
            .field(Field.text("title").required().example("Số liệu, bảng biểu khối kinh tế nhiệm kỳ 2015–2020"))
            .field(Field.longText("content", MAX_CONTENT_BYTES).maxUtf8Bytes(MAX_CONTENT_BYTES)
                    .example("Tăng trưởng GRDP bình quân 7,2%/năm; thu ngân sách vượt dự toán.")
                    .description("At most 1 MiB of UTF-8"))
            .readOnly("id", "milestoneId", "status", "revision", "firstSubmittedAt", "submittedAt", "late",
                    "returnReason", "acceptedAt", "attachments", "allowedActions", "createdAt", "updatedAt", "version");

    /** submit and accept take no fields; their body may be left out. */
    public static final BodySpec ACTION = BodySpec.named("SubmissionAction");

    public static final BodySpec RETURN = BodySpec.named("SubmissionReturn")
            .field(Field.longText("reason", 20_000).required()
                    .example("Đề nghị bổ sung số liệu năm 2019 và làm rõ nguồn số liệu."));

    private SubmissionRequest() {
    }
}
