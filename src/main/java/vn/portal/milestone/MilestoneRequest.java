package vn.portal.milestone;

import vn.portal.common.json.BodySpec;
import vn.portal.common.json.BodySpec.Field;

/** The body of a plan milestone's create and merge-patch. */
public final class MilestoneRequest {

    public static final BodySpec SPEC = BodySpec.named("Milestone")
            .field(Field.text("title").required().example("Các khối ngành hoàn thành số liệu, bảng biểu cho báo cáo chính trị"))
            .field(Field.longText("description", 10_000).example("Hạn chót theo kết luận phiên họp thứ nhất."))
            .field(Field.date("dueOn").required().example("2020-02-22").description("A day in Asia/Ho_Chi_Minh"))
            .field(Field.enumOf("status", MilestoneStatus.class).defaulted().example("PLANNED")
                    .description("PLANNED by default; becoming DONE sets completedOn to today, leaving DONE clears it"))
            .field(Field.ids("responsibilityIds").defaulted()
                    .description("Responsibilities of the same subcommittee expected to submit for it; empty by default"))
            .readOnly("id", "subcommitteeId", "completedOn", "overdue", "createdAt", "updatedAt", "version");

    private MilestoneRequest() {
    }
}
