package vn.portal.webhook;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.portal.common.concurrency.SingleResource;

/** A webhook as shown to ADMIN: never its secret. */
@Schema(name = "Webhook")
public record WebhookView(
        long id,
        @Schema(example = "https://vanphong.thanhuy.vn/hooks/portal") String url,
        @Schema(description = "The event types it receives; empty: every type") List<String> eventTypes,
        boolean active,
        @Schema(nullable = true, example = "Hệ thống văn phòng Thành ủy") String description,
        @Schema(nullable = true, description = "Why the service turned it off (its target answered 410 Gone); null "
                + "while active or when turned off by hand", example = "The target answered 410 Gone") String disabledReason,
        @Schema(nullable = true, description = "Until when deliveries also carry the signature of the secret before "
                + "the last rotation; null when they carry one signature") Instant previousSecretExpiresAt,
        Instant createdAt,
        Instant updatedAt,
        long version) implements SingleResource {

    static WebhookView of(Webhook w) {
        return new WebhookView(w.id, w.url, List.copyOf(w.eventTypes()), w.active, w.description, w.disabledReason,
                w.previousSecretUntil, w.createdAt, w.updatedAt, w.version);
    }
}
