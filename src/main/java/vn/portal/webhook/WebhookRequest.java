package vn.portal.webhook;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFilter;
import vn.portal.common.json.BodySpec;
import vn.portal.common.json.BodySpec.Field;
import vn.portal.common.openapi.RequestSchemas;
import vn.portal.common.write.ChangeTypes;

/** A new webhook; the secret is taken (or made) once, the rest changes by a {@link WebhookPatch}. */
public record WebhookRequest(String url, List<String> eventTypes, Boolean active, String description, String secret) {

    static final String[] READ_ONLY = { "id", "disabledReason", "previousSecretExpiresAt", "createdAt", "updatedAt",
            "version" };

    static final Field URL = Field.text("url").required().max(2000).example("https://vanphong.thanhuy.vn/hooks/portal")
            .description("Where each event is POSTed: https (http only where config allows); a host that is or "
                    + "resolves to a loopback, private, link-local or multicast address is refused");
    static final Field EVENT_TYPES = Field.wordsOf("eventTypes", ChangeTypes.deliverableEventTypes()).defaulted()
            .description("The event types it receives; empty (the default): every type. Webhooks' own events are in "
                    + "ADMIN's change feed only, never delivered");
    static final Field ACTIVE = Field.bool("active").defaulted().example(true)
            .description("true by default; false stops deliveries (events meanwhile are not queued: read them from the "
                    + "change feed); true again clears disabledReason and queues what happens from then on");
    static final Field DESCRIPTION = Field.text("description").max(1200).example("Hệ thống văn phòng Thành ủy");

    public static final BodySpec<WebhookRequest, Void> SPEC = BodySpec.named("Webhook")
            .field(URL).field(EVENT_TYPES).field(ACTIVE).field(DESCRIPTION)
            .field(Field.text("secret").writeOnly().max(100).example("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
                    .description("Write-only: whsec_ and the base64 of 24 to 64 random bytes. Left out, the service "
                            + "makes one; the 201 answer shows it, and no answer after that does"))
            .readOnly(READ_ONLY)
            .creating(WebhookRequest.class, "WebhookCreate");

    /** The request as the merge patch that applies it to a new webhook (the secret is set apart). */
    WebhookPatch asPatch() {
        return BodySpec.asPatch(this, WebhookPatch.class);
    }

    /** Contributes the webhook's bodies to the contract. */
    @OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = 45)
    public static final class Schemas extends RequestSchemas implements OASFilter {
        public Schemas() {
            super(SPEC, WebhookPatch.SPEC, WebhookActions.ROTATE, WebhookActions.REDELIVER);
        }
    }
}
