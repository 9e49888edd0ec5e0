package vn.portal.session;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFilter;
import vn.portal.common.json.BodySpec;
import vn.portal.common.json.BodySpec.Field;
import vn.portal.common.openapi.RequestSchemas;
import vn.portal.responsibility.ResponsibilityRole;

/**
 * A new conclusion; {@link #SPEC} declares its body and that of its merge patch,
 * {@link ConclusionPatch}. Which of the fields after {@code agendaItemId} a conclusion takes
 * depends on its kind: TASK the responsibility's, MILESTONE the milestone's, ADOPTION the
 * document's; the service refuses the others.
 */
public record ConclusionRequest(ConclusionKind kind, String text, Long agendaItemId, Long memberId, String area,
        String documentSection, ResponsibilityRole role, String title, LocalDate dueOn, List<Long> responsibilityIds,
        Long documentId, Integer documentVersion) {

    public static final BodySpec<ConclusionRequest, ConclusionPatch> SPEC = BodySpec.named("Conclusion")
            .field(Field.enumOf("kind", ConclusionKind.class).required().example("TASK")
                    .description("INFORMATION, DECISION: nothing more; TASK: memberId, area, documentSection, role, "
                            + "title, dueOn (a responsibility); MILESTONE: title, dueOn, responsibilityIds (a plan "
                            + "milestone); ADOPTION: documentId, documentVersion (refused while the service holds no documents)"))
            .field(Field.longText("text", 20_000).required()
                    .example("Giao đồng chí phụ trách khối Kinh tế chủ trì số liệu, bảng biểu của báo cáo chính trị."))
            .field(Field.id("agendaItemId").description("An item of the same session's agenda"))
            .field(Field.id("memberId").description("TASK, required: a member of the subcommittee"))
            .field(Field.text("area").max(120).example("Kinh tế").description("TASK, required"))
            .field(Field.text("documentSection").example("Báo cáo chính trị / Phần I").description("TASK, required"))
            .field(Field.enumOf("role", ResponsibilityRole.class).example("LEAD").description("TASK: LEAD by default"))
            .field(Field.text("title").example("Số liệu, bảng biểu khối kinh tế")
                    .description("MILESTONE, required; TASK: the responsibility's title, the text's start by default"))
            .field(Field.date("dueOn").example("2020-02-22").description("MILESTONE, required; TASK"))
            .field(Field.ids("responsibilityIds").description("MILESTONE: responsibilities of the subcommittee expected "
                    + "to submit for it"))
            .field(Field.id("documentId").description("ADOPTION, required"))
            .field(Field.integer("documentVersion", 1, Integer.MAX_VALUE).description("ADOPTION, required"))
            .readOnly("id", "sessionId", "appliedEntityType", "appliedEntityId", "createdAt", "updatedAt", "version")
            .binding(ConclusionRequest.class, ConclusionPatch.class);

    ConclusionPatch asPatch() {
        return BodySpec.asPatch(this, ConclusionPatch.class);
    }

    /** Contributes the conclusion's bodies to the contract. */
    @OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = 28)
    public static final class Schemas extends RequestSchemas implements OASFilter {
        public Schemas() {
            super(SPEC);
        }
    }
}
