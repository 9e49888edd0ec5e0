package vn.portal.common.idempotency;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.portal.common.problem.ErrorCode;
import vn.portal.common.problem.ProblemException;
import vn.portal.common.time.PortalClock;

/**
 * The records of Idempotency-Keys, kept in the database so that every instance sees the same
 * ones. A request first claims its key in a transaction of its own; the claim is what a second
 * request with the key finds while the first still runs. The answer is stored in the request's
 * own transaction, with whatever it changed.
 */
@ApplicationScoped
public class IdempotencyStore {

    private static final Logger LOG = Logger.getLogger(IdempotencyStore.class);

    /** How long a key is remembered, as the contract says. */
    public static final Duration RETENTION = Duration.ofHours(24);

    /**
     * How long a claim holds without an answer. Requests take seconds at most once their body is
     * in; a claim older than this was left by an instance that died, and the next retry takes it
     * over (what the dead one changed was rolled back with its transaction).
     */
    public static final Duration LEASE = Duration.ofSeconds(60);

    /** A claim on a key: only its holder may store the answer. */
    record Claim(long id, String token) {
    }

    @Inject
    EntityManager em;

    @Inject
    PortalClock clock;

    /**
     * Claims {@code key} for this request, or answers for it: the stored answer to replay, {@code 422}
     * when the key came with another request, {@code 409} while the first request still runs.
     */
    Claim claim(long userId, String key, String requestHash) {
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> tryClaim(userId, key, requestHash));
            } catch (PersistenceException lostRace) {
                // another request inserted the same key between our read and our insert: read it again
                if (attempt == 3) {
                    throw inUse();
                }
            }
        }
    }

    private Claim tryClaim(long userId, String key, String requestHash) {
        Instant now = clock.now();
        Optional<IdempotencyRecord> found = em.createQuery(
                        "from IdempotencyRecord r where r.userId = :user and r.key = :key", IdempotencyRecord.class)
                .setParameter("user", userId).setParameter("key", key)
                .getResultStream().findFirst();
        if (found.isPresent() && found.get().createdAt.isBefore(now.minus(RETENTION))) {
            // expired but not purged yet: the key is free again
            em.remove(found.get());
            em.flush();
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            IdempotencyRecord record = new IdempotencyRecord();
            record.userId = userId;
            record.key = key;
            record.requestHash = requestHash;
            record.state = IdempotencyRecord.IN_PROGRESS;
            record.claimToken = UUID.randomUUID().toString();
            record.claimedAt = now;
            record.createdAt = now;
            em.persist(record);
            em.flush();
            return new Claim(record.id, record.claimToken);
        }
        IdempotencyRecord record = found.get();
        if (!record.requestHash.equals(requestHash)) {
            throw new ProblemException(ErrorCode.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key was used at "
                    + record.createdAt + " with another request (method, path or body). Use a new key for a new request.");
        }
        if (IdempotencyRecord.DONE.equals(record.state)) {
            throw new ReplayedResponse(record.response());
        }
        if (record.claimedAt.isAfter(now.minus(LEASE))) {
            throw inUse();
        }
        String token = UUID.randomUUID().toString();
        int taken = em.createQuery("update IdempotencyRecord r set r.claimToken = :token, r.claimedAt = :now "
                        + "where r.id = :id and r.claimToken = :abandoned and r.state = :inProgress")
                .setParameter("token", token).setParameter("now", now).setParameter("id", record.id)
                .setParameter("abandoned", record.claimToken).setParameter("inProgress", IdempotencyRecord.IN_PROGRESS)
                .executeUpdate();
        if (taken != 1) {
            throw inUse();
        }
        LOG.infof("Idempotency-Key of user %d taken over: its first request left no answer within %s", userId, LEASE);
        return new Claim(record.id, token);
    }

    /**
     * Stores the answer in the transaction in progress, the request's own. Refuses when the claim
     * was taken over meanwhile, which rolls the request back: the other attempt answers for the key.
     */
    void answerInTransaction(Claim claim, StoredResponse response) {
        if (store(claim, response) != 1) {
            throw inUse();
        }
    }

    /** Stores a refusal (4xx), after the request's transaction was rolled back. */
    void answerAfterRollback(Claim claim, StoredResponse response) {
        QuarkusTransaction.requiringNew().run(() -> store(claim, response));
    }

    /** Forgets a claim whose request failed with a 5xx, so that a retry runs again. */
    void release(Claim claim) {
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                            "delete from IdempotencyRecord r where r.id = :id and r.claimToken = :token")
                    .setParameter("id", claim.id()).setParameter("token", claim.token()).executeUpdate());
        } catch (RuntimeException e) {
            // the lease frees the key in a minute all the same
            LOG.warnf(e, "Could not release Idempotency-Key claim %d", claim.id());
        }
    }

    private int store(Claim claim, StoredResponse response) {
        return em.createQuery("update IdempotencyRecord r set r.state = :done, r.responseStatus = :status, "
                        + "r.responseType = :type, r.responseLocation = :location, r.responseEtag = :etag, "
                        + "r.responseBody = :body where r.id = :id and r.claimToken = :token")
                .setParameter("done", IdempotencyRecord.DONE).setParameter("status", response.status())
                .setParameter("type", response.type()).setParameter("location", response.location())
                .setParameter("etag", response.etag()).setParameter("body", response.body())
                .setParameter("id", claim.id()).setParameter("token", claim.token())
                .executeUpdate();
    }

    @Scheduled(every = "${portal.idempotency.purge-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purgeOnSchedule() {
        purge();
    }

    /** Deletes the keys older than {@link #RETENTION}; every instance may run it, in any order. */
    public int purge() {
        Instant before = clock.now().minus(RETENTION);
        int purged = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "delete from IdempotencyRecord r where r.createdAt < :before")
                .setParameter("before", before).executeUpdate());
        if (purged > 0) {
            LOG.infof("Purged %d Idempotency-Keys older than %s", purged, RETENTION);
        }
        return purged;
    }

    private static ProblemException inUse() {
        return new ProblemException(ErrorCode.IDEMPOTENCY_KEY_IN_USE, "A request with this Idempotency-Key is still "
                + "running. Retry after it has finished to get its answer.").withHeader("Retry-After", "1");
    }
}
