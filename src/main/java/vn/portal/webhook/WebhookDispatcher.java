package vn.portal.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;
import vn.portal.common.config.PortalConfig;
import vn.portal.common.time.PortalClock;
import vn.portal.common.write.ChangeTypes;
import vn.portal.events.EventFeed;
import vn.portal.events.EventSequencer;

/**
 * Hands the change feed's events to the webhooks: queues each webhook's events in feed order, then
 * sends its oldest waiting delivery, and the next only once that one succeeded or was given up, so
 * each webhook receives its events in order.
 *
 * <p>One instance at a time serves a webhook: it first takes the webhook's lease (a conditional
 * UPDATE of {@code lease_owner} and {@code lease_until}, which only one instance can win while the
 * lease runs) and renews it before each attempt; an instance that dies leaves a lease that runs out
 * after {@link #lease()}, and another (or the same one restarted) takes over. Everything a delivery
 * needs (its body, its next attempt, its place in the retry schedule) is in the database, so the
 * schedule survives restarts;
 * an attempt cut short by a crash is made again (receivers tell repeats by {@code webhook-id}).
 *
 * <p>Its own writes (the deliveries, their attempts, the webhook's cursor and lease) are the
 * delivery machinery's state, not changes of the objects: they are in neither the trail nor the feed.
 * Turning a webhook off after a {@code 410} is, and goes through the write path.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    /**
     * How long a lease runs without renewal: more than one attempt can take (connecting and waiting for
     * the answer, each up to the timeout) and its recording: twice the timeout and 30 s (60 s by default).
     */
    private Duration lease() {
        return config.webhooks().timeout().multipliedBy(2).plusSeconds(30);
    }

    /** How long one pass serves a webhook before it lets the others have the worker. */
    static final Duration PASS = Duration.ofSeconds(30);
    /** The most events one pass queues for a webhook, and the most attempts it makes before letting others go. */
    static final int BATCH = 200;
    static final int ATTEMPTS_PER_PASS = 100;
    static final int ERROR_LENGTH = 1000;

    @Inject
    EntityManager em;

    @Inject
    EventFeed feed;

    @Inject
    EventSequencer sequencer;

    @Inject
    WebhookSender sender;

    @Inject
    WebhookService webhooks;

    @Inject
    ObjectMapper mapper;

    @Inject
    PortalClock clock;

    @Inject
    PortalConfig config;

    /** This instance's name; each pass holds the lease under its own name, {@code <instance>-<pass>}. */
    private final String instance = UUID.randomUUID().toString();
    private final java.util.concurrent.atomic.AtomicLong passes = new java.util.concurrent.atomic.AtomicLong();

    /** The webhooks this instance serves right now, each on a worker thread of its own. */
    private final Set<Long> serving = ConcurrentHashMap.newKeySet();

    private final ExecutorService workers = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "webhook-dispatch");
        thread.setDaemon(true);
        return thread;
    });

    @Scheduled(every = "${portal.webhooks.deliver-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        dispatch();
    }

    /** Set at shutdown: no new pass starts, and an attempt cut short by it is not recorded (it is made again). */
    private volatile boolean stopping;

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        workers.shutdownNow();
    }

    /** Starts serving every active webhook this instance can take the lease of and is not serving yet. */
    public void dispatch() {
        sequencer.catchUp();
        QuarkusTransaction.requiringNew().run(this::forgetOldSecrets);
        for (long id : QuarkusTransaction.requiringNew().call(this::activeIds)) {
            if (serving.add(id)) {
                try {
                    workers.execute(() -> {
                        try {
                            serve(id);
                        } catch (RuntimeException e) {
                            if (!stopping) {
                                LOG.errorf(e, "Delivering for webhook %d failed; it is tried again on the next pass", id);
                            }
                        } finally {
                            serving.remove(id);
                        }
                    });
                } catch (java.util.concurrent.RejectedExecutionException stopping) {
                    serving.remove(id);
                }
            }
        }
    }

    /**
     * One pass for one webhook, on the calling thread: queues its new events and makes every attempt
     * that is due, in order, while it holds the lease. Returns the number of attempts made.
     */
    public int serve(long id) {
        String me = instance + "-" + passes.incrementAndGet();
        if (!claim(id, me)) {
            return 0;
        }
        int made = 0;
        long until = System.nanoTime() + PASS.toNanos();
        try {
            QuarkusTransaction.requiringNew().run(() -> queue(id, me));
            while (made < ATTEMPTS_PER_PASS && !stopping && System.nanoTime() < until) {
                WebhookSender.Due due = QuarkusTransaction.requiringNew().call(() -> nextDue(id, me));
                if (due == null) {
                    break;
                }
                WebhookSender.Outcome outcome = sender.send(due, webhooks.targets());
                if (stopping) {
                    break; // cut short by the shutdown: made again, with the same webhook-id, once the service is back
                }
                made++;
                boolean held;
                try {
                    held = QuarkusTransaction.requiringNew().call(() -> record(due, outcome, me));
                } catch (RuntimeException changedMeanwhile) {
                    // an ADMIN redelivered it while the attempt ran (its version moved): not recorded; it goes again
                    LOG.debugf(changedMeanwhile, "The attempt of delivery %d was not recorded", due.deliveryId());
                    break;
                }
                if (!held || outcome.gone()) {
                    break;
                }
            }
        } finally {
            if (!stopping) {
                QuarkusTransaction.requiringNew().run(() -> release(id, me));
            }
        }
        return made;
    }

    /**
     * Runs every pass on the calling thread until nothing is due (the tests' way to deliver,
     * without the schedule). Returns the attempts made.
     */
    public int drain() {
        sequencer.catchUp();
        QuarkusTransaction.requiringNew().run(this::forgetOldSecrets);
        int made = 0;
        for (int pass = 0; pass < 1000; pass++) {
            int thisPass = 0;
            for (long id : QuarkusTransaction.requiringNew().call(this::activeIds)) {
                thisPass += serve(id);
            }
            made += thisPass;
            if (thisPass == 0) {
                return made;
            }
        }
        return made;
    }

    /** The secrets before a rotation, once their overlap is over: gone, as the contract says. */
    private void forgetOldSecrets() {
        em.createQuery("update Webhook w set w.previousSecret = null, w.previousSecretUntil = null "
                + "where w.previousSecretUntil <= :now").setParameter("now", clock.now()).executeUpdate();
    }

    private List<Long> activeIds() {
        return em.createQuery("select w.id from Webhook w where w.active = true order by w.id", Long.class)
                .getResultList();
    }

    /** Takes the webhook's lease when no other instance holds one that still runs. */
    private boolean claim(long id, String me) {
        Instant now = clock.now();
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("update Webhook w set w.leaseOwner = :me, "
                + "w.leaseUntil = :until where w.id = :id and w.active = true "
                + "and (w.leaseUntil is null or w.leaseUntil < :now)")
                .setParameter("me", me).setParameter("until", now.plus(lease())).setParameter("now", now)
                .setParameter("id", id).executeUpdate() == 1);
    }

    private void release(long id, String me) {
        em.createQuery("update Webhook w set w.leaseOwner = null, w.leaseUntil = null where w.id = :id and w.leaseOwner = :me")
                .setParameter("id", id).setParameter("me", me).executeUpdate();
    }

    /**
     * Queues the events after the webhook's cursor that it takes, in feed order, and moves the cursor
     * past every event read (taken or not). Ids of deliveries therefore follow the feed.
     */
    private void queue(long id, String me) {
        Webhook webhook = em.find(Webhook.class, id);
        if (webhook == null || !webhook.active) {
            return;
        }
        List<EventFeed.Committed> events = feed.committedAfter(webhook.feedCursor, BATCH);
        if (events.isEmpty()) {
            return;
        }
        // first the cursor, from where this pass read it and only under this pass's lease: a pass that lost its
        // lease (or raced another) moves nothing and queues nothing, so no event is queued twice
        int moved = em.createQuery("update Webhook w set w.feedCursor = :cursor where w.id = :id and w.leaseOwner = :me "
                + "and w.feedCursor = :read").setParameter("cursor", events.get(events.size() - 1).position())
                .setParameter("id", id).setParameter("me", me).setParameter("read", webhook.feedCursor).executeUpdate();
        if (moved == 0) {
            return;
        }
        Instant now = clock.now();
        for (EventFeed.Committed committed : events) {
            if (!webhook.takes(committed.event().type())
                    || ChangeTypes.adminOnlyEntityTypes().contains(committed.event().entityType())) {
                continue;
            }
            WebhookDelivery delivery = new WebhookDelivery();
            delivery.webhookId = id;
            delivery.eventId = committed.event().id();
            delivery.eventType = committed.event().type();
            delivery.messageId = "msg_" + UUID.randomUUID().toString().replace("-", "");
            delivery.payload = json(committed.event());
            delivery.nextAttemptAt = now;
            delivery.createdAt = now;
            em.persist(delivery);
        }
    }

    /** The webhook's oldest waiting delivery if it is due, with the lease renewed for its attempt; else null. */
    private WebhookSender.Due nextDue(long id, String me) {
        Instant now = clock.now();
        int renewed = em.createQuery("update Webhook w set w.leaseUntil = :until where w.id = :id and w.leaseOwner = :me "
                + "and w.active = true").setParameter("until", now.plus(lease())).setParameter("id", id)
                .setParameter("me", me).executeUpdate();
        if (renewed == 0) {
            return null;
        }
        List<WebhookDelivery> oldest = em.createQuery("select d from WebhookDelivery d where d.webhookId = :id "
                + "and d.status = :pending order by d.id", WebhookDelivery.class).setParameter("id", id)
                .setParameter("pending", DeliveryStatus.PENDING).setMaxResults(1).getResultList();
        if (oldest.isEmpty() || oldest.get(0).nextAttemptAt.isAfter(now)) {
            return null;
        }
        WebhookDelivery delivery = oldest.get(0);
        Webhook webhook = em.find(Webhook.class, id);
        return new WebhookSender.Due(delivery.id, id, delivery.messageId, delivery.eventType, delivery.payload,
                webhook.url, webhook.secret, webhook.previousSecretAt(now));
    }

    /**
     * Keeps the attempt and moves the delivery on: done, given up, or its next attempt per the schedule;
     * after a {@code 410}, turns the webhook off in the same transaction. Only while this pass still
     * holds the lease (renewed here): a pass that lost it records nothing, and the one that holds it
     * now makes the attempt again. Returns whether the lease was held.
     */
    private boolean record(WebhookSender.Due due, WebhookSender.Outcome outcome, String me) {
        Instant now = clock.now();
        int held = em.createQuery("update Webhook w set w.leaseUntil = :until where w.id = :id and w.leaseOwner = :me")
                .setParameter("until", now.plus(lease())).setParameter("id", due.webhookId()).setParameter("me", me)
                .executeUpdate();
        WebhookDelivery delivery = em.find(WebhookDelivery.class, due.deliveryId());
        if (held == 0 || delivery == null || delivery.status != DeliveryStatus.PENDING) {
            return held == 1; // its webhook was deleted meanwhile, or an ADMIN's redelivery changed it
        }
        String error = outcome.error() == null ? null
                : outcome.error().length() <= ERROR_LENGTH ? outcome.error() : outcome.error().substring(0, ERROR_LENGTH);
        WebhookAttempt attempt = new WebhookAttempt();
        attempt.deliveryId = delivery.id;
        attempt.attemptedAt = outcome.startedAt();
        attempt.responseStatus = outcome.status();
        attempt.error = error;
        attempt.durationMs = outcome.durationMs();
        em.persist(attempt);
        delivery.attempts++;
        if (delivery.roundStartedAt == null) {
            delivery.roundStartedAt = outcome.startedAt();
        }
        delivery.lastAttemptAt = outcome.startedAt();
        delivery.lastResponseStatus = outcome.status();
        delivery.lastError = error;
        delivery.lastDurationMs = outcome.durationMs();
        Instant next = outcome.succeeded() || outcome.gone() ? null : nextAttempt(delivery.roundStartedAt, now,
                outcome.retryAfter());
        delivery.status = outcome.succeeded() ? DeliveryStatus.SUCCEEDED
                : next == null ? DeliveryStatus.FAILED : DeliveryStatus.PENDING;
        delivery.nextAttemptAt = next;
        if (outcome.gone()) {
            webhooks.disable(due.webhookId(), "The target answered 410 Gone at " + now + ".");
        }
        return true;
    }

    /**
     * The next attempt after a failure at {@code now}: the first time of the schedule (counted from the
     * round's first attempt) still ahead, or later if a Retry-After asked for longer; null when the
     * schedule is over (the delivery is given up). A slot already passed (a long attempt, a long
     * Retry-After) is skipped rather than tried at once after the one before.
     */
    Instant nextAttempt(Instant roundStartedAt, Instant now, Duration retryAfter) {
        Instant next = null;
        for (Duration delay : config.webhooks().retryDelays()) {
            Instant slot = roundStartedAt.plus(delay);
            if (slot.isAfter(now)) {
                next = slot;
                break;
            }
        }
        if (next != null && retryAfter != null && now.plus(retryAfter).isAfter(next)) {
            next = now.plus(retryAfter);
        }
        return next;
    }

    private String json(Object event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event's view always serializes", e);
        }
    }
}
