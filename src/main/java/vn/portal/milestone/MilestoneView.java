package vn.portal.milestone;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.portal.common.concurrency.SingleResource;

@Schema(name = "Milestone")
public record MilestoneView(
        long id,
        long subcommitteeId,
        @Schema(example = "Các khối ngành hoàn thành số liệu, bảng biểu cho báo cáo chính trị") String title,
        @Schema(nullable = true) String description,
        @Schema(example = "2020-02-22") LocalDate dueOn,
        MilestoneStatus status,
        @Schema(description = "The day it became DONE", nullable = true) LocalDate completedOn,
        List<Long> responsibilityIds,
        @Schema(description = "Not DONE or CANCELLED, and today (Asia/Ho_Chi_Minh) is after dueOn") boolean overdue,
        @Schema(nullable = true, description = "The session's conclusion this milestone was made from") Long conclusionId,
        Instant createdAt,
        Instant updatedAt,
        long version) implements SingleResource {

    static MilestoneView of(Milestone m, LocalDate today) {
        return new MilestoneView(m.id, m.subcommitteeId, m.title, m.description, m.dueOn, m.status, m.completedOn,
                m.responsibilityIds.stream().sorted().toList(), m.isOverdue(today), m.conclusionId, m.createdAt, m.updatedAt, m.version);
    }
}
