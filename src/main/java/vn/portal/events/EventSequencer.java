package vn.portal.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import vn.portal.common.config.PortalConfig;
import vn.portal.common.time.PortalClock;

/**
 * Gives committed events their place in the feed, so that reading from a cursor never skips or
 * repeats one, however the writes' transactions commit.
 *
 * <p>An id taken at insert time is not a feed position: a transaction that took id 10 may commit
 * after one that took id 11, and after a reader has read past 11. So the feed is ordered by a
 * second number, {@code feed_position}, that only this sequencer gives, and only to events it sees
 * committed: one run at a time, across threads and instances, because each run first locks the one
 * row of {@code event_sequence} ({@code select … for update}) and holds it until it commits. A run
 * reads the head from that row, numbers the committed events that have no position yet (an event
 * whose transaction is still open is invisible to it, and is numbered by a later run once it
 * commits), moves the head and commits positions and head together. Runs therefore commit in the
 * order of their positions, and every position up to a committed head is committed: the feed is
 * a prefix that only grows at its end. A reader reads the head first and then only events at or
 * below it, so it never sees position n+1 without n, and a cursor (the last position read) is
 * never passed by an event that commits later. This holds on H2 and PostgreSQL at READ COMMITTED,
 * across restarts (positions are stored) and with several instances (the lock is the database's).
 *
 * <p>Writes pay nothing for it: an event is one insert, without a feed lock. The sequencer runs
 * every second ({@code portal.events.sequence-every}) and before each read of the feed, each time
 * after a look without the lock for events that wait (so a quiet feed takes no lock).
 */
@ApplicationScoped
public class EventSequencer {

    private static final Logger LOG = Logger.getLogger(EventSequencer.class);

    /** The most events one run numbers; the next run takes the rest. */
    static final int BATCH = 1000;

    @Inject
    EntityManager em;

    @Inject
    PortalClock clock;

    @Inject
    PortalConfig config;

    @Scheduled(every = "${portal.events.sequence-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sequenceOnSchedule() {
        catchUp();
    }

    /**
     * Numbers the committed events that wait for a position, in runs of their own, when there are any
     * (a look without the lock first, so that readers of a quiet feed do not queue), until a run
     * finds fewer than {@link #BATCH}.
     */
    public void catchUp() {
        boolean waiting = QuarkusTransaction.requiringNew().call(() -> !em.createQuery(
                "select e.id from Event e where e.position is null", Long.class).setMaxResults(1).getResultList().isEmpty());
        if (waiting) {
            // run after run while they fill up: a burst of more than one run's worth is numbered in full
            int numbered;
            do {
                numbered = sequence();
            } while (numbered == BATCH);
        }
    }

    /**
     * One run: numbers up to {@link #BATCH} committed events without a position, oldest id first, in
     * one JDBC batch; returns how many. Its statements: the lock ({@code select … for update}), the
     * select of the waiting ids, the batch of updates, and the head's update (none when nothing waits).
     */
    public int sequence() {
        return QuarkusTransaction.requiringNew().call(() -> {
            EventSequence head = lock();
            List<Long> waiting = em.createQuery("select e.id from Event e where e.position is null order by e.id",
                    Long.class).setMaxResults(BATCH).getResultList();
            long first = head.lastPosition + 1;
            // one JDBC batch: one round trip however many events the run numbers
            em.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement number = connection.prepareStatement(
                        "update feed_event set feed_position = ? where id = ?")) {
                    for (int i = 0; i < waiting.size(); i++) {
                        number.setLong(1, first + i);
                        number.setLong(2, waiting.get(i));
                        number.addBatch();
                    }
                    number.executeBatch();
                }
            });
            head.lastPosition = first - 1 + waiting.size();
            return waiting.size();
        });
    }

    @Scheduled(every = "${portal.events.purge-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purgeOnSchedule() {
        purge();
    }

    /**
     * Removes the oldest events, those before the first one younger than {@code portal.events.retention},
     * and remembers the last position removed: a cursor below it is expired. Only a prefix of the
     * feed goes, so every event kept is at least as young as the retention.
     */
    public int purge() {
        Instant cutoff = clock.now().minus(config.events().retention());
        int purged = QuarkusTransaction.requiringNew().call(() -> {
            EventSequence head = lock();
            Long firstKept = em.createQuery("select min(e.position) from Event e where e.position > :purged "
                    + "and e.occurredAt >= :cutoff", Long.class).setParameter("purged", head.purgedThrough)
                    .setParameter("cutoff", cutoff).getSingleResult();
            long through = firstKept == null ? head.lastPosition : firstKept - 1;
            if (through <= head.purgedThrough) {
                return 0;
            }
            int removed = em.createQuery("delete from Event e where e.position > :purged and e.position <= :through")
                    .setParameter("purged", head.purgedThrough).setParameter("through", through).executeUpdate();
            head.purgedThrough = through;
            return removed;
        });
        if (purged > 0) {
            LOG.infof("Purged %d events older than %s", purged, config.events().retention());
        }
        return purged;
    }

    /** The sequencer's mutex: the one row, locked until the transaction ends. */
    private EventSequence lock() {
        return em.find(EventSequence.class, EventSequence.ONLY, LockModeType.PESSIMISTIC_WRITE);
    }
}
