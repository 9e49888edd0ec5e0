package vn.portal.webhook;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.portal.common.concurrency.SingleResource;

/** One event's delivery to one webhook, as its log shows it. */
@Schema(name = "WebhookDelivery")
public record DeliveryView(
        long id,
        long webhookId,
        @Schema(description = "The change feed's event") long eventId,
        @Schema(example = "submission.submitted") String eventType,
        @Schema(description = "The webhook-id header: the same on every attempt and redelivery",
                example = "msg_2f1c9a7e0b6d4e1f8a3c5b7d9e0f1a2b") String messageId,
        DeliveryStatus status,
        @Schema(description = "Attempts so far, redeliveries included") int attempts,
        @Schema(nullable = true, description = "The HTTP status of the last answer; null when there was none "
                + "(timeout, refused connection, target refused)") Integer lastResponseStatus,
        @Schema(nullable = true, example = "timed out after 15 s") String lastError,
        @Schema(nullable = true) Long lastDurationMs,
        @Schema(nullable = true) Instant lastAttemptAt,
        @Schema(nullable = true, description = "When it is tried next; null once SUCCEEDED or FAILED") Instant nextAttemptAt,
        Instant createdAt,
        @Schema(description = "Moves with every attempt and redelivery") long version) implements SingleResource {

    static DeliveryView of(WebhookDelivery d) {
        return new DeliveryView(d.id, d.webhookId, d.eventId, d.eventType, d.messageId, d.status, d.attempts,
                d.lastResponseStatus, d.lastError, d.lastDurationMs, d.lastAttemptAt, d.nextAttemptAt, d.createdAt, d.version);
    }
}
