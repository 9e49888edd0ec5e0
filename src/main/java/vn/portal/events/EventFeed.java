package vn.portal.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import vn.portal.access.Access;
import vn.portal.common.problem.ErrorCode;
import vn.portal.common.problem.ProblemException;
import vn.portal.common.write.ChangeTypes;

/**
 * Reads the change feed from a position, as the caller may see it: ADMIN every event, AUDITOR
 * every event but webhooks' (which only ADMIN reads), anyone else those of the subcommittees they
 * are an active member of (a user's events, which belong to no subcommittee, only the former).
 */
@ApplicationScoped
public class EventFeed {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    Access access;

    /**
     * The events after {@code after} (null: from the oldest kept), at most {@code limit}. The head
     * is read first and nothing beyond it is read (see {@link EventSequencer} for why that is a
     * committed prefix); when fewer than {@code limit} visible events were there, {@code next} is
     * the head, so a caller's cursor moves past the events they may not see instead of reading them
     * again at every poll.
     */
    @Transactional
    public FeedView read(Long after, int limit) {
        long head = scalar("lastPosition");
        long from = after != null ? after : scalar("purgedThrough");
        if (after != null && after > head) {
            throw ProblemException.invalid("after", "is not a cursor of this feed");
        }
        Set<Long> visible = access.visibleSubcommittees();
        // an AUDITOR sees every event but those of what only ADMIN reads (webhooks); a member sees none of them
        // anyway (they belong to no subcommittee)
        boolean everything = visible == null && access.caller().isAdmin();
        List<Event> events = visible != null && visible.isEmpty() ? List.of()
                : events(from, head, visible, everything ? Set.of() : ChangeTypes.adminOnlyEntityTypes(), limit);
        // read after the events: had a purge removed any of those after the cursor, it shows here
        if (after != null && after < scalar("purgedThrough")) {
            throw new ProblemException(ErrorCode.CURSOR_EXPIRED, "This cursor is older than the events kept; read "
                    + "the feed again from its start (without after) and reconcile from the objects themselves.");
        }
        long next = events.size() < limit ? head : events.get(events.size() - 1).position;
        return new FeedView(events.stream().map(this::view).toList(), EventCursor.of(next));
    }

    /** An event and its place in the feed. */
    public record Committed(long position, EventView event) {
    }

    /** The feed's head: the last position given, every one up to it committed. */
    @Transactional
    public long head() {
        return scalar("lastPosition");
    }

    /**
     * Every event after {@code after}, whoever may see it, at most {@code limit}: what the service
     * itself hands on (to webhooks, which ADMIN registers). Read as {@link #read} reads, up to the head.
     */
    @Transactional
    public List<Committed> committedAfter(long after, int limit) {
        long head = scalar("lastPosition");
        return events(after, head, null, Set.of(), limit).stream().map(e -> new Committed(e.position, view(e))).toList();
    }

    private List<Event> events(long from, long head, Set<Long> visible, Set<String> hidden, int limit) {
        TypedQuery<Event> query = em.createQuery("select e from Event e where e.position > :from and e.position <= :head"
                + (visible == null ? "" : " and e.subcommitteeId in :visible")
                + (hidden.isEmpty() ? "" : " and e.entityType not in :hidden") + " order by e.position", Event.class)
                .setParameter("from", from).setParameter("head", head).setMaxResults(limit);
        if (visible != null) {
            query.setParameter("visible", visible);
        }
        if (!hidden.isEmpty()) {
            query.setParameter("hidden", hidden);
        }
        return query.getResultList();
    }

    private long scalar(String field) {
        return em.createQuery("select s." + field + " from EventSequence s where s.id = :id", Long.class)
                .setParameter("id", EventSequence.ONLY).getSingleResult();
    }

    private EventView view(Event event) {
        try {
            return new EventView(event.id, event.type, event.entityType, event.entityId, event.subcommitteeId,
                    event.actor, event.occurredAt, mapper.readTree(event.data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + event.id + " holds JSON the outbox itself wrote", e);
        }
    }
}
