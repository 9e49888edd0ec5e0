package vn.portal.webhook;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One attempt of a delivery. */
@Schema(name = "WebhookAttempt")
public record AttemptView(
        long id,
        long deliveryId,
        Instant attemptedAt,
        @Schema(nullable = true, description = "The HTTP status answered; null when there was no answer") Integer responseStatus,
        @Schema(nullable = true, description = "What went wrong, when it did: a non-2xx status, a timeout, a refused "
                + "connection or target", example = "HTTP 503") String error,
        long durationMs) {

    static AttemptView of(WebhookAttempt a) {
        return new AttemptView(a.id, a.deliveryId, a.attemptedAt, a.responseStatus, a.error, a.durationMs);
    }
}
