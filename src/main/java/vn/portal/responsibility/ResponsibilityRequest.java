package vn.portal.responsibility;

import vn.portal.common.json.BodySpec;
import vn.portal.common.json.BodySpec.Field;

/** The body of a responsibility's create and merge-patch. */
public final class ResponsibilityRequest {

    public static final BodySpec SPEC = BodySpec.named("Responsibility")
            .field(Field.id("memberId").required().description("A member of the same subcommittee"))
            .field(Field.text("area").required().max(120).example("Kinh tế").description("Khối ngành, lĩnh vực"))
            .field(Field.text("documentSection").required().example("Báo cáo chính trị / Phần I"))
            .field(Field.text("title").required().example("Số liệu, bảng biểu khối kinh tế"))
            .field(Field.longText("description", 10_000).example("Tổng hợp số liệu kinh tế nhiệm kỳ 2015–2020."))
            .field(Field.enumOf("role", ResponsibilityRole.class).required().example("LEAD")
                    .description("At most one LEAD per (area, documentSection), compared folded"))
            .field(Field.date("dueOn").example("2020-02-22"))
            .readOnly("id", "subcommitteeId", "createdAt", "updatedAt", "version");

    private ResponsibilityRequest() {
    }
}
