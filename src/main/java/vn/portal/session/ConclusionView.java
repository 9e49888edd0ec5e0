package vn.portal.session;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.portal.common.concurrency.SingleResource;
import vn.portal.responsibility.ResponsibilityRole;

@Schema(name = "Conclusion")
public record ConclusionView(
        long id,
        long sessionId,
        ConclusionKind kind,
        @Schema(example = "Giao đồng chí phụ trách khối Kinh tế chủ trì số liệu, bảng biểu của báo cáo chính trị.") String text,
        @Schema(nullable = true) Long agendaItemId,
        @Schema(nullable = true) Long memberId,
        @Schema(nullable = true, example = "Kinh tế") String area,
        @Schema(nullable = true, example = "Báo cáo chính trị / Phần I") String documentSection,
        @Schema(nullable = true) ResponsibilityRole role,
        @Schema(nullable = true) String title,
        @Schema(nullable = true, example = "2020-02-22") LocalDate dueOn,
        List<Long> responsibilityIds,
        @Schema(nullable = true) Long documentId,
        @Schema(nullable = true) Integer documentVersion,
        @Schema(nullable = true, description = "What closing the session made of it: responsibility or milestone")
        String appliedEntityType,
        @Schema(nullable = true) Long appliedEntityId,
        Instant createdAt,
        Instant updatedAt,
        long version) implements SingleResource {

    static ConclusionView of(Conclusion c) {
        return new ConclusionView(c.id, c.sessionId, c.kind, c.text, c.agendaItemId, c.memberId, c.area,
                c.documentSection, c.role, c.title, c.dueOn, c.responsibilityIds.stream().sorted().toList(), c.documentId,
                c.documentVersion, c.appliedEntityType, c.appliedEntityId, c.createdAt, c.updatedAt, c.version);
    }
}
