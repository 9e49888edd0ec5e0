package vn.portal.webhook;

import java.util.List;
import vn.portal.common.json.BodySpec;
import vn.portal.common.json.Patch;

/** A merge patch of a webhook: url, event types, active, description (the secret changes by a rotation). */
public record WebhookPatch(Patch<String> url, Patch<List<String>> eventTypes, Patch<Boolean> active,
        Patch<String> description) {

    public static final BodySpec<Void, WebhookPatch> SPEC = BodySpec.named("Webhook")
            .field(WebhookRequest.URL).field(WebhookRequest.EVENT_TYPES).field(WebhookRequest.ACTIVE)
            .field(WebhookRequest.DESCRIPTION)
            .readOnly(WebhookRequest.READ_ONLY).readOnly("secret")
            .patching(WebhookPatch.class, "WebhookPatch");
}
