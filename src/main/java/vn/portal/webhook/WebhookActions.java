package vn.portal.webhook;

import vn.portal.common.json.BodySpec;
import vn.portal.common.json.NoFields;

/** The bodies of a webhook's actions: none, or an empty object (the service decides everything). */
final class WebhookActions {

    static final BodySpec<NoFields, Void> ROTATE = BodySpec.named("WebhookRotation")
            .creating(NoFields.class, "WebhookRotation");

    static final BodySpec<NoFields, Void> REDELIVER = BodySpec.named("WebhookRedelivery")
            .creating(NoFields.class, "WebhookRedelivery");

    private WebhookActions() {
    }
}
