package vn.portal.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import vn.portal.access.Access;
import vn.portal.common.config.PortalConfig;
import vn.portal.common.paging.Finder;
import vn.portal.common.paging.PageRequest;
import vn.portal.common.paging.PageView;
import vn.portal.common.paging.SortFields;
import vn.portal.common.persistence.Changes;
import vn.portal.common.problem.ProblemException;
import vn.portal.common.time.PortalClock;
import vn.portal.common.write.Kind;
import vn.portal.common.write.Scope;
import vn.portal.common.write.Writes;
import vn.portal.events.EventFeed;
import vn.portal.events.EventSequencer;

/**
 * Webhooks, their deliveries and attempts, as ADMIN registers, changes and reads them. Every change
 * goes through the write path (audited, in the change feed); the secret is in neither: the trail
 * records that it changed, and only the answer that made it shows it.
 */
@ApplicationScoped
public class WebhookService {

    public static final String ENTITY = "webhook";
    public static final String DELIVERY = "webhook_delivery";

    public static final SortFields SORT = SortFields.byId().field("createdAt", "e.createdAt").field("url", "e.url");
    public static final SortFields NEWEST_FIRST = SortFields.newestFirst();
    public static final SortFields OLDEST_FIRST = SortFields.byId();

    private static final String ADMIN_ONLY = "Only ADMIN manages webhooks.";

    @Inject
    EntityManager em;

    @Inject
    Writes writes;

    @Inject
    Access access;

    @Inject
    EventFeed feed;

    @Inject
    EventSequencer sequencer;

    @Inject
    PortalClock clock;

    @Inject
    PortalConfig config;

    private final Kind<Webhook, WebhookView> kind = Kind.of(ENTITY, Webhook.class, WebhookView::of);

    /** The targets this service's config allows. */
    Targets targets() {
        return new Targets(config.webhooks().allowHttp(), config.webhooks().allowPrivateTargets());
    }

    @Transactional
    public PageView<WebhookView> list(Boolean active, PageRequest page) {
        access.requireAdmin(ADMIN_ONLY);
        return Finder.of(Webhook.class).where("e.active = :active", "active", active)
                .page(em, page, webhooks -> webhooks.stream().map(WebhookView::of).toList());
    }

    @Transactional
    public WebhookView get(long id) {
        access.requireAdmin(ADMIN_ONLY);
        return WebhookView.of(require(id));
    }

    @Transactional
    public WebhookSecretView create(WebhookRequest request) {
        String secret = request.secret() != null ? request.secret() : Signatures.newSecret();
        WebhookView view = writes.create(kind, this::admin, changes -> {
            String problem = Signatures.problemWith(secret);
            if (problem != null) {
                throw ProblemException.invalid("secret", problem);
            }
            Webhook webhook = new Webhook();
            webhook.secret = secret;
            changes.hidden("secret", false, true);
            // it receives what happens from now on: the events after the head, once every event committed so far is in it
            webhook.feedCursor = committedHead();
            apply(webhook, request.asPatch(), changes);
            return webhook;
        });
        return WebhookSecretView.of(view, secret);
    }

    @Transactional
    public WebhookView update(long id, WebhookPatch patch, String ifMatch) {
        return writes.update(kind, id, ifMatch, this::admin, (webhook, before, changes) -> {
            boolean wasActive = webhook.active;
            apply(webhook, patch, changes);
            if (webhook.active && !wasActive) {
                // back on: what happens from now on; what happened while it was off is in the feed
                webhook.disabledReason = null;
                restartFromHead(id);
            }
        });
    }

    @Transactional
    public void delete(long id, String ifMatch) {
        writes.delete(kind, id, ifMatch, this::admin, (webhook, before) -> {
        });
    }

    /**
     * A new secret, shown once; the old one keeps signing beside it for
     * {@code portal.webhooks.rotation-overlap} (24 h), so receivers can switch without missing a delivery.
     */
    @Transactional
    public WebhookSecretView rotate(long id, String ifMatch) {
        String secret = Signatures.newSecret();
        WebhookView view = writes.act(kind, "secret_rotated", id, ifMatch, this::admin, (webhook, before, changes) -> {
            webhook.previousSecret = webhook.secret;
            webhook.previousSecretUntil = clock.now().plus(config.webhooks().rotationOverlap());
            webhook.secret = secret;
            changes.hidden("secret", true, true);
        });
        return WebhookSecretView.of(view, secret);
    }

    @Transactional
    public PageView<DeliveryView> deliveries(long webhookId, DeliveryStatus status, PageRequest page) {
        access.requireAdmin(ADMIN_ONLY);
        require(webhookId);
        return Finder.of(WebhookDelivery.class).where("e.webhookId = :webhook", "webhook", webhookId)
                .where("e.status = :status", "status", status)
                .page(em, page, deliveries -> deliveries.stream().map(DeliveryView::of).toList());
    }

    @Transactional
    public DeliveryView delivery(long webhookId, long deliveryId) {
        access.requireAdmin(ADMIN_ONLY);
        return DeliveryView.of(requireDelivery(webhookId, deliveryId));
    }

    @Transactional
    public PageView<AttemptView> attempts(long webhookId, long deliveryId, PageRequest page) {
        access.requireAdmin(ADMIN_ONLY);
        requireDelivery(webhookId, deliveryId);
        return Finder.of(WebhookAttempt.class).where("e.deliveryId = :delivery", "delivery", deliveryId)
                .page(em, page, attempts -> attempts.stream().map(AttemptView::of).toList());
    }

    /**
     * Queues a delivery again, whatever its status, as if it were new: tried at once (in its place
     * among the webhook's deliveries: before any newer one still waiting), with the whole retry
     * schedule before it, and the same {@code webhook-id}.
     */
    @Transactional
    public DeliveryView redeliver(long webhookId, long deliveryId, String ifMatch) {
        Kind<WebhookDelivery, DeliveryView> deliveries = Kind.of(DELIVERY, WebhookDelivery.class, DeliveryView::of)
                .loadedBy(id -> requireDelivery(webhookId, id));
        return writes.act(deliveries, "redelivered", deliveryId, ifMatch, () -> {
            access.requireAdmin(ADMIN_ONLY);
            require(webhookId);
            return Scope.none();
        }, (delivery, before, changes) -> {
            delivery.status = DeliveryStatus.PENDING;
            delivery.roundStartedAt = null;
            delivery.nextAttemptAt = clock.now();
        });
    }

    /**
     * Turns a webhook off because its target answered {@code 410 Gone}: the dispatcher's write, made
     * as {@code system}, in the trail and the feed like any other.
     */
    @Transactional
    public void disable(long id, String reason) {
        writes.act(kind, "disabled", id, null, Scope::none, (webhook, before, changes) -> {
            changes.by("system");
            webhook.active = false;
            webhook.disabledReason = reason;
        });
    }

    /** Moves the webhook's cursor to the head: the machinery's column, set by a bulk update (see {@link Webhook}). */
    private void restartFromHead(long id) {
        em.createQuery("update Webhook w set w.feedCursor = :head where w.id = :id")
                .setParameter("head", committedHead()).setParameter("id", id).executeUpdate();
    }

    /** The feed's head once the events committed so far have their positions. */
    private long committedHead() {
        sequencer.catchUp();
        return feed.head();
    }

    private Scope admin() {
        access.requireAdmin(ADMIN_ONLY);
        return Scope.none();
    }

    private Webhook require(long id) {
        Webhook webhook = em.find(Webhook.class, id);
        if (webhook == null) {
            throw ProblemException.notFound("There is no webhook " + id + ".");
        }
        return webhook;
    }

    private WebhookDelivery requireDelivery(long webhookId, long deliveryId) {
        require(webhookId);
        WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId);
        if (delivery == null || delivery.webhookId != webhookId) {
            throw ProblemException.notFound("Webhook " + webhookId + " has no delivery " + deliveryId + ".");
        }
        return delivery;
    }

    private void apply(Webhook webhook, WebhookPatch patch, Changes changes) {
        changes.take(patch.url(), webhook.url, url -> webhook.url = checked(url));
        changes.take(patch.eventTypes(), webhook.eventTypes(), webhook::setEventTypes);
        changes.take(patch.active(), webhook.active, active -> webhook.active = active);
        changes.take(patch.description(), webhook.description, description -> webhook.description = description);
    }

    /** The URL as sent, once its form and its host are allowed. */
    private String checked(String url) {
        Targets targets = targets();
        try {
            URI uri = targets.parse(url);
            targets.requirePublic(uri);
            return url;
        } catch (Targets.Refused refused) {
            throw ProblemException.invalid("url", refused.getMessage());
        }
    }
}
