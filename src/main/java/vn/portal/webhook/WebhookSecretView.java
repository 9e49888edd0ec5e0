package vn.portal.webhook;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.portal.common.idempotency.ShownOnce;

/**
 * A webhook with its secret: the answer to its creation and to each rotation, the only ones that
 * show it. Its ETag is the webhook's own (that of {@link WebhookView}).
 */
@Schema(name = "WebhookWithSecret")
public record WebhookSecretView(
        long id,
        String url,
        List<String> eventTypes,
        boolean active,
        @Schema(nullable = true) String description,
        @Schema(nullable = true) String disabledReason,
        @Schema(nullable = true) Instant previousSecretExpiresAt,
        Instant createdAt,
        Instant updatedAt,
        long version,
        @Schema(nullable = true, description = "The signing secret, whsec_ and base64: shown here once, never again; "
                + "keep it where the receiver verifies signatures. null in the replay of this answer to a request sent "
                + "again with its Idempotency-Key: the secret is not kept with the key",
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret) implements ShownOnce {

    @Override
    public Object replayed() {
        return new WebhookSecretView(id, url, eventTypes, active, description, disabledReason, previousSecretExpiresAt,
                createdAt, updatedAt, version, null);
    }

    /** The webhook as every other answer shows it: what its ETag is made of. */
    WebhookView withoutSecret() {
        return new WebhookView(id, url, eventTypes, active, description, disabledReason, previousSecretExpiresAt,
                createdAt, updatedAt, version);
    }

    static WebhookSecretView of(WebhookView v, String secret) {
        return new WebhookSecretView(v.id(), v.url(), v.eventTypes(), v.active(), v.description(), v.disabledReason(),
                v.previousSecretExpiresAt(), v.createdAt(), v.updatedAt(), v.version(), secret);
    }
}
