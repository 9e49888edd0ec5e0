package vn.portal.milestone;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;
import vn.portal.common.config.PortalConfig;
import vn.portal.common.persistence.Changes;
import vn.portal.common.time.PortalClock;
import vn.portal.common.write.Written;
import vn.portal.events.EventOutbox;

/**
 * Writes the deadline reminders into the change feed: {@code milestone.due_soon} once today (in
 * Asia/Ho_Chi_Minh) is within {@code portal.events.due-soon-days} days before a milestone's due day,
 * the due day included, and {@code milestone.overdue} once it is past; neither for a DONE or CANCELLED
 * milestone, and only {@code overdue} for one first seen after its due day.
 *
 * <p>Each reminder goes out once per milestone, kind and due date, however many instances run the
 * job: its claim, a row of {@code milestone_reminder} keyed by the three, is inserted in the same
 * transaction as its event, one milestone a transaction. Of two runs that remind of the same
 * milestone at once, the second one's insert fails on the key (on PostgreSQL once the first has
 * committed), its transaction and so its event roll back, and it goes on with the next milestone. A
 * changed due date is a new key: the milestone is reminded of again.
 *
 * <p>The event goes through the outbox like any change's, so the feed's visibility and shape hold for
 * it: {@code data} is the milestone as its {@code GET} shows it, the actor {@value #ACTOR}. It is not a
 * change of the milestone, so it has no audit entry and leaves its version alone.
 */
@ApplicationScoped
public class MilestoneReminders {

    private static final Logger LOG = Logger.getLogger(MilestoneReminders.class);

    /** The actor of a reminder's event: no user made it. */
    public static final String ACTOR = "system";

    /** How many candidate milestones one query reads; the scan goes on from the last one's id. */
    static final int BATCH = 500;

    private static final List<MilestoneStatus> OPEN = Arrays.stream(MilestoneStatus.values())
            .filter(status -> !status.isClosed()).toList();

    @Inject
    EntityManager em;

    @Inject
    PortalClock clock;

    @Inject
    PortalConfig config;

    @Inject
    EventOutbox outbox;

    @Scheduled(every = "${portal.events.reminders-every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void remindOnSchedule() {
        int sent = remind();
        if (sent > 0) {
            LOG.infof("Sent %d deadline reminders", sent);
        }
    }

    /** One run over every milestone that is due a reminder today; returns how many it sent. */
    public int remind() {
        return remind(BATCH);
    }

    /** One run, reading {@code batch} candidates at a time. */
    int remind(int batch) {
        LocalDate today = clock.today();
        int sent = 0;
        long after = 0;
        while (true) {
            List<Long> candidates = candidates(today, after, batch);
            for (long id : candidates) {
                if (send(id, today)) {
                    sent++;
                }
            }
            if (candidates.size() < batch) {
                return sent;
            }
            after = candidates.get(candidates.size() - 1);
        }
    }

    /**
     * The ids after {@code after} of the open milestones due by the last due-soon day whose reminder
     * for today (overdue once past the due day, due_soon before) was not sent for their due date.
     */
    private List<Long> candidates(LocalDate today, long after, int batch) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("select m.id from Milestone m "
                + "where m.status in :open and m.dueOn <= :last and m.id > :after and not exists ("
                + "select 1 from MilestoneReminder r where r.milestoneId = m.id and r.dueOn = m.dueOn "
                + "and r.kind = case when m.dueOn < :today then 'overdue' else 'due_soon' end) order by m.id", Long.class)
                .setParameter("open", OPEN).setParameter("last", today.plusDays(config.events().dueSoonDays()))
                .setParameter("after", after).setParameter("today", today).setMaxResults(batch).getResultList());
    }

    /**
     * Claims and writes one milestone's reminder in a transaction of its own, as the milestone is
     * now (it may have changed since the scan); false when none is due or another run has it.
     */
    private boolean send(long id, LocalDate today) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                // locked: a change committing meanwhile (DONE, a new due date) comes after this reminder, not before it
                Milestone milestone = em.find(Milestone.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
                String kind = milestone == null ? null : kindOf(milestone, today);
                if (kind == null) {
                    return false;
                }
                MilestoneReminder.Key key = new MilestoneReminder.Key(id, milestone.dueOn, kind);
                if (em.find(MilestoneReminder.class, key) != null) {
                    return false;
                }
                // the claim first: a run that lost the race fails here, before its event is written
                em.persist(new MilestoneReminder(key, clock.now()));
                em.flush();
                MilestoneView view = MilestoneView.of(milestone, today);
                Changes changes = new Changes();
                changes.by(ACTOR);
                outbox.record(new Written(kind, MilestoneService.ENTITY, id, milestone.subcommitteeId, view, view,
                        changes));
                return true;
            });
        } catch (RuntimeException e) {
            if (lostTheClaim(e)) {
                LOG.debugf("Milestone %d: another run sent its reminder first", id);
            } else {
                LOG.warnf(e, "Milestone %d: its deadline reminder could not be sent; the next run tries again", id);
            }
            return false;
        }
    }

    /** overdue once past the due day; due_soon within the days before it; else none (or closed). */
    private String kindOf(Milestone milestone, LocalDate today) {
        if (milestone.status.isClosed()) {
            return null;
        }
        if (today.isAfter(milestone.dueOn)) {
            return MilestoneReminder.OVERDUE;
        }
        boolean soon = !today.isBefore(milestone.dueOn.minusDays(config.events().dueSoonDays()));
        return soon ? MilestoneReminder.DUE_SOON : null;
    }

    /**
     * Whether the claim's insert failed because another run holds the same key, or because the
     * milestone was deleted meanwhile: nothing to send either way.
     */
    private static boolean lostTheClaim(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConstraintViolationException violation) {
                String text = (violation.getConstraintName() + " " + violation.getSQLException().getMessage())
                        .toLowerCase(Locale.ROOT);
                // pk_milestone_reminder, fk_milestone_reminder_milestone (H2 names the table in its message)
                return text.contains("milestone_reminder");
            }
        }
        return false;
    }
}
