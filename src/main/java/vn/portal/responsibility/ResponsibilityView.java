package vn.portal.responsibility;

import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.portal.common.concurrency.SingleResource;

@Schema(name = "Responsibility")
public record ResponsibilityView(
        long id,
        long subcommitteeId,
        long memberId,
        @Schema(example = "Kinh tế") String area,
        @Schema(example = "Báo cáo chính trị / Phần I") String documentSection,
        @Schema(example = "Số liệu, bảng biểu khối kinh tế") String title,
        @Schema(nullable = true) String description,
        ResponsibilityRole role,
        @Schema(nullable = true) LocalDate dueOn,
        @Schema(nullable = true, description = "The session's conclusion this responsibility was made from") Long conclusionId,
        Instant createdAt,
        Instant updatedAt,
        long version) implements SingleResource {

    static ResponsibilityView of(Responsibility r) {
        return new ResponsibilityView(r.id, r.subcommitteeId, r.memberId, r.area, r.documentSection, r.title,
                r.description, r.role, r.dueOn, r.conclusionId, r.createdAt, r.updatedAt, r.version);
    }
}
