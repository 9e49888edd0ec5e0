package vn.portal.milestone;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFilter;
import vn.portal.common.json.BodySpec;
import vn.portal.common.json.BodySpec.Field;
import vn.portal.common.openapi.RequestSchemas;

/** A new plan milestone; {@link #SPEC} declares its body and that of its merge patch, {@link MilestonePatch}. */
public record MilestoneRequest(String title, String description, LocalDate dueOn, MilestoneStatus status,
        List<Long> responsibilityIds) {

    public static final BodySpec<MilestoneRequest, MilestonePatch> SPEC = BodySpec.named("Milestone")
            .field(Field.text("title").required().example("Các khối ngành hoàn thành số liệu, bảng biểu cho báo cáo chính trị"))
            .field(Field.longText("description", 10_000).example("Hạn chót theo kết luận phiên họp thứ nhất."))
            .field(Field.date("dueOn").required().example("2020-02-22").description("A day in Asia/Ho_Chi_Minh"))
            .field(Field.enumOf("status", MilestoneStatus.class).defaulted().example("PLANNED")
                    .description("PLANNED by default; becoming DONE sets completedOn to today, leaving DONE clears it"))
            .field(Field.ids("responsibilityIds").defaulted()
                    .description("Responsibilities of the same subcommittee expected to submit for it; empty by default"))
            .readOnly("id", "subcommitteeId", "completedOn", "overdue", "conclusionId", "createdAt", "updatedAt", "version")
            .binding(MilestoneRequest.class, MilestonePatch.class);

    /** The request as the merge patch that applies it to a new milestone. */
    MilestonePatch asPatch() {
        return BodySpec.asPatch(this, MilestonePatch.class);
    }

    /** Contributes the milestone's bodies to the contract. */
    @OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = 70)
    public static final class Schemas extends RequestSchemas implements OASFilter {
        public Schemas() {
            super(SPEC);
        }
    }
}
