package vn.portal.submission;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import vn.portal.common.json.BodySpec;
import vn.portal.common.json.BodySpec.Field;
import vn.portal.common.json.NoFields;
import vn.portal.common.openapi.RequestSchemas;

/**
 * A new submission (DRAFT); {@link #SPEC} declares its body and that of its merge patch,
 * {@link SubmissionPatch}, and {@link #ACTION} the body of submit and accept.
 */
public record SubmissionRequest(Long responsibilityId, String title, String content) {

    public static final int MAX_CONTENT_BYTES = 1024 * 1024;

    public static final BodySpec<SubmissionRequest, SubmissionPatch> SPEC = BodySpec.named("Submission")
            .field(Field.id("responsibilityId").required()
                    .description("One of the milestone's responsibilityIds; one submission per (milestone, responsibility)"))
            .field(Field.text("title").required().example("Số liệu, bảng biểu khối kinh tế nhiệm kỳ 2015–2020"))
            .field(Field.longText("content", MAX_CONTENT_BYTES).maxUtf8Bytes(MAX_CONTENT_BYTES)
                    .example("Tăng trưởng GRDP bình quân 7,2%/năm; thu ngân sách vượt dự toán.")
                    .description("At most 1 MiB of UTF-8"))
            .readOnly("id", "milestoneId", "status", "revision", "firstSubmittedAt", "submittedAt", "late",
                    "returnReason", "acceptedAt", "attachments", "allowedActions", "createdAt", "updatedAt", "version")
            .binding(SubmissionRequest.class, SubmissionPatch.class);

    /** submit and accept take no fields; their body may be left out. */
    public static final BodySpec<NoFields, Void> ACTION = BodySpec.named("SubmissionAction")
            .creating(NoFields.class, "SubmissionAction");

    /** The request as the merge patch that applies it to a new submission. */
    SubmissionPatch asPatch() {
        return BodySpec.asPatch(this, SubmissionPatch.class);
    }

    /** Contributes the submission's bodies, and those of its actions, to the contract. */
    @OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = 60)
    public static final class Schemas extends RequestSchemas implements OASFilter {
        public Schemas() {
            super(SPEC, ACTION, ReturnRequest.SPEC);
        }
    }
}
