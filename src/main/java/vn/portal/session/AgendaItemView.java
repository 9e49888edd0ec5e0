package vn.portal.session;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.portal.common.concurrency.SingleResource;

@Schema(name = "AgendaItem")
public record AgendaItemView(
        long id,
        long sessionId,
        @Schema(description = "1..n within the session, without gaps", example = "1") int position,
        @Schema(example = "Thông qua Quy chế làm việc của Tiểu ban") String title,
        @Schema(nullable = true) Long presenterMemberId,
        @Schema(nullable = true, example = "30") Integer durationMinutes,
        @Schema(nullable = true) Long documentId,
        Instant createdAt,
        Instant updatedAt,
        long version) implements SingleResource {

    static AgendaItemView of(AgendaItem a) {
        return new AgendaItemView(a.id, a.sessionId, a.position, a.title, a.presenterMemberId, a.durationMinutes,
                a.documentId, a.createdAt, a.updatedAt, a.version);
    }
}
