package vn.portal.responsibility;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.OASFilter;
import vn.portal.common.json.BodySpec;
import vn.portal.common.json.BodySpec.Field;
import vn.portal.common.openapi.RequestSchemas;

/** A new responsibility (a task assigned to a member); {@link #SPEC} declares its body and that of {@link ResponsibilityPatch}. */
public record ResponsibilityRequest(Long memberId, String area, String documentSection, String title, String description,
        ResponsibilityRole role, LocalDate dueOn) {

    public static final BodySpec<ResponsibilityRequest, ResponsibilityPatch> SPEC = BodySpec.named("Responsibility")
            .field(Field.id("memberId").required().description("A member of the same subcommittee"))
            .field(Field.text("area").required().max(120).example("Kinh tế").description("Khối ngành, lĩnh vực"))
            .field(Field.text("documentSection").required().example("Báo cáo chính trị / Phần I"))
            .field(Field.text("title").required().example("Số liệu, bảng biểu khối kinh tế"))
            .field(Field.longText("description", 10_000).example("Tổng hợp số liệu kinh tế nhiệm kỳ 2015–2020."))
            .field(Field.enumOf("role", ResponsibilityRole.class).required().example("LEAD")
                    .description("At most one LEAD per (area, documentSection), compared folded"))
            .field(Field.date("dueOn").example("2020-02-22"))
            .readOnly("id", "subcommitteeId", "conclusionId", "createdAt", "updatedAt", "version")
            .binding(ResponsibilityRequest.class, ResponsibilityPatch.class);

    /** The request as the merge patch that applies it to a new responsibility. */
    ResponsibilityPatch asPatch() {
        return BodySpec.asPatch(this, ResponsibilityPatch.class);
    }

    /** Contributes the responsibility's bodies to the contract. */
    @OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = 80)
    public static final class Schemas extends RequestSchemas implements OASFilter {
        public Schemas() {
            super(SPEC);
        }
    }
}
